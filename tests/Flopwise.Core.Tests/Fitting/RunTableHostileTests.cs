using System.Text;
using CsCheck;
using Flopwise.Fitting;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Issue 25 §6–7: rows with extra fields, repeated headers, binary data, and a fuzz of CSV text.</summary>
public sealed class RunTableHostileTests
{
    private static Outcome<RunTable> Parse(string text, RunTableOptions? options = null) =>
        RunTable.Parse(new StringReader(text), "runs.csv", options ?? new RunTableOptions());

    private static string Error(string text, RunTableOptions? options = null) => Assert.Single(Parse(text, options).Errors).Problem;

    [Fact]
    public void Parse_RowWithExtraFields_IsAnErrorNamingLineAndColumn() =>
        Assert.Equal("runs.csv: line 3, column 4: has 4 fields, but the header has 3", Error("N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2,9\n"));

    [Fact]
    public void Parse_RowWithExtraFields_IsSkippedWithSkipBadRows()
    {
        string rows = "N,D,loss\n1e8,2e9,3.5,1\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}e8,{i}e9,{4 - (0.1 * i)}\n"));

        RunTable table = Parse(rows, new RunTableOptions { SkipBadRows = true }).GetValueOrThrow();

        Assert.Equal(1, table.SkippedRows);
    }

    [Theory]
    [InlineData("N,D,loss,N\n", "runs.csv: line 1, column 4: the header 'N' repeats column 1 ('N')")]
    [InlineData("N,D,Loss,loss\n", "runs.csv: line 1, column 4: the header 'loss' repeats column 3 ('Loss')")]
    public void Parse_DuplicateHeader_IsAnErrorNamingLineAndColumn(string header, string expected) =>
        Assert.Equal(expected, Error(header + "1e8,2e9,3.5,1\n"));

    [Fact]
    public void Parse_UnnamedColumnsTwice_AreNotDuplicates() =>
        Assert.DoesNotContain("repeats", Error(",,N,D,loss\n1,2,1e8,2e9,3.5\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_EndlessNulBytes_StopsAtTheFirstRecord()
    {
        // /dev/zero: the reader must not keep reading for the end of a line that never comes.
        using var endless = new StreamReader(new EndlessZeros());

        Outcome<RunTable> outcome = RunTable.Parse(endless, "/dev/zero", new RunTableOptions());

        Assert.Equal("/dev/zero: is not a CSV file of runs: it holds binary data", Assert.Single(outcome.Errors).Problem);
    }

    /// <summary>CSV text from headers, numbers and hostile fragments: Parse answers (a table or one error), never throws.</summary>
    [Fact]
    public void Parse_FuzzedCsv_NeverThrows()
    {
        string[] cells = ["N", "D", "loss", "C", "tokens", "1e8", "2e9", "3.5", "-1", "0", "nan", "inf", "1e400", "1e-310", "\"1e8\"", "\"a,b\"", "\"", "\"\"", "", " ", "\0", "\u001b[2J", "abc", "1,000", "\r"];
        Gen<string> row = Gen.Int[0, cells.Length - 1].Array[0, 6].Select(ix => string.Join(',', ix.Select(i => cells[i])));
        Gen<string> file = Gen.Select(row.Array[0, 10], Gen.Bool).Select((rows, crlf) => "N,D,loss\n" + string.Join(crlf ? "\r\n" : "\n", rows));
        var pcg = new PCG(25, 7);
        for (int i = 0; i < 500; i++)
        {
            string text = file.Generate(pcg, null, out _);
            Outcome<RunTable> outcome = Parse(text, new RunTableOptions { SkipBadRows = i % 2 == 0 });
            Assert.True(outcome.Value is not null || outcome.Errors.Count == 1, text);
            if (outcome.Value is RunTable table)
            {
                _ = FitChecks.Identification(table);
            }
        }
    }

    private sealed class EndlessZeros : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
