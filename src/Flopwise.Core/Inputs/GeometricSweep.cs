using System.Globalization;

namespace Flopwise.Inputs;

/// <summary>
/// A range of values a constant ratio apart, <c>FROM:TO</c>: one per decade (<c>--sweep 1e24:1e34</c>) or one per
/// doubling (<c>--sweep-gpus 256:65536</c>).
/// </summary>
/// <remarks>
/// Decade points are FROM × 10^i for i = 0, 1, … while they do not exceed TO, computed by shifting the decimal
/// exponent of FROM's shortest text, so <c>1e24:1e34</c> gives exactly the doubles nearest 1e24, 1e25, …, 1e34 (not
/// 9.999999999999999e24). Doubling points are FROM × 2^i, exact in binary. At most <see cref="MaximumPoints"/>
/// points. Immutable and thread-safe.
/// </remarks>
public sealed record GeometricSweep
{
    /// <summary>The most points a sweep may have.</summary>
    public const int MaximumPoints = 200;

    private GeometricSweep(IReadOnlyList<double> points) => Points = points;

    /// <summary>Gets the ratio between successive points: 10 or 2.</summary>
    public double Ratio { get; private init; } = 10;

    /// <summary>Gets the values, in increasing order.</summary>
    public IReadOnlyList<double> Points { get; }

    /// <summary>Parses <c>FROM:TO</c> into one point per decade, each a number as <see cref="NumberText"/> accepts.</summary>
    /// <param name="field">The input name to blame in errors.</param>
    /// <param name="text">The text.</param>
    /// <param name="error">The error, or <see langword="null"/>.</param>
    /// <returns>The sweep, or <see langword="null"/> on error.</returns>
    public static GeometricSweep? Parse(string field, string text, out FieldError? error) =>
        Parse(field, text, 10, "FROM:TO with 0 < FROM <= TO, one row per decade, at most 200 rows (e.g. 1e24:1e34)", out error);

    /// <summary>Parses <c>FROM:TO</c> into one point per doubling: FROM, 2·FROM, 4·FROM, … up to TO.</summary>
    /// <param name="field">The input name to blame in errors.</param>
    /// <param name="text">The text.</param>
    /// <param name="error">The error, or <see langword="null"/>.</param>
    /// <returns>The sweep, or <see langword="null"/> on error.</returns>
    public static GeometricSweep? ParseDoubling(string field, string text, out FieldError? error) =>
        Parse(field, text, 2, "FROM:TO with 0 < FROM <= TO, one row per doubling, at most 200 rows (e.g. 256:65536)", out error);

    private static GeometricSweep? Parse(string field, string text, double ratio, string expected, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        string[] parts = text.Split(':');
        if (parts.Length != 2)
        {
            error = new FieldError(field, "is not a range FROM:TO", text, expected);
            return null;
        }

        if (!NumberText.TryParse(parts[0], out double from, out string? p1))
        {
            error = new FieldError(field, "FROM " + p1, text, expected);
            return null;
        }

        if (!NumberText.TryParse(parts[1], out double to, out string? p2))
        {
            error = new FieldError(field, "TO " + p2, text, expected);
            return null;
        }

        if (from <= 0 || to <= 0)
        {
            error = new FieldError(field, "must have FROM and TO greater than 0", text, expected);
            return null;
        }

        if (to < from)
        {
            error = new FieldError(field, "is reversed (TO is below FROM)", text, expected);
            return null;
        }

        if (Math.Log(to / from) / Math.Log(ratio) > MaximumPoints - 1 + 1e-9)
        {
            error = new FieldError(field, "has more than 200 rows", text, expected);
            return null;
        }

        return new GeometricSweep(ratio == 10 ? Decades(from, to) : Doublings(from, to)) { Ratio = ratio };
    }

    private static List<double> Doublings(double from, double to)
    {
        var points = new List<double>();
        for (double point = from; point <= to * (1 + 1e-12) && points.Count < MaximumPoints; point *= 2)
        {
            points.Add(point);
        }

        return points;
    }

    private static List<double> Decades(double from, double to)
    {
        string shortest = from.ToString("E16", CultureInfo.InvariantCulture);
        string roundTrip = from.ToString("R", CultureInfo.InvariantCulture);
        string text = roundTrip.Contains('E', StringComparison.Ordinal) ? roundTrip : shortest;
        int e = text.IndexOf('E', StringComparison.Ordinal);
        string mantissa = text[..e];
        int exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var points = new List<double>();
        for (int i = 0; i < MaximumPoints; i++)
        {
            double point = double.Parse(
                mantissa + "E" + (exponent + i).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (point > to * (1 + 1e-12) || !double.IsFinite(point))
            {
                break;
            }

            points.Add(point);
        }

        return points;
    }
}
