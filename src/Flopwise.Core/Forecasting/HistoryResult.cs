using System.Globalization;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>Where a training compute sits among the models of a table, and when the frontier trend reaches it.</summary>
/// <remarks>Immutable and thread-safe. Absent models or trend values are listed in <see cref="Missing"/>.</remarks>
public sealed record HistoryResult : ICalculationResult
{
    /// <summary>Gets C, the training compute placed (as given).</summary>
    public required FlopCount TrainingCompute { get; init; }

    /// <summary>Gets the number of models trained with strictly more compute than C.</summary>
    public required int ModelsAbove { get; init; }

    /// <summary>Gets the number of models with a readable training compute (the models placed among).</summary>
    public required int ModelsWithCompute { get; init; }

    /// <summary>Gets the number of rows skipped because they give no training compute.</summary>
    public required int RowsWithoutCompute { get; init; }

    /// <summary>Gets the number of rows skipped because a value could not be read (see the assumptions for examples).</summary>
    public required int MalformedRows { get; init; }

    /// <summary>Gets the model with the most compute at or below C, or <see langword="null"/> when every model has more.</summary>
    public HistoricalModel? NearestBelow { get; init; }

    /// <summary>Gets the model with the least compute above C, or <see langword="null"/> when none has more.</summary>
    public HistoricalModel? NearestAbove { get; init; }

    /// <summary>Gets the model with the most compute, or <see langword="null"/> for an empty table.</summary>
    public HistoricalModel? Largest { get; init; }

    /// <summary>Gets the frontier trend, or <see langword="null"/> when the table has too few frontier models to fit one.</summary>
    public FrontierTrend? Frontier { get; init; }

    /// <summary>Gets the fractional year at which the frontier trend reaches C, or <see langword="null"/> when it never does.</summary>
    public double? FrontierReachesYear { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("trainingFlop", "Training compute C", TrainingCompute.Flop, "FLOP"),
                new("modelsAbove", "Models trained with more compute", ModelsAbove, "models"),
                new("modelsWithCompute", "Models with a training compute", ModelsWithCompute, "models"),
                new("rowsWithoutCompute", "Rows skipped: no training compute", RowsWithoutCompute, "rows"),
                new("malformedRows", "Rows skipped: malformed value", MalformedRows, "rows"),
            };
            AddModel(fields, "nearestBelow", "Nearest at or below C", NearestBelow);
            AddModel(fields, "nearestAbove", "Nearest above C", NearestAbove);
            AddModel(fields, "largest", "Largest", Largest);
            if (Frontier is not null)
            {
                fields.Add(new("frontierGrowthPerYear", "Frontier growth per year", Frontier.GrowthPerYear, "×/year"));
                fields.Add(new("frontierModels", "Models in the frontier fit", Frontier.Models, "models"));
            }

            if (FrontierReachesYear is double year)
            {
                fields.Add(new("frontierReachesYear", "Frontier trend reaches C", year, "year"));
            }

            return fields;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<MissingField> Missing
    {
        get
        {
            var missing = new List<MissingField>();
            if (NearestBelow is null)
            {
                missing.Add(new("nearestBelow", "Nearest at or below C", "every model in the table has more compute than C"));
            }

            if (NearestAbove is null)
            {
                missing.Add(new("nearestAbove", "Nearest above C", "no model in the table has more compute than C"));
            }

            if (Largest is null)
            {
                missing.Add(new("largest", "Largest", "the table has no model with a training compute"));
            }

            if (Frontier is null)
            {
                missing.Add(new("frontierGrowthPerYear", "Frontier growth per year", $"fewer than two models ranked <= {FrontierTrend.MaxRank} when published since {FrontierTrend.Since:yyyy-MM-dd}, on different dates"));
            }
            else if (FrontierReachesYear is null)
            {
                missing.Add(new("frontierReachesYear", "Frontier trend reaches C", "the frontier trend does not rise"));
            }

            return missing;
        }
    }

    private static void AddModel(List<ResultField> fields, string key, string label, HistoricalModel? model)
    {
        if (model is null)
        {
            return;
        }

        fields.Add(ResultField.Word(key + ".model", label + ": model", model.Name));
        fields.Add(new(key + ".trainingFlop", label + ": training compute", model.TrainingCompute.Flop, "FLOP"));
        fields.Add(ResultField.Word(key + ".publicationDate", label + ": published", model.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
