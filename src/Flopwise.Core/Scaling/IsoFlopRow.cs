using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The minimum of one isoFLOP curve: at compute C, the N (and D = C/(6·N)) of lowest predicted loss.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IsoFlopRow : ICalculationResult
{
    /// <summary>Gets C in FLOP.</summary>
    public required double TrainingFlop { get; init; }

    /// <summary>Gets N at the curve's minimum.</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets D = C/(6·N) at the curve's minimum.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets the minimum loss in nats per token.</summary>
    public required double Loss { get; init; }

    /// <summary>
    /// Gets a value indicating whether the minimum lies on the edge of the searched window (N ≥ 1, D ≥ 1, and at most 8
    /// decades from √(C/6)): then the true minimum is there or beyond, and the row is a bound rather than an optimum.
    /// </summary>
    public bool MinimumAtWindowEdge { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Assumption> Assumptions => [];

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("trainingFlop", "Training compute C", TrainingFlop, "FLOP"),
        new("parameters", "Parameters N at the minimum", Parameters, "parameters"),
        new("tokens", "Tokens D = C/(6·N)", Tokens, "tokens"),
        new("tokensPerParameter", "Tokens per parameter D/N", Tokens / Parameters, "tokens/parameter"),
        new("loss", "Minimum loss L", Loss, "nats/token"),
        ResultField.Boolean("minimumAtWindowEdge", "Minimum at the searched window's edge", MinimumAtWindowEdge),
    ];
}
