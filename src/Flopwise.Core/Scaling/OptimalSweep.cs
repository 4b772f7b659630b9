using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>Compute-optimal allocations at each compute of a sweep, under one law.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OptimalSweep
{
    /// <summary>Gets the rows, in increasing compute.</summary>
    public required IReadOnlyList<OptimalResult> Rows { get; init; }

    /// <summary>Gets the law used.</summary>
    public ScalingLaw Law => Rows[0].Law;

    /// <summary>Gets the assumptions shared by every row (those of the first row, without its compute).</summary>
    public IReadOnlyList<Assumption> Assumptions =>
        Rows.Count == 0 ? [] : Rows[0].Assumptions.Where(a => a.Name != ScalingInputs.Compute.JsonName).ToArray();
}
