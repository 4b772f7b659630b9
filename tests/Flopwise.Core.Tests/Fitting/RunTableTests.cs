using System.Text;
using Flopwise.Fitting;
using Flopwise.Inputs;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Reading run tables: column detection, derived tokens, dropped rows, bad rows, and CSV details.</summary>
public sealed class RunTableTests
{
    private const string Five = "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n8e8,1.6e10,2.8\n1.6e9,3.2e10,2.6\n";

    private static Outcome<RunTable> Parse(string text, RunTableOptions? options = null) =>
        RunTable.Parse(new StringReader(text), "runs.csv", options ?? new RunTableOptions());

    private static string Error(string text, RunTableOptions? options = null)
    {
        Outcome<RunTable> outcome = Parse(text, options);
        Assert.False(outcome.IsValid);
        return Assert.Single(outcome.Errors).Problem;
    }

    [Fact]
    public void EpochData_DerivesTokensAndDropsFiveHighestLosses()
    {
        using var reader = new StreamReader(RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"));
        RunTable table = RunTable.Parse(reader, "chinchilla_epoch_digitized.csv", new RunTableOptions { DropHighestLoss = 5 }).GetValueOrThrow();
        Assert.Equal(245, table.RowsRead);
        Assert.Equal(5, table.DroppedRows);
        Assert.Equal(240, table.Count);
        Assert.Equal("Model Size", table.ParametersColumn);
        Assert.Equal("Training FLOP", table.ComputeColumn);
        Assert.True(table.TokensDerived);
        Assert.Contains(table.Notes, n => n.Contains("D = C / (6N)", StringComparison.Ordinal));
        Assert.All(table.Loss, l => Assert.True(l < 3.44699543));
        Assert.Equal(table.Compute![0] / (6 * table.Parameters[0]), table.Tokens[0]);
        Assert.Equal(240, table.ToFitData().Count);
    }

    [Fact]
    public void ColumnsAreDetectedCaseInsensitively_AndCanBeGiven()
    {
        RunTable auto = Parse("PARAMS,Tokens,LOSS\n" + string.Join('\n', Enumerable.Range(1, 5).Select(i => $"{i}e8,{i * 3}e9,{4 - (0.1 * i)}"))).GetValueOrThrow();
        Assert.Equal("PARAMS", auto.ParametersColumn);
        Assert.Equal("Tokens", auto.TokensColumn);
        Assert.Null(auto.Compute);

        RunTable given = Parse(
            "size,data,flops_total,val\n" + string.Join('\n', Enumerable.Range(1, 5).Select(i => $"{i}e8,{i * 3}e9,{i * i * 18}e17,{4 - (0.1 * i)}")),
            new RunTableOptions { ParamsColumn = "Size", TokensColumn = "data", ComputeColumn = "flops_total", LossColumn = "val" }).GetValueOrThrow();
        Assert.Equal([1e8, 2e8, 3e8, 4e8, 5e8], given.Parameters);
        Assert.Equal([3e9, 6e9, 9e9, 12e9, 15e9], given.Tokens);
        Assert.Equal(18e17, given.Compute![0]);
        Assert.Equal(3.5, given.Loss[4], 12);
    }

    [Theory]
    [InlineData("N,D,loss\n1e8,abc,3\n", "runs.csv: line 2, column D: 'abc' is not a number")]
    [InlineData("N,D,loss\n1e8,2e9,3\n1e8,-2e9,3\n", "runs.csv: line 3, column D: '-2e9' must be greater than 0")]
    [InlineData("N,D,loss\n1e8,2e9,3\n0,2e9,3\n", "runs.csv: line 3, column N: '0' must be greater than 0")]
    [InlineData("N,D,loss\n1e8,2e9,NaN\n", "runs.csv: line 2, column loss: 'NaN' is not a finite number")]
    [InlineData("N,D,loss\n1e8,2e9,inf\n", "runs.csv: line 2, column loss: 'inf' is not a finite number")]
    [InlineData("N,D,loss\n1e8,2e9,Infinity\n", "runs.csv: line 2, column loss: 'Infinity' is not a finite number")]
    [InlineData("N,D,loss\n1e8,1e400,3\n", "runs.csv: line 2, column D: '1e400' is too large to represent")]
    [InlineData("N,D,loss\n1e8,,3\n", "runs.csv: line 2, column D: the value is empty")]
    [InlineData("N,D,loss\n1e8,2e9\n", "runs.csv: line 2: has 2 fields, but the header has 3")]
    public void BadRow_IsAnErrorNamingFileLineAndColumn(string text, string expected)
    {
        Outcome<RunTable> outcome = Parse(text);
        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal(RunTable.FileField, error.Field);
        Assert.Equal(expected, error.Problem);
    }

    [Fact]
    public void BadRow_LineCountsTheHeaderAsLineOne_AndBlankLines()
    {
        Assert.Equal("runs.csv: line 14, column tokens: 'abc' is not a number", Error("params,tokens,loss\n" + string.Concat(Enumerable.Repeat("1e8,2e9,3\n", 11)) + "\n1e8,abc,3\n"));
    }

    [Fact]
    public void SkipBadRows_CountsThemAsWarnings()
    {
        RunTable table = Parse(Five + "1e8,abc,3\n-1,2e9,3\n", new RunTableOptions { SkipBadRows = true }).GetValueOrThrow();
        Assert.Equal(5, table.Count);
        Assert.Equal(2, table.SkippedRows);
        string warning = Assert.Single(table.Warnings);
        Assert.StartsWith("skipped 2 bad rows (--skip-bad-rows); first: runs.csv: line 7, column D: 'abc' is not a number", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerRowsThanParameters_IsAnError()
    {
        Assert.Equal("runs.csv: has 4 usable rows, fewer than the 5 parameters of the fit (E, A, B, alpha, beta)", Error("N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n8e8,1.6e10,2.8\n"));
        Assert.Equal("runs.csv: has 4 usable rows, fewer than the 5 parameters of the fit (E, A, B, alpha, beta)", Error(Five, new RunTableOptions { DropHighestLoss = 1 }));
    }

    [Fact]
    public void DropHighestLoss_AllRows_IsAnErrorOnTheOption()
    {
        FieldError error = Assert.Single(Parse(Five, new RunTableOptions { DropHighestLoss = 5 }).Errors);
        Assert.Equal("drop-highest-loss", error.Field);
    }

    [Fact]
    public void MissingColumn_ListsTheColumnsFound()
    {
        Assert.Equal(
            "runs.csv: has no loss column (looked for loss, final loss, final_loss; columns found: N, D, ppl); name it with --loss-column",
            Error("N,D,ppl\n1,2,3\n"));
        FieldError given = Assert.Single(Parse(Five, new RunTableOptions { TokensColumn = "toks" }).Errors);
        Assert.Equal("tokens-column", given.Field);
        Assert.Equal("runs.csv: has no column 'toks' (columns found: N, D, loss)", given.Problem);
        Assert.StartsWith("runs.csv: has neither a tokens column", Error("N,loss\n1,2\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "runs.csv: is empty")]
    [InlineData("\n\n", "runs.csv: is empty")]
    [InlineData("N,D,loss\n", "runs.csv: has no data rows")]
    [InlineData("just some text\nmore text\n", "runs.csv: is not a CSV file of runs: its first line has a single column ('just some text')")]
    [InlineData("PK\u0003\u0004\0\0binary,stuff", "runs.csv: is not a CSV file of runs: it holds binary data")]
    public void NotARunTable_IsAClearError(string text, string expected)
    {
        Assert.Equal(expected, Error(text));
    }

    [Fact]
    public void AllRowsIdentical_IsAnError()
    {
        Assert.Equal("runs.csv: all 6 rows are identical; a law cannot be fitted", Error("N,D,loss\n" + string.Concat(Enumerable.Repeat("1e8,2e9,3\n", 6))));
    }

    [Fact]
    public void Csv_QuotedFields_Crlf_Bom_AndNoFinalNewline()
    {
        string text = "\uFEFF\"x, with comma\",\"Model Size\",\"loss\",D\r\n"
            + "\"a \"\"quoted\"\" note\",\"1e8\",3.5,2e9\r\n"
            + "\"multi\nline\",2e8,3.2,4e9\r\n"
            + "z,\" 4e8 \",3.0,8e9\r\n"
            + "z,8e8,2.8,1.6e10\r\n"
            + "z,1.6e9,2.6,abc";
        FieldError error = Assert.Single(Parse(text).Errors);
        Assert.Equal("runs.csv: line 7, column D: 'abc' is not a number", error.Problem);

        RunTable table = Parse(text.Replace("abc", "3.2e10", StringComparison.Ordinal)).GetValueOrThrow();
        Assert.Equal("Model Size", table.ParametersColumn);
        Assert.Equal([1e8, 2e8, 4e8, 8e8, 1.6e9], table.Parameters);
        Assert.Equal([2e9, 4e9, 8e9, 1.6e10, 3.2e10], table.Tokens);
    }

    [Fact]
    public void Csv_LongRecordsAcrossBufferBoundaries()
    {
        var text = new StringBuilder("note,N,D,loss\n");
        for (int i = 1; i <= 3000; i++)
        {
            text.Append('"').Append('x', i % 97).Append("\"\"y\",").Append(i).Append("e6,").Append(i * 20).Append("e6,").Append(3 + (1.0 / i)).Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        RunTable table = Parse(text.ToString()).GetValueOrThrow();
        Assert.Equal(3000, table.Count);
        Assert.Equal(3000e6, table.Parameters[^1]);
        Assert.Equal(60000e6, table.Tokens[^1]);
    }
}
