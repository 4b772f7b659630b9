using System.Globalization;
using Flopwise.Reporting;

namespace Flopwise.Uncertainty;

/// <summary>Pictures of a Monte Carlo result: an output's histogram, and the tornado of its sensitivity.</summary>
public static class MonteCarloCharts
{
    private const int Bins = 40;

    /// <summary>
    /// Draws the histogram of one output: 40 bins between its 0.5th and 99.5th percentiles, in log space when those span
    /// more than a decade, as a step line of the share of samples per bin; the p5, median and p95 are marked.
    /// </summary>
    /// <param name="result">The Monte Carlo result.</param>
    /// <param name="key">The output's JSON key.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a summarised output.</exception>
    public static Chart Histogram(MonteCarloResult result, string key)
    {
        ArgumentNullException.ThrowIfNull(result);
        OutputDistribution output = result.Get(key) ?? throw new ArgumentException($"'{key}' is not a summarised output.", nameof(key));
        double[] sorted = result.SortedValues[key];
        double low = MonteCarlo.Percentile(sorted, 0.005);
        double high = MonteCarlo.Percentile(sorted, 0.995);
        bool log = low > 0 && high / low > 10;
        double Scale(double v) => log ? Math.Log10(v) : v;
        double Unscale(double v) => log ? Math.Pow(10, v) : v;
        double from = Scale(low);
        double width = high > low ? (Scale(high) - from) / Bins : 1;
        var counts = new double[Bins];
        foreach (double v in sorted)
        {
            if (v < low || v > high)
            {
                continue;
            }

            int bin = Math.Min(Bins - 1, (int)((Scale(v) - from) / width));
            counts[bin]++;
        }

        var x = new List<double>(2 * Bins);
        var y = new List<double>(2 * Bins);
        for (int b = 0; b < Bins; b++)
        {
            x.Add(Unscale(from + (b * width)));
            y.Add(counts[b] / sorted.Length);
            x.Add(Unscale(from + ((b + 1) * width)));
            y.Add(counts[b] / sorted.Length);
        }

        double peak = y.Max();
        ChartSeries Marker(string name, double value, int color) => new()
        {
            Name = name + " " + value.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
            X = [value, value],
            Y = [0, peak],
            Markers = false,
            ColorIndex = color,
        };

        return new Chart
        {
            Title = $"{output.Label}: distribution over {sorted.Length} samples",
            XLabel = output.Unit.Length == 0 ? output.Label : $"{output.Label} ({output.Unit})",
            YLabel = "share of samples per bin",
            XLogarithmic = log,
            Series =
            [
                new ChartSeries { Name = "samples", X = x, Y = y, Markers = false, ColorIndex = 0 },
                Marker("p5", output.P5, 1),
                Marker("median", output.P50, 2),
                Marker("p95", output.P95, 1),
            ],
            Note = "bins between the 0.5th and 99.5th percentiles" + (log ? ", log-spaced" : string.Empty),
        };
    }

    /// <summary>
    /// Draws the tornado of <see cref="MonteCarloResult.Sensitivity"/>: one horizontal bar per input, largest swing on
    /// top, from the output with the input at its p5 to the output with it at its p95; the median run is a vertical line.
    /// </summary>
    /// <param name="result">A result with a sensitivity.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The result has no sensitivity.</exception>
    public static Chart Tornado(MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string key = result.SensitivityOutput ?? throw new ArgumentException("The result has no sensitivity.", nameof(result));
        OutputDistribution output = result.Get(key)!;
        var series = new List<ChartSeries>();
        int count = result.Sensitivity.Count;
        for (int i = 0; i < count; i++)
        {
            InputSensitivity s = result.Sensitivity[i];
            if (s.OutputAtLow is not double low || s.OutputAtHigh is not double high)
            {
                continue;
            }

            double row = count - i;
            series.Add(new ChartSeries
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"{s.Input}: {s.InputLow:G3} → {s.InputHigh:G3} (ρ {s.RankCorrelation:0.00})").Replace("E+", "e+", StringComparison.Ordinal),
                X = [low, high],
                Y = [row, row],
                ColorIndex = i,
            });
        }

        return new Chart
        {
            Title = $"Sensitivity of {output.Label}",
            XLabel = output.Unit.Length == 0 ? output.Label : $"{output.Label} ({output.Unit})",
            YLabel = "inputs, largest swing on top",
            Series = series,
            Note = "each input from its p5 to its p95, the others at their medians",
        };
    }
}
