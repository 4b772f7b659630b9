using System.Numerics;

namespace Flopwise;

// Operators: same-type arithmetic and comparison, scaling by a double, and the dimensionally valid cross-type
// relations listed in docs/units.md.
public readonly partial struct Energy :
    IAdditionOperators<Energy, Energy, Energy>,
    ISubtractionOperators<Energy, Energy, Energy>,
    IUnaryNegationOperators<Energy, Energy>,
    IMultiplyOperators<Energy, double, Energy>,
    IDivisionOperators<Energy, double, Energy>,
    IDivisionOperators<Energy, Energy, double>,
    IComparisonOperators<Energy, Energy, bool>,
    IDivisionOperators<Energy, WallTime, Power>,
    IDivisionOperators<Energy, Power, WallTime>
{
    /// <summary>
    /// Adds two quantities of the same kind.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns>The sum, in J.</returns>
    /// <exception cref="OverflowException">
    /// The sum is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator +(Energy left, Energy right) =>
        new(QuantityMath.Checked(left._joules + right._joules));

    /// <summary>
    /// Subtracts one quantity from another of the same kind; the difference may be negative.
    /// </summary>
    /// <param name="left">The quantity to subtract from.</param>
    /// <param name="right">The quantity to subtract.</param>
    /// <returns>The difference <c>left − right</c>, in J.</returns>
    /// <exception cref="OverflowException">
    /// The difference is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator -(Energy left, Energy right) =>
        new(QuantityMath.Checked(left._joules - right._joules));

    /// <summary>
    /// Negates a quantity.
    /// </summary>
    /// <param name="value">The quantity to negate.</param>
    /// <returns>The quantity with the opposite sign, in J.</returns>
    public static Energy operator -(Energy value) => new(-value._joules);

    /// <summary>
    /// Scales a quantity by a dimensionless factor.
    /// </summary>
    /// <param name="left">The quantity to scale.</param>
    /// <param name="right">The dimensionless factor. Range: any finite double.</param>
    /// <returns>The scaled quantity, in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator *(Energy left, double right) =>
        new(QuantityMath.Scale(left._joules, right, nameof(right)));

    /// <summary>
    /// Scales a quantity by a dimensionless factor written on the left.
    /// </summary>
    /// <param name="left">The dimensionless factor. Range: any finite double.</param>
    /// <param name="right">The quantity to scale.</param>
    /// <returns>The scaled quantity, in J; the same as <c>right * left</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator *(double left, Energy right) =>
        new(QuantityMath.Scale(right._joules, left, nameof(left)));

    /// <summary>
    /// Divides a quantity by a dimensionless divisor.
    /// </summary>
    /// <param name="left">The quantity to divide.</param>
    /// <param name="right">The dimensionless divisor. Range: any finite double except zero.</param>
    /// <returns>The quotient, in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">
    /// The quotient is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator /(Energy left, double right) =>
        new(QuantityMath.Divide(left._joules, right, nameof(right)));

    /// <summary>
    /// Divides one quantity by another of the same kind, giving their dimensionless ratio.
    /// </summary>
    /// <remarks>
    /// This follows IEEE 754 like <see cref="TimeSpan"/> division: dividing by zero gives an infinity, or NaN for
    /// zero by zero, and does not throw.
    /// </remarks>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The ratio <c>left / right</c> of the stored values, a plain <see cref="double"/>.</returns>
    public static double operator /(Energy left, Energy right) => left._joules / right._joules;

    /// <summary>
    /// Returns whether two quantities are exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left == right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator ==(Energy left, Energy right) => left._joules == right._joules;

    /// <summary>
    /// Returns whether two quantities are not exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left != right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator !=(Energy left, Energy right) => left._joules != right._joules;

    /// <summary>
    /// Returns whether the left quantity is less than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <(Energy left, Energy right) => left._joules < right._joules;

    /// <summary>
    /// Returns whether the left quantity is less than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <=(Energy left, Energy right) => left._joules <= right._joules;

    /// <summary>
    /// Returns whether the left quantity is greater than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >(Energy left, Energy right) => left._joules > right._joules;

    /// <summary>
    /// Returns whether the left quantity is greater than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >=(Energy left, Energy right) => left._joules >= right._joules;

    /// <summary>
    /// Divides an energy by a wall-clock time, giving the average power: P = E / t.
    /// </summary>
    /// <param name="left">The energy.</param>
    /// <param name="right">The wall-clock time. Range: non-zero.</param>
    /// <returns>The power, in watts: J ÷ s.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">
    /// The quotient is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator /(Energy left, WallTime right) =>
        Power.FromWatts(QuantityMath.Divide(left._joules, right.Seconds, nameof(right)));

    /// <summary>
    /// Divides an energy by a power, giving the time that power takes to use it: t = E / P.
    /// </summary>
    /// <param name="left">The energy.</param>
    /// <param name="right">The power. Range: non-zero.</param>
    /// <returns>The time, in seconds: J ÷ W.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">
    /// The quotient is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static WallTime operator /(Energy left, Power right) =>
        WallTime.FromSeconds(QuantityMath.Divide(left._joules, right.Watts, nameof(right)));
}
