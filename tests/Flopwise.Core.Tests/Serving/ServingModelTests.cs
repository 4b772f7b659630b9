using Flopwise.Architectures;
using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Serving;

namespace Flopwise.Core.Tests.Serving;

public class ServingModelTests
{
    private static ModelShape Model(string id) => ModelCatalog.Default.Find(id)!.Shape;

    private static GpuSpec Gpu(string id) => GpuCatalog.Default.Resolve(id).Spec!;

    private static ServingRequest Request(string model, string gpu, double prompt, double output) => new()
    {
        Model = Model(model),
        Gpu = Gpu(gpu),
        PromptTokens = prompt,
        OutputTokens = output,
    };

    private static ServingResult Serve(ServingRequest request) => ServingModel.Compute(request);

    private static FieldError Error(ServingRequest request)
    {
        Outcome<ServingResult> outcome = ServingModel.Evaluate(request);
        Assert.Null(outcome.Value);
        return Assert.Single(outcome.Errors);
    }

    /// <summary>A GPT-style 13B as llm-analysis's test-13b: L 40, h 5120, 40 heads, 4h GELU MLP, V 50272, tied.</summary>
    private static ModelShape LlmAnalysis13B() => new()
    {
        Name = "test-13b",
        Layers = 40,
        DModel = 5120,
        Heads = 40,
        DFf = 20480,
        Mlp = MlpKind.Gelu,
        Vocab = 50272,
        TiedEmbeddings = true,
        ContextLength = 2048,
    };

