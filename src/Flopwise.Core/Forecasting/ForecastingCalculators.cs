using Flopwise.Calculators;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>The declarations of the forecasting calculators: <c>copies</c>, <c>human</c> and <c>history</c>.</summary>
public static class ForecastingCalculators
{
    /// <summary>The compute range the copies plot covers when no sweep is given.</summary>
    public const string DefaultPlotRange = "1e24:1e34";

    private const string CopiesTitle = "Copies after training (seed 000)";

    /// <summary>Gets <c>copies</c>: the copies-after-training model of seed 000, with a sweep by decade and a plot.</summary>
    public static Calculator Copies { get; } = new()
    {
        Name = "copies",
        Title = CopiesTitle,
        Summary = "A training run of C FLOP: how big a model (C = 3·h·k·m·p²), and how many copies of it the cluster can run once training ends.",
        Description = "A training run of C FLOP: how big a model (C = 3·h·k·m·p²), and how many copies can its cluster run "
            + "after training? (seed 000)",
        Group = CalculatorGroup.Forecast,
        Fields =
        [
            .. Field.Numbers(CopiesInputs.All, distribution: true),
            new Field
            {
                Name = "sweep",
                Kind = FieldKind.Sweep,
                Label = "Sweep of compute, FROM:TO FLOP (instead of compute)",
                Description = "Evaluate one row per decade of training compute from FROM to TO FLOP (at most 200 rows), instead of {=compute}.",
                HelpName = "FROM:TO",
                Advanced = true,
            },
        ],
        TakesDistributions = true,
        Csv = true,
        PlotDescription = "Draw parameters and parallel tasks against compute (log–log) to FILE.svg or FILE.png; "
            + $"without {{=sweep}} the plot covers {DefaultPlotRange} FLOP.",
        PlotWhen = "always",
        Primary = ["compute"],
        Evaluate = EvaluateCopies,
    };

    /// <summary>Gets <c>human</c>: expert hours, energy and tokens in human terms (seeds 004 and 001).</summary>
    public static Calculator Human { get; } = new()
    {
        Name = "human",
        Title = "Human equivalents (seeds 004 and 001)",
        Summary = "How many FLOP is an expert-hour, how big must a single-pass model be for a task, and how long would an agent take?",
        Description = "How many FLOP is an expert-hour? How big must a single-pass model be for a task, and how long would an "
            + "agent take? Also energy in brain-years and tokens in reading-years. Give at least one of "
            + "{=task-hours}, {=calendar-years}, {=energy-kwh}, {=tokens}. (seeds 004, 001)",
        Group = CalculatorGroup.Forecast,
        Fields = Field.Numbers(HumanInputs.All, distribution: true),
        TakesDistributions = true,
        Primary = ["task-hours", "calendar-years", "energy-kwh", "tokens"],
        Evaluate = static inputs =>
        {
            inputs.Complete();
            return inputs.MonteCarlo(static v => CalculationOutcome.Widen(HumanEquivalents.Evaluate(HumanRequest.From(v))))
                ?? CalculatorAnswer.Single("Human equivalents (seeds 004 and 001)", InputErrorsException.Unwrap(HumanEquivalents.Evaluate(HumanRequest.From(inputs.Values))));
        },
    };

    /// <summary>Gets <c>history</c>: where a training compute sits among Epoch AI's models, or the largest N.</summary>
    public static Calculator History { get; } = new()
    {
        Name = "history",
        Title = "Where a training compute sits among the models trained so far",
        Summary = "Where a training compute sits among the models trained so far, and when the frontier trend reaches it.",
        Description = "Place a training compute among the models of Epoch AI's database: how many used more, the models just below "
            + "and above, the largest, and when the frontier trend reaches it; or list the largest models ({=top} N).",
        Group = CalculatorGroup.Forecast,
        Fields = Field.Numbers(HistoryInputs.All),
        Csv = true,
        PlotDescription = "Draw the models' training compute against publication date since 2010, the frontier trend "
            + "and C, to FILE.svg or FILE.png.",
        PlotWhen = "always",
        Primary = ["compute", "top"],
        Evaluate = EvaluateHistory,
    };

    private static CalculatorAnswer EvaluateCopies(CalculatorInputs inputs)
    {
        string? sweepText = inputs.Text("sweep");
        inputs.Complete();
        inputs.RejectWithDistribution("sweep", sweepText);
        if (inputs.MonteCarlo(static v => CalculationOutcome.Widen(CopiesModel.Evaluate(CopiesRequest.From(v)))) is CalculatorAnswer sampled)
        {
            return sampled;
        }

        var request = CopiesRequest.From(inputs.Values);
        if (sweepText is not null)
        {
            if (request.Compute is not null)
            {
                throw new InputErrorsException(new FieldError("sweep", "cannot be combined with {=compute}", sweepText, "either {=compute} C or {=sweep} FROM:TO"));
            }

            CopiesSweep swept = Sweep(request, "sweep", sweepText);
            return CalculatorAnswer.Table(CopiesTitle, swept.Rows, swept.Assumptions, () => CopiesModel.Chart(swept.Rows));
        }

        CopiesResult result = InputErrorsException.Unwrap(CopiesModel.Evaluate(request));
        return CalculatorAnswer.Single(CopiesTitle, result, () =>
        {
            IReadOnlyList<CopiesResult> rows = Sweep(request with { Compute = null }, "plot", DefaultPlotRange).Rows;
            return CopiesModel.Chart(rows, $"no sweep given: plotted {DefaultPlotRange} FLOP");
        });
    }

    private static CopiesSweep Sweep(CopiesRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw new InputErrorsException(error!);
        return InputErrorsException.Unwrap(CopiesModel.Sweep(request, sweep));
    }

    private static CalculatorAnswer EvaluateHistory(CalculatorInputs inputs)
    {
        inputs.Complete();
        var request = HistoryRequest.From(inputs.Values);
        if (request.Top is double top)
        {
            if (request.Compute is double compute)
            {
                throw new InputErrorsException(new FieldError(
                    "top",
                    "cannot be combined with {=compute}",
                    $"{{=compute}} {InputSpec.Format(compute)} {{=top}} {InputSpec.Format(top)}",
                    "either {=compute} C or {=top} N"));
            }

            HistoryListing listing = InputErrorsException.Unwrap(ModelHistory.Largest(request));
            return CalculatorAnswer.Table(
                "Models with the most training compute",
                listing.Rows,
                listing.Assumptions,
                () => throw new InputErrorsException(new FieldError("plot", "draws a placement, not a list", "{=top} " + InputSpec.Format(top), "{=compute} C with {=plot}")));
        }

        HistoryResult result = InputErrorsException.Unwrap(ModelHistory.Evaluate(request));
        return CalculatorAnswer.Single("Where a training compute sits among the models trained so far", result, () => ModelHistory.Chart(result, ModelTable.Epoch));
    }
}
