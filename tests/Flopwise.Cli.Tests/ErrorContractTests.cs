using Flopwise.Cli.Tests.Support;

namespace Flopwise.Cli.Tests;

/// <summary>The CLI contract for bad input: one line on stderr, exit code 2, nothing on stdout, no stack trace.</summary>
public class ErrorContractTests
{
    [Theory]
    [InlineData("-1", "error: --compute: must be greater than 0 (got -1; expected a number > 0 (FLOP))")]
    [InlineData("0", "error: --compute: must be greater than 0 (got 0; expected a number > 0 (FLOP))")]
    [InlineData("nan", "error: --compute: is not a finite number (got nan; expected a number > 0 (FLOP))")]
    [InlineData("inf", "error: --compute: is not a finite number (got inf; expected a number > 0 (FLOP))")]
    [InlineData("1e400", "error: --compute: is too large to represent (got 1e400; expected a number > 0 (FLOP))")]
    [InlineData("abc", "error: --compute: is not a number (got abc; expected a number > 0 (FLOP))")]
    [InlineData("1,000", "error: --compute: is not a number (got 1,000; expected a number > 0 (FLOP))")]
    public void Copies_BadCompute_OneLineExit2(string value, string expected)
    {
        Assert.Equal(expected, Shell.AssertUsageError(Shell.Run("copies", "--compute", value)));
    }

