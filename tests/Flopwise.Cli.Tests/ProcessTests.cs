using System.Diagnostics;
using System.Text;

namespace Flopwise.Cli.Tests;

/// <summary>
/// Issue 25 §7, the cases only a real process shows: the locale's encoding and the standard streams on a full device.
/// Runs the built CLI (flopwise.dll beside the tests) with <c>dotnet</c>.
/// </summary>
public sealed class ProcessTests
{
    private static (int Exit, byte[] Stdout, string Stderr) Run(string shell, IReadOnlyDictionary<string, string>? environment = null)
    {
        string dll = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shell.Replace("FLOPWISE", "dotnet '" + dll + "'", StringComparison.Ordinal));
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the CLI did not finish in 120 s");
        copy.Wait();
        return (process.ExitCode, stdout.ToArray(), stderr);
    }

    [Fact]
    public void Json_UnderAnIso88591Locale_IsUtf8()
    {
        // Why 7: --json was Latin-1 under an ISO-8859-1 locale.
        (int exit, byte[] stdout, string _) = Run("FLOPWISE copies --compute 3e25 --json", new Dictionary<string, string> { ["LANG"] = "en_US.ISO-8859-1", ["LC_ALL"] = "en_US.ISO-8859-1" });

        Assert.Equal(0, exit);
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stdout);
        Assert.Contains("k·p", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stderr_OnDevFull_IsExit1NotAnAbort()
    {
        // Why 7: stderr on /dev/full aborted with 134.
        (int exit, byte[] _, string _) = Run("FLOPWISE copies --compute -1 2>/dev/full");

        Assert.Equal(1, exit);
    }

    [Fact]
    public void Stdout_OnDevFull_IsCannotWriteExit1()
    {
        (int exit, byte[] _, string stderr) = Run("FLOPWISE copies --compute 3e25 --json >/dev/full");

        Assert.Equal(1, exit);
        Assert.Equal("error: cannot write stdout (No space left on device)\n", stderr);
    }
}
