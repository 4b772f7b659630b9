using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class TrainCommandTests
{
    private static JsonElement Json(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Train_Seed001Gpt3OnV100_Table()
    {
        CliRun run = Shell.RunLine("train --flop 3.14e23 --gpu v100 --gpus 10000 --achieved-tflops 28");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Train_Seed001Energy_Json()
    {
        JsonElement root = Json("train --gpu v100 --gpus 10000 --days 13 --pue 1.5 --json");

        Assert.Equal(936_000, root.GetProperty("itEnergyKwh").GetDouble(), 6);
        Assert.Equal(1_404_000, root.GetProperty("facilityEnergyKwh").GetDouble(), 6);
        Assert.False(root.TryGetProperty("mfu", out _));
        Assert.Contains(root.GetProperty("notDerived").EnumerateArray(), m => m.GetProperty("key").GetString() == "mfu");
    }

    [Fact]
    public void Train_LlamaTwoSevenModelCard_JsonFieldsAndMfu()
    {
        JsonElement root = Json("train --model llama-2-7b --tokens 2T --gpu a100 --gpu-hours 184320 --grid-intensity 0.4235 --json");

        Assert.Equal(0.391, root.GetProperty("mfu").GetDouble(), 0.001);
        Assert.Equal(31_220, root.GetProperty("co2Kg").GetDouble(), 0.005 * 31_220);
        foreach (string key in new[] { "trainingFlop", "hardwareFlop", "gpuHours", "mfu", "costUsd", "itEnergyKwh", "facilityEnergyKwh", "co2Kg", "assumptions" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "gpuName" && a.GetProperty("value").GetString() == "a100-sxm4-80gb");
    }

    [Fact]
    public void Train_PalmModelConvention_Mfu462()
    {
        JsonElement root = Json("train --model palm-540b --tokens 780B --flop-convention model --gpu tpu-v4 --gpus 6144 --tokens-per-second-per-gpu 38.7858072917 --json");

        Assert.Equal(0.462, root.GetProperty("mfu").GetDouble(), 0.001);
        Assert.Equal(2.557e24, root.GetProperty("trainingFlop").GetDouble(), 0.001e24);
    }

    [Fact]
    public void Train_ShapeFlags_SameAsPreset()
    {
        JsonElement flags = Json("train --layers 32 --d-model 4096 --heads 32 --d-ff 11008 --vocab 32000 --tokens 2T --gpu a100 --gpus 64 --json");
        JsonElement preset = Json("train --model llama-2-7b --tokens 2T --gpu a100 --gpus 64 --json");

        Assert.Equal(preset.GetProperty("parameters").GetDouble(), flags.GetProperty("parameters").GetDouble());
        Assert.Equal(preset.GetProperty("trainingFlop").GetDouble(), flags.GetProperty("trainingFlop").GetDouble());
    }

    [Fact]
    public void Train_SweepGpus_CsvRowsAndPlot()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-train-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = Shell.Run("train", "--params", "70B", "--tokens", "2T", "--gpu", "h100", "--sweep-gpus", "256:65536", "--price-per-gpu-hour", "2", "--csv", "--plot", path);

            Assert.Equal(0, run.ExitCode);
            string[] lines = run.Stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(10, lines.Length);
            Assert.Contains("wallTimeDays", lines[0], StringComparison.Ordinal);
            Assert.Contains("Wall time (days)", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("train --model llama-2-7b --tokens 2T --gpu h1000x --gpus 8", "error: --gpu: is unknown (got h1000x; expected a GPU id (see flopwise gpus); did you mean")]
    [InlineData("train --model llama-2-7x --tokens 2T --gpu h100 --gpus 8", "error: --model: is unknown (got llama-2-7x; expected a model preset (see flopwise models); did you mean")]
    [InlineData("train --flop 1e22 --gpu v100 --gpus 8 --dtype fp8", "error: --dtype: has no dense peak on v100-sxm2-32gb (got fp8; expected one of")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --mfu 1.5", "error: --mfu: must be at most 1 (got 1.5;")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --mfu 0", "error: --mfu: must be greater than 0 (got 0;")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --mfu 0.4 --days 3", "error: --days: over-determines the run together with --gpus and --mfu")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --mfu 0.4 --gpu-hours 10", "error: --gpu-hours: cannot be combined with --mfu")]
    [InlineData("train --gpu h100 --gpus 8", "error: --days: nothing fixes how long the run takes")]
    [InlineData("train --params 7B --tokens 1T --gpu h100 --gpus 8 --recompute selective", "error: --recompute: needs an architecture")]
    [InlineData("train --params 7B --tokens 1T --gpu h100 --gpus 8 --flop-convention causal", "error: --flop-convention: needs an architecture")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --dtype fp9", "error: --dtype: is unknown (got fp9; expected one of fp32, tf32, fp16, bf16, fp8, int8, int4; did you mean")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8.5", "error: --gpus: must be a whole number (got 8.5;")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --grid mars", "error: --grid: is unknown (got mars;")]
    [InlineData("train --flop 1e22 --gpu a100-pcie --gpus 8", "error: --gpu: is ambiguous (got a100-pcie; expected one of a100-pcie-40gb, a100-pcie-80gb)")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --catalog /nonexistent/my.json", "error: --catalog: names a file that does not exist (got /nonexistent/my.json;")]
    [InlineData("train --model llama-2-7b --params 7B --tokens 1T --gpu h100 --gpus 8", "error: --params: cannot be combined with a model")]
    [InlineData("train --model llama-2-7b --layers 4 --tokens 1T --gpu h100 --gpus 8", "error: --model: is given more than one way")]
    [InlineData("train --flop 1e25 --gpu v100 --gpus 8 --days 1", "error: --days: implies an MFU of")]
    [InlineData("train --flop 1e24 --recompute full --gpu a100 --gpus 1024 --mfu 0.9", "error: --mfu: implies a hardware FLOP utilisation of 1.2 with --recompute full, above 1")]
    [InlineData("train --flop 1e24 --peak-tflops 100 --gpus 8 --catalog /nonexistent/my.json", "error: --catalog: names a file that does not exist")]
    [InlineData("train --flop 1e20 --gpu h100 --mfu 0.5 --days 30", "error: --days: implies 0.07799 GPUs (fewer days")]
    [InlineData("train --flop 1e24 --peak-tflops 1e300 --gpus 8 --days 1", "error: --peak-tflops: must be at most 1000000")]
    [InlineData("train --params 7B --tokens 1T --seq 4096 --gpu h100 --gpus 8", "error: --seq: needs an architecture")]
    [InlineData("train --model llama-2-7b --gpu h100 --gpus 8", "error: --tokens: is needed to count the training FLOP")]
    [InlineData("train --model llama-2-7b --tokens 1T --gpu h100 --days 10", "error: --gpus: is needed with --days (got nothing; expected --gpus n, or an efficiency")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --sweep-gpus 1.5:10", "error: --sweep-gpus: has a cluster size that must be a whole number")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --sweep-gpus 1e8:2e8", "error: --sweep-gpus: has a cluster size that must be at most")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --sweep-gpus 256:65536 --gpus 8", "error: --sweep-gpus: cannot be combined with --gpus")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --gpus 8 --plot x.svg", "error: --plot: needs --sweep-gpus")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --grid france --grid-intensity 0.1", "error: --grid: cannot be combined with --grid-intensity")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --grid france --grid-intensity 0.1..0.2", "error: --grid: cannot be combined with --grid-intensity (got france; expected one of --grid or --grid-intensity)")]
    [InlineData("train --flop 1e22 --gpu h100 --gpus 8 --grid mars", "error: --grid: is unknown (got mars; expected a grid region: world,")]
    [InlineData("train --params 30B..70B --tokens 2T --gpu h100 --sweep-gpus 8:64", "error: --sweep-gpus: cannot be combined with an input given as a distribution (got 8:64; expected point inputs with --sweep-gpus, or no --sweep-gpus)")]
    [InlineData("train --params 70B --tokens 2T --gpu h100 --gpus 8 --plot x.svg --json", "error: --plot: needs --sweep-gpus (got --plot; expected --sweep-gpus FROM:TO with --plot)")]
    public void Train_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Shell.AssertUsageError(Shell.RunLine(commandLine)), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_HfConfigMissingKey_NamesTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-hf-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"model_type": "llama", "num_hidden_layers": 32, "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000}""");
        try
        {
            string line = Shell.AssertUsageError(Shell.Run("train", "--hf-config", path, "--tokens", "1T", "--gpu", "h100", "--gpus", "8"));

            Assert.StartsWith("error: --hf-config: ", line, StringComparison.Ordinal);
            Assert.Contains("hidden_size", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Train_UserCatalog_OverridesPrice()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-cat-{Guid.NewGuid():N}.json");
        string builtIn = Shell.RunLine("gpus --json").Stdout;
        using JsonDocument all = JsonDocument.Parse(builtIn);
        Assert.True(all.RootElement.GetProperty("rows").GetArrayLength() >= 15);
        File.WriteAllText(path, """
            {"gpus": [{"id": "my-accel", "name": "My accelerator", "vendor": "Acme", "aliases": [], "dense": {"bf16": 500}, "sparse": {},
              "memory": {"value": 96, "unit": "GB"}, "bandwidthTBps": 4, "tdpWatts": 600, "interconnect": {"name": "PCIe Gen5 x16", "gbps": 128},
              "source": "https://example.com/my-accel", "notes": "", "price": {"usdPerHour": 1.5, "source": "my contract", "date": "2026-11", "volatile": true}}]}
            """);
        try
        {
            JsonElement root = Json($"train --flop 1e24 --gpu my-accel --gpus 100 --mfu 0.5 --catalog {path} --json");

            Assert.Equal(1e24 / (100 * 500e12 * 0.5) / 86_400, root.GetProperty("wallTimeDays").GetDouble(), 1e-9);
            Assert.Equal(1e24 / (500e12 * 0.5) / 3600 * 1.5, root.GetProperty("costUsd").GetDouble(), 1e-3);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
