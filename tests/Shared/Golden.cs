using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace Flopwise.Tests.Shared;

/// <summary>
/// Golden-file assertions: the expected text lives in <c>Golden/&lt;Class&gt;.&lt;Test&gt;.txt</c> beside the test
/// project. Run with <c>UPDATE_GOLDEN=1</c> to rewrite the files, then review the diff in git.
/// </summary>
public static class Golden
{
    /// <summary>Asserts that <paramref name="actual"/> equals the golden file.</summary>
    /// <param name="actual">The text.</param>
    /// <param name="suffix">A suffix of the file name, for several goldens in one test.</param>
    /// <param name="relativeTolerance">
    /// 0 (the default) for exact text; above 0, numbers may differ by this relative amount while all other text is
    /// exact. Only for results whose last digits depend on the processor (the fit's objective sums in a different order
    /// with and without AVX-512).
    /// </param>
    public static void AssertMatches(
        string actual,
        string? suffix = null,
        double relativeTolerance = 0,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string testName = "")
    {
        string projectDirectory = FindProjectDirectory(callerFile);
        string className = Path.GetFileNameWithoutExtension(callerFile);
        string name = suffix is null ? $"{className}.{testName}.txt" : $"{className}.{testName}.{suffix}.txt";
        string path = Path.Combine(projectDirectory, "Golden", name);
        string normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.\nActual:\n{normalized}");
        }

        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != normalized && !(relativeTolerance > 0 && SameWithin(expected, normalized, relativeTolerance)))
        {
            string[] e = expected.Split('\n');
            string[] a = normalized.Split('\n');
            int line = 0;
            while (line < e.Length && line < a.Length && e[line] == a[line])
            {
                line++;
            }

            throw new XunitException(
                $"Output differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n"
                + $"  actual:   {(line < a.Length ? a[line] : "<end>")}\n(UPDATE_GOLDEN=1 rewrites the file.)\nActual:\n{normalized}");
        }
    }

    private static readonly Regex Number = new(@"-?\d+(\.\d+)?([eE][+-]?\d+)?", RegexOptions.CultureInvariant);

    /// <summary>The same text with numbers equal to a relative tolerance: same lines, same non-numeric text.</summary>
    private static bool SameWithin(string expected, string actual, double relativeTolerance)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        if (e.Length != a.Length)
        {
            return false;
        }

        for (int line = 0; line < e.Length; line++)
        {
            if (e[line] == a[line])
            {
                continue;
            }

            if (Number.Replace(e[line], "#") != Number.Replace(a[line], "#"))
            {
                return false;
            }

            MatchCollection en = Number.Matches(e[line]);
            MatchCollection an = Number.Matches(a[line]);
            for (int k = 0; k < en.Count; k++)
            {
                double x = double.Parse(en[k].Value, CultureInfo.InvariantCulture);
                double y = double.Parse(an[k].Value, CultureInfo.InvariantCulture);
                if (Math.Abs(x - y) > relativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string FindProjectDirectory(string callerFile)
    {
        // CI builds are deterministic (ContinuousIntegrationBuild), which maps source paths to "/_/": rebase those
        // onto the repository root.
        const string MappedRoot = "/_/";
        if (callerFile.StartsWith(MappedRoot, StringComparison.Ordinal) && !File.Exists(callerFile))
        {
            callerFile = Path.Combine(RepositoryRoot.Path, callerFile[MappedRoot.Length..]);
        }

        string? directory = Path.GetDirectoryName(callerFile);
        while (directory is not null && Directory.GetFiles(directory, "*.csproj").Length == 0)
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"No test project above {callerFile}.");
    }
}
