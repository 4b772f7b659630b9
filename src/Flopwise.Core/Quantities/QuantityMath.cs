using System.Globalization;

namespace Flopwise;

/// <summary>
/// Shared conversion, arithmetic, comparison and formatting helpers for the quantity structs, so that every quantity
/// validates and formats its single base-unit <see cref="double"/> the same way.
/// </summary>
/// <remarks>
/// Every helper that returns a value destined for a quantity returns a finite double or throws, which keeps the
/// invariant that a quantity is always finite. This type is stateless and thread-safe.
/// </remarks>
internal static class QuantityMath
{
    /// <summary>The numeric part of the invariant <c>ToString()</c> form, e.g. <c>3.14e+23</c>.</summary>
    public const string DefaultFormat = "0.###e+00";

    /// <summary>Converts a factory argument to the base unit: <c>value × factor</c>.</summary>
    /// <param name="value">The argument in the factory's unit.</param>
    /// <param name="factor">Base units per factory unit; finite and positive.</param>
    /// <param name="paramName">The factory's parameter name, for the exception.</param>
    /// <returns>The value in the base unit, always finite.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="value"/> is NaN or an infinity, or the converted value overflows to an infinity.
    /// </exception>
    public static double ToBase(double value, double factor, string paramName)
    {
        Guard.Finite(value, paramName);
        double converted = value * factor;
        if (!double.IsFinite(converted))
        {
            double limit = double.MaxValue / factor;
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Value should be in range [{Guard.Format(-limit)}, {Guard.Format(limit)}]."));
        }

        return converted;
    }

    /// <summary>Returns <paramref name="result"/> if it is finite; otherwise throws.</summary>
    /// <param name="result">The result of an arithmetic operation on finite values.</param>
    /// <returns><paramref name="result"/>, unchanged.</returns>
    /// <exception cref="OverflowException"><paramref name="result"/> is an infinity (or NaN).</exception>
    public static double Checked(double result)
    {
        if (!double.IsFinite(result))
        {
            throw new OverflowException(
                "The result should be in range [-1.7976931348623157e+308, 1.7976931348623157e+308] but overflowed.");
        }

        return result;
    }

    /// <summary>Multiplies a base-unit value by a dimensionless factor, checking the factor and the result.</summary>
    /// <param name="value">The base-unit value; finite.</param>
    /// <param name="factor">The dimensionless factor.</param>
    /// <param name="paramName">The operator's parameter name for <paramref name="factor"/>.</param>
    /// <returns>The finite product.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">The product overflows.</exception>
    public static double Scale(double value, double factor, string paramName)
    {
        Guard.Finite(factor, paramName);
        return Checked(value * factor);
    }

    /// <summary>Divides a base-unit value by a divisor, checking the divisor and the result.</summary>
    /// <param name="value">The base-unit value; finite.</param>
    /// <param name="divisor">The divisor: a dimensionless number or another quantity's base-unit value.</param>
    /// <param name="paramName">The operator's parameter name for <paramref name="divisor"/>.</param>
    /// <returns>The finite quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is NaN or an infinity.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient overflows.</exception>
    public static double Divide(double value, double divisor, string paramName)
    {
        Guard.Finite(divisor, paramName);
        if (divisor == 0.0)
        {
            throw new DivideByZeroException(
                string.Create(CultureInfo.InvariantCulture, $"The divisor '{paramName}' should be non-zero."));
        }

        return Checked(value / divisor);
    }

    /// <summary>Returns whether |a − b| ≤ tolerance · max(|a|, |b|).</summary>
    /// <param name="a">The first base-unit value.</param>
    /// <param name="b">The second base-unit value.</param>
    /// <param name="relativeTolerance">The relative tolerance; finite and non-negative.</param>
    /// <param name="paramName">The caller's parameter name for <paramref name="relativeTolerance"/>.</param>
    /// <returns>Whether the values are within the tolerance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="relativeTolerance"/> is negative, NaN or an infinity.
    /// </exception>
    public static bool IsClose(double a, double b, double relativeTolerance, string paramName)
    {
        if (!double.IsFinite(relativeTolerance) || relativeTolerance < 0.0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, relativeTolerance, "Value should be in range [0, 1.7976931348623157e+308].");
        }

        return Math.Abs(a - b) <= relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    /// <summary>Formats a base-unit value followed by a space and the unit symbol.</summary>
    /// <param name="value">The base-unit value.</param>
    /// <param name="format">A numeric format; null or empty means <see cref="DefaultFormat"/>.</param>
    /// <param name="provider">The format provider; null means the invariant culture.</param>
    /// <param name="symbol">The base-unit symbol.</param>
    /// <returns>The formatted text, such as <c>"3.14e+23 FLOP"</c>.</returns>
    public static string Format(double value, string? format, IFormatProvider? provider, string symbol)
    {
        string number = value.ToString(
            string.IsNullOrEmpty(format) ? DefaultFormat : format,
            provider ?? CultureInfo.InvariantCulture);
        return number + " " + symbol;
    }

    /// <summary>The message for <c>IComparable.CompareTo</c> given an object of the wrong type.</summary>
    /// <param name="obj">The object that was passed.</param>
    /// <param name="expected">The quantity type that was expected.</param>
    /// <returns>The exception message.</returns>
    public static string NotComparableMessage(object obj, Type expected)
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Object should be null or a {expected.Name}, but was a {obj.GetType().Name}.");
    }
}
