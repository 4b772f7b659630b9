using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise human</c>: expert hours, energy and tokens in human terms (seeds 004 and 001).</summary>
internal static class HumanCommand
{
    private const string Title = "Human equivalents (seeds 004 and 001)";

    public const string Name = "human";

    public const string Description =
        "How many FLOP is an expert-hour? How big must a single-pass model be for a task, and how long would an "
        + "agent take? Also energy in brain-years and tokens in reading-years. Give at least one of "
        + "--task-hours, --calendar-years, --energy-kwh, --tokens. (seeds 004, 001)";

    public static void Configure(Command command, CliContext context)
    {
        var inputs = new InputOptions(command, HumanInputs.All);
        var output = new OutputOptions(command, csv: false, plotDescription: null);
        var uncertainty = new UncertaintyOptions(command);
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
            if (uncertainty.TryRun(context, format, null, Title, parse, values, uncertain, v => CalculationOutcome.Widen(HumanEquivalents.Evaluate(HumanRequest.From(v)))))
            {
                return CliApp.Ok;
            }

            var request = HumanRequest.From(values);
            HumanResult result = CommandOutput.Unwrap(HumanEquivalents.Evaluate(request));
            CommandOutput.Write(context, format, Title, result);
            return CliApp.Ok;
        });
    }
}
