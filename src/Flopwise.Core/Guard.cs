using System.Globalization;

namespace Flopwise;

/// <summary>Argument checks for programmer errors, with the parameter name, the value and the allowed range.</summary>
internal static class Guard
{
    /// <summary>Throws when <paramref name="value"/> is NaN or an infinity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public static double Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "Value should be a finite number in range [-1.7976931348623157e+308, 1.7976931348623157e+308].");
        }

        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is not a finite number greater than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or not positive.</exception>
    public static double Positive(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "Value should be in range (0, 1.7976931348623157e+308].");
        }

        return value;
    }

    /// <summary>Formats a double for messages: shortest round-trip form, invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
