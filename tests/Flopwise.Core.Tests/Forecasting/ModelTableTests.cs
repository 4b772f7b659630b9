using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Flopwise.Core.Tests.Reference;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Forecasting;

public partial class ModelTableTests
{
    private const string Header = "Model,Organization,Publication date,Abstract,Training compute (FLOP),Compute rank when published";

    /// <summary>A hand-made table: quoted commas, doubled quotes and line breaks, a blank line, and one bad value per kind.</summary>
    private const string HandMade =
        Header + "\n"
        + "Alpha,Lab A,2020-01-01,\"plain, with a comma\",1e20,1\n"
        + "\"Beta\nLarge\",\"Lab B,Lab C\",2021-07-02,\"line one\nline two, \"\"quoted\"\"\n\",3e21,\n"
        + "NoCompute,Lab A,2021-01-01,,,\n"
        + "\n"
        + "BadCompute,Lab A,2021-01-01,,abc,\n"
        + "BadDate,Lab A,2021-13-01,,1e22,\n"
        + "BadRank,Lab A,2022-01-01,,1e22,0.5\n"
        + "ShortRow,Lab A,2022-01-01\n"
        + "Gamma,,2022-03-04,\"a\r\nCRLF inside\",2e22,2\n";

    [Fact]
    public void Parse_HandMadeCsv_ReadsQuotedNewlinesAndCountsEverySkippedRow()
    {
        ModelTable table = ParseText(HandMade);

        Assert.Equal(8, table.Rows);
        Assert.Equal(["Alpha", "Beta Large", "Gamma"], table.Models.Select(m => m.Name));
        Assert.Equal(1, table.RowsWithoutCompute);
        Assert.Equal(
            [(9, "Training compute (FLOP)"), (10, "Publication date"), (11, "Compute rank when published"), (12, "(row)")],
            table.Issues.Select(i => (i.Line, i.Column)));
        Assert.Equal(table.Rows, table.Models.Count + table.RowsWithoutCompute + table.Issues.Count);
    }

    [Fact]
    public void Parse_HandMadeCsv_KeepsFieldsOfQuotedRows()
    {
        ModelTable table = ParseText(HandMade);

        HistoricalModel beta = table.Models.Single(m => m.Name == "Beta Large");
        Assert.Equal("Lab B,Lab C", beta.Organization);
        Assert.Equal(new DateOnly(2021, 7, 2), beta.PublicationDate);
        Assert.Equal(3e21, beta.TrainingCompute.Flop);
        Assert.Null(beta.ComputeRankWhenPublished);
        Assert.Equal(3, beta.Line);
        HistoricalModel gamma = table.Models.Single(m => m.Name == "Gamma");
        Assert.Equal(2, gamma.ComputeRankWhenPublished);
        Assert.Equal(13, gamma.Line);
        Assert.Equal(string.Empty, gamma.Organization);
    }

    [Fact]
    public void Parse_BadValue_IssueNamesLineColumnAndValue()
    {
        ModelTable table = ParseText(HandMade);

        Assert.Equal("line 9, column Training compute (FLOP): 'abc' is not a positive number of FLOP", table.Issues[0].ToString());
        Assert.Equal("line 10, column Publication date: '2021-13-01' is not a date (yyyy-MM-dd)", table.Issues[1].ToString());
        Assert.Equal("line 11, column Compute rank when published: '0.5' is not a whole number >= 1", table.Issues[2].ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3e20")]
    [InlineData("nan")]
    [InlineData("1e400")]
    public void Parse_ComputeNotPositiveFinite_IsAnIssue(string compute)
    {
        ModelTable table = ParseText(Header + "\nX,Lab,2020-01-01,," + compute + ",1\n");

        Assert.Empty(table.Models);
        Assert.Equal(compute, Assert.Single(table.Issues).Value);
    }

    [Fact]
    public void Parse_MissingColumn_ErrorNamesTheColumn()
    {
        Outcome<ModelTable> outcome = ModelTable.Parse(new StringReader("Model,Publication date,Training compute (FLOP)\nA,2020-01-01,1e20\n"), "models.csv");

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal(ModelTable.FileField, error.Field);
        Assert.Equal("models.csv: has no column 'Compute rank when published'", error.Problem);
    }

    [Fact]
    public void Parse_Empty_Error()
    {
        Outcome<ModelTable> outcome = ModelTable.Parse(new StringReader("\n\n"), "models.csv");

        Assert.Equal("models.csv: is empty", Assert.Single(outcome.Errors).Problem);
    }

    [Fact]
    public void Parse_Sorted_ByComputeThenDateThenName()
    {
        ModelTable table = ParseText(Header + "\nB,,2021-01-01,,1e20,\nA,,2021-01-01,,1e20,\nC,,2020-01-01,,1e20,\nD,,2019-01-01,,1e19,\n");

        Assert.Equal(["D", "C", "A", "B"], table.Models.Select(m => m.Name));
        Assert.Equal("B", table.Largest?.Name);
    }

    [Fact]
    public void Epoch_Snapshot_ReadsEveryRecordSourceMdCounts()
    {
        ModelTable table = ModelTable.Epoch;

        Assert.Equal(HistoryFigures.SnapshotRecords, table.Rows);
        Assert.Equal(HistoryFigures.SnapshotRowsWithCompute, table.Models.Count);
        Assert.Equal(HistoryFigures.SnapshotRecords - HistoryFigures.SnapshotRowsWithCompute, table.RowsWithoutCompute);
        Assert.Empty(table.Issues);
        Assert.Contains("2025-06-20", table.Description, StringComparison.Ordinal);
        Assert.Contains("https://epoch.ai/data/ai-models", table.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GPT-3 175B (davinci)", 3.14e23, "2020-05-28")]
    [InlineData("Llama 2-70B", 8.1e23, "2023-07-18")]
    [InlineData("Llama 3.1-405B", 3.8e25, "2024-07-23")]
    public void Epoch_KnownModel_ComputeAsSourceMdStates(string name, double compute, string date)
    {
        HistoricalModel model = ModelTable.Epoch.Models.Single(m => m.Name == name);

        Assert.Equal(compute, model.TrainingCompute.Flop);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), model.PublicationDate);
    }

    [Fact]
    public void Epoch_NameWithLineBreakInItsCell_IsOneLine()
    {
        Assert.Contains(ModelTable.Epoch.Models, m => m.Name == "Cosmos-1.0- Diffusion-14B Video2World");
        Assert.DoesNotContain(ModelTable.Epoch.Models, m => m.Name.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Epoch_EmbeddedResource_IsTheDataFileWithSourceMdSha256()
    {
        string dataFile = RepositoryRoot.File("data", "epoch_ai_models", "all_ml_systems.csv");
        string stated = Sha256Line().Match(File.ReadAllText(RepositoryRoot.File("data", "epoch_ai_models", "SOURCE.md"))).Groups[1].Value;
        using Stream embedded = typeof(ModelTable).Assembly.GetManifestResourceStream(ModelTable.ResourceName)!;

        Assert.Equal(64, stated.Length);
        Assert.Equal(stated, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dataFile))));
        Assert.Equal(stated, Convert.ToHexStringLower(SHA256.HashData(embedded)));
    }

    private static ModelTable ParseText(string text) =>
        ModelTable.Parse(new StringReader(text), "models.csv").GetValueOrThrow();

    [GeneratedRegex("sha256 `([0-9a-f]{64})`")]
    private static partial Regex Sha256Line();
}
