using System.Globalization;
using System.Text;
using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

/// <summary><c>flopwise fit</c>: the Epoch data end to end, the law-file round trip, and every bad-input case.</summary>
public sealed class FitCommandTests : IDisposable
{
    private static readonly string Epoch = RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv");
    private readonly string _directory = Directory.CreateTempSubdirectory("flopwise-fit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs from L = 1.8 + 400/N^0.34 + 2000/D^0.28 over a 3×3 grid of N and D.</summary>
    private static string Synthetic(string header = "N,D,loss", Func<int, string>? extra = null)
    {
        var text = new StringBuilder(header).Append('\n');
        int row = 0;
        foreach (double n in new[] { 1e8, 1e9, 1e10 })
        {
            foreach (double d in new[] { 2e9, 2e10, 2e11 })
            {
                double loss = 1.8 + (400 / Math.Pow(n, 0.34)) + (2000 / Math.Pow(d, 0.28));
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{loss:R}").Append('\n');
                text.Append(extra?.Invoke(row++) ?? string.Empty);
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Fit_EpochData_Table()
    {
        CliRun run = Shell.Run("fit", Epoch, "--drop-highest-loss", "5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stderr);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Fit_EpochJson_FeedsOptimalLawFile()
    {
        CliRun fit = Shell.Run("fit", Epoch, "--drop-highest-loss", "5", "--json");
        Assert.True(fit.ExitCode == 0, fit.Stderr);
        Assert.Equal(string.Empty, fit.Stderr);
        JsonElement root = JsonDocument.Parse(fit.Stdout).RootElement;
        JsonElement law = root.GetProperty("law");
        Assert.Equal("chinchilla", law.GetProperty("form").GetString());
        Assert.Equal(["name", "form", "E", "A", "B", "alpha", "beta", "source"], law.EnumerateObject().Select(p => p.Name));
        Assert.Equal(240, root.GetProperty("rows").GetInt32());
        Assert.Equal(5, root.GetProperty("droppedRows").GetInt32());
        Assert.Equal(4500, root.GetProperty("starts").GetInt32());
        Assert.Equal("converged", root.GetProperty("exitReason").GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("D = C / (6N)", StringComparison.Ordinal));
        Assert.False(root.TryGetProperty("a", out _));
        Assert.InRange(law.GetProperty("alpha").GetDouble(), 0.33, 0.36);
        Assert.InRange(law.GetProperty("B").GetDouble(), 2000, 2300);

        string lawFile = Write("law.json", fit.Stdout);
        CliRun optimal = Shell.Run("optimal", "--law-file", lawFile, "--compute", "1e24", "--json");
        Assert.True(optimal.ExitCode == 0, optimal.Stderr);
        JsonElement used = JsonDocument.Parse(optimal.Stdout).RootElement.GetProperty("law");
        Assert.Equal(law.GetProperty("E").GetDouble(), used.GetProperty("E").GetDouble());
        Assert.Equal(law.GetProperty("beta").GetDouble(), used.GetProperty("beta").GetDouble());
        Assert.Equal("chinchilla_epoch_digitized-fit", used.GetProperty("name").GetString());
    }

    [Fact]
    public void Fit_Bootstrap_SkipBadRows_Plot()
    {
        string runs = Write("runs.csv", Synthetic(extra: row => row == 2 ? "1e9,abc,3\n" : string.Empty));
        string plot = Path.Combine(_directory, "fit.svg");
        CliRun run = Shell.Run("fit", runs, "--skip-bad-rows", "--bootstrap", "50", "--seed", "7", "--json", "--plot", plot);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stderr);
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(9, root.GetProperty("rows").GetInt32());
        Assert.Equal(1, root.GetProperty("skippedRows").GetInt32());
        Assert.StartsWith("skipped 1 bad row (--skip-bad-rows); first: ", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("line 5, column D: 'abc' is not a number", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0.34, root.GetProperty("law").GetProperty("alpha").GetDouble(), 3);
        Assert.Equal(7, root.GetProperty("bootstrap").GetProperty("seed").GetInt32());
        Assert.Equal(50, root.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        foreach (string key in new[] { "E", "A", "B", "alpha", "beta", "parametersExponent" })
        {
            Assert.True(root.GetProperty("standardErrors").TryGetProperty(key, out _), key);
            Assert.True(root.GetProperty("ci95").GetProperty(key).TryGetProperty("low", out _), key);
        }

        Assert.Contains("<svg", File.ReadAllText(plot), StringComparison.Ordinal);
        string isoflop = Path.Combine(_directory, "fit-isoflop.svg");
        Assert.Contains("IsoFLOP curves with the data", File.ReadAllText(isoflop), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TokensGiven_ColumnsNamed()
    {
        string runs = Write("named.csv", Synthetic(header: "size,data,val"));
        CliRun run = Shell.Run("fit", runs, "--params-column", "SIZE", "--tokens-column", "data", "--loss-column", "val", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(0.28, root.GetProperty("law").GetProperty("beta").GetDouble(), 3);
        Assert.Equal("columns used: parameters 'size', tokens 'data', loss 'val'", root.GetProperty("notes")[0].GetString());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty.csv", string.Empty, "error: {0}: is empty" },
        { "text.csv", "hello world\nthis is prose\n", "error: {0}: is not a CSV file of runs: its first line has a single column ('hello world')" },
        { "binary.csv", "\u007fELF\u0002\u0001\u0001\0\0\0\0,\0", "error: {0}: is not a CSV file of runs: it holds binary data" },
        { "nocolumn.csv", "N,D,perplexity\n1,2,3\n", "error: {0}: has no loss column (looked for loss, final loss, final_loss; columns found: N, D, perplexity); name it with --loss-column" },
        { "identical.csv", "N,D,loss\n" + string.Concat(Enumerable.Repeat("1e9,2e10,2.5\n", 8)), "error: {0}: all 8 rows are identical; a law cannot be fitted" },
        { "few.csv", "N,D,loss\n1e8,2e9,3\n1e9,2e10,2.5\n", "error: {0}: has 2 usable rows, fewer than the 5 parameters of the fit (E, A, B, alpha, beta)" },
        { "header.csv", "N,D,loss\n", "error: {0}: has no data rows" },
        { "runs.csv", "params,tokens,loss\n" + string.Concat(Enumerable.Repeat("1e8,2e9,3\n", 12)) + "1e8,abc,3\n", "error: {0}: line 14, column tokens: 'abc' is not a number" },
        { "nan.csv", "N,D,loss\n1e8,2e9,3\n1e8,2e9,nan\n", "error: {0}: line 3, column loss: 'nan' is not a finite number" },
        { "negative.csv", "N,D,loss\n1e8,2e9,3\n-1e8,2e9,3\n", "error: {0}: line 3, column N: '-1e8' must be greater than 0" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Fit_BadFile_IsOneErrorLineNamingTheFile(string name, string text, string expected)
    {
        string path = Write(name, text);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, path), Shell.AssertUsageError(Shell.Run("fit", path)));
    }

    [Fact]
    public void Fit_MissingFileOrDirectory_IsAnError()
    {
        string missing = Path.Combine(_directory, "nope.csv");
        Assert.Equal($"error: {missing}: does not exist", Shell.AssertUsageError(Shell.Run("fit", missing)));
        Assert.Equal($"error: {_directory}: is a directory, not a CSV file", Shell.AssertUsageError(Shell.Run("fit", _directory)));
    }

    [Theory]
    [InlineData("--bootstrap 200000", "error: --bootstrap: is out of range (got 200000; expected a whole number from 2 to 100000)")]
    [InlineData("--bootstrap 2.5", "error: --bootstrap: must be a whole number (got 2.5; expected a whole number from 2 to 100000)")]
    [InlineData("--bootstrap 1", "error: --bootstrap: is out of range (got 1; expected a whole number from 2 to 100000)")]
    [InlineData("--seed 3", "error: --seed: needs --bootstrap (got 3; expected --bootstrap n with --seed)")]
    [InlineData("--method hubber", "error: --method: is unknown (got hubber; expected one of huber, likelihood, isoflop; did you mean huber?)")]
    [InlineData("--method isoflop --bootstrap 10", "error: --bootstrap: cannot be combined with --method isoflop (got 10; expected --method huber or likelihood)")]
    [InlineData("--compute-bins 5", "error: --compute-bins: needs --method isoflop (got 5; expected --method isoflop)")]
    [InlineData("--drop-highest-loss 245", "error: --drop-highest-loss: would drop every row of {0} (got 245; expected fewer than the 245 rows read)")]
    [InlineData("--params-column size", "error: --params-column: {0}: has no column 'size' (columns found: x, y, color, Model Size, Training FLOP, hex_color, loss) (got size; expected one of the columns found)")]
    [InlineData("--plot fit.txt", "error: --plot: has an unknown file type (got fit.txt; expected a file name ending in .svg or .png)")]
    public void Fit_BadOption_IsOneErrorLine(string options, string expected)
    {
        CliRun run = Shell.Run(["fit", Epoch, .. options.Split(' ')]);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, Epoch), Shell.AssertUsageError(run));
    }
}
