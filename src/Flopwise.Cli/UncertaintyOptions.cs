using System.CommandLine;
using Flopwise.Cli.Commands;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Cli;

/// <summary>
/// <c>--samples</c> and <c>--seed</c>, and the Monte Carlo run a command makes when any of its numeric inputs is a
/// distribution.
/// </summary>
internal sealed class UncertaintyOptions
{
    /// <summary>
    /// The most values a CLI Monte Carlo run may hold, samples × numeric outputs ≤ 1e8 (about 1.6 GB, each value held by
    /// sample and sorted); more is refused up front naming <c>samples</c>. The web keeps its own, smaller limit.
    /// </summary>
    public const long MaxStoredValues = 100_000_000;

    private readonly InputOptions _inputs;
    private readonly Option<string> _sensitivity = new("--sensitivity")
    {
        Description = "With an input given as a distribution: swing each uncertain input from its p5 to its p95, the others at their medians, "
            + "and report OUTPUT's range per input, largest first (a tornado), with each input's rank correlation to it; "
            + "with --plot, also FILE-tornado.svg.",
        HelpName = "OUTPUT",
    };

    public UncertaintyOptions(Command command)
    {
        _inputs = new InputOptions(command, [MonteCarlo.SamplesInput, MonteCarlo.SeedInput]);
        command.Add(_sensitivity);
    }

    /// <summary>
    /// Runs the Monte Carlo and writes it when <paramref name="uncertain"/> is not empty; returns <see langword="false"/>
    /// (and writes nothing) otherwise, so the command answers for its point inputs.
    /// </summary>
    public bool TryRun(
        CliContext context,
        OutputFormat format,
        string? plotPath,
        string title,
        ParseResult parse,
        InputValues fixedValues,
        IReadOnlyList<UncertainInput> uncertain,
        Func<InputValues, Outcome<ICalculationResult>> evaluate)
    {
        InputValues given = _inputs.Collect(parse);
        string? sensitivity = parse.GetValue(_sensitivity);
        if (uncertain.Count == 0)
        {
            if (sensitivity is not null)
            {
                throw new UsageException(ErrorText.ForOption("--sensitivity", "needs an input given as a distribution (e.g. --mfu 0.3..0.5)", InputOptions.Quote(sensitivity), "a range or distribution on some numeric option"));
            }

            foreach (InputSpec spec in new[] { MonteCarlo.SamplesInput, MonteCarlo.SeedInput })
            {
                if (given.Get(spec) is double value)
                {
                    throw new UsageException(ErrorText.ForOption("--" + spec.Name, "needs an input given as a distribution (e.g. --mfu 0.3..0.5)", InputSpec.Format(value), "a range or distribution on some numeric option"));
                }
            }

            return false;
        }

        int samples = (int)Check(MonteCarlo.SamplesInput, given);
        int seed = (int)Check(MonteCarlo.SeedInput, given);
        MonteCarloResult result = CommandOutput.Unwrap(MonteCarlo.Run(fixedValues, uncertain, evaluate, samples, seed, sensitivityOutput: sensitivity, maxStoredValues: MaxStoredValues));
        if (plotPath is not null && result.Outputs.Count > 0)
        {
            string key = sensitivity ?? result.Outputs[0].Key;
            CommandOutput.SavePlot(context, format, MonteCarloCharts.Histogram(result, key), plotPath);
            if (sensitivity is not null)
            {
                string tornado = Path.Combine(Path.GetDirectoryName(plotPath) ?? string.Empty, Path.GetFileNameWithoutExtension(plotPath) + "-tornado" + Path.GetExtension(plotPath));
                CommandOutput.SavePlot(context, format, MonteCarloCharts.Tornado(result), tornado);
            }
        }

        CommandOutput.Write(context, format, title + " — Monte Carlo", result);
        return true;
    }

    /// <summary>Throws when an option that cannot take part in a Monte Carlo run is combined with a distribution.</summary>
    public static void Reject(IReadOnlyList<UncertainInput> uncertain, string option, string? text)
    {
        if (uncertain.Count > 0 && text is not null)
        {
            throw new UsageException(ErrorText.ForOption(option, "cannot be combined with an input given as a distribution", InputOptions.Quote(text), $"point inputs with {option}, or no {option}"));
        }
    }

    private static double Check(InputSpec spec, InputValues given)
    {
        double value = given.Get(spec) ?? spec.Default!.Value;
        if (spec.Check(value) is FieldError error)
        {
            throw UsageException.From(error);
        }

        return value;
    }
}
