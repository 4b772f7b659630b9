using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Flopwise.Cli.Tests.Support;

namespace Flopwise.Cli.Tests;

/// <summary>
/// Issue 25 §7: CsCheck fuzz of CLI argument vectors, scenario files and CSV files, with a fixed seed and a bounded
/// count so it runs in the README's test command. The contract: exit 0 with one JSON object on stdout, or exit 2
/// with one <c>error:</c> line on stderr and nothing on stdout; never exit 1, never a stack trace.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly string[] Commands = ["copies", "human", "history", "train", "memory", "serve", "budget", "loss", "optimal", "plan", "compare", "model", "laws", "gpus"];

    private static readonly string[] Options =
    [
        "--compute", "--params", "--tokens", "--gpu", "--gpus", "--days", "--mfu", "--samples", "--seed", "--model", "--law", "--plan",
        "--requests", "--tokens-per-request", "--sweep", "--grid", "--grid-intensity", "--usd", "--seq", "--batch", "--dtype",
        "--target-loss", "--inference-tokens", "--sensitivity", "--top", "--hours", "--power-watts", "--pue", "--compute-range", "--bogus",
    ];

    private static readonly string[] Values =
    [
        "3e25", "1e27", "70B", "2T", "0", "-1", "nan", "inf", "1e400", "1e-310", "0.5", "1,000", "abc", "", " ", "h100", "b200", "llama-3-70b",
        "epoch", "hoffmann|epoch", "1e25..1e27", "normal(0.4, 0.05)", "0.3..0.5", "1e24:1e26", "10B:200B", "7B:1T", "france", "bf16", "fp4",
        "costUsd", "\u001b]0;x\u0007", "a\nb", new string('x', 300), "1e6", "100", "3",
    ];

    private static readonly string[] Headers = ["N,D,loss", "N,C,loss", "params,tokens,loss,N", "N,D"];

    private readonly string _directory = Directory.CreateTempSubdirectory("flopwise-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertContract(CliRun run, string input)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        if (run.ExitCode == 0)
        {
            using JsonDocument json = JsonDocument.Parse(run.Stdout);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.DoesNotContain("NaN", run.Stdout, StringComparison.Ordinal);
            return;
        }

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode} for {input}: {run.Stderr}");
        Shell.AssertUsageError(run);
    }

    [Fact]
    public void ArgumentVectors_KeepTheErrorContract()
    {
        Gen<string[]> vector = Gen.Select(
                Gen.Int[0, Commands.Length - 1],
                Gen.Select(Gen.Int[0, Options.Length - 1], Gen.Int[0, Values.Length - 1]).Array[0, 5])
            .Select((command, pairs) => pairs.SelectMany(p => new[] { Options[p.Item1], Values[p.Item2] }).Prepend(Commands[command]).Append("--json").ToArray());
        var pcg = new PCG(25, 1);
        for (int i = 0; i < 150; i++)
        {
            string[] args = vector.Generate(pcg, null, out _);
            // Keep every run short: a Monte Carlo at most 1,000 samples.
            args = [.. args, .. args.Any(a => a.Contains("..", StringComparison.Ordinal) || a.Contains('(', StringComparison.Ordinal)) && !args.Contains("--samples") ? new[] { "--samples", "1000" } : []];
            if (args.Contains("--samples") && args.SkipWhile(a => a != "--samples").Skip(1).FirstOrDefault() == "1e6")
            {
                continue;
            }

            AssertContract(Shell.Run(args), string.Join(' ', args));
        }
    }

    [Fact]
    public void ScenarioFiles_KeepTheErrorContract()
    {
        string[] lines =
        [
            "compute: 1e27", "compute: 1e25..1e27", "gpu: h100", "gpu: [h100", "mfu: 0.4", "mfu: 1.5", "params: 70B", "tokens: 2T", "usd: 1e8",
            "grid: france", "grid-intensity: 0.3", "samples: 1000", "samples: 0", "law: epoch|hoffmann", "serving:", "  gpus: 8", "  model: llama-3-70b",
            "copies:", "  horizon: 1.5", "human:", "bogus: 1", "compute: [[[[", "- a", "compute: {a: 1}", "\tgpu: h100", "compute: 1e-310", "flop: 1e25",
        ];
        Gen<string> file = Gen.Int[0, lines.Length - 1].Array[0, 8].Select(ix => string.Join('\n', ix.Select(i => lines[i])) + "\n");
        var pcg = new PCG(25, 2);
        for (int i = 0; i < 60; i++)
        {
            string text = file.Generate(pcg, null, out _);
            string path = Path.Combine(_directory, "s.yaml");
            File.WriteAllText(path, text);
            AssertContract(Shell.Run("scenario", "run", path, "--json", "--samples", "500"), text);
        }
    }

    [Fact]
    public void CsvFiles_KeepTheErrorContract()
    {
        string[] cells = ["1e8", "2e9", "3.5", "1e10", "2e11", "2.4", "-1", "0", "nan", "1e400", "\"1e9\"", "\"a,b\"", "", "x"];
        Gen<string> row = Gen.Int[0, cells.Length - 1].Array[3, 4].Select(ix => string.Join(',', ix.Select(i => cells[i])));
        Gen<string> file = Gen.Select(Gen.Int[0, Headers.Length - 1], row.Array[0, 12])
            .Select((header, rows) => Headers[header] + "\n" + string.Join('\n', rows) + "\n");
        var pcg = new PCG(25, 3);
        for (int i = 0; i < 80; i++)
        {
            string text = file.Generate(pcg, null, out _);
            string path = Path.Combine(_directory, "runs.csv");
            File.WriteAllText(path, text);
            // isoflop keeps each run short; the reading and checking of the file is the same for every method.
            AssertContract(Shell.Run("fit", path, "--method", "isoflop", "--json", "--skip-bad-rows"), text);
            AssertContract(Shell.Run("fit", path, "--method", "isoflop", "--json"), text);
        }
    }
}
