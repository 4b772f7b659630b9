using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The answer of the inference-aware planner: the planned model, the compute-optimal model of equal loss with the
/// same inference workload, and how much the plan saves over it.
/// </summary>
/// <remarks>
/// JSON keys: <c>loss</c>, <c>inferenceTokens</c>, <c>parameters</c>, <c>trainingTokens</c>,
/// <c>tokensPerParameter</c>, <c>trainingFlop</c>, <c>inferenceFlop</c>, <c>totalFlop</c>, the costs when priced,
/// a <c>computeOptimal</c> object with the same fields, <c>savingFraction</c>, and the law's constants under
/// <c>law</c> (<see cref="LawConstants.Fields"/>). Immutable and thread-safe; every value is finite.
/// </remarks>
public sealed record PlanResult : ICalculationResult
{
    /// <summary>Gets the law the plan was made under.</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets ℓ, the loss both models reach, in nats per token.</summary>
    public required double Loss { get; init; }

    /// <summary>Gets the planned model: the optimum, or the given size when <see cref="IsFixedSize"/>.</summary>
    public required PlanPoint Plan { get; init; }

    /// <summary>Gets the compute-optimal model of equal loss (minimum of 6·N·D on the contour), serving the same I tokens.</summary>
    public required PlanPoint ComputeOptimal { get; init; }

    /// <summary>Gets a value indicating whether N was given rather than optimised.</summary>
    public bool IsFixedSize { get; init; }

    /// <summary>Gets the number of evaluations of the derivative by the solver (0 when no search was needed).</summary>
    public int SolverEvaluations { get; init; }

    /// <summary>
    /// Gets 1 − objective / compute-optimal objective, the objective being total dollars when priced, else total
    /// FLOP: ≥ 0 for an optimised plan (it tends to 0 as I → 0); negative when a fixed size costs more than the
    /// compute-optimal model.
    /// </summary>
    public required double SavingFraction { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the plan's fields without the law's constants (<see cref="Fields"/> adds them under <c>law.</c>).</summary>
    public IReadOnlyList<ResultField> PlanFields =>
    [
        new("loss", IsFixedSize ? "Loss reached ℓ" : "Target loss ℓ", Loss, "nats/token"),
        new("inferenceTokens", "Lifetime inference tokens I", Plan.InferenceTokens, "tokens"),
        .. Plan.Fields(string.Empty, string.Empty),
        .. ComputeOptimal.Fields("computeOptimal.", "Compute-optimal: "),
        new("savingFraction", Plan.TotalCostUsd is null ? "Saving (1 − total FLOP ÷ compute-optimal)" : "Saving (1 − total cost ÷ compute-optimal)", SavingFraction, string.Empty),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields => [.. PlanFields, .. LawConstants.Fields(Law)];

    /// <summary>Gets a field's value by JSON key (e.g. <c>computeOptimal.parameters</c>), or <see langword="null"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
