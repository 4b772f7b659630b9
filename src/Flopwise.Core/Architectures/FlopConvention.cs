namespace Flopwise.Architectures;

/// <summary>Which FLOP a training run is said to cost (docs/formulas.md, "FLOP per token and the three
/// conventions").</summary>
/// <remarks>
/// Command-line and JSON names are <c>6n</c>, <c>model</c> and <c>causal</c> (see <see cref="FlopConventions"/>).
/// Every convention uses the active parameters N (total parameters for a dense model, including embeddings).
/// Sources: Kaplan et al. 2020 (arXiv 2001.08361) §2.1 (<c>6n</c>); Chowdhery et al. 2022 (arXiv 2204.02311) App. B
/// (<c>model</c>); MaxText PR #1988 and NeMo #14376 (<c>causal</c>).
/// </remarks>
public enum FlopConvention
{
    /// <summary>C = 6·N per token (Kaplan et al. 2020 §2.1; Hoffmann et al. 2022; Epoch; model cards). The default.</summary>
    SixN,

    /// <summary>
    /// PaLM "model FLOP": 6·N + 12·L·a·d·T per token, attention counted non-causally (Chowdhery et al. 2022,
    /// App. B).
    /// </summary>
    Model,

    /// <summary>6·N + 6·L·a·d·T per token: the <see cref="Model"/> attention term halved for a causal mask.</summary>
    Causal,
}
