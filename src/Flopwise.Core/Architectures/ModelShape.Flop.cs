using Flopwise.Hardware;

namespace Flopwise.Architectures;

/// <content>FLOP per token and bytes.</content>
public sealed partial record ModelShape
{
    /// <summary>
    /// Gets the training FLOP per token under a convention: 6·N (<c>6n</c>), 6·N + 12·L·a·d·T (<c>model</c>) or
    /// 6·N + 6·L·a·d·T (<c>causal</c>), with N the active parameters.
    /// </summary>
    /// <param name="convention">The FLOP convention (docs/formulas.md).</param>
    /// <param name="seq">T, the sequence length in tokens (&gt; 0), e.g. <see cref="DefaultSequenceLength"/>; unused by <c>6n</c>.</param>
    /// <returns>FLOP per training token (forward and backward, no recomputation). Range: &gt; 0.</returns>
    /// <remarks>
    /// The attention term counts the score (Q·Kᵀ) and weighted-sum matmuls, 4·T·a·d per layer forward when each
    /// query sees all T keys, times 3 for training. Checks: PaLM-540B at T 2048, <c>model</c>: 3.2777e12
    /// (× 780e9 tokens = PaLM's published 2.56e24, Chowdhery et al. 2022 Table 3); Llama-3-8B at T 8192: 4.818e10 /
    /// 6.107e10 / 5.462e10 (derived). Sources: Kaplan
    /// et al. 2020 §2.1; Chowdhery et al. 2022 (arXiv 2204.02311) App. B.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seq"/> ≤ 0, or <paramref name="convention"/> is undefined.</exception>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public double TrainingFlopPerToken(FlopConvention convention, int seq)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seq);
        double sixN = 6.0 * ActiveParameters;
        return convention switch
        {
            FlopConvention.SixN => sixN,
            FlopConvention.Model or FlopConvention.Causal => sixN + (3.0 * ForwardContextFlopPerToken(convention, seq)),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Value should be a defined FlopConvention."),
        };
    }

    /// <summary>Gets the forward FLOP per token: one third of <see cref="TrainingFlopPerToken"/> (2·N under <c>6n</c>).</summary>
    /// <param name="convention">The FLOP convention.</param>
    /// <param name="seq">T, the sequence length in tokens (&gt; 0).</param>
    /// <returns>FLOP per token of one forward pass. Range: &gt; 0.</returns>
    /// <remarks>Source: Kaplan et al. 2020 (arXiv 2001.08361) §2.1 (training = 3 × forward: forward 2N, backward
    /// 4N).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seq"/> ≤ 0, or <paramref name="convention"/> is undefined.</exception>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public double ForwardFlopPerToken(FlopConvention convention, int seq) => TrainingFlopPerToken(convention, seq) / 3.0;

    /// <summary>
    /// Gets the FLOP per token the hardware executes: training FLOP plus recomputation. None: training; full:
    /// training + forward (8·N under <c>6n</c>); selective: training + 4·L·a·d·T (<c>6n</c>, <c>model</c>) or
    /// + 2·L·a·d·T (<c>causal</c>).
    /// </summary>
    /// <param name="convention">The FLOP convention.</param>
    /// <param name="seq">T, the sequence length in tokens (&gt; 0).</param>
    /// <param name="recompute">The recomputation.</param>
    /// <returns>Hardware FLOP per token. Range: ≥ <see cref="TrainingFlopPerToken"/>.</returns>
    /// <remarks>
    /// Selective recomputation re-runs the score and weighted-sum matmuls once more, forward only (derived from
    /// Korthikanti et al. 2022, arXiv 2205.05198, "selective activation recomputation"). PaLM's HFU uses this kind of
    /// count (Chowdhery et al. 2022, App. B).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="seq"/> ≤ 0, or <paramref name="convention"/> or <paramref name="recompute"/> is undefined.
    /// </exception>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public double HardwareFlopPerToken(FlopConvention convention, int seq, Recompute recompute)
    {
        double training = TrainingFlopPerToken(convention, seq);
        double attentionRerun = ForwardContextFlopPerToken(convention == FlopConvention.Causal ? FlopConvention.Causal : FlopConvention.Model, seq);
        return recompute switch
        {
            Recompute.None => training,
            Recompute.Selective => training + attentionRerun,
            Recompute.Full => training + (training / 3.0),
            _ => throw new ArgumentOutOfRangeException(nameof(recompute), recompute, "Value should be a defined Recompute."),
        };
    }

    /// <summary>Gets the bytes of every weight at a data type: <see cref="TotalParameters"/> × bytes per element.</summary>
    /// <param name="type">The weight data type (bf16: 2 bytes; int4: 0.5).</param>
    /// <returns>Bytes (SI or IEC is up to the caller's formatting). Llama-2-7B at bf16: 13,476,831,232.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is undefined.</exception>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public double WeightsBytes(DataType type) => TotalParameters * DataTypes.BytesPerElement(type);

    /// <summary>Gets the KV-cache bytes per token of context: L × <see cref="Attention.KvBytesPerToken"/>, 2·L·k·d × bytes per element (K and V, every layer, KV heads only).</summary>
    /// <param name="type">The cache data type.</param>
    /// <returns>
    /// Bytes per token. At bf16 (exact): Llama-2-7B 524,288; Llama-2-70B 327,680; Llama-3-8B 131,072; GPT-3
    /// 4,718,592; PaLM-540B 120,832 (derived from each model's published shape).
    /// </returns>
    /// <remarks>Counts k, not a, heads (LLM-Viewer counted query heads before its 2024-08 fix,
    /// hahnyuan/LLM-Viewer #12).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is undefined.</exception>
    public double KvBytesPerToken(DataType type) => Layers * Attention.KvBytesPerToken(type);

    /// <summary>The forward attention-context FLOP per token over all layers: <see cref="Attention.ContextFlopPerToken"/> at T, halved when causal.</summary>
    private double ForwardContextFlopPerToken(FlopConvention convention, int seq)
    {
        double nonCausal = Layers * Attention.ContextFlopPerToken(seq);
        return convention == FlopConvention.Causal ? 0.5 * nonCausal : nonCausal;
    }
}
