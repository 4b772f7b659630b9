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
    public void Memory_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Shell.AssertUsageError(Shell.RunLine(commandLine)), StringComparison.Ordinal);
    }
}
