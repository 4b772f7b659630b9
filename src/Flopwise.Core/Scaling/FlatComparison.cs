using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// A plan comparison seen as one result, each plan's fields keyed <c>planN.key</c> (N from 1, in the order the plans
/// were given) and labelled <c>Plan N: label</c>, so that the Monte Carlo runner can summarise every plan's outputs.
/// </summary>
/// <param name="Comparison">The comparison.</param>
/// <remarks>Both front ends run the uncertain <c>compare</c> through it, so their answers match. Immutable.</remarks>
public sealed record FlatComparison(PlanComparisonResult Comparison) : ICalculationResult
{
    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        .. Comparison.Rows.SelectMany((row, i) => row.Fields.Select(f => f with
        {
            Key = $"plan{i + 1}.{f.Key}",
            Label = $"Plan {i + 1}: {f.Label}",
        })),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<Assumption> Assumptions => Comparison.Assumptions;
}
