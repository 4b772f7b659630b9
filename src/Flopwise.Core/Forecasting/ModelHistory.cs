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

    /// <summary>The plot's trend line is extended to the year it reaches C only when that is before this year.</summary>
    private const double FarYear = 2100;

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

    /// <summary>
    /// Builds the picture of a placement: training compute (log scale) against publication year for the models
    /// published since <see cref="FrontierTrend.Since"/>, the frontier models highlighted, the frontier trend line,
    /// and C as a horizontal line.
    /// </summary>
    /// <param name="result">The placement.</param>
    /// <param name="table">The table the placement was made in.</param>
    /// <returns>The chart data; the trend line runs from the first frontier model to the later of the last one and the
    /// year the line reaches C (when that is before 2100).</returns>
    public static Chart Chart(HistoryResult result, ModelTable table)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(table);
        HistoricalModel[] recent = table.Models.Where(m => m.PublicationDate >= FrontierTrend.Since).OrderBy(m => m.PublicationDate).ToArray();
        HistoricalModel[] frontier = recent.Where(m => m.ComputeRankWhenPublished is <= FrontierTrend.MaxRank).ToArray();
        double c = result.TrainingCompute.Flop;
        double start = FrontierTrend.FractionalYear(FrontierTrend.Since);
        double end = recent.Length == 0 ? start + 1 : FrontierTrend.FractionalYear(recent[^1].PublicationDate);
        if (result.FrontierReachesYear is double reaches && reaches > end && reaches < FarYear)
        {
            end = reaches;
        }

        var series = new List<ChartSeries>
        {
            Scatter("Models since 2010", recent),
            Scatter($"Frontier: rank <= {FrontierTrend.MaxRank} when published", frontier),
        };
        if (result.Frontier is FrontierTrend trend)
        {
            double first = FrontierTrend.FractionalYear(trend.First);
            series.Add(new ChartSeries
            {
                Name = Invariant($"Frontier trend: ×{trend.GrowthPerYear:0.0} per year"),
                X = [first, end],
                Y = [TrendAt(trend, first), TrendAt(trend, end)],
                Markers = false,
                ColorIndex = 1,
            });
        }

        series.Add(new ChartSeries { Name = "C = " + InputSpec.Format(c) + " FLOP", X = [start, end], Y = [c, c], Markers = false });
        return new Chart
        {
            Title = "Training compute of the models trained so far",
            XLabel = "Publication date (year)",
            YLabel = "Training compute (FLOP)",
            YLogarithmic = true,
            Note = table.Description,
            Series = series,
        };
    }

    private static ChartSeries Scatter(string name, HistoricalModel[] models) => new()
    {
        Name = name,
        X = models.Select(m => FrontierTrend.FractionalYear(m.PublicationDate)).ToArray(),
        Y = models.Select(m => m.TrainingCompute.Flop).ToArray(),
        Lines = false,
    };

    private static double TrendAt(FrontierTrend trend, double year) =>
        Math.Pow(10, trend.MeanLog10Flop + (trend.Log10FlopPerYear * (year - trend.MeanYear)));

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
