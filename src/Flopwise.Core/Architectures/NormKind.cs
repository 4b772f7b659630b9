namespace Flopwise.Architectures;

/// <summary>The normalisation layer of a transformer block.</summary>
/// <remarks>
/// Decides the parameters per norm: a LayerNorm has a gain and a bias (2·h), an RMSNorm only a gain (h). A LayerNorm
/// without bias (PaLM) has h parameters and is modelled as <see cref="RmsNorm"/>. Names on the command line and in JSON
/// are <c>layernorm</c> and <c>rmsnorm</c>. Sources: Ba et al. 2016 (LayerNorm, arXiv 1607.06450); Zhang and Sennrich
/// 2019 (RMSNorm, arXiv 1910.07467).
/// </remarks>
public enum NormKind
{
    /// <summary>LayerNorm with gain and bias: 2·h parameters per norm (GPT-2/3, GPT-NeoX).</summary>
    LayerNorm,

    /// <summary>RMSNorm (or a bias-free LayerNorm): h parameters per norm (Gopher, PaLM, LLaMA, Mistral).</summary>
    RmsNorm,
}
