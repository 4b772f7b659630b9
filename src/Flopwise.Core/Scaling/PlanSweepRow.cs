using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>One row of a <see cref="PlanSweep"/>: the optimum for one lifetime inference volume.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Result">The plan for this volume.</param>
public sealed record PlanSweepRow(PlanResult Result) : ICalculationResult
{
    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("inferenceTokens", "Inference tokens I", Result.Plan.InferenceTokens, "tokens"),
        .. Result.Plan.Fields(string.Empty, string.Empty),
        new("savingFraction", "Saving vs compute optimum", Result.SavingFraction, string.Empty),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<Assumption> Assumptions => Result.Assumptions;
}
