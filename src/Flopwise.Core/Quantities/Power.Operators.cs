using System.Numerics;

namespace Flopwise;

// Operators: same-type arithmetic and comparison, scaling by a double, and the dimensionally valid cross-type
// relations listed in docs/units.md.
public readonly partial struct Power :
    IAdditionOperators<Power, Power, Power>,
    ISubtractionOperators<Power, Power, Power>,
    IUnaryNegationOperators<Power, Power>,
    IMultiplyOperators<Power, double, Power>,
    IDivisionOperators<Power, double, Power>,
    IDivisionOperators<Power, Power, double>,
    IComparisonOperators<Power, Power, bool>,
    IMultiplyOperators<Power, WallTime, Energy>
{
    /// <summary>
    /// Adds two quantities of the same kind.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns>The sum, in W.</returns>
    /// <exception cref="OverflowException">
    /// The sum is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator +(Power left, Power right) =>
        new(QuantityMath.Checked(left._watts + right._watts));

    /// <summary>
    /// Subtracts one quantity from another of the same kind; the difference may be negative.
    /// </summary>
    /// <param name="left">The quantity to subtract from.</param>
    /// <param name="right">The quantity to subtract.</param>
    /// <returns>The difference <c>left − right</c>, in W.</returns>
    /// <exception cref="OverflowException">
    /// The difference is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator -(Power left, Power right) =>
        new(QuantityMath.Checked(left._watts - right._watts));

    /// <summary>
    /// Negates a quantity.
    /// </summary>
    /// <param name="value">The quantity to negate.</param>
    /// <returns>The quantity with the opposite sign, in W.</returns>
    public static Power operator -(Power value) => new(-value._watts);

    /// <summary>
    /// Scales a quantity by a dimensionless factor.
    /// </summary>
    /// <param name="left">The quantity to scale.</param>
    /// <param name="right">The dimensionless factor. Range: any finite double.</param>
    /// <returns>The scaled quantity, in W.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator *(Power left, double right) =>
        new(QuantityMath.Scale(left._watts, right, nameof(right)));

    /// <summary>
    /// Scales a quantity by a dimensionless factor written on the left.
    /// </summary>
    /// <param name="left">The dimensionless factor. Range: any finite double.</param>
    /// <param name="right">The quantity to scale.</param>
    /// <returns>The scaled quantity, in W; the same as <c>right * left</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> is NaN or an infinity.</exception>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator *(double left, Power right) =>
        new(QuantityMath.Scale(right._watts, left, nameof(left)));

    /// <summary>
    /// Divides a quantity by a dimensionless divisor.
    /// </summary>
    /// <param name="left">The quantity to divide.</param>
    /// <param name="right">The dimensionless divisor. Range: any finite double except zero.</param>
    /// <returns>The quotient, in W.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is NaN or an infinity.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">
    /// The quotient is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Power operator /(Power left, double right) =>
        new(QuantityMath.Divide(left._watts, right, nameof(right)));

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
    public static double operator /(Power left, Power right) => left._watts / right._watts;

    /// <summary>
    /// Returns whether two quantities are exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left == right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator ==(Power left, Power right) => left._watts == right._watts;

    /// <summary>
    /// Returns whether two quantities are not exactly equal.
    /// </summary>
    /// <remarks>The comparison is exact; use <see cref="IsCloseTo"/> to allow for rounding.</remarks>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left != right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator !=(Power left, Power right) => left._watts != right._watts;

    /// <summary>
    /// Returns whether the left quantity is less than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <(Power left, Power right) => left._watts < right._watts;

    /// <summary>
    /// Returns whether the left quantity is less than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &lt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator <=(Power left, Power right) => left._watts <= right._watts;

    /// <summary>
    /// Returns whether the left quantity is greater than the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt; right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >(Power left, Power right) => left._watts > right._watts;

    /// <summary>
    /// Returns whether the left quantity is greater than or equal to the right one.
    /// </summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns><see langword="true"/> if <c>left &gt;= right</c>; otherwise <see langword="false"/>.</returns>
    public static bool operator >=(Power left, Power right) => left._watts >= right._watts;

    /// <summary>
    /// Multiplies a power by a wall-clock time, giving the energy used: E = P · t.
    /// </summary>
    /// <param name="left">The power.</param>
    /// <param name="right">The wall-clock time.</param>
    /// <returns>The energy, in joules: W × s.</returns>
    /// <exception cref="OverflowException">
    /// The product is too large in magnitude to be represented as a finite double.
    /// </exception>
    public static Energy operator *(Power left, WallTime right) =>
        Energy.FromJoules(QuantityMath.Checked(left._watts * right.Seconds));
}
