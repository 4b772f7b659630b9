namespace Flopwise.Architectures;

/// <summary>Activation recomputation during the backward pass, which adds hardware FLOP but not model FLOP.</summary>
/// <remarks>
/// Command-line and JSON names are <c>none</c>, <c>selective</c> and <c>full</c> (see <see cref="RecomputeModes"/>).
/// Source: Korthikanti et al. 2022 (arXiv 2205.05198); Narayanan et al. 2021 (arXiv 2104.04473).
/// </remarks>
public enum Recompute
{
    /// <summary>Nothing is recomputed: hardware FLOP = training FLOP.</summary>
    None,

    /// <summary>The attention score and weighted-sum matmuls are re-run: + 4·L·a·d·T per token (2·L·a·d·T causal).</summary>
    Selective,

    /// <summary>The whole forward pass is re-run: hardware FLOP = training + forward (8·N under <c>6n</c>).</summary>
    Full,
}
