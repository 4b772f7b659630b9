using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>The copies model evaluated at several training computes.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CopiesSweep
{
    /// <summary>Gets one result per compute, in increasing compute.</summary>
    public required IReadOnlyList<CopiesResult> Rows { get; init; }

    /// <summary>
    /// Gets the assumptions shared by every row: those of the first row, with the single compute replaced by the
    /// swept range.
    /// </summary>
    public IReadOnlyList<Assumption> Assumptions =>
    [
        .. Rows[0].Assumptions.Select(a => a.Name != CopiesInputs.Compute.JsonName ? a : a with
        {
            Value = null,
            Text = $"{InputSpec.Format(Rows[0].TrainingCompute.Flop)} to {InputSpec.Format(Rows[^1].TrainingCompute.Flop)}, one row per decade",
        }),
    ];
}
