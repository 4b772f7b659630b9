using System.Collections;
using System.Diagnostics;
using System.Reflection;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Scaling;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Architecture;

/// <summary>
/// Sources stand alone: no file of the repository, and no source Core can print (input specs, catalog entries,
/// string constants), cites the team's note files, which are not part of the repository. Each must cite the paper,
/// data sheet or dataset itself, or a doc of this repository.
/// </summary>
public class StandaloneSourcesTests
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts"];

    [Fact]
    public void EveryRepositoryFile_NamesNeitherNoteFile()
    {
        IReadOnlyList<string> files = RepositoryFiles();
        Assert.True(files.Count > 100, $"only {files.Count} files found under {RepositoryRoot.Path}");

        var mentions = new List<string>();
        foreach (string relative in files)
        {
            string path = RepositoryRoot.File(relative.Split('/'));
            if (!File.Exists(path))
            {
                continue; // deleted in the working tree, not yet committed
            }

            if (TeamNotes.FileNames.Any(n => Path.GetFileName(path).Equals(n, StringComparison.OrdinalIgnoreCase)))
            {
                mentions.Add($"{relative}: is one of the note files");
                continue;
            }

            byte[] bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                continue; // binary
            }

            string text = System.Text.Encoding.UTF8.GetString(bytes);
            mentions.AddRange(TeamNotes.Mentions(text).Select(m => $"{relative}:{m.Line}: {m.Text}"));
        }

        Assert.True(mentions.Count == 0, "cite the paper, data sheet or dataset (or docs/…) instead:\n" + string.Join('\n', mentions));
    }

    [Fact]
    public void EveryInputSpec_SourceLabelAndDescription_NameNeitherNoteFile()
    {
        IReadOnlyList<InputSpec> specs = AllInputSpecs();
        Assert.True(specs.Count > 50, $"only {specs.Count} input specs found");

        string[] mentions = [.. specs
            .SelectMany(s => new[] { s.Source, s.Label, s.Description, s.Unit }.Select(t => (s.Name, Text: t ?? string.Empty)))
            .Where(x => TeamNotes.Mentions(x.Text, out _))
            .Select(x => $"{x.Name}: {x.Text}")];

        Assert.True(mentions.Length == 0, string.Join('\n', mentions));
    }

    [Fact]
    public void EveryCatalogEntry_SourceAndNotes_NameNeitherNoteFile()
    {
        var entries = new List<(string Id, object Entry)>();
        entries.AddRange(GpuCatalog.Default.All.Select(g => (g.Id, (object)g)));
        entries.AddRange(ModelCatalog.Default.All.Select(m => (m.Id, (object)m)));
        entries.AddRange(LawCatalog.Default.All.Select(l => (l.Id, (object)l)));
        Assert.True(entries.Count > 30, $"only {entries.Count} catalog entries found");

        string[] mentions = [.. entries
            .SelectMany(e => Strings(e.Entry, 3).Select(t => (e.Id, Text: t)))
            .Where(x => TeamNotes.Mentions(x.Text, out _))
            .Select(x => $"{x.Id}: {x.Text}")];

        Assert.True(mentions.Length == 0, string.Join('\n', mentions));
    }

    [Fact]
    public void EveryCoreStringConstant_NamesNeitherNoteFile()
    {
        string[] mentions = [.. typeof(InputSpec).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Text: (string?)f.GetRawConstantValue() ?? string.Empty)))
            .Where(x => TeamNotes.Mentions(x.Text, out _))
            .Select(x => $"{x.Name}: {x.Text}")];

        Assert.True(mentions.Length == 0, string.Join('\n', mentions));
    }

    [Fact]
    public void Mentions_FindsTheNamesInAnyCitationForm_AndNotOrdinaryWords()
    {
        string reference = TeamNotes.FileNames[0];
        string design = TeamNotes.FileNames[1];
        string bareReference = reference[..^3];
        string bareDesign = design[..^3];

        Assert.True(TeamNotes.Mentions($"see {reference} §7", out _));
        Assert.True(TeamNotes.Mentions($"({design}, \"Names\")", out _));
        Assert.True(TeamNotes.Mentions($"docs/{reference.ToLowerInvariant()}", out _));
        Assert.True(TeamNotes.Mentions($"the roofline lower bound ({bareReference} §5)", out _));
        Assert.True(TeamNotes.Mentions($"{bareDesign} serving convention", out _));
        Assert.False(TeamNotes.Mentions("tests/Flopwise.Core.Tests/Reference/ModelFigures.cs", out _));
        Assert.False(TeamNotes.Mentions("the reference design of the roofline", out _));
        Assert.False(TeamNotes.Mentions("ReferenceAnswerTokens, DesignTokens", out _));
    }

    /// <summary>Tracked files (git ls-files), or every file under the root but build output when git is unavailable.</summary>
    private static IReadOnlyList<string> RepositoryFiles()
    {
        try
        {
            using var git = new Process
            {
                StartInfo = new ProcessStartInfo("git", ["-C", RepositoryRoot.Path, "ls-files", "-z"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                },
            };
            git.Start();
            string output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0 && output.Length > 0)
            {
                return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no git on this machine: walk the directory instead
        }

        return [.. Walk(RepositoryRoot.Path).Select(p => Path.GetRelativePath(RepositoryRoot.Path, p).Replace('\\', '/'))];

        static IEnumerable<string> Walk(string directory)
        {
            foreach (string file in Directory.EnumerateFiles(directory))
            {
                yield return file;
            }

            foreach (string sub in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                {
                    foreach (string file in Walk(sub))
                    {
                        yield return file;
                    }
                }
            }
        }
    }

    /// <summary>Every InputSpec Core declares: static properties and fields holding one or a list of them.</summary>
    private static IReadOnlyList<InputSpec> AllInputSpecs()
    {
        var specs = new List<InputSpec>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in typeof(InputSpec).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            IEnumerable<(Type Type, Func<object?> Get)> members = type.GetProperties(flags)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
                .Select(p => (p.PropertyType, (Func<object?>)(() => p.GetValue(null))))
                .Concat(type.GetFields(flags).Where(f => !f.IsLiteral).Select(f => (f.FieldType, (Func<object?>)(() => f.GetValue(null)))));
            foreach ((Type memberType, Func<object?> get) in members)
            {
                if (memberType == typeof(InputSpec))
                {
                    specs.Add((InputSpec)get()!);
                }
                else if (typeof(IEnumerable<InputSpec>).IsAssignableFrom(memberType))
                {
                    specs.AddRange((IEnumerable<InputSpec>)get()!);
                }
            }
        }

        return [.. specs.Distinct()];
    }

    /// <summary>The strings an entry carries: its string properties, and those of its Flopwise-typed parts.</summary>
    private static IEnumerable<string> Strings(object? value, int depth)
    {
        if (value is null || depth < 0)
        {
            yield break;
        }

        if (value is string s)
        {
            yield return s;
            yield break;
        }

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                object? element = item is DictionaryEntry entry ? entry.Value : item;
                foreach (string inner in Strings(element, depth - 1))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        Type type = value.GetType();
        if (type.IsEnum || type.IsPrimitive || type.Namespace?.StartsWith("Flopwise", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            Type propertyType = property.PropertyType;
            bool carriesText = propertyType == typeof(string)
                || typeof(IEnumerable).IsAssignableFrom(propertyType)
                || (propertyType.Namespace?.StartsWith("Flopwise", StringComparison.Ordinal) == true && !propertyType.IsEnum);
            if (!carriesText)
            {
                continue;
            }

            foreach (string inner in Strings(property.GetValue(value), depth - 1))
            {
                yield return inner;
            }
        }
    }
}