    [Theory]
    [InlineData("--k")]
    [InlineData("--tokens-per-parameter")]
    [InlineData("--horizon")]
    [InlineData("--duration-seconds")]
    [InlineData("--task-tokens-per-second")]
    public void Copies_NegativeOptional_NamesTheOption(string option)
    {
        string line = Shell.AssertUsageError(Shell.Run("copies", "--compute", "3e25", option, "-1"));

        Assert.StartsWith($"error: {option}: must be greater than 0 (got -1; expected a number > 0", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--task-hours")]
    [InlineData("--reference-parameters")]
    [InlineData("--reference-flop")]
    [InlineData("--reference-hours")]
    [InlineData("--speedup")]
    [InlineData("--energy-kwh")]
    [InlineData("--tokens")]
    [InlineData("--words-per-minute")]
    public void Human_BadValues_NameTheOption(string option)
    {
        foreach (string bad in new[] { "-1", "0", "nan", "inf", "1e400", "abc", "1,000" })
        {
            string[] other = option == "--task-hours" ? ["--energy-kwh", "1"] : ["--task-hours", "10"];
            string line = Shell.AssertUsageError(Shell.Run(["human", .. other, option, bad]));
            Assert.StartsWith($"error: {option}: ", line, StringComparison.Ordinal);
            Assert.Contains($"(got {bad}; expected ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Copies_MissingCompute_RequiredError()
    {
        Assert.Equal(
            "error: --compute: is required (got nothing; expected a number > 0 (FLOP))",
            Shell.AssertUsageError(Shell.RunLine("copies")));
    }

    [Fact]
    public void Human_NothingToConvert_Error()
    {
        Assert.StartsWith(
            "error: --task-hours: is required unless calendar-years, energy-kwh or tokens is given (got nothing;",
            Shell.AssertUsageError(Shell.RunLine("human")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_SuggestsClosest()
    {
        Assert.Equal(
            "error: copeis: unknown command (got copeis; expected one of copies, human, history, loss, laws, model, train, memory, models, gpus, serve, budget, optimal, plan, compare, fit, scenario; did you mean copies?)",
            Shell.AssertUsageError(Shell.RunLine("copeis --compute 3e25")));
    }

    [Fact]
    public void UnknownOption_SuggestsClosest()
    {
        Assert.Equal(
            "error: --comput: unknown option (got --comput; expected an option of 'flopwise copies'; did you mean --compute?)",
            Shell.AssertUsageError(Shell.RunLine("copies --comput 3e25")));
    }

    [Fact]
    public void UnknownOption_NothingClose_PointsToHelp()
    {
        Assert.Equal(
            "error: --zzzzzzzz: unknown option (got --zzzzzzzz; expected an option of 'flopwise copies' (see --help))",
            Shell.AssertUsageError(Shell.RunLine("copies --compute 3e25 --zzzzzzzz 1")));
    }

    [Fact]
    public void RepeatedOption_Error()
    {
        Assert.Equal(
            "error: --compute: is given more than once or with more than one value (got 1 2; expected one value)",
            Shell.AssertUsageError(Shell.RunLine("copies --compute 1 --compute 2")));
    }

    [Fact]
    public void OptionWithoutValue_Error()
    {
        Assert.Equal(
            "error: --compute: needs a value (got nothing; expected one value)",
            Shell.AssertUsageError(Shell.RunLine("copies --compute")));
    }

    [Fact]
    public void StrayArgument_Error()
    {
        Assert.StartsWith("error: extra: unexpected argument (got extra;", Shell.AssertUsageError(Shell.RunLine("copies --compute 3e25 extra")), StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_NamesTheInputThatCausedIt()
    {
        Assert.Equal(
            "error: --k: makes 'Parameters p' overflow or underflow (got 1e-300; expected a value that keeps every result finite)",
            Shell.AssertUsageError(Shell.RunLine("copies --compute 1e300 --k 1e-300")));
    }

    [Theory]
    [InlineData("copies --sweep 1e34:1e24", "error: --sweep: is reversed (TO is below FROM) (got 1e34:1e24;")]
    [InlineData("copies --sweep 1e25:", "error: --sweep: TO is empty (got 1e25:;")]
    [InlineData("copies --sweep 1e-150:1e100", "error: --sweep: has more than 200 rows (got 1e-150:1e100;")]
    [InlineData("copies --sweep 1e24:1e26 --compute 3e25", "error: --sweep: cannot be combined with --compute (got 1e24:1e26;")]
    [InlineData("copies --compute 3e25 --json --csv", "error: --csv: cannot be combined with --json")]
    [InlineData("copies --compute 3e25 --plot out.txt", "error: --plot: has an unknown file type (got out.txt; expected a file name ending in .svg or .png)")]
    [InlineData("copies --compute 3e25 --plot /nonexistent-dir/sub/x.svg", "error: --plot: cannot be written: DirectoryNotFound (got /nonexistent-dir/sub/x.svg;")]
    [InlineData("human --task-hours 1 --csv", "error: --csv: unknown option")]
    public void BadCombinations_Error(string commandLine, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Shell.AssertUsageError(Shell.RunLine(commandLine)), StringComparison.Ordinal);
    }
}

public class VersionTests
{
    [Fact]
    public void Version_PrintsTheVersionAndEachCatalogsDate()
    {
        CliRun run = Shell.RunLine("--version");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\d+\.\d+\.\d+", lines[0]);
        Assert.Equal(
            ["GPU catalog: 2026-11-28", "Model presets: 2026-11-28", "Scaling laws: 2026-11-28", "Epoch AI models snapshot: 2025-06-20"],
            lines[1..]);
    }

    [Theory]
    [InlineData("gpus --json")]
    [InlineData("models --json")]
    [InlineData("laws --json")]
    [InlineData("copies --compute 3e25 --json")]
    [InlineData("fit data/chinchilla_epoch_digitized.csv --method isoflop --json")]
    public void EveryJsonOutput_CarriesProvenance(string line)
    {
        string[] args = [.. line.Split(' ').Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Flopwise.Tests.Shared.RepositoryRoot.File(a.Split('/')) : a)];
        CliRun run = Shell.Run(args);

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        System.Text.Json.JsonElement provenance = json.RootElement.GetProperty("provenance");
        Assert.Equal("2026-11-28", provenance.GetProperty("gpuCatalog").GetString());
        Assert.Equal("2025-06-20", provenance.GetProperty("epochModels").GetString());
    }
}
