using System.Globalization;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>One model in a list of the largest models: its place, name, developer, compute and date.</summary>
/// <remarks>Immutable and thread-safe. The assumptions are those of the whole list (<see cref="HistoryListing"/>).</remarks>
public sealed record HistoryRow : ICalculationResult
{
    /// <summary>Gets the model's place by training compute in the table (1 = most compute).</summary>
    public required int Place { get; init; }

    /// <summary>Gets the model.</summary>
    public required HistoricalModel Model { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("place", "Place", Place, string.Empty),
        ResultField.Word("model", "Model", Model.Name),
        ResultField.Word("organization", "Organization", Model.Organization),
        new("trainingFlop", "Training compute", Model.TrainingCompute.Flop, "FLOP"),
        ResultField.Word("publicationDate", "Published", Model.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<Assumption> Assumptions => [];
}
