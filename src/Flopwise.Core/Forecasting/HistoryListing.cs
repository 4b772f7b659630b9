using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>The models with the most training compute in a table, largest first.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HistoryListing
{
    /// <summary>Gets one row per model, by decreasing compute (fewer than asked when the table has fewer models).</summary>
    public required IReadOnlyList<HistoryRow> Rows { get; init; }

    /// <summary>Gets the assumptions of the list: the count asked for and the table.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}