    [Fact]
    public void I1_LlmViewerLlama2_7B_DecodeWithinFivePercent()
    {
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1));

        AssertClose.Relative(ServingFigures.I1DecodeSeconds, result.DecodeSecondsPerToken, ServingFigures.CalculatorTolerance);
    }

    [Theory]
    [InlineData(AttentionKernel.Fused)]
    [InlineData(AttentionKernel.Unfused)]
    public void I1_LlmViewerLlama2_7B_PrefillWithinTenPercent(AttentionKernel attention)
    {
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1) with { Attention = attention });

        AssertClose.Relative(ServingFigures.I1PrefillSeconds, result.PrefillSeconds, ServingFigures.I1PrefillTolerance);
    }

    [Fact]
    public void I1_UnfusedPrefillOps_MatchLlmViewerOnceItsLogitConventionIsApplied()
    {
        // LLM-Viewer counts the last position's logits as b·h·V operations, without the factor 2 Flopwise counts.
        ModelShape model = Model("llama-2-7b");
        double logitsGap = (double)model.DModel * model.Vocab;
        ServingResult unfused = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1) with { Attention = AttentionKernel.Unfused });

        AssertClose.Absolute(ServingFigures.I1PrefillOps, unfused.PrefillFlopPerGpu - logitsGap, ServingFigures.I1PrefillOpsHalfUnit);
        AssertClose.Absolute(ServingFigures.I1DecodeOps, unfused.DecodeFlopPerStepPerGpu - logitsGap, ServingFigures.I1DecodeOpsHalfUnit);
    }

    [Fact]
    public void FusedPrefill_CountsCausalPairsOnly_SoFewerFlopThanUnfused()
    {
        ServingRequest request = Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1);
        ServingResult fused = Serve(request);
        ServingResult unfused = Serve(request with { Attention = AttentionKernel.Unfused });

        // Non-causal minus causal attention FLOP: (4·d + 5)·a·L·(p² − p(p+1)/2) with the softmax's 5 per pair.
        ModelShape m = Model("llama-2-7b");
        double p = 1024;
        double gap = ((4.0 * m.DHead) + 5) * m.Heads * m.Layers * ((p * p) - (p * (p + 1) / 2));
        AssertClose.Relative(gap, unfused.PrefillFlopPerGpu - fused.PrefillFlopPerGpu, 1e-12);
    }

    [Fact]
    public void I2_LlmAnalysis13B_DecodeWithinFivePercent_WeightsAndKvExact()
    {
        ServingResult result = Serve(new ServingRequest
        {
            Model = LlmAnalysis13B(),
            Gpu = Gpu("a100-sxm4-40gb"),
            PromptTokens = 512,
            OutputTokens = 10,
        });

        AssertClose.Relative(ServingFigures.I2DecodeSeconds, result.DecodeSecondsPerToken, ServingFigures.CalculatorTolerance);
        AssertClose.ToPrinted(ServingFigures.I2WeightsGigabytes, result.WeightsBytes / 1e9, 0.005);
        AssertClose.ToPrinted(ServingFigures.I2KvCacheMegabytes, result.KvCacheBytes / 1e6, 0.005);
    }

    [Theory]
    [InlineData("a100-sxm4-80gb")]
    [InlineData("h100-sxm5-80gb")]
    [InlineData("h200-sxm-141gb")]
    [InlineData("mi300x")]
    [InlineData("b200")]
    [InlineData("l4")]
    [InlineData("rtx-4090")]
    public void I3_Llama2_7BDecodeAt544Tokens_IsWeightsAndKvOverBandwidth(string gpu)
    {
        // o = 1 at prompt 544: the one step at context 544 reads 544 tokens' K and V, I3's 544-token context.
        ServingResult result = Serve(Request("llama-2-7b", gpu, 544, 1));
        double expected = ServingFigures.I3DecodeMilliseconds[gpu] / 1000;

        AssertClose.Relative(expected, result.DecodeSecondsPerToken, ServingFigures.I3Tolerance);
    }

    [Fact]
    public void I3_DecodeReadsEveryWeightButTheInputTable()
    {
        ModelShape m = Model("llama-2-7b");
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 544, 1));
        double weightsRead = (m.TotalParameters - ((double)m.Vocab * m.DModel)) * 2;
        double kv = 544 * m.KvBytesPerToken(DataType.Bf16);
        double activations = result.DecodeBytesPerStepPerGpu - weightsRead - kv;

        // What remains is activation traffic and the gathered embedding row: positive, and about 10 MB.
        Assert.InRange(activations, 1e6, 20e6);
    }

    [Fact]
    public void I5_CostPerMillionTokens_AtI3Speed()
    {
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 544, 1) with { PricePerGpuHour = ServingFigures.I5PricePerGpuHour });

        AssertClose.ToPrinted(ServingFigures.I5CostUsd, result.Get("costUsdPerMillionOutputTokens")!.Value, 0.005);
    }

    [Fact]
    public void I5_CostFormula_AtAGivenThroughput_IsPriceOverThroughput()
    {
        // Only the price arithmetic: llm-analysis's 1588 tokens/s is imposed, not reproduced.
        // $/GPU-h × n × 1e6 ÷ (3600 × tokens/s): at 1588 tokens/s on one GPU, $0.26.
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 544, 1) with { PricePerGpuHour = ServingFigures.I5PricePerGpuHour }) with
        {
            Batch = 64,
            DecodeSecondsPerToken = 64 / ServingFigures.I5BatchTokensPerSecond,
        };

        AssertClose.ToPrinted(ServingFigures.I5BatchCostUsd, result.Get("costUsdPerMillionOutputTokens")!.Value, 0.005);
    }

    [Fact]
    public void KvCacheBytesPerToken_ExactForEveryListedModel()
    {
        foreach ((string id, double bytes) in ServingFigures.KvBytesPerToken)
        {
            double perToken = new InferenceRoofline(Model(id), Hardware(1)).KvBytesPerTokenPerGpu;
            Assert.True(bytes == perToken, $"{id}: expected {bytes}, got {perToken}");
        }

        ServingResult served = Serve(Request("llama-3-8b", "h100-sxm5-80gb", 16, 1));
        Assert.Equal(ServingFigures.KvBytesPerToken["llama-3-8b"], served.KvCacheBytesPerToken);
    }

    [Fact]
    public void WeightsBytes_AtOneGpuAndBf16_AreTwoBytesPerParameter_ForEveryPreset()
    {
        foreach (ModelPreset preset in ModelCatalog.Default.All)
        {
            double bytes = new InferenceRoofline(preset.Shape, Hardware(1)).WeightsBytesPerGpu;
            Assert.True(2.0 * preset.Shape.TotalParameters == bytes, $"{preset.Id}: {bytes} vs {2.0 * preset.Shape.TotalParameters}");
        }
    }

    [Fact]
    public void TensorParallel_ShardsWeightsAndKv_ReplicatingOnlyNorms()
    {
        ModelShape m = Model("llama-2-70b");
        ServingResult one = Serve(Request("llama-2-70b", "h100-sxm5-80gb", 1024, 16) with { Gpus = 8 });
        double norms = ((2.0 * m.Layers) + 1) * m.ParametersPerNorm * 2;

        Assert.Equal((2.0 * m.TotalParameters) + (7 * norms), one.WeightsBytes);
        Assert.Equal(m.KvBytesPerToken(DataType.Bf16), one.KvCacheBytesPerToken);
    }

    [Fact]
    public void TensorParallel_BeyondTheKvHeads_ReplicatesOneKvHeadPerGpu()
    {
        ModelShape m = Model("llama-2-70b");
        ServingResult sixteen = Serve(Request("llama-2-70b", "h100-sxm5-80gb", 1024, 16) with { Gpus = 16 });

        Assert.Equal(2 * m.KvBytesPerToken(DataType.Bf16), sixteen.KvCacheBytesPerToken);
    }

    [Fact]
    public void TensorParallel_AddsAllReduceTime_AndCutsDecodeTime()
    {
        ServingResult one = Serve(Request("llama-2-13b", "h100-sxm5-80gb", 1024, 16));
        ServingResult two = Serve(Request("llama-2-13b", "h100-sxm5-80gb", 1024, 16) with { Gpus = 2 });

        Assert.Equal(0, one.DecodeCommunicationSeconds);
        Assert.True(two.DecodeCommunicationSeconds > 0);
        Assert.True(two.DecodeSecondsPerToken < one.DecodeSecondsPerToken);
        Assert.True(two.DecodeSecondsPerToken > one.DecodeSecondsPerToken / 2, "t = 2 cannot beat half the t = 1 time");
    }

    [Theory]
    [InlineData(3, "does not divide the 40 query heads")]
    [InlineData(16, "does not divide the 40 query heads")]
    public void TensorParallel_MustDivideTheQueryHeads(double gpus, string message)
    {
        FieldError error = Error(Request("llama-2-13b", "h100-sxm5-80gb", 1024, 16) with { Gpus = gpus });

        Assert.Equal("gpus", error.Field);
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeTime_IsTheMeanOfTheStepsAtContextsPToPPlusOMinusOne()
    {
        ServingRequest request = Request("llama-3-8b", "a100-sxm4-80gb", 4000, 1) with { Batch = 32 };
        double[] steps = [.. Enumerable.Range(0, 5).Select(i => Serve(request with { PromptTokens = 4000 + i }).DecodeSecondsPerToken)];
        ServingResult mean = Serve(request with { OutputTokens = 5 });

        AssertClose.Relative(steps.Average(), mean.DecodeSecondsPerToken, 1e-12);
        Assert.True(steps[4] > steps[0], "a longer context reads more KV cache");
    }

    [Fact]
    public void IntegerWeights_ShrinkBytes_AndComputeInSixteenBit()
    {
        ServingRequest request = Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1);
        ServingResult bf16 = Serve(request);
        ServingResult int4 = Serve(request with { WeightDtype = DataType.Int4 });

        Assert.True(int4.WeightsBytes < bf16.WeightsBytes / 3);
        Assert.True(int4.DecodeSecondsPerToken < bf16.DecodeSecondsPerToken / 2.5);
        Assert.Equal(bf16.RidgePointFlopPerByte, int4.RidgePointFlopPerByte);
        Assert.Contains(int4.Assumptions, a => a.Name == "dtypes" && a.Text!.Contains("compute bf16", StringComparison.Ordinal));
    }

    [Fact]
    public void Fp8Weights_RunTheLayerMatmulsAtTheFp8Peak_AndAttentionAtSixteenBit()
    {
        // A 100k-token prompt: attention is a large share of the prefill FLOP, and it stays at the bf16 peak.
        ServingRequest request = Request("llama-3.1-8b", "h100-sxm5-80gb", 100_000, 1);
        ServingResult bf16 = Serve(request);
        ServingResult fp8 = Serve(request with { WeightDtype = DataType.Fp8 });
        ModelShape m = Model("llama-3.1-8b");
        double attentionFlop = (4.0 * m.DHead + 5) * m.Heads * m.Layers * (100_000.0 * 100_001 / 2);
        double attentionSeconds = attentionFlop / 989.4e12;

        Assert.True(fp8.PrefillSeconds > attentionSeconds, "attention alone takes this long at the bf16 peak");
        Assert.True(fp8.PrefillSeconds < bf16.PrefillSeconds);
        AssertClose.Relative(bf16.PrefillSeconds - ((bf16.PrefillSeconds - attentionSeconds) / 2), fp8.PrefillSeconds, 0.05);
    }

    [Fact]
    public void Fp8Weights_OnAGpuWithoutFp8_IsAnErrorNamingTheOption()
    {
        FieldError error = Error(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1) with { WeightDtype = DataType.Fp8 });

        Assert.Equal("weight-dtype", error.Field);
        Assert.Contains("no dense peak on a100-sxm4-80gb", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MixtureOfExperts_ReadsTheActiveExpertsAtBatchOne_AndNearlyAllAtLargeBatch()
    {
        ModelShape m = Model("mixtral-8x7b");
        ServingRequest request = Request("mixtral-8x7b", "h100-sxm5-80gb", 16, 1) with { WeightDtype = DataType.Fp8 };
        double one = Serve(request).DecodeBytesPerStepPerGpu;
        double many = Serve(request with { Batch = 64 }).DecodeBytesPerStepPerGpu;
        double more = Serve(request with { Batch = 128 }).DecodeBytesPerStepPerGpu;
        double expertBytes = 3.0 * m.DModel * m.DFf * m.Layers;

        // Activations and KV grow linearly in b; from 64 to 128 the experts read stay ≈ 8, so that step is the
        // linear part alone. What remains of 1 → 64 is the experts: 2 of 8 at batch 1, 8·(1 − (6/8)^64) at 64.
        double linearPerSequence = (more - many) / 64;
        double expertsGrowth = many - one - (63 * linearPerSequence);
        double expectedExpertsMore = (8 * (1 - Math.Pow(0.75, 64))) - 2;
        AssertClose.Relative(expectedExpertsMore * expertBytes, expertsGrowth, 1e-6);
    }

    [Fact]
    public void MaxBatch_IsTheLargestBatchThatFits()
    {
        ServingRequest request = Request("llama-2-13b", "a100-sxm4-80gb", 2048, 512);
        ServingResult result = Serve(request);
        double max = result.MaxBatch;

        Assert.True(max > 1);
        Assert.True(Serve(request with { Batch = max }).MemoryPerGpuBytes <= result.GpuMemoryBytes);
        FieldError error = Error(request with { Batch = max + 1 });
        Assert.Equal("batch", error.Field);
        Assert.Contains("does not fit", error.Problem, StringComparison.Ordinal);
        Assert.Contains($"--batch at most {max}", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelTooBigForTheGpus_IsAnErrorNamingGpus()
    {
        FieldError error = Error(Request("llama-3.1-405b", "a100-sxm4-80gb", 1024, 16));

        Assert.Equal("gpus", error.Field);
        Assert.Contains("exceed the 80 GB of a100-sxm4-80gb", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxContext_IsTheLongestContextThatFits_CappedByTheModel()
    {
        ServingResult small = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 256));
        Assert.Equal(4096, small.MaxContextTokens);

        ServingRequest crowded = Request("llama-2-7b", "a100-sxm4-80gb", 1024, 256) with { Batch = 64 };
        ServingResult result = Serve(crowded);
        Assert.InRange(result.MaxContextTokens, 1280, 4095);
        Assert.Null(ServingModel.Evaluate(crowded with { PromptTokens = result.MaxContextTokens - 256 }).Errors.FirstOrDefault());
        Assert.Equal("batch", Error(crowded with { PromptTokens = result.MaxContextTokens - 255 }).Field);
    }

    [Fact]
    public void PromptPlusOutput_BeyondTheContext_IsAnErrorNamingPromptTokens()
    {
        FieldError error = Error(Request("llama-2-7b", "a100-sxm4-80gb", 4000, 100));

        Assert.Equal("prompt-tokens", error.Field);
        Assert.Contains("4096-token context of llama-2-7b", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyTarget_PicksTheLargestBatchMeetingIt()
    {
        ServingRequest request = Request("llama-3-8b", "h100-sxm5-80gb", 1024, 256) with { MaxTpotMs = 20 };
        ServingResult chosen = Serve(request);

        Assert.True(chosen.Batch > 1);
        Assert.True(chosen.DecodeSecondsPerToken <= 0.020);
        ServingRequest fixedBatch = request with { MaxTpotMs = null, Batch = chosen.Batch + 1 };
        Assert.True(chosen.Batch == chosen.MaxBatch || Serve(fixedBatch).DecodeSecondsPerToken > 0.020);
    }

    [Fact]
    public void LatencyTarget_ThatNoBatchMeets_IsAnErrorNamingIt()
    {
        FieldError error = Error(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 16) with { MaxTpotMs = 5 });

        Assert.Equal("max-tpot-ms", error.Field);
        Assert.Contains("at batch 1 a decode step (time per output token) takes 6.7", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyClass_AppliesItsTargets()
    {
        ServingResult keystroke = Serve(Request("llama-3-8b", "h100-sxm5-80gb", 512, 32) with { LatencyClass = LatencyClass.Keystroke });
        ServingResult batch = Serve(Request("llama-3-8b", "h100-sxm5-80gb", 512, 32) with { LatencyClass = LatencyClass.Batch });

        Assert.True(keystroke.DecodeSecondsPerToken <= 0.010 && keystroke.PrefillSeconds <= 0.200);
        Assert.Equal(batch.MaxBatch, batch.Batch);
        Assert.True(batch.Batch > keystroke.Batch);
    }

    [Fact]
    public void BatchWithLatencyTarget_IsAnError()
    {
        Assert.Equal("batch", Error(Request("llama-3-8b", "h100-sxm5-80gb", 512, 32) with { Batch = 4, MaxTtftMs = 100 }).Field);
    }

    [Fact]
    public void RidgeBatch_IsNearTheRidgePointForSixteenBitWeights()
    {
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1024, 1));

        Assert.InRange(result.RidgeBatch!.Value, result.RidgePointFlopPerByte, result.RidgePointFlopPerByte * 1.1);
    }

    [Fact]
    public void Sweep_ThroughputGrowsAndPerUserSpeedFalls_UpToTheLargestBatchThatFits()
    {
        ServingRequest request = Request("llama-2-7b", "a100-sxm4-80gb", 1024, 256);
        ServingSweep sweep = ServingModel.Sweep(request, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]).Value!;

        Assert.Equal(10, sweep.Rows.Count + sweep.OmittedBatches);
        Assert.True(sweep.OmittedBatches > 0);
        Assert.All(sweep.Rows, r => Assert.True(r.Batch <= sweep.MaxBatch));
        for (int i = 1; i < sweep.Rows.Count; i++)
        {
            Assert.True(sweep.Rows[i].TokensPerSecond > sweep.Rows[i - 1].TokensPerSecond);
            Assert.True(sweep.Rows[i].TokensPerSecondPerUser < sweep.Rows[i - 1].TokensPerSecondPerUser);
        }
    }

    [Fact]
    public void Volume_GpuHoursAndCost_FollowTheRequestTime()
    {
        ServingResult result = Serve(Request("llama-2-7b", "a100-sxm4-80gb", 1000, 200) with
        {
            Batch = 8,
            Requests = 1e6,
            TokensPerRequest = 2400,
            PricePerGpuHour = 2,
        });
        double gpuSeconds = result.RequestSeconds / 8 * 2;

        AssertClose.Relative(1e6 * gpuSeconds / 3600, result.Get("volume.gpuHours")!.Value, 1e-12);
        AssertClose.Relative(2 * 1e6 * gpuSeconds / 3600, result.Get("volume.costUsd")!.Value, 1e-12);
        AssertClose.Relative(2.4e9, result.Get("volume.tokens")!.Value, 1e-12);
    }

    [Fact]
    public void MeasuredEfficiency_SlowsEveryPhase()
    {
        ServingRequest request = Request("llama-2-7b", "a100-sxm4-80gb", 1024, 16);
        ServingResult roofline = Serve(request);
        ServingResult measured = Serve(request with { Efficiency = EfficiencyPreset.Measured });

        AssertClose.Relative(roofline.DecodeSecondsPerToken / 0.75, measured.DecodeSecondsPerToken, 0.01);
        Assert.True(measured.PrefillSeconds > roofline.PrefillSeconds / 0.75);
    }

    [Fact]
    public void NoCatalogPrice_LeavesCostsMissing_WithTheReason()
    {
        ServingResult result = Serve(Request("llama-2-7b", "v100-sxm2-32gb", 1024, 16));

        Assert.Null(result.Get("costUsdPerMillionOutputTokens"));
        Assert.Contains(result.Missing, m => m.Key == "costUsdPerMillionOutputTokens" && m.Reason.Contains("--price-per-gpu-hour", StringComparison.Ordinal));
    }

    private static RooflineHardware Hardware(double t) =>
        new(t, 1e15, 1e15, 1e12, 1e11, 2, 2, 2, 2, AttentionKernel.Fused);
}
