namespace Flopwise.Core.Tests.Reference;

/// <summary>Published and derived serving figures with sources and tolerances.</summary>
public static class ServingFigures
{
    /// <summary>Tolerance for other calculators' outputs (5%, conventions reproduced or the gap explained; docs/formulas.md).</summary>
    public const double CalculatorTolerance = 0.05;

    /// <summary>I1: LLM-Viewer (hahnyuan/LLM-Viewer @ 472f71f), Llama-2-7B, A100-80GB, batch 1, prompt 1024, 16-bit: decode 6.75 ms per token (issue 13: within 5%).</summary>
    public const double I1DecodeSeconds = 6.75e-3;

    /// <summary>I1: prefill 48.8 ms without FlashAttention (issue 13: within 10% at full efficiency).</summary>
    public const double I1PrefillSeconds = 48.8e-3;

    /// <summary>I1: prefill tolerance set by issue 13.</summary>
    public const double I1PrefillTolerance = 0.10;

    /// <summary>I1: LLM-Viewer's prefill operations, 1.382e13 (non-causal attention, lm_head b·h·V without the ×2); half a unit of the last digit.</summary>
    public const double I1PrefillOps = 1.382e13;

    /// <summary>I1: LLM-Viewer's decode operations, 1.363e10; half a unit of the last digit.</summary>
    public const double I1DecodeOps = 1.363e10;

    /// <summary>Half a unit of the last printed digit of <see cref="I1PrefillOps"/>.</summary>
    public const double I1PrefillOpsHalfUnit = 0.0005e13;

    /// <summary>Half a unit of the last printed digit of <see cref="I1DecodeOps"/>.</summary>
    public const double I1DecodeOpsHalfUnit = 0.0005e10;

    /// <summary>I2: llm-analysis (cli99/llm-analysis @ d841e40) `test-13b` on A100-SXM-40GB, batch 1, prompt 512, 10 generated: decode 17.07 ms per token.</summary>
    public const double I2DecodeSeconds = 17.07e-3;

    /// <summary>I2: its weights, 25.68 GB (GB = 1e9); half a unit of the last digit.</summary>
    public const double I2WeightsGigabytes = 25.68;

    /// <summary>I2: its KV cache at the final length (522 tokens), 427.62 MB; half a unit of the last digit.</summary>
    public const double I2KvCacheMegabytes = 427.62;

    /// <summary>
    /// I3 (derived from the data sheets' bandwidths): Llama-2-7B decode at a 544-token context, batch 1, η = 1, as bytes ÷ bandwidth with
    /// bytes = 13.215 GB of weights (all but the input table) + 0.285 GB of KV cache. GPU id → milliseconds.
    /// </summary>
    /// <remarks>
    /// B200 is printed at 8 TB/s (1.69 ms); the catalog uses the HGX table's 7.7 TB/s, so its entry here is the same
    /// bytes over 7.7 TB/s (1.753 ms).
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, double> I3DecodeMilliseconds = new Dictionary<string, double>
    {
        ["a100-sxm4-80gb"] = 6.62,
        ["h100-sxm5-80gb"] = 4.03,
        ["h200-sxm-141gb"] = 2.81,
        ["mi300x"] = 2.55,
        ["b200"] = 1.69 * 8.0 / 7.7,
        ["l4"] = 45.0,
        ["rtx-4090"] = 13.39,
    };

    /// <summary>
    /// I3 tolerance: the figures are bytes ÷ bandwidth of weights and KV only; Flopwise's step also moves about 9.6 MB
    /// of activations (norms, residual adds, the MLP's intermediate), 0.07% more, plus the source's rounding.
    /// </summary>
    public const double I3Tolerance = 0.002;

    /// <summary>I5: cost per million output tokens at $1.50 per GPU-hour and I3's 151.0 tokens/s on A100: $2.76.</summary>
    public const double I5PricePerGpuHour = 1.50;

    /// <summary>I5: $2.76 per million tokens at I3's A100 speed; half a unit of the last digit.</summary>
    public const double I5CostUsd = 2.76;

    /// <summary>I5: llm-analysis LLaMA-7B, batch 64 on A100: 1588 tokens/s → $0.26 per million tokens.</summary>
    public const double I5BatchTokensPerSecond = 1588;

    /// <summary>I5: $0.26 at 1588 tokens/s.</summary>
    public const double I5BatchCostUsd = 0.26;

    /// <summary>KV-cache bytes per token at bf16, exact (2 · L · k · d · 2 B from each preset's published shape). Preset id → bytes.</summary>
    public static readonly IReadOnlyDictionary<string, double> KvBytesPerToken = new Dictionary<string, double>
    {
        ["llama-2-7b"] = 524_288,
        ["llama-2-70b"] = 327_680,
        ["llama-3-70b"] = 327_680,
        ["llama-3-8b"] = 131_072,
        ["mistral-7b"] = 131_072,
        ["mixtral-8x7b"] = 131_072,
        ["llama-3.1-405b"] = 516_096,
        ["gpt-3-175b"] = 4_718_592,
        ["palm-540b"] = 120_832,
        ["chinchilla-70b"] = 2_621_440,
    };
}
