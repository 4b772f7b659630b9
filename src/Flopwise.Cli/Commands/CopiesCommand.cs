using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise copies</c>: the copies-after-training model of seed 000.</summary>
internal static class CopiesCommand
{
    private const string Title = "Copies after training (seed 000)";
    private const string DefaultPlotRange = "1e24:1e34";

    public const string Name = "copies";

    public const string Description =
        "A training run of C FLOP: how big a model (C = 3·h·k·m·p²), and how many copies can its cluster run "
        + "after training? (seed 000)";

    public static void Configure(Command command, CliContext context)
    {
        var inputs = new InputOptions(command, CopiesInputs.All);
        var sweep = new Option<string>("--sweep")
        {
            Description = "Evaluate one row per decade of training compute from FROM to TO FLOP (at most 200 rows), "
                + "instead of --compute.",
            HelpName = "FROM:TO",
        };
        command.Add(sweep);
        var uncertainty = new UncertaintyOptions(command);
        var output = new OutputOptions(
            command,
            csv: true,
            plotDescription: "Draw parameters and parallel tasks against compute (log–log) to FILE.svg or FILE.png; "
                + $"without --sweep the plot covers {DefaultPlotRange} FLOP.");
        command.SetAction(parse => Run(context, parse, inputs, sweep, output, uncertainty));
    }

    private static int Run(CliContext context, ParseResult parse, InputOptions inputs, Option<string> sweepOption, OutputOptions output, UncertaintyOptions uncertainty)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
        string? sweepText = parse.GetValue(sweepOption);
        UncertaintyOptions.Reject(uncertain, "--sweep", sweepText);

        if (uncertainty.TryRun(context, format, plotPath, Title, parse, values, uncertain, v => CalculationOutcome.Widen(CopiesModel.Evaluate(CopiesRequest.From(v)))))
        {
            return CliApp.Ok;
        }

        var request = CopiesRequest.From(values);
        if (sweepText is not null)
        {
            if (request.Compute is not null)
            {
                throw new UsageException(ErrorText.ForOption("--sweep", "cannot be combined with --compute", sweepText, "either --compute C or --sweep FROM:TO"));
            }

            CopiesSweep swept = Sweep(request, "sweep", sweepText);
            if (plotPath is not null)
            {
                CommandOutput.SavePlot(context, format, CopiesModel.Chart(swept.Rows), plotPath);
            }

            CommandOutput.WriteRows(context, format, Title, swept.Rows, swept.Assumptions);
            return CliApp.Ok;
        }

        CopiesResult result = CommandOutput.Unwrap(CopiesModel.Evaluate(request));
        if (plotPath is not null)
        {
            IReadOnlyList<CopiesResult> plotRows = Sweep(request with { Compute = null }, "plot", DefaultPlotRange).Rows;
            string note = $"no --sweep given: plotted {DefaultPlotRange} FLOP";
            CommandOutput.SavePlot(context, format, CopiesModel.Chart(plotRows, note), plotPath);
        }

        CommandOutput.Write(context, format, Title, result);
        return CliApp.Ok;
    }

    private static CopiesSweep Sweep(CopiesRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw UsageException.From(error!);
        return CommandOutput.Unwrap(CopiesModel.Sweep(request, sweep));
    }
}
