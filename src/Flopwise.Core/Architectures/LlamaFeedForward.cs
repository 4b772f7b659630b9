namespace Flopwise.Architectures;

/// <summary>Meta's rule for the SwiGLU width of LLaMA and Llama 2/3 models, from <c>multiple_of</c> and <c>ffn_dim_multiplier</c>.</summary>
/// <remarks>
/// Meta's reference code (and its <c>params.json</c>) gives these two numbers instead of d_ff; Hugging Face configs
/// give d_ff directly as <c>intermediate_size</c>. Thread-safe.
/// </remarks>
public static class LlamaFeedForward
{
    /// <summary>Gets d_ff = m·⌈int(r·int(8h/3)) / m⌉.</summary>
    /// <param name="dModel">h, the model width (&gt; 0).</param>
    /// <param name="multipleOf">m, the multiple d_ff is rounded up to (&gt; 0): 256 for LLaMA and Llama 2 7B/13B.</param>
    /// <param name="ffnDimMultiplier">r (&gt; 0; 1 when the model has none): 1.3 for Llama 2 70B and Llama 3 8B/70B, 1.2 for Llama 3.1 405B.</param>
    /// <returns>
    /// d_ff: 11,008 (h 4096, m 256), 13,824 (h 5120, m 256), 22,016 (h 8192, m 256), 28,672 (h 8192, r 1.3, m 4096),
    /// 14,336 (h 4096, r 1.3, m 1024), 53,248 (h 16384, r 1.2, m 4096).
    /// </returns>
    /// <remarks>
    /// Source: <c>FeedForward.__init__</c> in meta-llama/llama (<c>llama/model.py</c>) and meta-llama/llama-models
    /// (<c>ffn_dim_multiplier</c>, <c>multiple_of</c> from each model's <c>params.json</c>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dModel"/> or <paramref name="multipleOf"/> ≤ 0, or <paramref name="ffnDimMultiplier"/> is not a
    /// finite number &gt; 0.
    /// </exception>
    /// <exception cref="OverflowException">The width does not fit an <see cref="int"/>.</exception>
    public static int Width(int dModel, int multipleOf, double ffnDimMultiplier = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dModel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multipleOf);
        Guard.Positive(ffnDimMultiplier, nameof(ffnDimMultiplier));
        long hidden = 8L * dModel / 3;
        long scaled = (long)Math.Truncate(ffnDimMultiplier * hidden);
        long rounded = multipleOf * ((scaled + multipleOf - 1) / multipleOf);
        return (int)rounded;
    }
}
