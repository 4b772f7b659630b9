using System.Globalization;
using System.Reflection;

namespace Flopwise.Web.Tests.Support;

/// <summary>
/// Runs the <c>flopwise</c> CLI in-process (its <c>CliApp.Run</c>, reached by reflection since the CLI's types are
/// internal), so that the web's answers can be compared with the CLI's <c>--json</c> for the same inputs.
/// </summary>
public static class CliRunner
{
    private static readonly MethodInfo Run = Assembly.Load("flopwise").GetType("Flopwise.Cli.CliApp", throwOnError: true)!
        .GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>Runs the CLI and returns its stdout; fails the test unless it exits 0.</summary>
    public static string Json(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exit = (int)Run.Invoke(null, [args.Append("--json").ToArray(), stdout, stderr, false])!;
        Assert.True(exit == 0, $"flopwise {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The web fields for a CLI command line: <c>--name value</c> becomes <c>nameInCamelCase=value</c>, a flag alone
    /// becomes <c>name=true</c>, and a positional preset becomes <c>model</c>. Returns the command and the fields.
    /// </summary>
    public static (string Command, List<KeyValuePair<string, string>> Fields) ToWeb(string commandLine)
    {
        string[] words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fields = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < words.Length; i++)
        {
            if (!words[i].StartsWith("--", StringComparison.Ordinal))
            {
                fields.Add(new("model", words[i]));
                continue;
            }

            string name = CamelCase(words[i][2..]);
            bool hasValue = i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal);
            fields.Add(new(name, hasValue ? words[++i] : "true"));
        }

        return (words[0], fields);
    }

    public static string CamelCase(string kebab)
    {
        string[] parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
