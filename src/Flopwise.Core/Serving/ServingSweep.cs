using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <summary>The serving estimate at each batch of a sweep that fits in memory.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ServingSweep
{
    /// <summary>Gets one result per batch that fits, in the sweep's order.</summary>
    public required IReadOnlyList<ServingResult> Rows { get; init; }

    /// <summary>Gets the largest batch that fits at p + o.</summary>
    public required double MaxBatch { get; init; }

    /// <summary>Gets the smallest batch whose decode weight matmuls are compute-bound, or <see langword="null"/> when none up to 1e6 is.</summary>
    public required double? RidgeBatch { get; init; }

    /// <summary>Gets the result at <see cref="RidgeBatch"/> when that batch fits, for marking the ridge; else <see langword="null"/>.</summary>
    public ServingResult? RidgeRow { get; init; }

    /// <summary>Gets how many batches of the sweep were left out because they do not fit.</summary>
    public required int OmittedBatches { get; init; }

    /// <summary>Gets the inputs and conventions used.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>
    /// Gets the assumptions to report with the rows: <see cref="Assumptions"/>, and when batches above
    /// <see cref="MaxBatch"/> were left out, an <c>omittedBatches</c> entry counting them.
    /// </summary>
    public IReadOnlyList<Assumption> ReportedAssumptions => OmittedBatches == 0
        ? Assumptions
        : [.. Assumptions, new Assumption
        {
            Name = "omittedBatches",
            Label = "Batches left out",
            Value = OmittedBatches,
            Description = $"Batches above {InputSpec.Format(MaxBatch)}, the largest that fits, are not shown.",
            IsDefault = false,
        }];
}
