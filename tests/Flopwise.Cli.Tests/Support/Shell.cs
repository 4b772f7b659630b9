using System.Globalization;

namespace Flopwise.Cli.Tests.Support;

/// <summary>What one run of the CLI produced.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the CLI in-process with captured stdout and stderr, as when output is redirected.</summary>
public static class Shell
{
    public static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exit = CliApp.Run(args, stdout, stderr, isTerminal: false);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Splits a command line on spaces (no quoting needed in these tests).</summary>
    public static CliRun RunLine(string commandLine) =>
        Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Asserts the contract for bad input: exit 2, nothing on stdout, one <c>error:</c> line on stderr.</summary>
    public static string AssertUsageError(CliRun run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        return line;
    }
}
