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
}
