using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The inference-aware plan evaluated at several lifetime inference volumes (one row per decade).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PlanSweep
{
    /// <summary>Gets one plan per inference volume, in increasing volume.</summary>
    public required IReadOnlyList<PlanResult> Results { get; init; }

    /// <summary>Gets the rows to render: inference tokens, the optimum, and the saving over the compute-optimal model.</summary>
    public IReadOnlyList<PlanSweepRow> Rows => [.. Results.Select(r => new PlanSweepRow(r))];

    /// <summary>
    /// Gets the assumptions shared by every row: those of the first row, with the single inference volume replaced by
    /// the swept range and the compute-optimal model of the target loss added.
    /// </summary>
    public IReadOnlyList<Assumption> Assumptions =>
    [
        .. Results[0].Assumptions.Select(a => a.Name != PlanInputs.InferenceTokens.JsonName ? a : a with
        {
            Value = null,
            Text = $"{Scientific(Results[0].Plan.InferenceTokens)} to {Scientific(Results[^1].Plan.InferenceTokens)}, one row per decade",
        }),
        new Assumption
        {
            Name = "computeOptimalParameters",
            Label = "Compute-optimal N (same loss)",
            Value = Results[0].ComputeOptimal.Parameters,
            Unit = "parameters",
            Description = $"The minimum of 6·N·D at loss {InputSpec.Format(Results[0].Loss)}, trained on {Scientific(Results[0].ComputeOptimal.TrainingTokens)} tokens; every row's saving is against it.",
            IsDefault = true,
        },
    ];

    private static string Scientific(double value) => value.ToString("0.####e+00", CultureInfo.InvariantCulture);
}
