using System.Text.Json.Nodes;
using Flopwise.Calculators;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The declarations of the scaling-law calculators: <c>loss</c> and the preset listing <c>laws</c>.</summary>
public static class ScalingCalculators
{
    /// <summary>The compute range of the isoFLOP curves when no <c>compute-range</c> is given.</summary>
    public const string DefaultLossRange = "1e18:1e24";

    private const string LossTitle = "Predicted loss";

    /// <summary>The budget at which the listing shows tokens per parameter: Chinchilla's 6·70e9·1.4e12 FLOP.</summary>
    private const double ChinchillaCompute = 5.88e23;

    /// <summary>Gets <c>loss</c>: the loss a law predicts for N parameters on D tokens (U unique), and isoFLOP curves.</summary>
    public static Calculator Loss { get; } = new()
    {
        Name = "loss",
        Title = LossTitle,
        Summary = "The loss a scaling law predicts for N parameters trained on D tokens (U unique), and isoFLOP curves.",
        Description = "The loss a scaling law predicts for a model of {=params} N trained on {=tokens} D (with {=unique-tokens} U: repeated "
            + "data, Muennighoff et al. 2023); with {=plot}, isoFLOP curves (loss against N at fixed compute, one per decade).",
        Group = CalculatorGroup.Forecast,
        Fields =
        [
            .. LawFields.All,
            .. Field.Numbers(ScalingInputs.LossInputs),
            new Field
            {
                Name = "compute-range",
                Kind = FieldKind.Sweep,
                Label = "Compute range of the isoFLOP curves, FROM:TO FLOP",
                Description = $"With {{=plot}}: one isoFLOP curve per decade of compute from FROM to TO FLOP (at most 200). Default {DefaultLossRange}.",
                HelpName = "FROM:TO",
                Advanced = true,
            },
        ],
        Csv = true,
        PlotDescription = "Draw isoFLOP curves (loss against N at fixed C = 6·N·D, one per decade of {=compute-range}) to FILE.svg "
            + "or FILE.png; without {=params} and {=tokens} the curves' minima are written as rows.",
        PlotWhen = "always",
        Primary = ["params", "tokens", "law"],
        Evaluate = EvaluateLoss,
    };

    /// <summary>Gets <c>laws</c>: the scaling-law presets with their form, constants, tokens per parameter at Chinchilla's budget and sources.</summary>
    public static Calculator Laws { get; } = new()
    {
        Name = "laws",
        Title = "Scaling-law presets",
        Summary = "The scaling-law presets with their form, constants, tokens per parameter at Chinchilla's budget (5.88e23 FLOP) and sources.",
        Description = "List the scaling-law presets (for {=law}) with their form, constants, tokens per parameter at Chinchilla's "
            + "budget (5.88e23 FLOP) and sources.",
        Group = CalculatorGroup.Forecast,
        Fields = [],
        Evaluate = static _ => CalculatorAnswer.Table(
            "Scaling-law presets",
            [.. LawCatalog.Default.All.Select(l => (ICalculationResult)new LawRow(l))],
            [
                new Assumption
                {
                    Name = "defaultLaw",
                    IsDefault = true,
                    Label = "Default law",
                    Text = LawCatalog.DefaultLawId + " (" + LawCatalog.DataConstrainedLawId + " when unique tokens are given)",
                    Description = "D/N at 5.88e23 FLOP; Kaplan's N is non-embedding and its D/N not comparable. Sources and notes in the JSON answer.",
                },
            ],
            json: LawsJson),
    };

    private static string LawsJson()
    {
        var rows = new JsonArray();
        foreach (ScalingLaw law in LawCatalog.Default.All)
        {
            JsonObject row = LawJson.LawObject(law, null);
            row["aliases"] = new JsonArray([.. law.Aliases.Select(a => (JsonNode?)JsonValue.Create(a))]);
            row["notes"] = law.Notes;
            Allocation at = OptimalAllocation.Compute(law, ChinchillaCompute);
            row["tokensPerParameterAtChinchillaCompute"] = at.TokensPerParameter;
            rows.Add(row);
        }

        return ResultJson.WriteWithProvenance(new JsonObject { ["rows"] = rows });
    }

    private static CalculatorAnswer EvaluateLoss(CalculatorInputs inputs)
    {
        LossRequest request = LossRequest.From(inputs.Values);
        string? rangeText = inputs.Text("compute-range");
        if (rangeText is not null && !inputs.Plotting)
        {
            inputs.Add(new FieldError("compute-range", "needs {=plot}", rangeText, "{=plot} FILE.svg with {=compute-range} FROM:TO"));
        }

        var notes = new List<Assumption>();
        bool repeated = request.UniqueTokens is not null;
        ScalingLaw? law = LawFields.Resolve(
            inputs,
            notes,
            "loss",
            repeated ? LawCatalog.DataConstrainedLawId : LawCatalog.DefaultLawId,
            repeated ? LawFields.RepeatedReason : null);
        inputs.Complete();
        request = request with { Law = law, Notes = notes };

        IsoFlopCurves Curves()
        {
            GeometricSweep sweep = GeometricSweep.Parse("compute-range", rangeText ?? DefaultLossRange, out FieldError? error) ?? throw new InputErrorsException(error!);
            return InputErrorsException.Unwrap(LossCalculator.IsoFlop(law!, sweep, request.UniqueTokens, notes));
        }

        Chart Plot(IsoFlopCurves curves) =>
            rangeText is null ? curves.Chart with { Note = $"no compute range given: plotted {DefaultLossRange} FLOP" } : curves.Chart;

        if (inputs.Plotting && request.Parameters is null && request.Tokens is null)
        {
            IsoFlopCurves curves = Curves();
            return CalculatorAnswer.Table(
                $"Minima of the isoFLOP curves ({law!.Id})",
                [.. curves.Rows],
                curves.Assumptions,
                () => Plot(curves),
                () => LawJson.WriteRows([.. curves.Rows], curves.Assumptions, law));
        }

        LossResult result = InputErrorsException.Unwrap(LossCalculator.Evaluate(request));
        return CalculatorAnswer.Single(LossTitle, result, () => Plot(Curves()), () => LawJson.Write(result, law!));
    }

    /// <summary>One preset of the listing: id, form, constants, and D/N and loss at Chinchilla's budget.</summary>
    private sealed class LawRow(ScalingLaw law) : ICalculationResult
    {
        public IReadOnlyList<ResultField> Fields { get; } = Row(law);

        public IReadOnlyList<Assumption> Assumptions => [];

        public IReadOnlyList<MissingField> Missing => [];

        private static List<ResultField> Row(ScalingLaw law)
        {
            Allocation at = OptimalAllocation.Compute(law, ChinchillaCompute);
            return
            [
                ResultField.Word("id", "id", law.Id),
                ResultField.Word("form", "form", LawConstants.FormName(law.Form) + (law.IsDerived ? " (derived)" : string.Empty)),
                ResultField.Word("constants", "constants", law.Form.Summary(law)),
                new ResultField("tokensPerParameter", "D/N @5.88e23", at.TokensPerParameter, string.Empty),
                at.Loss is double loss ? new ResultField("loss", "L @5.88e23", loss, string.Empty) : ResultField.Word("loss", "L @5.88e23", "–"),
            ];
        }
    }
}
