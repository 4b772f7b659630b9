namespace Flopwise.Architectures;

/// <summary>How a transformer encodes token positions, as far as it changes the parameter count.</summary>
/// <remarks>
/// Names on the command line and in JSON are <c>learned</c>, <c>rotary</c> and <c>relative</c>. Sources:
/// Radford et al. 2019 (learned, GPT-2); Su et al. 2021 (rotary, arXiv 2104.09864); Dai et al. 2019 (relative,
/// arXiv 1901.02860), as Rae et al. 2021 (arXiv 2112.11446) use it.
/// </remarks>
public enum PositionKind
{
    /// <summary>A learned table of <see cref="ModelShape.MaxPositions"/>·h parameters, counted as embedding (GPT-2/3).</summary>
    Learned,

    /// <summary>Rotary embeddings (RoPE): no parameters (GPT-NeoX, PaLM, LLaMA, Mistral).</summary>
    Rotary,

    /// <summary>
    /// Transformer-XL relative positions: one h×(a·d) projection of the position encodings per layer
    /// (Gopher, Chinchilla).
    /// </summary>
    /// <remarks>
    /// Inferred, not published: it makes the count 13·L·h² + V·h, which matches Chinchilla's "70B" and Gopher's "280B"
    /// where 12·L·h² gives only 64.7B (derived from Hoffmann et al. 2022 Table 4 and Rae et al. 2021 Table 1 shapes;
    /// docs/formulas.md, "Parameters from an architecture"). The per-head bias vectors u and v of Dai et al. 2019 are
    /// left out (a few thousand parameters).
    /// </remarks>
    Relative,
}
