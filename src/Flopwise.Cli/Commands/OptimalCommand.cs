using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise optimal</c>: the compute-optimal parameters and tokens of a training budget under a scaling law.</summary>
internal static class OptimalCommand
{
    private const string Title = "Compute-optimal allocation";
    private const string DefaultPlotRange = "1e18:1e28";

    public const string Name = "optimal";

    public const string Description =
        "Split a training budget of --compute C FLOP into parameters and tokens under a scaling law (default epoch); with "
        + "--unique-tokens U, the data-constrained allocation (Muennighoff et al. 2023) when data must be repeated.";

    public static void Configure(Command command, CliContext context)
    {
        var law = new LawOptions(command);
        var inputs = new InputOptions(command, ScalingInputs.OptimalInputs);
        var sweep = new Option<string>("--sweep")
        {
            Description = "Evaluate one row per decade of training compute from FROM to TO FLOP (at most 200 rows), instead of --compute.",
            HelpName = "FROM:TO",
        };
        command.Add(sweep);
        var output = new OutputOptions(
            command,
            csv: true,
            plotDescription: "Draw the frontier (parameters and tokens against compute, log–log) to FILE.svg or FILE.png, and, where "
                + $"the law predicts a loss, the loss against compute to FILE-loss.svg/.png; without --sweep the plot covers {DefaultPlotRange} FLOP.");
        var uncertainty = new UncertaintyOptions(command);
        command.SetAction(parse => Run(context, parse, law, inputs, sweep, output, uncertainty));
    }

    private static int Run(CliContext context, ParseResult parse, LawOptions lawOptions, InputOptions inputs, Option<string> sweepOption, OutputOptions output, UncertaintyOptions uncertainty)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
        OptimalRequest request = OptimalRequest.From(values);
        var notes = new List<Assumption>();
        bool repeated = request.UniqueTokens is not null || uncertain.Any(u => u.Spec == ScalingInputs.UniqueTokens);
        ScalingLaw law = lawOptions.Resolve(
            parse,
            notes,
            repeated ? LawCatalog.DataConstrainedLawId : LawCatalog.DefaultLawId,
            repeated ? "No --law given: the data-constrained law, since --unique-tokens was given." : null);
        Func<InputValues, ScalingLaw>? pick = lawOptions.Mixture(parse, notes, ref uncertain);
        request = request with { Law = law, Notes = notes };
        string? sweepText = parse.GetValue(sweepOption);
        UncertaintyOptions.Reject(uncertain, "--sweep", sweepText);
        if (uncertainty.TryRun(context, format, plotPath, $"{Title} ({lawOptions.Label(parse, law)})", parse, values, uncertain, v => CalculationOutcome.Widen(OptimalAllocation.Evaluate(OptimalRequest.From(v) with { Law = pick?.Invoke(v) ?? law, Notes = notes }))))
        {
            return CliApp.Ok;
        }

        if (sweepText is not null)
        {
            if (request.Compute is not null)
            {
                throw new UsageException(ErrorText.ForOption("--sweep", "cannot be combined with --compute", sweepText, "either --compute C or --sweep FROM:TO"));
            }

            OptimalSweep swept = Sweep(request, "sweep", sweepText);
            if (plotPath is not null)
            {
                SavePlots(context, format, swept.Rows, plotPath, null);
            }

            LawOutput.WriteRows(context, format, $"{Title} ({law.Id})", swept.Rows.Select(r => (ICalculationResult)new Row(r)).ToList(), swept.Assumptions, law);
            return CliApp.Ok;
        }

        OptimalResult result = CommandOutput.Unwrap(OptimalAllocation.Evaluate(request));
        if (plotPath is not null)
        {
            IReadOnlyList<OptimalResult> plotRows = Sweep(request with { Compute = null }, "plot", DefaultPlotRange).Rows;
            SavePlots(context, format, plotRows, plotPath, $"no --sweep given: plotted {DefaultPlotRange} FLOP");
        }

        LawOutput.Write(context, format, Title, result, law);
        return CliApp.Ok;
    }

    private static void SavePlots(CliContext context, OutputFormat format, IReadOnlyList<OptimalResult> rows, string plotPath, string? note)
    {
        CommandOutput.SavePlot(context, format, OptimalAllocation.FrontierChart(rows, note), plotPath);
        Chart? loss = OptimalAllocation.LossChart(rows, note);
        if (loss is not null)
        {
            string lossPath = Path.Combine(Path.GetDirectoryName(plotPath) ?? string.Empty, Path.GetFileNameWithoutExtension(plotPath) + "-loss" + Path.GetExtension(plotPath));
            CommandOutput.SavePlot(context, format, loss, lossPath);
        }
    }

    private static OptimalSweep Sweep(OptimalRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw UsageException.From(error!);
        return CommandOutput.Unwrap(OptimalAllocation.Sweep(request, sweep, field));
    }

    /// <summary>A sweep row without the law's constants (stated once, in the top-level <c>law</c> object).</summary>
    private sealed class Row(OptimalResult result) : ICalculationResult
    {
        public IReadOnlyList<ResultField> Fields => result.AllocationFields;

        public IReadOnlyList<Assumption> Assumptions => result.Assumptions;

        public IReadOnlyList<MissingField> Missing => result.Missing;
    }
}
