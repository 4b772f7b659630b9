namespace Flopwise.Reporting;

/// <summary>One line of a <see cref="Chart"/>: a name for the legend and paired x and y values.</summary>
/// <remarks>Immutable and thread-safe; <see cref="X"/> and <see cref="Y"/> have the same length.</remarks>
public sealed record ChartSeries
{
    /// <summary>Gets the legend text.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the x values.</summary>
    public required IReadOnlyList<double> X { get; init; }

    /// <summary>Gets the y values, one per x value.</summary>
    public required IReadOnlyList<double> Y { get; init; }

    /// <summary>Gets a value indicating whether the points are joined by lines (default) or drawn as markers only (a scatter).</summary>
    public bool Lines { get; init; } = true;

    /// <summary>Gets a value indicating whether each point gets a marker (default); a smooth curve has none.</summary>
    public bool Markers { get; init; } = true;

    /// <summary>Gets the palette index of the colour, so that related series (data and its fit) share one; default the series' position.</summary>
    public int? ColorIndex { get; init; }
}
