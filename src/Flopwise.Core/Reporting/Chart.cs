namespace Flopwise.Reporting;

/// <summary>
/// The data of a plot, built by Core and drawn by the Plotting project: title, axis labels and scales, and series.
/// </summary>
/// <remarks>
/// Core decides what is plotted (and tests assert on it); Plotting only decides how it looks. On a logarithmic
/// axis every value must be greater than zero. Immutable and thread-safe.
/// </remarks>
public sealed record Chart
{
    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the x-axis label, with its unit.</summary>
    public required string XLabel { get; init; }

    /// <summary>Gets the y-axis label, with its unit.</summary>
    public required string YLabel { get; init; }

    /// <summary>Gets a value indicating whether the x axis is logarithmic (base 10).</summary>
    public bool XLogarithmic { get; init; }

    /// <summary>Gets a value indicating whether the y axis is logarithmic (base 10).</summary>
    public bool YLogarithmic { get; init; }

    /// <summary>Gets the series, drawn in order.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Gets an optional note drawn under the plot (e.g. the range plotted when none was given).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Gets a value indicating whether the legend goes in the lower-left corner and the note in the upper right
    /// (default: legend upper left, note lower right), for curves that fill the upper left and lower right.
    /// </summary>
    public bool LegendLowerLeft { get; init; }
}
