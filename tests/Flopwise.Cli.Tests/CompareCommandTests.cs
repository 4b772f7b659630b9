using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class CompareCommandTests
{
    private const string Seed003 = "compare --law hoffmann --plan 10B:200B --plan 3B:600B";

    private const string Seed003Prices =
        "compare --law hoffmann --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --plan 3B:600B:training-usd=600K:usd-per-request=3e-5 --requests 100B";

    private static JsonElement[] Rows(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToArray();
    }

    [Fact]
    public void Compare_Seed003Plans_Table()
    {
        CliRun run = Shell.RunLine(Seed003);

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Compare_Seed003Plans_JsonReproducesS6()
    {
        JsonElement[] rows = Rows(Seed003 + " --json");

        Assert.Equal(2, rows.Length);
        Assert.Equal(1.20e22, rows[0].GetProperty("trainingFlop").GetDouble(), 0.005e22);
        Assert.Equal(1.08e22, rows[1].GetProperty("trainingFlop").GetDouble(), 0.005e22);
        Assert.Equal(2.1331, rows[0].GetProperty("loss").GetDouble(), 0.00005);
        Assert.Equal(2.1405, rows[1].GetProperty("loss").GetDouble(), 0.00005);
        Assert.Equal(2e10, rows[0].GetProperty("inferenceFlopPerToken").GetDouble());
        Assert.Equal(6e9, rows[1].GetProperty("inferenceFlopPerToken").GetDouble());
        Assert.Equal(1.2 / 1.08, rows[0].GetProperty("totalRatioToCheapest").GetDouble(), 12);
        Assert.Equal(1, rows[1].GetProperty("totalRatioToCheapest").GetDouble());
        foreach (string key in new[] { "parameters", "tokens", "loss", "trainingFlop", "inferenceFlop", "totalFlop", "totalRatioToCheapest" })
        {
            Assert.True(rows[0].TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Compare_Seed003Prices_Table()
    {
        CliRun run = Shell.RunLine(Seed003Prices);

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Compare_Seed003Prices_JsonReproducesS7()
    {
        JsonElement[] rows = Rows(Seed003Prices + " --json");

        Assert.Equal(500e3, rows[0].GetProperty("trainingCostUsd").GetDouble());
        Assert.Equal(10e6, rows[0].GetProperty("inferenceCostUsd").GetDouble(), 1e-6);
        Assert.Equal(10.5e6, rows[0].GetProperty("totalCostUsd").GetDouble(), 0.05e6);
        Assert.Equal(3e6, rows[1].GetProperty("inferenceCostUsd").GetDouble(), 1e-6);
        Assert.Equal(3.6e6, rows[1].GetProperty("totalCostUsd").GetDouble(), 0.05e6);
        Assert.Equal(10.5 / 3.6, rows[0].GetProperty("totalRatioToCheapest").GetDouble(), 12);
        Assert.Equal(1, rows[1].GetProperty("totalRatioToCheapest").GetDouble());
        Assert.False(rows[0].TryGetProperty("inferenceFlop", out _));
    }

    [Fact]
    public void Compare_TokensPerRequestAndGlobalPrices_Csv()
    {
        CliRun run = Shell.RunLine("compare --law hoffmann --plan 10B:200B --plan 3B:600B --requests 100B --tokens-per-request 1000 --gpu h100 --price-per-gpu-hour 2 --usd-per-million-tokens 0.5 --csv");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Compare_FivePlans_OnePlanPerRow()
    {
        CliRun run = Shell.RunLine("compare --law hoffmann --plan 1B:20B --plan 3B:60B --plan 10B:200B --plan 30B:600B --plan 70B:1.4T --inference-tokens 1T");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Compare_MatchLoss_LaterPlansReachTheFirstPlansLoss()
    {
        JsonElement[] rows = Rows("compare --law hoffmann --plan 10B:200B --plan 3B:600B --plan 20B:1T --inference-tokens 1T --match-loss --json");

        double first = rows[0].GetProperty("loss").GetDouble();
        Assert.All(rows, r => Assert.Equal(first, r.GetProperty("loss").GetDouble(), 12));
        Assert.True(rows[1].GetProperty("tokens").GetDouble() > 600e9);
        Assert.Equal(600e9, rows[1].GetProperty("givenTokens").GetDouble());
        Assert.True(rows[2].GetProperty("tokens").GetDouble() < 1e12);
    }

    [Fact]
    public void Compare_Json_HasLawObjectAndAssumptions()
    {
        CliRun run = Shell.RunLine(Seed003 + " --inference-tokens 1T --json");
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);

        Assert.Equal("hoffmann", doc.RootElement.GetProperty("law").GetProperty("name").GetString());
        Assert.Contains(doc.RootElement.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "totalRatioToCheapest");
    }

    [Theory]
    [InlineData("compare --plan 10B", "error: --plan: has no training tokens: write parameters:tokens (got 10B; expected N:D[:key=value…]")]
    [InlineData("compare --plan 10B:", "error: --plan: has no tokens (got 10B:;")]
    [InlineData("compare --plan x:200B", "error: --plan: has parameters 'x' that is not a number (got x:200B;")]
    [InlineData("compare --plan 10B:200B:foo=1", "error: --plan: has an unknown key 'foo' (got 10B:200B:foo=1;")]
    [InlineData("compare --plan -10B:200B", "error: --plan: has parameters -10000000000, which must be greater than 0 (got -10B:200B;")]
    [InlineData("compare --plan 10B:-200B", "error: --plan: has tokens -200000000000, which must be greater than 0 (got 10B:-200B;")]
    [InlineData("compare --plan 10B:200B:training-usd=-5", "error: --plan: has training-usd -5, which must be greater than 0 (got 10B:200B:training-usd=-5;")]
    [InlineData("compare --plan 10B:200B --plan", "error: --plan: needs a value (got nothing;")]
    [InlineData("compare", "error: --plan: is required (got nothing;")]
    [InlineData("compare --plan 10B:200B --law nope", "error: --law: is unknown (got nope;")]
    [InlineData("compare --law hoffmann --plan 10B:200B --plan 1M:1T --match-loss", "error: --plan: cannot reach the first plan's loss 2.13313 with --match-loss: under hoffmann a model needs more than N_min = 5.16412e+08 parameters for it (got 1M:1T;")]
    [InlineData("compare --plan 10B:200B --inference-tokens 1T --requests 1B", "error: --inference-tokens: cannot be combined with --requests")]
    [InlineData("compare --plan 10B:200B --tokens-per-request 500", "error: --tokens-per-request: needs --requests")]
    [InlineData("compare --plan 10B:200B --requests 1B", "error: --tokens-per-request: is needed to count inference FLOP from --requests when no prices are given")]
    [InlineData("compare --plan 10B:200B --requests 0", "error: --requests: must be greater than 0 (got 0;")]
    [InlineData("compare --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --plan 3B:600B --requests 1B", "error: --plan: has no training price while other plans have one (got 3B:600B;")]
    [InlineData("compare --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --inference-tokens 1T", "error: --plan: has usd-per-request, which needs --requests (got 10B:200B:training-usd=500K:usd-per-request=1e-4;")]
    [InlineData("compare --plan 10B:200B:usd-per-request=1e-4 --requests 1B", "error: --usd-per-training-flop: is needed with an inference price")]
    [InlineData("compare --plan 10B:200B --usd-per-training-flop 1e-18 --inference-tokens 1T", "error: --usd-per-inference-flop: is needed with a training price")]
    public void Compare_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
    }

    [Theory]
    [InlineData("muennighoff", 2.177912, 2.210439)]
    [InlineData("kaplan", 1.972998, 2.137265)]
    public void Compare_LawWithANonChinchillaLoss_ReportsEachPlansLoss(string law, double large, double small)
    {
        JsonElement[] rows = Rows($"compare --law {law} --plan 10B:200B --plan 3B:600B --json");

        Assert.Equal(large, rows[0].GetProperty("loss").GetDouble(), 0.0000005);
        Assert.Equal(small, rows[1].GetProperty("loss").GetDouble(), 0.0000005);
    }

    [Fact]
    public void Compare_MatchLossWithKaplan_IsAnErrorOnLaw()
    {
        string line = Shell.AssertUsageError(Shell.RunLine("compare --law kaplan --plan 10B:200B --plan 3B:600B --match-loss"));

        Assert.StartsWith("error: --law: has no loss of the form E + A/N^α + B/D^β, which --match-loss needs (got kaplan;", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ExtremeInlineLaw_IsAnErrorOnLaw()
    {
        string line = Shell.AssertUsageError(Shell.RunLine("compare --law E=1,A=1e-300,B=1,alpha=0.3,beta=0.3 --plan 10B:200B --plan 3B:600B --json"));

        Assert.StartsWith("error: --law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G", line, StringComparison.Ordinal);
    }
}
