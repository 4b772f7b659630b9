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
    private readonly InputOptions _inputs;

    public UncertaintyOptions(Command command)
    {
        _inputs = new InputOptions(command, [MonteCarlo.SamplesInput, MonteCarlo.SeedInput]);
    }

    /// <summary>
    /// Runs the Monte Carlo and writes it when <paramref name="uncertain"/> is not empty; returns <see langword="false"/>
    /// (and writes nothing) otherwise, so the command answers for its point inputs.
    /// </summary>
    public bool TryRun(
        CliContext context,
        OutputFormat format,
        string title,
        ParseResult parse,
        InputValues fixedValues,
        IReadOnlyList<UncertainInput> uncertain,
        Func<InputValues, Outcome<ICalculationResult>> evaluate)
    {
        InputValues given = _inputs.Collect(parse);
        if (uncertain.Count == 0)
        {
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
        MonteCarloResult result = CommandOutput.Unwrap(MonteCarlo.Run(fixedValues, uncertain, evaluate, samples, seed));
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
