using System.Globalization;
using Flopwise.Reporting;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Flopwise.Plotting;

/// <summary>
/// Draws a Core <see cref="Chart"/> with ScottPlot and saves it as SVG or PNG (chosen by the file extension).
/// </summary>
/// <remarks>
/// ScottPlot 5 has no logarithmic axis type, so a logarithmic axis plots log10 of the values with integer-decade
/// major ticks labelled <c>1e24</c>, <c>1e25</c>, … and logarithmic minor ticks.
/// </remarks>
public static class ChartFile
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    /// <summary>Saves <paramref name="chart"/> to <paramref name="path"/> (.svg or .png).</summary>
    /// <param name="chart">The chart data.</param>
    /// <param name="path">The file; its extension picks the format.</param>
    /// <exception cref="ArgumentException">The extension is neither .svg nor .png.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(Chart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension == ".SVG")
        {
            File.WriteAllText(path, ToSvg(chart));
        }
        else if (extension == ".PNG")
        {
            using Plot plot = Build(chart);
            plot.SavePng(path, DefaultWidth, DefaultHeight);
        }
        else
        {
            throw new ArgumentException("Value should be a path ending in .svg or .png.", nameof(path));
        }
    }

    /// <summary>Renders <paramref name="chart"/> as an SVG document.</summary>
    /// <param name="chart">The chart data.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>The SVG text.</returns>
    public static string ToSvg(Chart chart, int width = DefaultWidth, int height = DefaultHeight)
    {
        using Plot plot = Build(chart);
        return plot.GetSvgXml(width, height);
    }

    private static Plot Build(Chart chart)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int position = 0;
        foreach (ChartSeries series in chart.Series)
        {
            double[] xs = series.X.Select(x => chart.XLogarithmic ? Math.Log10(x) : x).ToArray();
            double[] ys = series.Y.Select(y => chart.YLogarithmic ? Math.Log10(y) : y).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = series.Name;
            scatter.LineWidth = series.Lines ? 2 : 0;
            scatter.MarkerSize = !series.Markers ? 0 : series.Lines ? 6 : series.X.Count == 1 ? 12 : 4;
            scatter.Color = palette.GetColor(series.ColorIndex ?? position);
            position++;
        }

        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        plot.Axes.Bottom.TickGenerator = chart.XLogarithmic ? LogTicks() : new NumericAutomatic { LabelFormatter = LinearLabel };

        if (chart.YLogarithmic)
        {
            plot.Axes.Left.TickGenerator = LogTicks();
        }

        if (chart.Note is not null)
        {
            plot.Add.Annotation(chart.Note, chart.LegendLowerLeft ? Alignment.UpperRight : Alignment.LowerRight);
        }

        plot.ShowLegend(chart.LegendLowerLeft ? Alignment.LowerLeft : Alignment.UpperLeft);
        return plot;
    }

    /// <summary>A linear tick label without a thousands separator below 10,000, so that years read 2024, not 2,024.</summary>
    private static string LinearLabel(double value) =>
        value.ToString(Math.Abs(value) < 1e4 ? "0.####" : "#,0.####", CultureInfo.InvariantCulture);

    private static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => "1e" + Math.Round(exponent).ToString(CultureInfo.InvariantCulture),
    };
}
