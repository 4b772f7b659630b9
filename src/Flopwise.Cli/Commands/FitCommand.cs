using System.CommandLine;
using System.Globalization;
using System.Text;
using Flopwise.Cli.Rendering;
using Flopwise.Fitting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Spectre.Console;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise fit</c>: fit a Chinchilla law (or an IsoFLOP frontier) to a CSV of training runs.</summary>
internal static class FitCommand
{
    public const string Name = "fit";

    public const string Description =
        "Fit L = E + A/N^alpha + B/D^beta to a CSV of training runs (columns for parameters, tokens and/or compute, and loss; "
        + "auto-detected or named), as Epoch ran Chinchilla's Approach 3: summed Huber (delta 1e-3) in log-loss space from "
        + "a 4500-start grid; or the likelihood fit, or the IsoFLOP frontier (Approach 2). --json feeds 'optimal --law-file'.";

    public const double MaxBootstrap = 1e5;
    public const double MaxComputeBins = 200;

    private static readonly string[] Methods = ["huber", "likelihood", "isoflop"];

    public static void Configure(Command command, CliContext context)
    {
        var file = new Argument<string>("runs.csv") { Description = "The CSV of runs: a header row, then one run per row." };
        command.Add(file);
        var method = new ChoiceOption<FitMethod>(
            command,
            "--method",
            "huber (default): the summed-Huber grid fit; likelihood: Epoch's Huber-likelihood estimate with σ; isoflop: "
            + "Approach 2, a parabola per compute budget.",
            Methods,
            TryParseMethod);
        Option<string> paramsColumn = Column(command, "--params-column", "parameters N", "N, params, parameters, Model Size");
        Option<string> tokensColumn = Column(command, "--tokens-column", "training tokens D", "D, tokens; without one, D = C/(6N) from compute");
        Option<string> computeColumn = Column(command, "--compute-column", "training compute C in FLOP", "C, flop, compute, Training FLOP");
        Option<string> lossColumn = Column(command, "--loss-column", "final loss", "loss");
        var drop = new Option<string>("--drop-highest-loss")
        {
            Description = "Drop the k highest-loss rows before fitting (Epoch drops 5 of the 245 Chinchilla runs); default 0.",
            HelpName = "k",
        };
        var skip = new Option<bool>("--skip-bad-rows")
        {
            Description = "Skip rows with a missing, non-numeric, non-positive or non-finite value, counting them as warnings (default: such a row is an error).",
        };
        var bootstrap = new Option<string>("--bootstrap")
        {
            Description = $"Also refit n resamples of the rows (BFGS from Hoffmann's estimate) for standard errors and 95% intervals; at most {MaxBootstrap:G} (Epoch used 4000). Not with isoflop.",
            HelpName = "n",
        };
        var seed = new Option<string>("--seed")
        {
            Description = "Seed of the bootstrap resampling; default 0. Results do not depend on the core count.",
            HelpName = "s",
        };
        var bins = new Option<string>("--compute-bins")
        {
            Description = $"isoflop: group runs into n compute budgets (log-spaced) instead of by exact compute; at most {MaxComputeBins:G}.",
            HelpName = "n",
        };
        var allowNonphysical = new Option<bool>("--allow-nonphysical")
        {
            Description = "Keep a fit that is no law (an exponent not positive, a constant at a bound of the search, or data that cannot identify it: one column used twice, a single N or D), marked 'nonphysical' in the output; default: such a fit is an error.",
        };
        command.Add(drop);
        command.Add(skip);
        command.Add(allowNonphysical);
        command.Add(bootstrap);
        command.Add(seed);
        command.Add(bins);
        var output = new OutputOptions(command, csv: false, plotDescription: "Draw observed against fitted loss, with the line y = x, to FILE.svg or FILE.png, and isoFLOP curves of the fit with the data to FILE-isoflop.svg/.png (not with isoflop).");
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            string? plotPath = output.PlotPath(parse);
            FitMethod chosen = method.Get(parse) ?? FitMethod.Huber;
            int? resamples = Count(parse, bootstrap, 2, MaxBootstrap); // a standard deviation needs two refits
            int seedValue = Count(parse, seed, 0, int.MaxValue) ?? 0;
            int? computeBins = Count(parse, bins, 2, MaxComputeBins);
            int dropped = Count(parse, drop, 0, int.MaxValue) ?? 0;
            if (parse.GetValue(seed) is { } seedText && resamples is null)
            {
                throw new UsageException(ErrorText.ForOption("--seed", "needs --bootstrap", seedText, "--bootstrap n with --seed"));
            }

            if (chosen == FitMethod.IsoFlop && resamples is not null)
            {
                throw new UsageException(ErrorText.ForOption("--bootstrap", "cannot be combined with --method isoflop", parse.GetValue(bootstrap)!, "--method huber or likelihood"));
            }

            if (chosen == FitMethod.IsoFlop && plotPath is not null)
            {
                throw new UsageException(ErrorText.ForOption("--plot", "cannot be combined with --method isoflop", plotPath, "--method huber or likelihood"));
            }

            if (chosen != FitMethod.IsoFlop && computeBins is not null)
            {
                throw new UsageException(ErrorText.ForOption("--compute-bins", "needs --method isoflop", parse.GetValue(bins)!, "--method isoflop"));
            }

            string path = parse.GetValue(file)!;
            var options = new RunTableOptions
            {
                ParamsColumn = parse.GetValue(paramsColumn),
                TokensColumn = parse.GetValue(tokensColumn),
                ComputeColumn = parse.GetValue(computeColumn),
                LossColumn = parse.GetValue(lossColumn),
                DropHighestLoss = dropped,
                SkipBadRows = parse.GetValue(skip),
            };
            RunTable table = FitInput.Read(path, options);
            var run = new FitRun(context, path, chosen, table, resamples, seedValue, computeBins, parse.GetValue(allowNonphysical));
            run.Execute(format, plotPath);
            return CliApp.Ok;
        });
    }

    private static bool TryParseMethod(string? text, out FitMethod value)
    {
        int index = Array.FindIndex(Methods, m => string.Equals(m, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = index < 0 ? FitMethod.Huber : (FitMethod)Enum.Parse(typeof(FitMethod), Methods[index], ignoreCase: true);
        return index >= 0;
    }

    private static Option<string> Column(Command command, string name, string what, string detected)
    {
        var option = new Option<string>(name)
        {
            Description = $"The header of the column holding {what} (matched case-insensitively); default: auto-detected ({detected}).",
            HelpName = "NAME",
        };
        command.Add(option);
        return option;
    }

    private static int? Count(ParseResult parse, Option<string> option, double min, double max)
    {
        string? text = parse.GetValue(option);
        if (text is null)
        {
            return null;
        }

        string expected = string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:G} to {max:G}");
        if (!NumberText.TryParse(text, out double value, out string? problem))
        {
            throw new UsageException(ErrorText.ForOption(option.Name, problem!, InputOptions.Quote(text), expected));
        }

        if (value != Math.Floor(value))
        {
            throw new UsageException(ErrorText.ForOption(option.Name, Messages.NotWhole, text, expected));
        }

        if (value < min || value > max)
        {
            throw new UsageException(ErrorText.ForOption(option.Name, "is out of range", text, expected));
        }

        return (int)value;
    }
}
