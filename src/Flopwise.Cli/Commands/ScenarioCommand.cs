using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scenarios;
using Flopwise.Uncertainty;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise scenario run|check FILE</c>: a YAML file of options, run through the chain of calculators.</summary>
internal static class ScenarioCommand
{
    private const string Title = "Scenario";

    public const string Name = "scenario";

    public const string Description =
        "Run a scenario file (YAML) through the chain of calculators: budget or compute -> compute-optimal model (and the "
        + "inference-aware one with inference-tokens) -> training run -> copies, serving, human equivalents; one report. "
        + "'scenario run FILE' runs it, 'scenario check FILE' only validates it. Keys are the commands' option names without "
        + "--; docs/scenarios.md describes them.";

    public static void Configure(Command command, CliContext context)
    {
        command.Description = Description + " " + KeyList();
        var run = new Command("run", "Run the scenario and print one report: a table per stage (default), --json or --markdown.");
        var runFile = new Argument<string>("FILE") { Description = "The scenario file (YAML).", Arity = ArgumentArity.ZeroOrOne };
        run.Add(runFile);
        var json = new Option<bool>("--json") { Description = "Write one JSON object to stdout instead of tables (each stage's fields under its name)." };
        var markdown = new Option<bool>("--markdown") { Description = "Write GitHub Markdown tables (one per stage, then the assumptions), for pasting into a document." };
        var plot = new Option<string>("--plot") { Description = "With an input given as a range or distribution: the histogram of an output (the first, or the --sensitivity output) to FILE.svg or FILE.png.", HelpName = "FILE.svg|FILE.png" };
        var samples = new Option<string>("--samples") { Description = $"Monte Carlo samples when any input is a distribution; overrides the file's samples. Default {MonteCarlo.DefaultSamples}, at most {MonteCarlo.MaxSamples}.", HelpName = "samples" };
        var seed = new Option<string>("--seed") { Description = "Seed of the Monte Carlo draws; overrides the file's seed. Default 0.", HelpName = "number" };
        var sensitivity = new Option<string>("--sensitivity")
        {
            Description = "With an input given as a distribution: swing each uncertain input from its p5 to its p95 and report OUTPUT's range (a dotted key such as train.costUsd).",
            HelpName = "OUTPUT",
        };
        run.Add(json);
        run.Add(markdown);
        run.Add(plot);
        run.Add(samples);
        run.Add(seed);
        run.Add(sensitivity);
        run.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            bool asMarkdown = parse.GetValue(markdown);
            if (asJson && asMarkdown)
            {
                throw new UsageException(ErrorText.ForOption("--markdown", "cannot be combined with --json", "--json --markdown", "one of --json or --markdown"));
            }

            string path = FileArgument(parse.GetValue(runFile), "run");
            Scenario scenario = Load(path);
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null && Path.GetExtension(plotPath).ToUpperInvariant() is not (".SVG" or ".PNG"))
            {
                throw new UsageException(ErrorText.ForOption("--plot", "has an unknown file type", InputOptions.Quote(plotPath), "a file name ending in .svg or .png"));
            }

            int? samplesGiven = Count(parse.GetValue(samples), MonteCarlo.SamplesInput);
            int? seedGiven = Count(parse.GetValue(seed), MonteCarlo.SeedInput);
            string? sensitivityOutput = parse.GetValue(sensitivity);
            OutputFormat format = asJson ? OutputFormat.Json : OutputFormat.Table;
            ICalculationResult result;
            if (scenario.Uncertain.Count == 0)
            {
                foreach ((string option, string? given) in new[] { ("--samples", parse.GetValue(samples)), ("--seed", parse.GetValue(seed)), ("--sensitivity", sensitivityOutput), ("--plot", plotPath) })
                {
                    if (given is not null)
                    {
                        throw new UsageException(ErrorText.ForOption(option, "needs an input given as a distribution (e.g. mfu: 0.3..0.5 in the file)", InputOptions.Quote(given), "a range or distribution on some number in the file"));
                    }
                }

                Outcome<ScenarioResult> outcome = ScenarioChain.Evaluate(scenario);
                result = outcome.Value ?? throw Located(path, scenario, outcome.Errors);
            }
            else
            {
                int n = samplesGiven ?? scenario.Samples ?? MonteCarlo.DefaultSamples;
                int s = seedGiven ?? scenario.Seed ?? 0;
                Outcome<MonteCarloResult> outcome = MonteCarlo.Run(
                    scenario.Fixed,
                    scenario.Uncertain,
                    v => CalculationOutcome.Widen(ScenarioChain.Evaluate(scenario, v)),
                    n,
                    s,
                    sensitivityOutput: sensitivityOutput,
                    maxStoredValues: UncertaintyOptions.MaxStoredValues);
                if (outcome.Value is not MonteCarloResult monteCarlo)
                {
                    FieldError first = outcome.Errors[0];
                    bool fromOption = first.Field == "sensitivity" || (first.Field == MonteCarlo.SamplesInput.Name && samplesGiven is not null);
                    throw fromOption ? UsageException.From(first) : Located(path, scenario, outcome.Errors);
                }

                result = monteCarlo;
                if (plotPath is not null && monteCarlo.Outputs.Count > 0)
                {
                    CommandOutput.SavePlot(context, format, MonteCarloCharts.Histogram(monteCarlo, sensitivityOutput ?? monteCarlo.Outputs[0].Key), plotPath);
                    if (sensitivityOutput is not null)
                    {
                        string tornado = Path.Combine(Path.GetDirectoryName(plotPath) ?? string.Empty, Path.GetFileNameWithoutExtension(plotPath) + "-tornado" + Path.GetExtension(plotPath));
                        CommandOutput.SavePlot(context, format, MonteCarloCharts.Tornado(monteCarlo), tornado);
                    }
                }
            }

