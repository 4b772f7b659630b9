using System.Globalization;
using System.Text;
using System.Text.Json;
using Flopwise.Cli.Tests.Support;

namespace Flopwise.Cli.Tests;

/// <summary>Issue 25, the cases of "Why" that are the CLI's, each now refused with one line (or written as it should be).</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flopwise-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>60 runs whose loss rises with N: 2·(N/1e7)^0.05 with 0.3% noise (seeded).</summary>
    private string RisingLoss()
    {
        var random = new Random(1);
        var text = new StringBuilder("N,D,loss\n");
        for (int i = 0; i < 60; i++)
        {
            double n = Math.Pow(10, 7 + (3 * random.NextDouble()));
            double d = Math.Pow(10, 9 + (2 * random.NextDouble()));
            text.Append(CultureInfo.InvariantCulture, $"{n:G6},{d:G6},{2.0 * Math.Pow(n / 1e7, 0.05) * (1 + (0.003 * ((2 * random.NextDouble()) - 1))):G6}\n");
        }

        return Write("rising.csv", text.ToString());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    public void Scenario_50000NestedBrackets_IsOneLineExit2(string subcommand)
    {
        // Why 3: this 100 KB file aborted with exit 134 and 12 MB of stack trace.
        string path = Write("deep.yaml", "compute: " + new string('[', 50_000));

        string line = Shell.AssertUsageError(Shell.Run("scenario", subcommand, path));

        Assert.StartsWith($"error: {path}: line 1, column 73: nests deeper than 64 levels (got compute: [[[", line, StringComparison.Ordinal);
        Assert.InRange(line.Length, 0, 400);
    }

    [Fact]
    public void Scenario_DevZero_IsRefusedAfter1MB()
    {
        CliRun run = Shell.Run("scenario", "check", "/dev/zero");

        Assert.Equal("error: /dev/zero: is larger than 1 MB (got more than 1000000 bytes; expected a YAML scenario file of at most 1 MB)", Shell.AssertUsageError(run));
    }

    [Fact]
    public void Fit_DevZero_IsRefusedAtOnce()
    {
        CliRun run = Shell.Run("fit", "/dev/zero");

        Assert.Equal("error: /dev/zero: is not a CSV file of runs: it holds binary data", Shell.AssertUsageError(run));
    }

    [Fact]
    public void Catalog_DevZero_IsRefusedAfter16MB() =>
        Assert.Equal(
            "error: --catalog: names a file larger than 16 MB (got /dev/zero; expected a JSON file of at most 16 MB)",
            Shell.AssertUsageError(Shell.Run("gpus", "--catalog", "/dev/zero")));

    [Fact]
    public void LimitedReadStream_PastTheLimit_IsTheUsersError()
    {
        // The runs file's 100 MB limit, shown at 10 bytes: the read that crosses it throws the one-line error.
        using var stream = new LimitedReadStream(new MemoryStream(new byte[100]), 10, "runs.csv: is larger than 10 bytes");
        byte[] buffer = new byte[8];

        Assert.Equal(8, stream.Read(buffer, 0, 8));
        UsageException error = Assert.Throws<UsageException>(() => stream.Read(buffer, 0, 8));
        Assert.Equal("runs.csv: is larger than 10 bytes", error.Message);
    }

    [Fact]
    public void Scenario_GridWithGridIntensity_IsRefusedAsTheCliRefusesIt()
    {
        string path = Write("grid.yaml", "compute: 1e27\ngpu: h100\ngrid: france\ngrid-intensity: 0.3\n");

        Assert.Equal(
            $"error: {path}: line 3, column 1: grid: cannot be combined with grid-intensity (got france; expected one of grid or grid-intensity)",
            Shell.AssertUsageError(Shell.Run("scenario", "check", path)));
    }

    [Fact]
    public void Compare_20PlansAtAMillionSamples_IsRefusedUpFrontNamingSamples()
    {
        // Why 4: this took 77.6 s and 3.2 GB; now refused before the samples are evaluated.
        var args = new List<string> { "compare" };
        for (int i = 1; i <= 20; i++)
        {
            args.AddRange(["--plan", $"{i}B:200B"]);
        }

        args.AddRange(["--requests", "1e9..1e11", "--tokens-per-request", "1000", "--samples", "1000000", "--json"]);

        string line = Shell.AssertUsageError(Shell.Run([.. args]));

        Assert.StartsWith("error: --samples: is too many for this calculation's 200 outputs (200,000,000 values to hold; the limit is 100,000,000)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LossRisingWithN_IsExit2WithTheReason()
    {
        // Why 5: this gave alpha = -0.05, "converged", exit 0; and optimal --law-file then refused the output.
        string path = RisingLoss();
        string line = Shell.AssertUsageError(Shell.Run("fit", path, "--json"));

        Assert.StartsWith($"error: {path}: the fit is no scaling law: alpha = ", line, StringComparison.Ordinal);
        Assert.Contains("is not positive: the loss does not fall as N grows", line, StringComparison.Ordinal);
        Assert.EndsWith("expected positive exponents inside the search region, or --allow-nonphysical to keep it)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AllowNonphysical_KeepsTheFitMarked()
    {
        CliRun run = Shell.Run("fit", RisingLoss(), "--json", "--allow-nonphysical");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        string[] reasons = [.. json.RootElement.GetProperty("nonphysical").EnumerateArray().Select(r => r.GetString()!)];
        Assert.Contains(reasons, r => r.StartsWith("alpha = -", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_OneColumnForParametersAndTokens_IsExit2BeforeFitting()
    {
        // Why 5: this gave beta = 8.96, B = 1.4e63 with exit 0.
        string path = Write("twice.csv", "N,loss\n" + string.Concat(Enumerable.Range(1, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}e8,{2 + (1 / (double)i):G6}\n"))));

        Assert.Equal(
            $"error: {path}: cannot identify L = E + A/N^alpha + B/D^beta: column 'N' is used for both parameters and tokens (got parameters 'N', tokens 'N'; expected runs that vary N and D independently, or --allow-nonphysical to fit anyway)",
            Shell.AssertUsageError(Shell.Run("fit", path, "--tokens-column", "N")));
    }

    [Fact]
    public void Fit_WhatItWrites_OptimalReads()
    {
        string law = Write("law.json", Shell.Run("fit", Flopwise.Tests.Shared.RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"), "--drop-highest-loss", "5", "--json").Stdout);

        CliRun run = Shell.Run("optimal", "--law-file", law, "--compute", "1e24", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Fit_RowWithExtraFields_IsAnErrorNamingLineAndColumn()
    {
        string path = Write("extra.csv", "N,D,loss\n1e8,2e9,3.5,4\n");

        Assert.Equal($"error: {path}: line 2, column 4: has 4 fields, but the header has 3", Shell.AssertUsageError(Shell.Run("fit", path)));
    }

    [Fact]
    public void Fit_DuplicateHeader_IsAnErrorNamingLineAndColumn()
    {
        string path = Write("dup.csv", "N,D,loss,D\n1e8,2e9,3.5,4\n");

        Assert.Equal($"error: {path}: line 1, column 4: the header 'D' repeats column 2 ('D')", Shell.AssertUsageError(Shell.Run("fit", path)));
    }

    [Fact]
    public void Error_ControlCharactersInAValue_AreEscaped()
    {
        // Why 7: an OSC sequence in a value set the terminal's title; a newline split the one-line error.
        string line = Shell.AssertUsageError(Shell.Run("copies", "--compute", "1e25\u001b]0;pwned\u0007\n\u001b[2J"));

        Assert.Equal("error: --compute: is not a number (got 1e25\\u001B]0;pwned\\u0007\\n\\u001B[2J; expected a number > 0 (FLOP))", line);
    }

    [Fact]
    public void Error_HugeGpuValue_IsCutAndRefusedAtOnce()
    {
        // Why 1: a 900 KB gpu value cost 0.9 s of suggestions and printed 2.7 MB.
        string line = Shell.AssertUsageError(Shell.Run("train", "--params", "70B", "--tokens", "2T", "--gpu", new string('a', 900_000)));

        const string Note = "… (900,000 characters)";
        Assert.Equal("error: --gpu: is longer than 200 characters (got " + new string('a', 80 - Note.Length) + Note + "; expected a GPU id (see flopwise gpus))", line);
    }

    [Fact]
    public void Error_HugeScenarioValue_PrintsAShortLine()
    {
        // Why 1: a 5 MB scenario value printed a 5.2 MB error line; now the file is over the 1 MB limit, and a value
        // under it is echoed cut.
        string path = Write("big.yaml", "compute: 1e27\ngpu: " + new string('h', 900_000) + "\n");

        Assert.InRange(Shell.AssertUsageError(Shell.Run("scenario", "check", path)).Length, 0, 400);
    }

    [Fact]
    public void Copies_SubnormalResult_IsAnError() =>
        Assert.Equal(
            "error: --compute: makes 'Cluster FLOP/s reallocated C/T' overflow or underflow (got 1e-310; expected a value that keeps every result finite)",
            Shell.AssertUsageError(Shell.Run("copies", "--compute", "1e-310")));

    [Fact]
    public void Train_ParamsBelowOne_IsAnError() =>
        Assert.Equal(
            "error: --params: must be at least 1 (got 0.5; expected a number >= 1 and <= 1e+18 (parameters))",
            Shell.AssertUsageError(Shell.Run("train", "--params", "0.5", "--tokens", "1T", "--gpu", "h100")));

    [Fact]
    public void Plot_UnwritablePath_IsCannotWriteExit1()
    {
        // Why 7: this was labelled "internal error".
        CliRun run = Shell.Run("loss", "--params", "70B", "--tokens", "2T", "--plot", "/proc/x.svg");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot write /proc/x.svg (", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdout_FullDisk_IsCannotWriteExit1()
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int exit = CliApp.Run(["copies", "--compute", "3e25", "--json"], new GuardedWriter(new FullWriter(), "stdout"), stderr, isTerminal: false);

        Assert.Equal(1, exit);
        Assert.Equal("error: cannot write stdout (No space left on device)" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Stderr_FullDisk_IsExit1NotACrash()
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);

        int exit = CliApp.Run(["copies", "--compute", "-1"], stdout, new FullWriter(), isTerminal: false);

        Assert.Equal(1, exit);
    }

    /// <summary>A writer whose every write fails as on a full disk.</summary>
    private sealed class FullWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}
