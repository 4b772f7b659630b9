namespace Flopwise.Forecasting;

/// <summary>
/// The frontier trend of training compute: an ordinary least-squares line of log10(training compute in FLOP) against
/// the publication date in fractional years, over the models that ranked in the top <see cref="MaxRank"/> by compute
/// when they were published, published on or after <see cref="Since"/>.
/// </summary>
/// <remarks>
/// <para>
/// log10 C = <see cref="MeanLog10Flop"/> + s·(t − <see cref="MeanYear"/>), with s = Σ(t−t̄)(y−ȳ) / Σ(t−t̄)². The
/// growth factor per year is 10^s; the year the line reaches a compute C is t̄ + (log10 C − ȳ)/s. A date's fractional
/// year is year + (day of year − 1) / days in that year.
/// </para>
/// <para>
/// The selection follows Epoch AI's definition of frontier models (the running top 10 by training compute) and its
/// start year: Epoch AI (2024), "Training compute of frontier AI models grows by 4-5x per year",
/// https://epoch.ai/blog/training-compute-of-frontier-ai-models-grows-by-4-5x-per-year. See docs/formulas.md,
/// "History: where a compute sits", for the comparison with Epoch's published rate. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record FrontierTrend
{
    /// <summary>The worst compute rank at publication a model may have to count as frontier (1 = largest).</summary>
    public const int MaxRank = 10;

    /// <summary>Gets the first publication date included.</summary>
    public static DateOnly Since { get; } = new(2010, 1, 1);

    /// <summary>Gets the number of models in the fit (at least 2).</summary>
    public required int Models { get; init; }

    /// <summary>Gets the slope s of the line, in orders of magnitude (decades of FLOP) per year.</summary>
    public required double Log10FlopPerYear { get; init; }

    /// <summary>Gets t̄, the mean fractional publication year of the models in the fit.</summary>
    public required double MeanYear { get; init; }

    /// <summary>Gets ȳ, the mean log10 training compute (FLOP) of the models in the fit.</summary>
    public required double MeanLog10Flop { get; init; }

    /// <summary>Gets the earliest publication date in the fit.</summary>
    public required DateOnly First { get; init; }

    /// <summary>Gets the latest publication date in the fit.</summary>
    public required DateOnly Last { get; init; }

    /// <summary>Gets the growth factor of frontier compute per year, 10^s (e.g. 4 means ×4 each year).</summary>
    public double GrowthPerYear => Math.Pow(10, Log10FlopPerYear);

    /// <summary>Fits the trend to the frontier models of a list.</summary>
    /// <param name="models">Models with compute, date and (where known) rank at publication; any order.</param>
    /// <returns>The trend, or <see langword="null"/> when fewer than two frontier models, or only one publication date, are left.</returns>
    public static FrontierTrend? Fit(IEnumerable<HistoricalModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        HistoricalModel[] frontier = models
            .Where(m => m.ComputeRankWhenPublished is <= MaxRank && m.PublicationDate >= Since)
            .ToArray();
        if (frontier.Length < 2)
        {
            return null;
        }

        double[] t = frontier.Select(m => FractionalYear(m.PublicationDate)).ToArray();
        double[] y = frontier.Select(m => Math.Log10(m.TrainingCompute.Flop)).ToArray();
        double meanT = t.Average();
        double meanY = y.Average();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < t.Length; i++)
        {
            sxx += (t[i] - meanT) * (t[i] - meanT);
            sxy += (t[i] - meanT) * (y[i] - meanY);
        }

        if (sxx == 0)
        {
            return null;
        }

        return new FrontierTrend
        {
            Models = frontier.Length,
            Log10FlopPerYear = sxy / sxx,
            MeanYear = meanT,
            MeanLog10Flop = meanY,
            First = frontier.Min(m => m.PublicationDate),
            Last = frontier.Max(m => m.PublicationDate),
        };
    }

    /// <summary>Converts a date to a fractional year: year + (day of year − 1) / days in that year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fractional year, e.g. 2024.0 for 1 January 2024 and about 2024.5 for 2 July 2024.</returns>
    public static double FractionalYear(DateOnly date) =>
        date.Year + ((date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365));

    /// <summary>Gets the fractional year at which the line reaches a compute: t̄ + (log10 C − ȳ)/s.</summary>
    /// <param name="compute">The compute C.</param>
    /// <returns>The year (it may lie before the first model), or <see langword="null"/> when the line does not rise (s ≤ 0).</returns>
    public double? YearReaching(FlopCount compute) =>
        Log10FlopPerYear > 0 ? MeanYear + ((Math.Log10(compute.Flop) - MeanLog10Flop) / Log10FlopPerYear) : null;
}
