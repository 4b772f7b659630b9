using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class UncertaintyCommandTests
{
    private static JsonElement Json(string line)
    {
        CliRun run = Shell.RunLine(line);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.Clone();
    }

    [Fact]
    public void Copies_Range_Table()
    {
        CliRun run = Shell.RunLine("copies --compute 1e25..1e27");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void LawMixture_TableTitle_NamesTheMixtureNotItsFirstLaw()
    {
        CliRun run = Shell.RunLine("optimal --compute 1e25 --law hoffmann-unrounded|epoch --samples 500");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("(hoffmann-unrounded|epoch)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void LawMixture_InLoss_IsRefusedNotReplacedByItsFirstLaw()
    {
        string error = Shell.AssertUsageError(Shell.RunLine("loss --params 70B --tokens 1.4T --law hoffmann|epoch"));

        Assert.Contains("--law", error, StringComparison.Ordinal);
        Assert.Contains("hoffmann|epoch", error, StringComparison.Ordinal);
        Assert.Contains("mixture", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Copies_Range_PercentilesMatchThePointResultsAtTheQuantiles()
    {
        JsonElement tasks = Json("copies --compute 1e25..1e27 --json").GetProperty("distribution").GetProperty("parallelTasks");

        foreach ((string key, string compute) in new[] { ("p5", "1e25"), ("p50", "1e26"), ("p95", "1e27") })
        {
            double point = Json($"copies --compute {compute} --json").GetProperty("parallelTasks").GetDouble();
            Assert.Equal(1, tasks.GetProperty(key).GetDouble() / point, 0.02);
        }
    }

    [Fact]
    public void Train_Ranges_MediansOnTopAndRedrawsCounted()
    {
        JsonElement root = Json("train --params 70B --tokens 2T --gpu h100 --gpus 1024..4096 --mfu 0.4..0.9 --samples 4000 --json");

        Assert.Equal(root.GetProperty("distribution").GetProperty("wallTimeDays").GetProperty("p50").GetDouble(), root.GetProperty("wallTimeDays").GetDouble());
        Assert.True(root.GetProperty("redraws").GetProperty("mfu").GetInt32() > 0, "a lognormal 0.4..0.9 puts some draws above 1");
        Assert.True(root.GetProperty("distribution").GetProperty("mfu").GetProperty("p95").GetDouble() <= 1);
        Assert.Equal(4000, root.GetProperty("samples").GetInt32());
    }

    [Fact]
    public void Json_IsByteIdenticalForAGivenSeed()
    {
        const string line = "train --params 30B..70B --tokens 2T --gpu h100 --gpus 2048 --mfu normal(0.4,0.05) --seed 11 --json";
        CliRun first = Shell.RunLine(line);
        CliRun second = Shell.RunLine(line);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, Shell.RunLine(line.Replace("--seed 11", "--seed 12", StringComparison.Ordinal)).Stdout);
    }

    [Fact]
    public void Plan_TargetLossBelowE_CountsInfeasibleSamples()
    {
        JsonElement root = Json("plan --law hoffmann --target-loss 1.6..2.2 --inference-tokens 1e13 --samples 2000 --json");

        int infeasible = root.GetProperty("infeasibleSamples").GetInt32();
        Assert.InRange(infeasible, 1, 1999);
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "infeasibleSamples");
    }

    [Fact]
    public void Serve_And_Compare_AcceptRanges()
    {
        JsonElement serve = Json("serve --model llama-2-7b --gpu a100 --prompt-tokens 500..2000 --output-tokens 256 --samples 500 --json");
        Assert.True(serve.GetProperty("distribution").GetProperty("prefillSeconds").GetProperty("p95").GetDouble()
            > serve.GetProperty("distribution").GetProperty("prefillSeconds").GetProperty("p5").GetDouble());

        JsonElement compare = Json("compare --law hoffmann --requests 50B..200B --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --plan 3B:600B:training-usd=600K:usd-per-request=3e-5 --samples 500 --json");
        Assert.True(compare.GetProperty("distribution").GetProperty("plan1").GetProperty("totalCostUsd").GetProperty("p50").GetDouble() > 0);
    }

    [Fact]
    public void Sensitivity_TornadoInJsonAndPlots()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-mc-{Guid.NewGuid():N}.svg");
        string tornado = Path.ChangeExtension(path, null) + "-tornado.svg";
        try
        {
            JsonElement root = Json($"train --params 70B --tokens 2T --gpu h100 --gpus 1024..4096 --mfu 0.3..0.5 --price-per-gpu-hour 2..3 --samples 3000 --sensitivity costUsd --plot {path} --json");

            JsonElement sensitivity = root.GetProperty("sensitivity");
            Assert.Equal("costUsd", sensitivity.GetProperty("output").GetString());
            Assert.Equal(["mfu", "pricePerGpuHour", "gpus"], sensitivity.GetProperty("inputs").EnumerateObject().Select(p => p.Name));
            Assert.True(sensitivity.GetProperty("inputs").GetProperty("mfu").GetProperty("rankCorrelation").GetDouble() < 0);
            Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Contains("Sensitivity of Cost", File.ReadAllText(tornado), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(tornado);
        }
    }

    [Theory]
    [InlineData("copies --compute 3e25 --sensitivity parallelTasks", "error: --sensitivity: needs an input given as a distribution (e.g. --mfu 0.3..0.5) (got parallelTasks; expected a range or distribution on some numeric input)")]
    [InlineData("copies --compute 1e25..1e27 --sensitivity parallelTask", "error: --sensitivity: is not a numeric output of this calculation (got parallelTask; expected one of parameters, trainingFlop, runtimeFlopPerForward, clusterFlopPerSecond, tokensPerSecond, parallelTasks; did you mean parallelTasks?)")]
    [InlineData("copies --compute 1e27..1e25", "error: --compute: is reversed or empty (the low end must be below the high end) (got 1e27..1e25; expected a number, a range a..b (lognormal, 5th to 95th percentile), normal(mean, sd), uniform(a, b), loguniform(a, b) or triangular(a, mode, b))")]
    [InlineData("copies --compute 1e25..", "error: --compute: is an open range (both ends are needed) (got 1e25..; expected a number, a range a..b (lognormal, 5th to 95th percentile), normal(mean, sd), uniform(a, b), loguniform(a, b) or triangular(a, mode, b))")]
    [InlineData("copies --compute 3e25 --samples 100", "error: --samples: needs an input given as a distribution (e.g. --mfu 0.3..0.5) (got 100; expected a range or distribution on some numeric input)")]
    [InlineData("copies --compute 1e25..1e27 --samples 0", "error: --samples: must be at least 1 (got 0; expected a whole number >= 1 and <= 1000000 (samples))")]
    [InlineData("copies --compute 1e25..1e27 --samples 2000000", "error: --samples: must be at most 1000000 (got 2000000; expected a whole number >= 1 and <= 1000000 (samples))")]
    [InlineData("copies --compute 1e25..1e27 --sweep 1e24:1e26", "error: --sweep: cannot be combined with an input given as a distribution (got 1e24:1e26; expected point inputs with --sweep, or no --sweep)")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --gpus 1024 --mfu uniform(2,3)", "error: --mfu: draws almost only values outside its valid range (1000 draws in a row) (got uniform(2,3); expected a distribution mostly within a number > 0 and <= 1)")]
    public void BadDistributions_AreOneLineExitTwo(string line, string expected)
    {
        Assert.Equal(expected, Shell.AssertUsageError(Shell.RunLine(line)));
    }
}

public class LawMixtureCommandTests
{
    private static double Parameters(string line)
    {
        CliRun run = Shell.RunLine(line);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("parameters").GetDouble();
    }

    [Fact]
    public void Optimal_TwoLawsWithEqualWeight_SpanBothLawsPointResults()
    {
        CliRun run = Shell.RunLine("optimal --compute 1e25 --law hoffmann-unrounded|epoch --samples 1000 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement parameters = json.RootElement.GetProperty("distribution").GetProperty("parameters");
        double hoffmann = Parameters("optimal --compute 1e25 --law hoffmann-unrounded --json");
        double epoch = Parameters("optimal --compute 1e25 --law epoch --json");

        Assert.Equal(Math.Min(hoffmann, epoch), parameters.GetProperty("p5").GetDouble());
        Assert.Equal(Math.Max(hoffmann, epoch), parameters.GetProperty("p95").GetDouble());
        Assert.Equal((hoffmann + epoch) / 2, parameters.GetProperty("mean").GetDouble(), 0.01 * epoch);
        Assert.Contains("\"lawMixture\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_LawMixtureAndRanges_Together()
    {
        CliRun run = Shell.RunLine("budget --usd 100M --gpu h100 --mfu 0.3..0.45 --law epoch:0.7|hoffmann:0.3 --samples 1000 --json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"law\": 0", run.Stdout, StringComparison.Ordinal); // no redraws of the law draw
    }

    [Fact]
    public void BadMixture_IsOneLineExitTwo()
    {
        Assert.Equal(
            "error: --law: has weights summing to 1.1, not 1 (got epoch:0.7|hoffmann:0.4; expected presets joined by |, each optionally :weight with weights summing to 1, e.g. epoch|hoffmann-unrounded or epoch:0.7|hoffmann:0.3)",
            Shell.AssertUsageError(Shell.RunLine("optimal --compute 1e25 --law epoch:0.7|hoffmann:0.4")));
    }
}
