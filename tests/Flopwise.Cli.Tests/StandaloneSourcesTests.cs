using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

/// <summary>
/// Sources stand alone in what the CLI prints: no help text and no assumption source of a sample of commands names
/// the team's note files, which are not part of the repository (the names come from <see cref="TeamNotes"/>).
/// </summary>
public class StandaloneSourcesTests
{
    /// <summary>A sample of commands covering every calculator, the catalogs and a Monte Carlo run, as JSON.</summary>
    public static TheoryData<string> Commands() =>
    [
        "copies --compute 3e27 --json",
        "copies --compute 1e25..1e27 --json",
        "human --task-hours 1e6 --calendar-years 358 --energy-kwh 1e9 --tokens 300B --json",
        "history --compute 3e25 --json",
        "model llama-3.1-405b --json",
        "model mixtral-8x7b --flop-convention causal --json",
        "models --json",
        "gpus --json",
        "laws --json",
        "train --flop 3.14e23 --gpu v100 --gpus 10000 --achieved-tflops 28 --json",
        "train --model llama-3.1-70b --tokens 15T --gpu h100 --gpus 4096 --mfu 0.4 --grid france --json",
        "train --params 70B --tokens 2T --gpu h100 --gpus 1024..4096 --mfu 0.3..0.5 --samples 200 --json",
        "memory --model llama-2-70b --gpu h100 --gpus 64 --tp 8 --zero 1 --recompute selective --sequence-parallel --json",
        "serve --model llama-2-7b --gpu a100 --prompt-tokens 1024 --output-tokens 1 --json",
        "serve --model llama-3-70b --gpu h100 --gpus 4 --latency-class interactive --prompt-tokens 2000 --output-tokens 500 --efficiency measured --json",
        "serve --model mixtral-8x7b --gpu h100 --gpus 2 --batch 8 --weight-dtype int4 --json",
        "budget --usd 100M --gpu h100 --inference-tokens 10T --json",
        "budget --gpus 1024 --days 30 --gpu h100 --json",
        "loss --law epoch --params 70B --tokens 1.4T --json",
        "loss --law muennighoff --params 100B --tokens 100B --json",
        "optimal --compute 5.88e23 --law hoffmann --json",
        "optimal --compute 9.26e21 --unique-tokens 25B --json",
        "optimal --compute 1e25 --law deepseek --json",
        "optimal --compute 1e25 --law kaplan --json",
        "plan --law hoffmann --reference-params 70B --reference-tokens 1.4T --inference-tokens 10T --json",
        "compare --law hoffmann --requests 100B --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --plan 3B:600B:training-usd=600K:usd-per-request=3e-5 --json",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_PrintedSources_NameNeitherNoteFile(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);

        Assert.True(run.ExitCode == 0, $"{commandLine}: exit {run.ExitCode}: {run.Stderr}");
        AssertNoMention(commandLine, run.Stdout + run.Stderr);
    }

    [Fact]
    public void FitAndScenario_PrintedSources_NameNeitherNoteFile()
    {
        string[][] runs =
        [
            ["fit", RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"), "--drop-highest-loss", "5", "--method", "likelihood", "--json"],
            ["scenario", "run", RepositoryRoot.File("scenarios", "frontier-forecast.yaml")],
            ["scenario", "run", RepositoryRoot.File("scenarios", "seed003-inference-heavy.yaml"), "--markdown"],
        ];

        foreach (string[] args in runs)
        {
            CliRun run = Shell.Run(args);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: exit {run.ExitCode}: {run.Stderr}");
            AssertNoMention(string.Join(' ', args), run.Stdout + run.Stderr);
        }
    }

    [Fact]
    public void EveryCommandsHelp_NamesNeitherNoteFile()
    {
        string root = Shell.Run("--help").Stdout;
        string[] commands = [.. root[root.IndexOf("Commands:", StringComparison.Ordinal)..]
            .Split('\n')
            .Skip(1)
            .Where(line => line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0)
            .Select(line => line.Trim().Split(' ')[0])];
        Assert.Contains("serve", commands);
        Assert.True(commands.Length >= 15, string.Join(' ', commands));

        AssertNoMention("--help", root);
        foreach (string command in commands)
        {
            CliRun run = Shell.Run(command, "--help");
            Assert.Equal(0, run.ExitCode);
            AssertNoMention(command + " --help", run.Stdout);
        }

        AssertNoMention("scenario run --help", Shell.Run("scenario", "run", "--help").Stdout);
        AssertNoMention("scenario check --help", Shell.Run("scenario", "check", "--help").Stdout);
    }

    private static void AssertNoMention(string what, string output)
    {
        IReadOnlyList<(int Line, string Text)> mentions = TeamNotes.Mentions(output);
        Assert.True(mentions.Count == 0, $"{what} prints:\n" + string.Join('\n', mentions.Select(m => $"{m.Line}: {m.Text}")));
    }
}
