using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class HumanCommandTests
{
    [Fact]
    public void Human_Fermat_Table()
    {
        CliRun run = Shell.RunLine("human --task-hours 1e6 --calendar-years 358");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Human_Json_SeedFieldsPresent()
    {
        CliRun run = Shell.RunLine("human --task-hours 1e6 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(5e13, root.GetProperty("flopPerExpertHour").GetDouble());
        Assert.Equal(5e19, root.GetProperty("taskFlop").GetDouble());
        Assert.Equal(3.5e16, root.GetProperty("singlePassParameters").GetDouble(), 1);
        Assert.Equal(72_000, root.GetProperty("agenticWallTimeSeconds").GetDouble(), 1e-9);
        Assert.True(root.TryGetProperty("singlePassTrainingFlop", out _));
        Assert.True(root.TryGetProperty("assumptions", out _));
        Assert.False(root.TryGetProperty("brainYears", out _));
    }

    [Fact]
    public void Human_EnergyAndTokens_BrainAndReadingYears()
    {
        CliRun run = Shell.RunLine("human --energy-kwh 1e9 --tokens 3e11 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(5_707_762.557, json.RootElement.GetProperty("brainYears").GetDouble(), 1e-3);
        Assert.Equal(131_400_000, json.RootElement.GetProperty("readingWordsPerYear").GetDouble());
        Assert.False(json.RootElement.TryGetProperty("taskFlop", out _));
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Human_CountSuffixes_Accepted()
    {
        CliRun run = Shell.RunLine("human --task-hours 20 --reference-parameters 70B --tokens 2T --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(700e9, json.RootElement.GetProperty("singlePassParameters").GetDouble(), 1e-3);
        Assert.Equal(1.5e12, json.RootElement.GetProperty("words").GetDouble());
    }
}
