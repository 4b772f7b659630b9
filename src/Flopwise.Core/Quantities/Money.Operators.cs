using System.Numerics;

namespace Flopwise;

// Operators: same-type arithmetic and comparison, scaling by a double, and the dimensionally valid cross-type
// relations listed in docs/units.md.
public readonly partial struct Money :
    IAdditionOperators<Money, Money, Money>,
    ISubtractionOperators<Money, Money, Money>,
    IUnaryNegationOperators<Money, Money>,
    IMultiplyOperators<Money, double, Money>,
    IDivisionOperators<Money, double, Money>,
    IDivisionOperators<Money, Money, double>,
    IComparisonOperators<Money, Money, bool>
{
    /// <summary>
    /// Adds two quantities of the same kind.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns>The sum, in USD.</returns>
    /// <exception cref="OverflowException">
    /// The sum is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Money operator +(Money left, Money right) =>
        new(QuantityMath.Checked(left._usd + right._usd));

    /// <summary>
    /// Subtracts one quantity from another of the same kind; the difference may be negative.
    /// </summary>
    /// <param name="left">The quantity to subtract from.</param>
    /// <param name="right">The quantity to subtract.</param>
    /// <returns>The difference <c>left − right</c>, in USD.</returns>
    /// <exception cref="OverflowException">
    /// The difference is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Money operator -(Money left, Money right) =>
        new(QuantityMath.Checked(left._usd - right._usd));

    /// <summary>
    /// Negates a quantity.
    /// </summary>
    /// <param name="value">The quantity to negate.</param>
    /// <returns>The quantity with the opposite sign, in USD.</returns>
    public static Money operator -(Money value) => new(-value._usd);

    /// <summary>
    /// Scales a quantity by a dimensionless factor.
    /// </summary>
    /// <param name="left">The quantity to scale.</param>
    /// <param name="right">The dimensionless factor. Range: any finite double.</param>
    /// <returns>The scaled quantity, in USD.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Money operator *(Money left, double right) =>
        new(QuantityMath.Scale(left._usd, right, nameof(right)));

    /// <summary>
    /// Scales a quantity by a dimensionless factor written on the left.
    /// </summary>
    /// <param name="left">The dimensionless factor. Range: any finite double.</param>
    /// <param name="right">The quantity to scale.</param>
    /// <returns>The scaled quantity, in USD; the same as <c>right * left</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Money operator *(double left, Money right) =>
        new(QuantityMath.Scale(right._usd, left, nameof(left)));

    /// <summary>
    /// Divides a quantity by a dimensionless divisor.
    /// </summary>
    /// <param name="left">The quantity to divide.</param>
    /// <param name="right">The dimensionless divisor. Range: any finite double except zero.</param>
    /// <returns>The quotient, in USD.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">
    /// The quotient is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Money operator /(Money left, double right) =>
        new(QuantityMath.Divide(left._usd, right, nameof(right)));

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
    public static double operator /(Money left, Money right) => left._usd / right._usd;

    /// <summary>
    /// Returns whether two quantities are exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left == right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator ==(Money left, Money right) => left._usd == right._usd;

    /// <summary>
    /// Returns whether two quantities are not exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left != right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator !=(Money left, Money right) => left._usd != right._usd;

    /// <summary>
    /// Returns whether the left quantity is less than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <(Money left, Money right) => left._usd < right._usd;

    /// <summary>
    /// Returns whether the left quantity is less than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <=(Money left, Money right) => left._usd <= right._usd;

    /// <summary>
    /// Returns whether the left quantity is greater than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >(Money left, Money right) => left._usd > right._usd;

    /// <summary>
    /// Returns whether the left quantity is greater than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >=(Money left, Money right) => left._usd >= right._usd;
}
