namespace Flopwise.Scaling;

/// <summary>A compute-optimal allocation of a training budget under a law.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Allocation
{
    /// <summary>Gets the training compute C in FLOP.</summary>
    public required double Compute { get; init; }

    /// <summary>Gets the parameters N (non-embedding for Kaplan, non-embedding and approximate M/6 for DeepSeek: see the flags).</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets the training tokens D.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets the predicted loss, or <see langword="null"/> when the law predicts none.</summary>
    public double? Loss { get; init; }

    /// <summary>Gets the model FLOP per token M (DeepSeek), or <see langword="null"/>.</summary>
    public double? ModelFlopPerToken { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Parameters"/> counts non-embedding parameters only (Kaplan; DeepSeek, whose M is non-embedding FLOP per token).</summary>
    public bool ParametersAreNonEmbedding { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Parameters"/> is an approximation (DeepSeek's M/6).</summary>
    public bool ParametersAreApproximate { get; init; }

    /// <summary>Gets the optimal peak learning rate η_opt (DeepSeek), or <see langword="null"/>.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Gets the optimal batch size B_opt in tokens (DeepSeek), or <see langword="null"/>.</summary>
    public double? BatchSizeTokens { get; init; }

    /// <summary>Gets D/N.</summary>
    public double TokensPerParameter => Tokens / Parameters;
}
