using System.Globalization;
using Flopwise.Reporting;

namespace Flopwise.Fitting;

/// <content>The observed-versus-fitted chart of a fit to this table.</content>
public sealed partial class RunTable
{
    /// <summary>Builds the chart of observed loss (x) against the loss the fitted law predicts (y), with the line y = x.</summary>
    /// <param name="fit">A Chinchilla-form fit to this table.</param>
    /// <returns>The chart: the runs as a scatter (markers only), and the line y = x.</returns>
    public Chart ObservedVsFittedChart(ChinchillaFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        int[] order = Enumerable.Range(0, Count).OrderBy(i => _loss[i]).ToArray();
        double[] observed = order.Select(i => _loss[i]).ToArray();
        double[] fitted = order.Select(i => fit.E + (fit.A / Math.Pow(_parameters[i], fit.Alpha)) + (fit.B / Math.Pow(_tokens[i], fit.Beta))).ToArray();
        double low = Math.Min(observed[0], fitted.Min());
        double high = Math.Max(observed[^1], fitted.Max());
        return new Chart
        {
            Title = "Observed vs fitted loss — " + FileName,
            XLabel = "Observed loss",
            YLabel = "Fitted loss  E + A/N^α + B/D^β",
            Series =
            [
                new ChartSeries { Name = string.Create(CultureInfo.InvariantCulture, $"{Count} runs"), X = observed, Y = fitted, Lines = false },
                new ChartSeries { Name = "y = x", X = [low, high], Y = [low, high] },
            ],
            Note = string.Create(CultureInfo.InvariantCulture, $"E = {Format(fit.E)}, A = {Format(fit.A)}, B = {Format(fit.B)}, α = {Format(fit.Alpha)}, β = {Format(fit.Beta)}"),
        };
    }

    /// <summary>
    /// Builds isoFLOP curves with the data: the runs grouped into <paramref name="bins"/> log-spaced compute budgets,
    /// each drawn as loss against parameters (markers), with the fitted law's loss at the budget's geometric-mean
    /// compute over the same range of N (a line, D = C/(6N)).
    /// </summary>
    /// <param name="fit">A Chinchilla-form fit to this table.</param>
    /// <param name="bins">The number of compute budgets, 1 to 20.</param>
    /// <returns>The chart (x: parameters, logarithmic; y: loss); empty budgets are left out.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 1–20.</exception>
    public Chart IsoFlopChart(ChinchillaFit fit, int bins = 5)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 20);
        double[] compute = Enumerable.Range(0, Count).Select(i => _compute?[i] ?? (6 * _parameters[i] * _tokens[i])).ToArray();
        double low = Math.Log10(compute.Min());
        double high = Math.Log10(compute.Max());
        double width = Math.Max(high - low, 1e-9) / bins;
        var series = new List<ChartSeries>();
        for (int bin = 0; bin < bins; bin++)
        {
            int[] members = Enumerable.Range(0, Count)
                .Where(i => Math.Min((int)((Math.Log10(compute[i]) - low) / width), bins - 1) == bin)
                .OrderBy(i => _parameters[i])
                .ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            double c = Math.Pow(10, members.Average(i => Math.Log10(compute[i])));
            string label = c.ToString("0.0e+00", CultureInfo.InvariantCulture);
            series.Add(new ChartSeries
            {
                Name = $"runs near {label} FLOP",
                X = members.Select(i => _parameters[i]).ToArray(),
                Y = members.Select(i => _loss[i]).ToArray(),
                Lines = false,
                ColorIndex = bin,
            });
            double nLow = _parameters[members[0]] / 1.5;
            double nHigh = _parameters[members[^1]] * 1.5;
            double[] n = Enumerable.Range(0, 40).Select(k => nLow * Math.Pow(nHigh / nLow, k / 39.0)).ToArray();
            series.Add(new ChartSeries
            {
                Name = $"fit at {label} FLOP",
                X = n,
                Y = n.Select(p => fit.E + (fit.A / Math.Pow(p, fit.Alpha)) + (fit.B / Math.Pow(c / (6 * p), fit.Beta))).ToArray(),
                Markers = false,
                ColorIndex = bin,
            });
        }

        return new Chart
        {
            Title = "IsoFLOP curves with the data — " + FileName,
            XLabel = "Parameters N",
            YLabel = "Loss",
            XLogarithmic = true,
            Series = series,
            Note = string.Create(CultureInfo.InvariantCulture, $"{bins} log-spaced compute budgets; curves at each budget's geometric-mean compute, D = C/(6N)"),
        };
    }
}
