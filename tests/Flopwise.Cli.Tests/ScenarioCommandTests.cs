using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public sealed class ScenarioCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flopwise-scenario-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Example(string name) => RepositoryRoot.File("scenarios", name);

    private string Write(string name, string yaml)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static JsonElement Json(params string[] args)
    {
        CliRun run = Shell.Run(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepositoryRoot.File("scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Run_EveryExample_TableJsonAndMarkdown(string file)
    {
        // --samples only goes with a file that has a distribution; the others run as points.
        bool sampled = File.ReadAllText(Example(file)).Contains("..", StringComparison.Ordinal);
        string[] samples = sampled ? ["--samples", "500"] : [];

        CliRun table = Shell.Run(["scenario", "run", Example(file), .. samples]);
        CliRun markdown = Shell.Run(["scenario", "run", Example(file), "--markdown", .. samples]);
        JsonElement json = Json(["scenario", "run", Example(file), "--json", .. samples]);

        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("Assumptions", table.Stdout, StringComparison.Ordinal);
        Assert.True(markdown.ExitCode == 0, markdown.Stderr);
        Assert.StartsWith("# Scenario: " + file, markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("## Assumptions", markdown.Stdout, StringComparison.Ordinal);
        Assert.True(json.TryGetProperty("assumptions", out _));
        Assert.Equal(sampled, json.TryGetProperty("distribution", out _));
    }

    [Fact]
    public void Run_Seed001_TrainStageEqualsTheTrainCommand()
    {
        JsonElement scenario = Json("scenario", "run", Example("seed001-gpt3.yaml"), "--json");
        JsonElement train = Json("train", "--flop", "3.14e23", "--gpu", "v100", "--gpus", "10000", "--achieved-tflops", "28", "--pue", "1.5", "--json");

        int compared = 0;
        foreach (JsonProperty field in train.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            Assert.Equal(field.Value.GetDouble(), scenario.GetProperty("train").GetProperty(field.Name).GetDouble());
            compared++;
        }

        Assert.True(compared >= 10, $"only {compared} fields compared");
    }

    [Fact]
    public void Run_Compute_OptimalAndCopiesEqualTheirCommands()
    {
        string path = Write("c.yaml", "compute: 3e25\nlaw: hoffmann\n");

        JsonElement scenario = Json("scenario", "run", path, "--json");
        JsonElement optimal = Json("optimal", "--compute", "3e25", "--law", "hoffmann", "--json");
        JsonElement copies = Json("copies", "--compute", "3e25", "--json");

        foreach (string key in new[] { "trainingFlop", "parameters", "tokens", "tokensPerParameter", "loss" })
        {
            Assert.Equal(optimal.GetProperty(key).GetDouble(), scenario.GetProperty("optimal").GetProperty(key).GetDouble());
        }

        foreach (string key in new[] { "parameters", "tokensPerSecond", "parallelTasks" })
        {
            Assert.Equal(copies.GetProperty(key).GetDouble(), scenario.GetProperty("copies").GetProperty(key).GetDouble());
        }
    }

    [Fact]
    public void Run_Budget_EqualsTheBudgetCommand()
    {
        string path = Write("b.yaml", "usd: 100M\ngpu: h100\ninference-tokens: 10T\n");

        JsonElement scenario = Json("scenario", "run", path, "--json");
        JsonElement budget = Json("budget", "--usd", "100M", "--gpu", "h100", "--inference-tokens", "10T", "--json");

        Assert.Equal(budget.GetProperty("trainingFlop").GetDouble(), scenario.GetProperty("budget").GetProperty("trainingFlop").GetDouble());
        Assert.Equal(budget.GetProperty("gpuHours").GetDouble(), scenario.GetProperty("budget").GetProperty("gpuHours").GetDouble());
        foreach (string key in new[] { "parameters", "tokens", "loss" })
        {
            Assert.Equal(budget.GetProperty(key).GetDouble(), scenario.GetProperty("optimal").GetProperty(key).GetDouble());
        }

        Assert.Equal(budget.GetProperty("copies").GetProperty("parallelTasks").GetDouble(), scenario.GetProperty("copies").GetProperty("parallelTasks").GetDouble());
        Assert.Equal(budget.GetProperty("inferenceAware").GetProperty("parameters").GetDouble(), scenario.GetProperty("inferenceAware").GetProperty("parameters").GetDouble());
        Assert.Equal(budget.GetProperty("costUsd").GetDouble(), scenario.GetProperty("train").GetProperty("costUsd").GetDouble(), 1e-6);
    }

    [Fact]
    public void Run_SameSeed_ByteIdenticalJson_AnotherSeedDiffers()
    {
        string path = Example("frontier-forecast.yaml");

        CliRun first = Shell.Run("scenario", "run", path, "--json", "--samples", "2000");
        CliRun second = Shell.Run("scenario", "run", path, "--json", "--samples", "2000");
        CliRun other = Shell.Run("scenario", "run", path, "--json", "--samples", "2000", "--seed", "2");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
    }

    [Fact]
    public void Run_CommandLineSamplesAndSeed_OverrideTheFile()
    {
        JsonElement json = Json("scenario", "run", Example("frontier-forecast.yaml"), "--json", "--samples", "300", "--seed", "7");

        Assert.Equal(300, json.GetProperty("samples").GetInt32());
        JsonElement monteCarlo = json.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "monteCarlo");
        Assert.Equal("300 joint samples, seed 7", monteCarlo.GetProperty("value").GetString());
    }

    [Fact]
    public void Run_MonteCarloJson_MediansAtTopAndPercentilesUnderDistribution()
    {
        JsonElement json = Json("scenario", "run", Example("frontier-forecast.yaml"), "--json", "--samples", "1000");

        double median = json.GetProperty("train").GetProperty("costUsd").GetDouble();
        JsonElement cost = json.GetProperty("distribution").GetProperty("train").GetProperty("costUsd");
        Assert.Equal(cost.GetProperty("p50").GetDouble(), median);
        Assert.True(cost.GetProperty("p5").GetDouble() < median && median < cost.GetProperty("p95").GetDouble());
    }

    [Fact]
    public void Check_ValidFile_SaysWhatRuns()
    {
        CliRun run = Shell.Run("scenario", "check", Example("frontier-forecast.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid; starts from compute", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute: 1e25\ngpu: h100\nmfuu: 0.4\n", "line 3, column 1: mfuu: is not a key at the top level (got mfuu; expected a key such as mfu; did you mean mfu?)")]
    [InlineData("compute: 1e25\n  gpu: h100\n", "line 2, column 6: is not valid YAML: ")]
    [InlineData("compute: 1e25\ngpu: h100..b200\n", "line 2, column 1: gpu: is a range, but gpu takes one name (got h100..b200; expected a GPU id or alias")]
    [InlineData("", "is empty (got an empty file; expected YAML keys such as compute: 1e27)")]
    [InlineData("compute: 1e25\ngpu: h100\nserving:\n  gpuz: 2\n", "line 4, column 3: serving.gpuz: is not a key in serving: (got gpuz; expected a key such as gpu; did you mean gpu?)")]
    public void Check_BadFile_OneLineWithFileLineAndColumn_Exit2(string yaml, string expected)
    {
        string path = Write("bad.yaml", yaml);

        string line = Shell.AssertUsageError(Shell.Run("scenario", "check", path));

        Assert.StartsWith($"error: {path}: {expected}", line, StringComparison.Ordinal);
        Assert.Equal(line, Shell.AssertUsageError(Shell.Run("scenario", "run", path)));
    }

    [Fact]
    public void Check_MissingFile_Exit2()
    {
        string path = Path.Combine(_directory, "nope.yaml");

        string line = Shell.AssertUsageError(Shell.Run("scenario", "check", path));

        Assert.Equal($"error: {path}: does not exist (got {path}; expected a readable YAML scenario file)", line);
    }

    [Fact]
    public void Check_Directory_Exit2()
    {
        string line = Shell.AssertUsageError(Shell.Run("scenario", "check", _directory));

        Assert.Equal($"error: {_directory}: is a directory (got {_directory}; expected a readable YAML scenario file)", line);
    }

    [Fact]
    public void Run_ChainError_NamesTheKeysLine()
    {
        string path = Write("gpus.yaml", "compute: 1e24\ngpu: h100\nserving:\n  model: llama-3-70b\n  gpus: 3\n");

        string line = Shell.AssertUsageError(Shell.Run("scenario", "run", path));

        Assert.StartsWith($"error: {path}: line 5, column 3: serving.gpus: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SamplesWithoutADistribution_IsAnError()
    {
        string line = Shell.AssertUsageError(Shell.Run("scenario", "run", Example("seed001-gpt3.yaml"), "--samples", "100"));

        Assert.StartsWith("error: --samples: needs an input given as a distribution", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario", "error: scenario: needs a subcommand (got nothing; expected run FILE or check FILE)")]
    [InlineData("scenario run", "error: scenario run: needs the scenario file (got nothing; expected a YAML file, e.g. scenarios/frontier-forecast.yaml)")]
    [InlineData("scenario runn x.yaml", "error: runn: unknown command (got runn; expected one of run, check; did you mean run?)")]
    public void Run_WithoutSubcommandOrFile_OneLineError(string commandLine, string expected)
    {
        Assert.Equal(expected, Shell.AssertUsageError(Shell.RunLine(commandLine)));
    }

    [Fact]
    public void Run_Plot_WritesTheHistogramAndTornado()
    {
        string plot = Path.Combine(_directory, "cost.svg");

        CliRun run = Shell.Run("scenario", "run", Example("frontier-forecast.yaml"), "--samples", "500", "--sensitivity", "train.costUsd", "--plot", plot);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("<svg", File.ReadAllText(plot), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "cost-tornado.svg")));
        Assert.Contains("Sensitivity of train.costUsd", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheKeysOfEverySection()
    {
        CliRun run = Shell.Run("scenario", "--help");
        string help = string.Join(' ', run.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, run.ExitCode);
        foreach (Flopwise.Scenarios.ScenarioKey key in Flopwise.Scenarios.ScenarioKeys.All)
        {
            Assert.Contains(key.Name, help, StringComparison.Ordinal);
        }

        Assert.Contains("Section serving:", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OneTablePerStage()
    {
        CliRun run = Shell.Run("scenario", "run", Example("seed003-inference-heavy.yaml"), "--markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## Inference-aware model of the same loss\n\n| Output | Value | Unit |\n|---|---:|---|\n", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("## Serving", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Model served | llama-3-8b |", run.Stdout, StringComparison.Ordinal);
    }
}

/// <summary>The scenario documentation stays true: the README's pasted report and the key table of docs/scenarios.md.</summary>
public class ScenarioDocsTests
{
    [Fact]
    public void Readme_PastedFrontierForecastTable_IsWhatTheCliPrints()
    {
        string readme = File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");
        int command = readme.IndexOf("flopwise scenario run scenarios/frontier-forecast.yaml\n", StringComparison.Ordinal);
        int start = readme.IndexOf("```text\n", command, StringComparison.Ordinal) + "```text\n".Length;
        string pasted = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        CliRun run = Shell.Run("scenario", "run", RepositoryRoot.File("scenarios", "frontier-forecast.yaml"));

        Assert.Equal(0, run.ExitCode);
        string[] printed = [.. run.Stdout.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())];
        string[] lines = [.. pasted.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd())];
        Assert.True(lines.Length > 10, "the pasted table is missing");
        int at = Array.IndexOf(printed, lines[0]);
        Assert.True(at >= 0, "the pasted title is not in the output");
        Assert.Equal(lines, printed[at..(at + lines.Length)]);
    }

    [Fact]
    public void ScenariosDoc_ListsEveryKey()
    {
        string doc = File.ReadAllText(RepositoryRoot.File("docs", "scenarios.md"));

        foreach (string section in new[] { string.Empty }.Concat(Flopwise.Scenarios.ScenarioKeys.Sections))
        {
            string heading = section.Length == 0 ? "### Top level" : $"### {section}:";
            int from = doc.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(from >= 0, heading + " is missing");
            int to = doc.IndexOf("\n### ", from + 1, StringComparison.Ordinal);
            string part = to < 0 ? doc[from..] : doc[from..to];
            foreach (Flopwise.Scenarios.ScenarioKey key in Flopwise.Scenarios.ScenarioKeys.For(section))
            {
                Assert.Contains($"| `{key.Name}` |", part, StringComparison.Ordinal);
            }
        }
    }
}
