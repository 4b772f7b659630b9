using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Flopwise.Tests.Shared;

/// <summary>
/// Golden-file assertions: the expected text lives in <c>Golden/&lt;Class&gt;.&lt;Test&gt;.txt</c> beside the test
/// project. Run with <c>UPDATE_GOLDEN=1</c> to rewrite the files, then review the diff in git.
/// </summary>
public static class Golden
{
    public static void AssertMatches(
        string actual,
        string? suffix = null,
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
        if (expected != normalized)
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
