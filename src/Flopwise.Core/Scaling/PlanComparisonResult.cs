using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The plans of a comparison, one row each in the order given, with the assumptions they share.</summary>
/// <remarks>Immutable and thread-safe; every value is finite.</remarks>
public sealed record PlanComparisonResult
{
    /// <summary>Gets one row per plan.</summary>
    public required IReadOnlyList<PlanComparisonRow> Rows { get; init; }

    /// <summary>Gets the inputs and conventions the rows rest on.</summary>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets a value indicating whether the totals (and the ratio) are in dollars rather than FLOP.</summary>
    public required bool IsPriced { get; init; }

    /// <summary>Gets the 1-based index of the cheapest plan (the first of equals).</summary>
    public int CheapestPlan => Rows.First(r => r.TotalRatioToCheapest == 1).Index;
}
