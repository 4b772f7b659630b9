namespace Flopwise.Scaling;

/// <summary>The best allocation found by <see cref="DataConstrained.GridSearch"/> under repeated data.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DataConstrainedAllocation
{
    /// <summary>Gets N, parameters.</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets D, total training tokens (repeats counted).</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets U, the unique tokens available.</summary>
    public required double UniqueTokens { get; init; }

    /// <summary>Gets the predicted loss L(N, D, U) in nats per token.</summary>
    public required double Loss { get; init; }

    /// <summary>Gets D′, the effective data.</summary>
    public required double EffectiveTokens { get; init; }

    /// <summary>Gets N′, the effective parameters.</summary>
    public required double EffectiveParameters { get; init; }

    /// <summary>Gets N₀, the start of the search.</summary>
    public required double StartParameters { get; init; }

    /// <summary>Gets D₀, the start of the search.</summary>
    public required double StartTokens { get; init; }

    /// <summary>Gets a value indicating whether the best point lies at the grid's factor-3 edge (the optimum may lie beyond).</summary>
    public bool AtGridEdge { get; init; }

    /// <summary>Gets the epochs D/U.</summary>
    public double Epochs => Tokens / UniqueTokens;
}
