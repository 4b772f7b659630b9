using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Forecasting;
using Flopwise.Inputs;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise history</c>: where a training compute sits among the models trained so far (Epoch AI's table).</summary>
internal static class HistoryCommand
{
    public const string Name = "history";

    public const string Description =
        "Place a training compute among the models of Epoch AI's database: how many used more, the models just below "
        + "and above, the largest, and when the frontier trend reaches it; or list the largest models (--top N).";

    public static void Configure(Command command, CliContext context)
    {
        var inputs = new InputOptions(command, HistoryInputs.All);
        var output = new OutputOptions(
            command,
            csv: true,
            plotDescription: "Draw the models' training compute against publication date since 2010, the frontier trend "
                + "and C, to FILE.svg or FILE.png.");
        command.SetAction(parse => Run(context, parse, inputs, output));
    }

    private static int Run(CliContext context, ParseResult parse, InputOptions inputs, OutputOptions output)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        var request = HistoryRequest.From(inputs.Collect(parse));
        if (request.Top is double top)
        {
            if (request.Compute is double compute)
            {
                string got = $"--compute {InputSpec.Format(compute)} --top {InputSpec.Format(top)}";
                throw new UsageException(ErrorText.ForOption("--top", "cannot be combined with --compute", got, "either --compute C or --top N"));
            }

            if (plotPath is not null)
            {
                throw new UsageException(ErrorText.ForOption("--plot", "draws a placement, not a list", "--top " + InputSpec.Format(top), "--compute C with --plot"));
            }

            HistoryListing listing = CommandOutput.Unwrap(ModelHistory.Largest(request));
            CommandOutput.WriteRows(context, format, "Models with the most training compute", listing.Rows, listing.Assumptions);
            return CliApp.Ok;
        }

        HistoryResult result = CommandOutput.Unwrap(ModelHistory.Evaluate(request));
        if (plotPath is not null)
        {
            CommandOutput.SavePlot(context, format, ModelHistory.Chart(result, ModelTable.Epoch), plotPath);
        }

        CommandOutput.Write(context, format, "Where a training compute sits among the models trained so far", result);
        return CliApp.Ok;
    }
}
