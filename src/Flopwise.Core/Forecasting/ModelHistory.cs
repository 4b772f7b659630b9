using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>
/// Places a training compute among the models trained so far: how many used more, the models just below and above
/// it, the largest, and when the frontier trend of training compute reaches it.
/// </summary>
/// <remarks>
/// The models are those of a <see cref="ModelTable"/>, by default <see cref="ModelTable.Epoch"/> (Epoch AI's database,
/// snapshot of 2025-06-20). The trend is a <see cref="FrontierTrend"/>. See docs/formulas.md, "History: where a
/// compute sits".
/// </remarks>
public static class ModelHistory
{
    private const int IssueExamples = 3;

    private static readonly Assumption PlacementNote = new()
    {
        Name = "placement",
        Label = "Placement",
        Text = "more compute = strictly more FLOP",
        Description = "modelsAbove counts the models with more training compute than C; nearestBelow is the model with "
            + "the most compute at or below C and nearestAbove the one with the least compute above C (models of equal "
            + "compute are ordered by publication date, then name).",
        IsDefault = true,
    };

    /// <summary>Places a training compute among the models of the embedded Epoch AI table.</summary>
    /// <param name="request">The question; <see cref="HistoryRequest.Compute"/> is required.</param>
    /// <returns>The placement, or the input errors.</returns>
    public static Outcome<HistoryResult> Evaluate(HistoryRequest request) => Evaluate(request, ModelTable.Epoch);

    /// <summary>Places a training compute among the models of a table.</summary>
    /// <param name="request">The question; <see cref="HistoryRequest.Compute"/> is required.</param>
    /// <param name="table">The models.</param>
    /// <returns>The placement, or the input errors.</returns>
    public static Outcome<HistoryResult> Evaluate(HistoryRequest request, ModelTable table)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(table);
        var inputs = new ResolvedInputs();
        double c = inputs.Use(HistoryInputs.Compute, request.Compute);
        if (inputs.HasErrors)
        {
            return Outcome<HistoryResult>.Failure(inputs.Errors);
        }

        IReadOnlyList<HistoricalModel> models = table.Models;
        int firstAbove = FirstAbove(models, c);
        FrontierTrend? trend = FrontierTrend.Fit(models);
        FlopCount compute = FlopCount.FromFlop(c);
        inputs.Note(TableNote(table));
        inputs.Note(PlacementNote);
        if (trend is not null)
        {
            inputs.Note(TrendNote(trend));
        }

        return Outcome<HistoryResult>.Success(new HistoryResult
        {
            TrainingCompute = compute,
            ModelsAbove = models.Count - firstAbove,
            ModelsWithCompute = models.Count,
            RowsWithoutCompute = table.RowsWithoutCompute,
            MalformedRows = table.Issues.Count,
            NearestBelow = firstAbove > 0 ? models[firstAbove - 1] : null,
            NearestAbove = firstAbove < models.Count ? models[firstAbove] : null,
            Largest = table.Largest,
            Frontier = trend,
            FrontierReachesYear = trend?.YearReaching(compute),
            Assumptions = [.. inputs.Assumptions, .. IssueNotes(table)],
        });
    }

    /// <summary>Lists the models of the embedded Epoch AI table with the most training compute.</summary>
    /// <param name="request">The question; <see cref="HistoryRequest.Top"/> is required.</param>
    /// <returns>The list, or the input errors.</returns>
    public static Outcome<HistoryListing> Largest(HistoryRequest request) => Largest(request, ModelTable.Epoch);

    /// <summary>Lists the models of a table with the most training compute, largest first.</summary>
    /// <param name="request">The question; <see cref="HistoryRequest.Top"/> is required.</param>
    /// <param name="table">The models.</param>
    /// <returns>The list, or the input errors.</returns>
    public static Outcome<HistoryListing> Largest(HistoryRequest request, ModelTable table)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(table);
        var inputs = new ResolvedInputs();
        double top = inputs.Use(HistoryInputs.Top, request.Top);
        if (inputs.HasErrors)
        {
            return Outcome<HistoryListing>.Failure(inputs.Errors);
        }

        inputs.Note(TableNote(table));
        IReadOnlyList<HistoricalModel> models = table.Models;
        int count = Math.Min((int)top, models.Count);
        var rows = new List<HistoryRow>(count);
        for (int i = 0; i < count; i++)
        {
            rows.Add(new HistoryRow { Place = i + 1, Model = models[models.Count - 1 - i] });
        }

        return Outcome<HistoryListing>.Success(new HistoryListing { Rows = rows, Assumptions = [.. inputs.Assumptions, .. IssueNotes(table)] });
    }

    /// <summary>The index of the first model with more compute than <paramref name="c"/> (models sorted by compute).</summary>
    private static int FirstAbove(IReadOnlyList<HistoricalModel> models, double c)
    {
        int low = 0;
        int high = models.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (models[middle].TrainingCompute.Flop > c)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static Assumption TableNote(ModelTable table) => new()
    {
        Name = "modelTable",
        Label = "Model table",
        Text = table.Description,
        Description = Invariant(
            $"{table.Rows} rows; {table.Models.Count} give a training compute (column '{ModelTable.ComputeColumn}', ",
            $"pre-training, as the table states it) and are the models counted; {table.RowsWithoutCompute} give none and are skipped; ",
            $"{table.Issues.Count} have a value that could not be read and are skipped."),
        Source = table.Source,
        IsDefault = true,
    };

    private static Assumption TrendNote(FrontierTrend trend) => new()
    {
        Name = "frontierTrend",
        Label = "Frontier trend",
        Text = Invariant($"rank <= {FrontierTrend.MaxRank} when published, since {FrontierTrend.Since:yyyy-MM-dd}"),
        Description = Invariant(
            $"Ordinary least squares of log10(training compute) on the publication date in fractional years, over the ",
            $"{trend.Models} models ranked in the top {FrontierTrend.MaxRank} by compute when published (column '{ModelTable.RankColumn}'), ",
            $"published {trend.First:yyyy-MM-dd} to {trend.Last:yyyy-MM-dd}; growth per year = 10^slope; frontierReachesYear is where ",
            $"the line reaches C (it may be in the past)."),
        Source = "Frontier definition and start year after Epoch AI (2024), 'Training compute of frontier AI models grows by 4-5x per year', "
            + "https://epoch.ai/blog/training-compute-of-frontier-ai-models-grows-by-4-5x-per-year",
        IsDefault = true,
    };

    private static IEnumerable<Assumption> IssueNotes(ModelTable table)
    {
        if (table.Issues.Count == 0)
        {
            yield break;
        }

        string examples = string.Join("; ", table.Issues.Take(IssueExamples));
        int more = table.Issues.Count - IssueExamples;
        yield return new Assumption
        {
            Name = "malformedRowExamples",
            Label = "Rows skipped: malformed value",
            Text = more > 0 ? Invariant($"{examples}; and {more} more") : examples,
            Description = "Rows with a value that could not be read are left out of every count but malformedRows.",
            IsDefault = true,
        };
    }

    private static string Invariant(params FormattableString[] parts) =>
        string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
