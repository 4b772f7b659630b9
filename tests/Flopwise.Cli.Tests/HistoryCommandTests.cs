using System.Globalization;
using System.Text.Json;
using Flopwise.Cli.Rendering;
using Flopwise.Cli.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class HistoryCommandTests
{
    [Fact]
    public void History_Compute3e25_Table()
    {
        CliRun run = Shell.RunLine("history --compute 3e25");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("Nearest above C: model", run.Stdout, StringComparison.Ordinal);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void History_Json_NestedModelsWithDatesAndTheSnapshotInTheAssumptions()
    {
        CliRun run = Shell.RunLine("history --compute 3e25 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        HistoryResult expected = ModelHistory.Evaluate(new HistoryRequest { Compute = 3e25 }).GetValueOrThrow();
        Assert.Equal(3e25, root.GetProperty("trainingFlop").GetDouble());
        Assert.Equal(expected.ModelsAbove, root.GetProperty("modelsAbove").GetInt32());
        Assert.Equal(expected.ModelsWithCompute, root.GetProperty("modelsWithCompute").GetInt32());
        Assert.Equal(expected.RowsWithoutCompute, root.GetProperty("rowsWithoutCompute").GetInt32());
        Assert.Equal(0, root.GetProperty("malformedRows").GetInt32());
        foreach ((string key, HistoricalModel model) in new[] { ("nearestBelow", expected.NearestBelow!), ("nearestAbove", expected.NearestAbove!), ("largest", expected.Largest!) })
        {
            JsonElement element = root.GetProperty(key);
            Assert.Equal(model.Name, element.GetProperty("model").GetString());
            Assert.Equal(model.TrainingCompute.Flop, element.GetProperty("trainingFlop").GetDouble());
            Assert.Equal(model.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), element.GetProperty("publicationDate").GetString());
        }

        Assert.Equal(expected.Frontier!.GrowthPerYear, root.GetProperty("frontierGrowthPerYear").GetDouble());
        Assert.Equal(expected.Frontier.Models, root.GetProperty("frontierModels").GetInt32());
        Assert.Equal(expected.FrontierReachesYear!.Value, root.GetProperty("frontierReachesYear").GetDouble());
        JsonElement table = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "modelTable");
        Assert.Contains("snapshot of 2025-06-20", table.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("https://epoch.ai/data/ai-models", table.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void History_AboveTheLargest_JsonSaysWhyNearestAboveIsAbsent()
    {
        CliRun run = Shell.RunLine("history --compute 1e28 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.TryGetProperty("nearestAbove", out _));
        JsonElement missing = Assert.Single(json.RootElement.GetProperty("notDerived").EnumerateArray());
        Assert.Equal("nearestAbove", missing.GetProperty("key").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("modelsAbove").GetInt32());
    }

    [Fact]
    public void History_ModelWhoseNameHasALineBreak_NamedOnOneLine()
    {
        CliRun run = Shell.RunLine("history --compute 6.1554816e24 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Cosmos-1.0- Diffusion-14B Video2World", json.RootElement.GetProperty("nearestBelow").GetProperty("model").GetString());
    }

    [Fact]
    public void History_TopCsv_HeaderAndRowsLargestFirst()
    {
        CliRun run = Shell.RunLine("history --top 3 --csv");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("place,model,organization,trainingFlop,publicationDate", lines[0]);
        HistoricalModel largest = ModelTable.Epoch.Largest!;
        Assert.Equal($"1,{largest.Name},{largest.Organization},{largest.TrainingCompute.Flop.ToString("R", CultureInfo.InvariantCulture)},{largest.PublicationDate:yyyy-MM-dd}", lines[1]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void History_TopJson_RowsArray()
    {
        CliRun run = Shell.RunLine("history --top 10 --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        double[] compute = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("trainingFlop").GetDouble()).ToArray();
        Assert.Equal(10, compute.Length);
        Assert.Equal(compute.OrderDescending(), compute);
    }

    [Fact]
    public void History_Plot_WritesSvgWithTheTrend()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-history-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = Shell.Run("history", "--compute", "3e25", "--plot", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Plot written to " + path, run.Stdout, StringComparison.Ordinal);
            string svg = File.ReadAllText(path);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("Frontier trend", svg, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Csv_TextWithCommaOrQuote_QuotedAsRfc4180()
    {
        var model = new HistoricalModel
        {
            Name = "Mamba 2, 2.7B",
            Organization = "Lab \"X\"",
            PublicationDate = new DateOnly(2024, 5, 31),
            TrainingCompute = FlopCount.FromFlop(4.86e21),
            Line = 2,
        };
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        CsvOutput.Write(output, [new HistoryRow { Place = 1, Model = model }]);

        Assert.Equal("1,\"Mamba 2, 2.7B\",\"Lab \"\"X\"\"\",4.86E+21,2024-05-31", output.ToString().Split('\n')[1].TrimEnd('\r'));
    }

    [Fact]
    public void History_UnderGermanCulture_OutputIsInvariant()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            CliRun german = Shell.RunLine("history --compute 3.5e25 --json");
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CliRun invariant = Shell.RunLine("history --compute 3.5e25 --json");

            Assert.Equal(0, german.ExitCode);
            Assert.Equal(invariant.Stdout, german.Stdout);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("history --compute -1", "error: --compute: must be greater than 0 (got -1; expected a number > 0 (FLOP))")]
    [InlineData("history", "error: --compute: is required (got nothing; expected a number > 0 (FLOP))")]
    [InlineData("history --compute 1,000", "error: --compute:")]
    [InlineData("history --compute 1e400", "error: --compute:")]
    [InlineData("history --top 0", "error: --top: must be at least 1")]
    [InlineData("history --top 500", "error: --top: must be at most 200")]
    [InlineData("history --compute 1e25 --top 3", "error: --top: cannot be combined with --compute")]
    [InlineData("history --compute 1e25 --json --csv", "error: --csv: cannot be combined with --json")]
    [InlineData("history --top 3 --plot top.svg", "error: --plot: draws a placement, not a list")]
    public void History_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
    }
}
