using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class PlanCommandTests
{
    private static JsonElement Json(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Plan_TargetLossUnderHoffmann_Table()
    {
        CliRun run = Shell.RunLine("plan --law hoffmann --target-loss 2.1 --inference-tokens 1e13");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Plan_Json_PlanComputeOptimalObjectAndSaving()
    {
        JsonElement root = Json("plan --law hoffmann --target-loss 2.1 --inference-tokens 1e13 --json");

        foreach (string key in new[] { "loss", "parameters", "trainingTokens", "tokensPerParameter", "trainingFlop", "inferenceFlop", "totalFlop", "savingFraction", "law", "assumptions" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        JsonElement optimal = root.GetProperty("computeOptimal");
        foreach (string key in new[] { "parameters", "trainingTokens", "tokensPerParameter", "trainingFlop", "inferenceFlop", "totalFlop" })
        {
            Assert.True(optimal.TryGetProperty(key, out _), "computeOptimal." + key);
        }

        double total = root.GetProperty("totalFlop").GetDouble();
        double optimalTotal = optimal.GetProperty("totalFlop").GetDouble();
        Assert.Equal(1 - (total / optimalTotal), root.GetProperty("savingFraction").GetDouble(), 12);
        Assert.True(root.GetProperty("parameters").GetDouble() < optimal.GetProperty("parameters").GetDouble());
        Assert.Equal(2 * root.GetProperty("parameters").GetDouble() * 1e13, root.GetProperty("inferenceFlop").GetDouble(), 1e6);
        Assert.Equal(1.69, root.GetProperty("law").GetProperty("E").GetDouble());
        Assert.False(root.TryGetProperty("trainingCostUsd", out _));
    }

    [Fact]
    public void Plan_DefaultLaw_IsEpochStatedAsDefault()
    {
        JsonElement root = Json("plan --reference-params 70B --reference-tokens 1.4T --inference-tokens 2T --json");

        JsonElement law = root.GetProperty("assumptions").EnumerateArray().First(a => a.GetProperty("name").GetString() == "law");
        Assert.Equal("epoch", law.GetProperty("value").GetString());
        Assert.True(law.GetProperty("default").GetBoolean());
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "targetLoss");
    }

    [Fact]
    public void Plan_FixedParams_SolvesTokensForTheTarget()
    {
        JsonElement root = Json("plan --law hoffmann --target-loss 2.1 --params 3B --inference-tokens 1T --json");

        Assert.Equal(3e9, root.GetProperty("parameters").GetDouble());
        double d = root.GetProperty("trainingTokens").GetDouble();
        double loss = 1.69 + (406.4 / Math.Pow(3e9, 0.34)) + (410.7 / Math.Pow(d, 0.28));
        Assert.Equal(2.1, loss, 12);
    }

    [Fact]
    public void Plan_GpuAndServingPrice_OptimisesInDollars()
    {
        JsonElement root = Json("plan --law hoffmann --target-loss 2.1 --inference-tokens 1e13 --gpu h100 --price-per-gpu-hour 2 --usd-per-million-tokens 0.2 --quoted-params 7B --json");

        foreach (string key in new[] { "trainingCostUsd", "inferenceCostUsd", "totalCostUsd" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
            Assert.True(root.GetProperty("computeOptimal").TryGetProperty(key, out _), "computeOptimal." + key);
        }

        double inferenceUsd = root.GetProperty("inferenceCostUsd").GetDouble();
        double n = root.GetProperty("parameters").GetDouble();
        Assert.Equal(0.2 * 1e13 / 1e6 * n / 7e9, inferenceUsd, 1e-6 * inferenceUsd);
        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "mfu" && a.GetProperty("default").GetBoolean());
        double saving = root.GetProperty("savingFraction").GetDouble();
        Assert.Equal(1 - (root.GetProperty("totalCostUsd").GetDouble() / root.GetProperty("computeOptimal").GetProperty("totalCostUsd").GetDouble()), saving, 12);
    }

    [Fact]
    public void Plan_SweepInference_CsvRowsPerDecadeAndPlot()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-plan-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = Shell.Run("plan", "--law", "hoffmann", "--target-loss", "2.1", "--sweep-inference", "1e9:1e15", "--csv", "--plot", path);

            Assert.True(run.ExitCode == 0, run.Stderr);
            string[] lines = run.Stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(8, lines.Length);
            Assert.Equal("inferenceTokens,parameters,trainingTokens,tokensPerParameter,trainingFlop,inferenceFlop,totalFlop,savingFraction", lines[0]);
            string svg = File.ReadAllText(path);
            Assert.Contains("Optimal parameters N", svg, StringComparison.Ordinal);
            Assert.Contains("Tokens per parameter D/N", svg, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_SweepInference_Table()
    {
        CliRun run = Shell.RunLine("plan --law hoffmann --target-loss 2.1 --sweep-inference 1e9:1e15");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Plan_SweepInference_JsonRowsAndLaw()
    {
        JsonElement root = Json("plan --law hoffmann --target-loss 2.1 --sweep-inference 1e10:1e12 --json");

        JsonElement[] rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.True(r.GetProperty("savingFraction").GetDouble() >= 0));
        Assert.Equal("hoffmann", root.GetProperty("law").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("plan --law hoffmann --target-loss 1.69 --inference-tokens 1e12", "error: --target-loss: is at or below the irreducible loss E = 1.69 of law hoffmann, which no model reaches (got 1.69; expected a loss greater than 1.69 (nats/token))")]
    [InlineData("plan --law hoffmann --target-loss 1.5 --inference-tokens 1e12", "error: --target-loss: is at or below the irreducible loss E = 1.69")]
    [InlineData("plan --target-loss -2 --inference-tokens 1e12", "error: --target-loss: must be greater than 0 (got -2;")]
    [InlineData("plan --target-loss 0 --inference-tokens 1e12", "error: --target-loss: must be greater than 0 (got 0;")]
    [InlineData("plan --target-loss abc --inference-tokens 1e12", "error: --target-loss: is not a number (got abc;")]
    [InlineData("plan --law hoffmann --target-loss 2 --inference-tokens 1e12 --params 1e8", "error: --params: is too small to reach loss 2 under hoffmann: that needs more than N_min = 1.477e+09 parameters (got 100000000;")]
    [InlineData("plan --law hoffmann --target-loss 2 --inference-tokens 1e12 --params 0", "error: --params: must be at least 1 (got 0;")]
    [InlineData("plan --law hofman --target-loss 2 --inference-tokens 1e12", "error: --law: is unknown (got hofman;")]
    [InlineData("plan --law deepseek --target-loss 2 --inference-tokens 1e12", "error: --law: has no loss of the form E + A/N^α + B/D^β, which planning needs (got deepseek;")]
    [InlineData("plan --target-loss 2", "error: --inference-tokens: is required (got nothing;")]
    [InlineData("plan --inference-tokens 1e12", "error: --target-loss: is required (got nothing; expected --target-loss X, or --reference-params N with --reference-tokens D)")]
    [InlineData("plan --target-loss 2 --inference-tokens 0", "error: --inference-tokens: must be greater than 0 (got 0;")]
    [InlineData("plan --target-loss 2 --inference-tokens -1T", "error: --inference-tokens: must be greater than 0 (got -1000000000000;")]
    [InlineData("plan --target-loss 2 --inference-tokens 1e31", "error: --inference-tokens: must be at most 1e+30 (got 1e+31;")]
    [InlineData("plan --target-loss 2 --reference-params 7B --reference-tokens 1T --inference-tokens 1e12", "error: --target-loss: cannot be combined with --reference-params or --reference-tokens")]
    [InlineData("plan --reference-params 7B --inference-tokens 1e12", "error: --reference-tokens: is needed with --reference-params")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --gpu h100", "error: --usd-per-inference-flop: is needed with a training price")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --usd-per-inference-flop 1e-18", "error: --usd-per-training-flop: is needed with an inference price")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --usd-per-training-flop 1e-18 --gpu h100 --usd-per-inference-flop 1e-18", "error: --usd-per-training-flop: cannot be combined with --gpu")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --price-per-gpu-hour 2 --usd-per-inference-flop 1e-18", "error: --price-per-gpu-hour: needs --gpu")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --gpu h100 --mfu 1.2 --usd-per-inference-flop 1e-18", "error: --mfu: must be at most 1 (got 1.2;")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --gpu h100 --usd-per-million-tokens 0.2", "error: --quoted-params: is needed with --usd-per-million-tokens")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --gpu h1000x --usd-per-inference-flop 1e-18", "error: --gpu: is unknown (got h1000x;")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --plot x.svg", "error: --plot: needs --sweep-inference (got x.svg;")]
    [InlineData("plan --target-loss 2.2 --sweep-inference 1e9:1e15 --params 7B", "error: --sweep-inference: cannot be combined with --params 7000000000")]
    [InlineData("plan --target-loss 2.2 --sweep-inference 1e9:1e15 --inference-tokens 1e12", "error: --sweep-inference: cannot be combined with --inference-tokens 1000000000000")]
    [InlineData("plan --target-loss 2.2 --sweep-inference 1e9", "error: --sweep-inference: is not a range FROM:TO (got 1e9;")]
    [InlineData("plan --target-loss 2.2 --sweep-inference 1e29:1e31", "error: --sweep-inference: has an inference volume that must be at most 1e+30 (got 1e+29:1e+31;")]
    [InlineData("plan --target-loss 2.2 --inference-tokens 1e12 --json --csv", "error: --csv: cannot be combined with --json")]
    public void Plan_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
    }

    [Theory]
    [InlineData("plan --law hoffmann --reference-params 1 --reference-tokens 1 --inference-tokens 1e12", "error: --reference-params: gives a reference loss L(1, 1) = 818.79 under hoffmann, which as a target loss must be at most 100 (got 1; expected a reference model whose loss is a valid --target-loss: a number > 0 and <= 100 (nats/token))")]
    [InlineData("plan --law E=1,A=1e-300,B=1,alpha=0.3,beta=0.3 --target-loss 2 --inference-tokens 1e12", "error: --law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G")]
    public void Plan_BadReferenceOrLaw_BlamesTheOptionGiven(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
    }

    [Fact]
    public void Plan_PowerLawFile_IsAnErrorOnLawFile()
    {
        string dir = Directory.CreateTempSubdirectory("flopwise-law-").FullName;
        try
        {
            string path = Path.Combine(dir, "power.json");
            File.WriteAllText(path, """{"form": "power", "parametersCoefficient": 0.1, "parametersExponent": 0.5, "tokensCoefficient": 1.6, "tokensExponent": 0.5}""");

            string line = Shell.AssertUsageError(Shell.RunLine($"plan --law-file {path} --target-loss 2 --inference-tokens 1e12"));

            Assert.StartsWith("error: --law-file: has no loss of the form E + A/N^α + B/D^β, which planning needs (got power;", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
