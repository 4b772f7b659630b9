namespace Flopwise.Architectures;

/// <summary>The feed-forward (MLP) block of a transformer layer.</summary>
/// <remarks>
/// Decides how many h×f matrices each layer (each expert, for a mixture of experts) holds, and so its parameters
/// and its 2-FLOP-per-parameter forward cost. Names on the command line and in JSON are <c>gelu</c> and
/// <c>swiglu</c> (see <see cref="ArchitectureKinds"/>). Sources: Vaswani et al. 2017 (arXiv 1706.03762) for the 4h
/// MLP; Shazeer 2020 (arXiv 2002.05202) for SwiGLU.
/// </remarks>
public enum MlpKind
{
    /// <summary>Two matrices, h×f up and f×h down, with a GELU (or ReLU) between: 2·h·f parameters (GPT-2/3, Gopher).</summary>
    Gelu,

    /// <summary>Three matrices, gate and up h×f and down f×h: 3·h·f parameters (PaLM, LLaMA, Mistral, Mixtral).</summary>
    SwiGlu,
}
