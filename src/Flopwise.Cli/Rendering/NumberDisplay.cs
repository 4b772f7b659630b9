using System.Globalization;

namespace Flopwise.Cli.Rendering;

/// <summary>How numbers look in tables: whole numbers below 1e7 in full, else 5 significant figures (4 in scientific notation), scientific outside [1e-3, 1e4).</summary>
internal static class NumberDisplay
{
    public static string Format(double value)
    {
        double magnitude = Math.Abs(value);
        if (value == 0)
        {
            return "0";
        }

        if (magnitude < 1e7 && value == Math.Floor(value))
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return magnitude is >= 1e4 or < 1e-3
            ? value.ToString("0.###e+00", CultureInfo.InvariantCulture)
            : value.ToString("G5", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a field for a table: yes/no for a boolean, else <see cref="Format(double)"/>.</summary>
    public static string Format(Flopwise.Reporting.ResultField field) =>
        field.Text ?? (field.IsBoolean ? (field.Value != 0 ? "yes" : "no") : Format(field.Value));

    /// <summary>Full precision, shortest round-trip text, for CSV.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
