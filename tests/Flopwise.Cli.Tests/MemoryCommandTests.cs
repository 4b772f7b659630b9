using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class MemoryCommandTests
{
    private const double Gib = 1024.0 * 1024 * 1024;

    [Fact]
    public void Memory_Llama70BOn64H100_Table()
    {
        CliRun run = Shell.RunLine("memory --model llama-2-70b --gpu h100 --gpus 64 --tp 8 --zero 1 --recompute selective --sequence-parallel --micro-batch 1");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Memory_Korthikanti22B_ActivationsMatchFigureOne()
    {
        // M2: L 48, h 6144, a 64, s 2048, micro-batch 4, t 8, p 1; the GPU also holds the fp32 logits 4·s·b·V/t.
        CliRun run = Shell.RunLine("memory --layers 48 --d-model 6144 --heads 64 --mlp gelu --vocab 51200 --gpu a100 --gpus 8 --tp 8 --micro-batch 4 --seq 2048 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        double logits = 4.0 * 2048 * 4 * 51200 / 8;
        Assert.Equal(59.25, (json.RootElement.GetProperty("activationBytes").GetDouble() - logits) / Gib, 0.01);
        Assert.False(json.RootElement.GetProperty("fits").GetBoolean());
    }

    [Fact]
    public void Memory_PipelineNotDividingLayers_FirstStageHoldsPTimesItsLayers()
    {
        // 32 layers on 31 stages: 2 layers per stage, 31 micro-batches in flight on the first stage = 62 layers' worth.
        CliRun run = Shell.RunLine("memory --model llama-2-7b --gpu h100 --gpus 31 --pp 31 --json");
        double perLayer = 4096.0 * 1 * 4096 * (34 + (5.0 * 32 * 4096 / 4096));

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(62 * perLayer, json.RootElement.GetProperty("activationBytes").GetDouble(), 1e-3);
    }

    [Fact]
    public void Memory_V100_DefaultsToFp16()
    {
        CliRun run = Shell.RunLine("memory --model llama-2-7b --gpu v100 --gpus 8 --zero 3 --json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fp16 weights and gradients", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_Mixtral_StatesTheExpertAssumption()
    {
        CliRun run = Shell.RunLine("memory --model mixtral-8x7b --gpu h100 --gpus 8 --tp 8 --seq 4096 --json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"mixtureOfExperts\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_SmallModel_Fits()
    {
        CliRun run = Shell.RunLine("memory --model llama-2-7b --gpu h100 --gpus 8 --zero 3 --recompute full --json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("fits").GetBoolean());
        Assert.Equal(
            root.GetProperty("weightsBytes").GetDouble() + root.GetProperty("gradientsBytes").GetDouble() + root.GetProperty("optimizerBytes").GetDouble() + root.GetProperty("activationBytes").GetDouble(),
            root.GetProperty("totalBytes").GetDouble(),
            1e-3);
        Assert.Equal(80e9, root.GetProperty("gpuMemoryBytes").GetDouble());
    }

    [Theory]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --tp 3", "error: --tp: does not divide the 32 query heads (got 3;")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 12 --tp 8", "error: --gpus: is not a multiple of t·p = 8 (got 12;")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --zero 4", "error: --zero: must be at most 3 (got 4;")]
    [InlineData("memory --model llama-2-7b --gpus 8", "error: --gpu: is required (got nothing;")]
    [InlineData("memory --gpu h100 --gpus 8", "error: --model: is required (got nothing;")]
    [InlineData("memory --model llama-2-7b --gpu h100", "error: --gpus: is required (got nothing;")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --interleave 2", "error: --interleave: needs pipeline parallelism")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --optimizer lion", "error: --optimizer: is unknown (got lion;")]
    [InlineData("memory --model llama-2-7b --gpu v100 --gpus 8 --dtype bf16", "error: --dtype: has no dense peak on v100-sxm2-32gb (got bf16; expected one of fp16, fp32)")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --pp 8 --interleave 8", "error: --interleave: does not split the 32 layers")]
    [InlineData("memory --model llama-2-70b --gpu h100 --gpus 64 --tp 64", "error: --tp: does not divide the 8 key/value heads")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 64 --pp 64", "error: --pp: exceeds the 32 layers")]
    [InlineData("memory --model llama-2-7b --gpu h100 --gpus 8 --dtype int8", "error: --dtype: is not a training dtype")]
    public void Memory_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Shell.AssertUsageError(Shell.RunLine(commandLine)), StringComparison.Ordinal);
    }
}
