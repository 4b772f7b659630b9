using System.Text.RegularExpressions;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

/// <summary>The README's commands work and its pasted output is what the CLI prints.</summary>
public partial class ReadmeTests
{
    private const string QuickStartCommand = "dotnet run --project src/Flopwise.Cli -- copies --compute 3e25";
    private const string TestCommand = "dotnet test --filter \"Category!=Browser\"";

    private static readonly string Readme = File.ReadAllText(RepositoryRoot.File("README.md"));

    [Fact]
    public void QuickStart_PastedOutput_MatchesTheCli()
    {
        List<(string Language, string Body)> blocks = CodeBlocks(Readme);
        int command = blocks.FindIndex(b => b.Body.Trim() == QuickStartCommand);
        Assert.True(command >= 0, "the Quick start command is missing");
        (string language, string pasted) = blocks[command + 1];
        Assert.Equal("text", language);

        CliRun run = Shell.RunLine("copies --compute 3e25");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(TrimLines(run.Stdout), TrimLines(pasted));
    }

    [Fact]
    public void QuickStart_TestCommand_IsWhatCiRuns()
    {
        List<(string Language, string Body)> blocks = CodeBlocks(Readme);
        Assert.Contains(blocks, b => b.Body.Trim() == TestCommand);
        Assert.Contains(TestCommand, File.ReadAllText(RepositoryRoot.File(".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public void Tour_EveryCommand_RunsAndSucceeds()
    {
        string[] commands = CodeBlocks(Readme)
            .Where(b => b.Language == "sh")
            .SelectMany(b => b.Body.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("flopwise ", StringComparison.Ordinal))
            .ToArray();
        Assert.True(commands.Length >= 5, $"only {commands.Length} tour commands found");
        string directory = Directory.CreateTempSubdirectory("flopwise-readme-").FullName;
        try
        {
            var outputs = new System.Text.StringBuilder();
            foreach (string command in commands)
            {
                // Single-quoted words lose their quotes, as the shell would strip them (no README word quotes a space).
                string[] args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                    .Select(a => a.Length > 1 && a[0] == '\'' && a[^1] == '\'' ? a[1..^1] : a)
                    .Select(a => a.EndsWith(".svg", StringComparison.Ordinal) || a.EndsWith(".png", StringComparison.Ordinal) ? Path.Combine(directory, a) : a)
                    .Select(a => a.StartsWith("data/", StringComparison.Ordinal) || a.StartsWith("scenarios/", StringComparison.Ordinal) ? RepositoryRoot.File(a.Split('/')) : a)
                    .ToArray();

                CliRun run = Shell.Run(args);

                Assert.True(run.ExitCode == 0, $"'{command}' exited {run.ExitCode}: {run.Stderr}");
                Assert.NotEmpty(run.Stdout);
                outputs.Append("$ ").AppendLine(command).AppendLine(run.Stdout.Replace(directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
            }

            // Every documented example is also a golden file, so a change in its output shows up in review.
            Golden.AssertMatches(outputs.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<(string Language, string Body)> CodeBlocks(string markdown) =>
        Fence().Matches(markdown.ReplaceLineEndings("\n")).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    private static string TrimLines(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex("```(\\w*)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
