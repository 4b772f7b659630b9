using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class ServeCommandTests
{
    [Fact]
    public void Serve_Llama3_70BOnFourH100_Table()
    {
        CliRun run = Shell.RunLine("serve --model llama-3-70b --gpu h100 --gpus 4 --batch 16 --prompt-tokens 2000 --output-tokens 500 --requests 1M");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Serve_Json_HasTheIssuesFields()
    {
        CliRun run = Shell.RunLine("serve --model llama-2-7b --gpu a100 --prompt-tokens 1024 --output-tokens 1 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        foreach (string key in new[]
        {
            "prefillSeconds", "decodeSecondsPerToken", "tokensPerSecondPerUser", "tokensPerSecond", "weightsBytes", "kvCacheBytes",
            "kvCacheBytesPerToken", "maxBatch", "costUsdPerMillionOutputTokens", "costUsdPerMillionInputTokens", "energyKwhPerMillionTokens",
        })
        {
            Assert.True(root.GetProperty(key).GetDouble() > 0, key);
        }

        Assert.True(root.GetProperty("fits").GetBoolean());
        Assert.Equal("compute", root.GetProperty("boundBy").GetProperty("prefill").GetString());
        Assert.Equal("memory", root.GetProperty("boundBy").GetProperty("decode").GetString());
        Assert.Equal(6.75e-3, root.GetProperty("decodeSecondsPerToken").GetDouble(), 0.34e-3);
        Assert.Equal(524288, root.GetProperty("kvCacheBytesPerToken").GetDouble());
    }

    [Fact]
    public void Serve_LatencyClass_ChoosesTheBatchAndSaysSo()
    {
        CliRun run = Shell.RunLine("serve --model llama-3-8b --gpu h100 --prompt-tokens 512 --output-tokens 64 --latency-class keystroke --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("batch").GetDouble() > 1);
        Assert.True(json.RootElement.GetProperty("decodeSecondsPerToken").GetDouble() <= 0.010);
        Assert.Contains("\"batchChosen\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"latencyClass\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_SweepBatch_CsvRowsUpToTheLargestBatchThatFits()
    {
        CliRun run = Shell.RunLine("serve --model llama-2-7b --gpu a100 --prompt-tokens 1024 --output-tokens 256 --sweep-batch 1:512 --csv");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("batch,prefillSeconds,decodeSecondsPerToken,", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length - 1); // 1 … 64 fit (the largest batch is 90); 128, 256 and 512 do not
        Assert.Contains(",memory,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_SweepBatch_JsonRowsAndOmittedCount()
    {
        CliRun run = Shell.RunLine("serve --model llama-2-7b --gpu a100 --prompt-tokens 1024 --output-tokens 256 --sweep-batch 1:512 --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(7, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Contains("\"omittedBatches\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_Plot_WritesTheTradeOffWithTheRidgeMarked()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-serve-{Guid.NewGuid():N}.svg");
        try
        {
            CliRun run = Shell.RunLine($"serve --model llama-2-7b --gpu h100 --prompt-tokens 256 --output-tokens 64 --sweep-batch 1:512 --plot {path} --json");

            Assert.Equal(0, run.ExitCode);
            string svg = File.ReadAllText(path);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("ridge: decode matmuls compute-bound from batch", svg, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("serve --model llama-2-13b --gpu h100 --gpus 3", "error: --gpus: does not divide the 40 query heads of llama-2-13b (got 3; expected a divisor of 40)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --weight-dtype fp8", "error: --weight-dtype: has no dense peak on a100-sxm4-80gb (got fp8; expected one of fp32, bf16, fp16, int8, int4 (integers are dequantised to bf16))")]
    [InlineData("serve --model llama-2-7b --gpu a100 --batch 4 --max-tpot-ms 20", "error: --batch: cannot be combined with a latency target, which chooses the batch (got 4; expected --batch, or --max-ttft-ms / --max-tpot-ms / --latency-class)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --tokens-per-request 500", "error: --tokens-per-request: needs --requests (the volume it describes) (got 500; expected --requests R with it)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --prompt-tokens 4000 --output-tokens 200", "error: --prompt-tokens: plus --output-tokens 200 exceeds the 4096-token context of llama-2-7b (got 4000; expected p + o at most 4096)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --batch 0", "error: --batch: must be at least 1 (got 0; expected a whole number >= 1 and <= 1000000)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --compute-efficiency 1.5", "error: --compute-efficiency: must be at most 1 (got 1.5; expected a number > 0 and <= 1)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --latency-class instant", "error: --latency-class: is unknown (got instant; expected one of keystroke, interactive, batch)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --plot x.svg", "error: --plot: needs --sweep-batch (the plot is the batch trade-off) (got x.svg; expected --sweep-batch FROM:TO with --plot)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --sweep-batch 1:64 --batch 8", "error: --batch: cannot be combined with --sweep-batch, which sets the batches (got 8; expected --sweep-batch alone)")]
    [InlineData("serve --model llama-2-7b --gpu a100 --sweep-batch 128:512", "error: --sweep-batch: starts above the largest batch that fits (90) (got 128; expected a range starting at or below 90)")]
    [InlineData("serve --gpu a100", "error: --model: is required (got nothing; expected an architecture: --model P, --hf-config FILE or shape flags (--layers --d-model --heads ...))")]
    public void Serve_BadInput_IsOneLineExitTwo(string line, string expected)
    {
        Assert.Equal(expected, Shell.AssertUsageError(Shell.RunLine(line)));
    }

    [Fact]
    public void Serve_BatchBeyondMemory_SaysByHowMuchAndWhatFits()
    {
        string error = Shell.AssertUsageError(Shell.RunLine("serve --model llama-2-13b --gpu a100 --batch 200 --prompt-tokens 2048 --output-tokens 512"));

        Assert.StartsWith("error: --batch: does not fit: weights 26.03 GB + KV cache ", error, StringComparison.Ordinal);
        Assert.Contains("exceed the 80 GB of a100-sxm4-80gb by ", error, StringComparison.Ordinal);
        Assert.Contains("(got 200; expected --batch at most ", error, StringComparison.Ordinal);
        Assert.EndsWith("at 2048 + 512 tokens; or --gpus 8)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve --model llama-2-70b --gpu a100", "(got 1; expected --gpus 2; or --weight-dtype int8)")]
    [InlineData("serve --model llama-3.1-405b --gpu h100", "(got 1; expected --gpus 16)")]
    [InlineData("serve --model llama-3.1-8b --gpu l4 --prompt-tokens 120000", "(got 1; expected --gpus 2; or --prompt-tokens at most 36415 at this batch)")]
    public void Serve_ModelTooBig_SuggestsWhatWouldFit(string line, string suggestion)
    {
        string error = Shell.AssertUsageError(Shell.RunLine(line));

        Assert.StartsWith("error: --gpus: does not fit: weights ", error, StringComparison.Ordinal);
        Assert.EndsWith(suggestion, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_UnreachableClassTarget_NamesTheClass()
    {
        string error = Shell.AssertUsageError(Shell.RunLine("serve --model llama-3-8b --gpu h100 --prompt-tokens 8000 --latency-class keystroke --output-tokens 10 --weight-dtype fp32"));

        Assert.StartsWith("error: --latency-class: sets time to first token ≤ 200 ms, which no batch meets: at batch 1 the prefill", error, StringComparison.Ordinal);
        Assert.Contains("(got keystroke;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_UnreachableTarget_NamesIt()
    {
        string error = Shell.AssertUsageError(Shell.RunLine("serve --model llama-2-70b --gpu h100 --gpus 2 --max-ttft-ms 1"));

        Assert.StartsWith("error: --max-ttft-ms: is not met by any batch: at batch 1 the prefill (time to first token) takes ", error, StringComparison.Ordinal);
    }
}