            string title = $"{Title}: {Path.GetFileName(path)}";
            if (asJson)
            {
                JsonOutput.Write(context.Output, result);
            }
            else if (asMarkdown)
            {
                MarkdownOutput.Write(context.Output, title, result, ScenarioChain.StageTitles);
            }
            else
            {
                WriteTables(context, title, result);
            }

            return CliApp.Ok;
        });

        var check = new Command("check", "Validate the scenario without running it: keys, values, names and which stages run. Exit 0 when valid, 2 with the first problem otherwise.");
        var checkFile = new Argument<string>("FILE") { Description = "The scenario file (YAML).", Arity = ArgumentArity.ZeroOrOne };
        check.Add(checkFile);
        check.SetAction(parse =>
        {
            string path = FileArgument(parse.GetValue(checkFile), "check");
            Scenario scenario = Load(path);
            context.Output.WriteLine($"{Path.GetFileName(path)}: valid; {Describe(scenario)}");
            return CliApp.Ok;
        });
        command.Add(run);
        command.Add(check);
        command.SetAction((Func<ParseResult, int>)(_ => throw new UsageException("scenario: needs a subcommand (got nothing; expected run FILE or check FILE)")));
    }

    private static string FileArgument(string? path, string subcommand) =>
        path ?? throw new UsageException($"scenario {subcommand}: needs the scenario file (got nothing; expected a YAML file, e.g. scenarios/frontier-forecast.yaml)");

    /// <summary>Reads and checks the file; any problem is the user's (exit 2), named with the file, line and column.</summary>
    internal static Scenario Load(string path)
    {
        string text;
        if (Directory.Exists(path))
        {
            throw new UsageException($"{InputOptions.Quote(path)}: is a directory (got {InputOptions.Quote(path)}; expected a readable YAML scenario file)");
        }

        try
        {
            text = TextFiles.ReadLimited(path, ScenarioFile.MaxBytes, out bool tooLarge);
            if (tooLarge)
            {
                throw new UsageException($"{InputOptions.Quote(path)}: is larger than 1 MB (got more than {ScenarioFile.MaxBytes} bytes; expected a YAML scenario file of at most 1 MB)");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "cannot be read (permission denied)",
                _ => "cannot be read",
            };
            throw new UsageException($"{InputOptions.Quote(path)}: {why} (got {InputOptions.Quote(path)}; expected a readable YAML scenario file)", e);
        }

        ScenarioCheck checkedFile = ScenarioFile.Parse(text);
        if (checkedFile.Scenario is Scenario scenario)
        {
            return scenario;
        }

        throw Error(path, checkedFile.Errors);
    }

    /// <summary>A calculator's error placed at its key's line; its "--option" wording becomes the file's "option".</summary>
    private static UsageException Located(string path, Scenario scenario, IReadOnlyList<FieldError> errors) =>
        Error(path, [.. errors.Select(scenario.Locate).Select(e => e with { Problem = Keys(e.Problem), Expected = Keys(e.Expected) })]);

    private static string Keys(string text) => text.Replace("--", string.Empty, StringComparison.Ordinal);

    private static UsageException Error(string path, IReadOnlyList<ScenarioError> errors)
    {
        string more = errors.Count > 1 ? $" [and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : string.Empty)}: flopwise scenario check {path}]" : string.Empty;
        return new UsageException($"{path}: {errors[0]}{more}");
    }

    private static int? Count(string? text, InputSpec spec)
    {
        if (text is null)
        {
            return null;
        }

        if (!NumberText.TryParse(text, out double value, out string? problem))
        {
            throw new UsageException(ErrorText.ForOption("--" + spec.Name, problem!, InputOptions.Quote(text), spec.Expected));
        }

        return spec.Check(value) is FieldError error ? throw UsageException.From(error) : (int)value;
    }

    private static string Describe(Scenario scenario)
    {
        ScenarioMode mode = ScenarioChain.ModeOf(scenario.Gives);
        string start = mode switch
        {
            ScenarioMode.Budget => "starts from a budget",
            ScenarioMode.Compute => "starts from compute",
            ScenarioMode.Run => "starts from the run's own work",
            _ => "has no training compute",
        };
        string uncertain = scenario.Uncertain.Count == 0
            ? "all inputs are numbers"
            : $"{scenario.Uncertain.Count} input(s) sampled ({string.Join(", ", scenario.Uncertain.Select(u => u.Spec.Name))})";
        string sections = scenario.Sections.Count == 0 ? "no sections" : "sections " + string.Join(", ", scenario.Sections);
        return $"{start}; {sections}; {uncertain}.";
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void WriteTables(CliContext context, string title, ICalculationResult result) =>
        ScenarioTables.Write(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, result, ScenarioChain.StageTitles);

    private static string KeyList()
    {
        string Keys(string section) => string.Join(", ", ScenarioKeys.For(section).Select(k => k.Name));
        return $"Top-level keys: {Keys(string.Empty)}. Section serving: {Keys(ScenarioKeys.Serving)}. Section copies: {Keys(ScenarioKeys.Copies)}. "
            + $"Section human: {Keys(ScenarioKeys.Human)}. Numbers take 3e25, 70B, ranges 1e27..1e28 and normal(m, sd); law takes a mixture 'epoch|hoffmann'.";
    }
}
