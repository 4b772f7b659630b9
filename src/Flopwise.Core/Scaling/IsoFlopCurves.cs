using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>IsoFLOP curves of a law: the chart data (one curve per compute) and each curve's minimum.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IsoFlopCurves
{
    /// <summary>Gets the law used.</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the minimum of each curve, in increasing compute.</summary>
    public required IReadOnlyList<IsoFlopRow> Rows { get; init; }

    /// <summary>Gets the chart: loss against N (x logarithmic), one series per compute, then the minima.</summary>
    public required Chart Chart { get; init; }

    /// <summary>Gets the inputs and conventions used.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}
