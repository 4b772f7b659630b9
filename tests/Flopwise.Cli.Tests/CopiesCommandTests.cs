using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class CopiesCommandTests
{
    [Fact]
    public void Copies_Compute3e25_Table()
    {
        CliRun run = Shell.RunLine("copies --compute 3e25");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Copies_Json_OneObjectWithUnitKeysAndFullPrecision()
    {
        CliRun run = Shell.RunLine("copies --compute 3e25 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        CopiesResult expected = CopiesModel.Compute(new CopiesRequest { Compute = 3e25 });
        Assert.Equal(expected.Parameters, root.GetProperty("parameters").GetDouble());
        Assert.Equal(3e25, root.GetProperty("trainingFlop").GetDouble());
        Assert.Equal(expected.RuntimeFlopPerForward.Flop, root.GetProperty("runtimeFlopPerForward").GetDouble());
        Assert.Equal(expected.TokensPerSecond, root.GetProperty("tokensPerSecond").GetDouble());
        Assert.Equal(expected.ParallelTasks, root.GetProperty("parallelTasks").GetDouble());
        JsonElement k = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "k");
        Assert.Equal(1.5, k.GetProperty("value").GetDouble());
        Assert.True(k.GetProperty("default").GetBoolean());
        Assert.Contains("Seed 000", k.GetProperty("source").GetString(), StringComparison.Ordinal);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Copies_GivenOptions_UsedAndMarkedGiven()
    {
        CliRun run = Shell.RunLine("copies --compute 5.88e23 --k 2 --horizon 1 --tokens-per-parameter 20 --duration-seconds 8.64e6 --task-tokens-per-second 20 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(70e9, json.RootElement.GetProperty("parameters").GetDouble(), 1e-3);
        JsonElement[] assumptions = json.RootElement.GetProperty("assumptions").EnumerateArray().ToArray();
        Assert.All(
            assumptions.Where(a => a.GetProperty("name").GetString() != "model"),
            a => Assert.False(a.GetProperty("default").GetBoolean()));
    }

    [Fact]
    public void Copies_Sweep_OneRowPerDecadeAsCsv()
    {
        CliRun run = Shell.RunLine("copies --sweep 1e24:1e34 --csv");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(12, lines.Length);
        Assert.Equal("parameters,trainingFlop,runtimeFlopPerForward,clusterFlopPerSecond,tokensPerSecond,parallelTasks", lines[0]);
        Assert.StartsWith("272165526975.9087,1E+25,", lines[2], StringComparison.Ordinal);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Copies_SweepJson_RowsArray()
    {
        CliRun run = Shell.RunLine("copies --sweep 3e25:3e27 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement[] rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([3e25, 3e26, 3e27], rows.Select(r => r.GetProperty("trainingFlop").GetDouble()));
    }

    [Fact]
    public void Copies_SweepTable_Golden()
    {
        CliRun run = Shell.RunLine("copies --sweep 1e24:1e28");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    public void Copies_Plot_WritesNonEmptyImage(string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-test-{Guid.NewGuid():N}.{extension}");
        try
        {
            CliRun run = Shell.Run("copies", "--sweep", "1e24:1e34", "--plot", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Plot written to " + path, run.Stdout, StringComparison.Ordinal);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, $"plot is only {bytes.Length} bytes");
            if (extension == "svg")
            {
                string svg = File.ReadAllText(path);
                Assert.Contains("<svg", svg, StringComparison.Ordinal);
                Assert.Contains("Tasks in parallel", svg, StringComparison.Ordinal);
                Assert.Contains("1e34", svg, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Copies_PlotWithoutSweep_DefaultRangeAndJsonStaysClean()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-test-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = Shell.Run("copies", "--compute", "3e25", "--plot", path, "--json");

            Assert.Equal(0, run.ExitCode);
            using JsonDocument json = JsonDocument.Parse(run.Stdout);
            Assert.Contains("plotted 1e24:1e34 FLOP", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
