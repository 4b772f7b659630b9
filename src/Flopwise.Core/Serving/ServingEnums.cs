namespace Flopwise.Serving;

/// <summary>How attention is computed, which decides its FLOP and memory traffic.</summary>
public enum AttentionKernel
{
    /// <summary>
    /// A fused kernel (FlashAttention, paged attention): masked tiles are skipped, so prefill counts the causal pairs,
    /// and the score matrix never leaves the chip; the kernel reads Q, K and V and writes the output.
    /// </summary>
    Fused,

    /// <summary>
    /// Separate score, softmax and weighted-sum kernels (eager attention): the full q × (context) score matrix is
    /// computed, masked, written and read back, as LLM-Viewer counts without FlashAttention.
    /// </summary>
    Unfused,
}

/// <summary>Named pairs of compute and bandwidth efficiencies.</summary>
public enum EfficiencyPreset
{
    /// <summary>ηc = ηm = 1: the roofline lower bound on time.</summary>
    Roofline,

    /// <summary>ηc = 0.70, ηm = 0.75, from published A100 kernel profiles (<see cref="ServingInputs.MeasuredSource"/>).</summary>
    Measured,
}

/// <summary>The latency classes of seed 001: products that answer on every keystroke, within seconds, or in minutes.</summary>
public enum LatencyClass
{
    /// <summary>A code assistant completing on every keystroke: TTFT ≤ 200 ms, TPOT ≤ 10 ms.</summary>
    Keystroke,

    /// <summary>A writing or chat tool answering within seconds: TTFT ≤ 2 s, TPOT ≤ 100 ms.</summary>
    Interactive,

    /// <summary>An offline or batch service working in 30-second chunks for minutes: TTFT ≤ 30 s, no per-token target.</summary>
    Batch,
}
