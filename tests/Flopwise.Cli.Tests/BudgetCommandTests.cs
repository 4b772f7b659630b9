using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class BudgetCommandTests
{
    [Fact]
    public void Budget_HundredMillionDollarsOnH100_Table()
    {
        CliRun run = Shell.RunLine("budget --usd 100M --gpu h100 --price-per-gpu-hour 2.5 --inference-tokens 1e13");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Budget_EqualsTrainAndOptimalForTheSameCompute()
    {
        CliRun run = Shell.RunLine("budget --gpu-hours 1M --gpu a100 --mfu 0.4 --json");
        using JsonDocument budget = JsonDocument.Parse(run.Stdout);
        double flop = budget.RootElement.GetProperty("trainingFlop").GetDouble();
        Assert.Equal(1e6 * 3600 * 312e12 * 0.4, flop, 1e10);

        using JsonDocument optimal = JsonDocument.Parse(Shell.RunLine(FormattableString.Invariant($"optimal --compute {flop:R} --json")).Stdout);
        Assert.Equal(optimal.RootElement.GetProperty("parameters").GetDouble(), budget.RootElement.GetProperty("parameters").GetDouble());
    }

    [Fact]
    public void Budget_Ranges_GiveDistributions()
    {
        CliRun run = Shell.RunLine("budget --usd 50M..200M --gpu h100 --mfu 0.3..0.45 --samples 2000 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement parameters = json.RootElement.GetProperty("distribution").GetProperty("parameters");
        Assert.True(parameters.GetProperty("p95").GetDouble() > 1.5 * parameters.GetProperty("p5").GetDouble());
    }

    [Theory]
    [InlineData("budget --gpu h100", "error: --usd: is missing: the budget is needed (got nothing; expected one of --usd X, --gpu-hours H, or --gpus n --days d)")]
    [InlineData("budget --gpu h100 --usd 1M --gpu-hours 5", "error: --usd: is given with another budget; give one (got 1000000; expected one of --usd X, --gpu-hours H, or --gpus n --days d)")]
    [InlineData("budget --usd 1M", "error: --gpu: is required (got nothing; expected a GPU id (see flopwise gpus))")]
    public void Budget_BadInput_IsOneLineExitTwo(string line, string expected)
    {
        Assert.Equal(expected, Shell.AssertUsageError(Shell.RunLine(line)));
    }
}
