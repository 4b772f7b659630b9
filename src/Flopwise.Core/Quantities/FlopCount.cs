using System.Globalization;

namespace Flopwise;

/// <summary>
/// A number of floating-point operations (FLOP), such as the compute used to train or run a model.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in floating-point operations (FLOP), the base unit; the
/// factories and getters for TFLOP, PFLOP, EFLOP, PF-day convert to and from it. This is an amount of work, not a
/// speed: the speed is <see cref="FlopRate"/> (FLOP/s). The name avoids the FLOPs/FLOPS ambiguity.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] FLOP. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(FlopCount)</c> is <see cref="Zero"/>, zero FLOP.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(FlopCount)"/>) is exact; use <see cref="IsCloseTo"/> for a relative
/// tolerance. <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output
/// such as <c>"1.5e+24 FLOP"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct FlopCount : IEquatable<FlopCount>, IComparable<FlopCount>, IComparable, IFormattable
{
    private const double FlopPerTeraflop = 1e12;
    private const double FlopPerPetaflop = 1e15;
    private const double FlopPerExaflop = 1e18;
    private const double FlopPerPetaflopDay = 8.64e19;

    private const string Symbol = "FLOP";

    /// <summary>
    /// Gets a quantity of zero FLOP, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(FlopCount)</c>.
    /// </remarks>
    public static readonly FlopCount Zero = new(0.0);

    private readonly double _flop;

    private FlopCount(double flop) => _flop = flop;

    /// <summary>
    /// Creates a quantity from a number of FLOP (floating-point operations).
    /// </summary>
    /// <remarks>
    /// This is the base unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="flop">The number of FLOP (floating-point operations). Range: any finite double; may be
    /// negative.</param>
    /// <returns>The quantity, stored in FLOP.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="flop"/> is NaN or an infinity.
    /// </exception>
    public static FlopCount FromFlop(double flop) => new(Guard.Finite(flop, nameof(flop)));

    /// <summary>
    /// Creates a quantity from a number of TFLOP (teraflop, 1e12 FLOP).
    /// </summary>
    /// <remarks>
    /// 1 TFLOP = 1e12 FLOP. The stored value is <c>teraflop × 1e12</c> FLOP.
    /// </remarks>
    /// <param name="teraflop">
    /// The number of TFLOP (teraflop, 1e12 FLOP). Range: finite, and small enough that <c>teraflop × 1e12</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="teraflop"/> is NaN or an infinity, or its value in FLOP overflows to an infinity.
    /// </exception>
    public static FlopCount FromTeraflop(double teraflop) =>
        new(QuantityMath.ToBase(teraflop, FlopPerTeraflop, nameof(teraflop)));

    /// <summary>
    /// Creates a quantity from a number of PFLOP (petaflop, 1e15 FLOP).
    /// </summary>
    /// <remarks>
    /// 1 PFLOP = 1e15 FLOP. The stored value is <c>petaflop × 1e15</c> FLOP.
    /// </remarks>
    /// <param name="petaflop">
    /// The number of PFLOP (petaflop, 1e15 FLOP). Range: finite, and small enough that <c>petaflop × 1e15</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="petaflop"/> is NaN or an infinity, or its value in FLOP overflows to an infinity.
    /// </exception>
    public static FlopCount FromPetaflop(double petaflop) =>
        new(QuantityMath.ToBase(petaflop, FlopPerPetaflop, nameof(petaflop)));

    /// <summary>
    /// Creates a quantity from a number of EFLOP (exaflop, 1e18 FLOP).
    /// </summary>
    /// <remarks>
    /// 1 EFLOP = 1e18 FLOP. The stored value is <c>exaflop × 1e18</c> FLOP.
    /// </remarks>
    /// <param name="exaflop">
    /// The number of EFLOP (exaflop, 1e18 FLOP). Range: finite, and small enough that <c>exaflop × 1e18</c> is finite;
    /// may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="exaflop"/> is NaN or an infinity, or its value in FLOP overflows to an infinity.
    /// </exception>
    public static FlopCount FromExaflop(double exaflop) =>
        new(QuantityMath.ToBase(exaflop, FlopPerExaflop, nameof(exaflop)));

    /// <summary>
    /// Creates a quantity from a number of petaflop-days (PF-day).
    /// </summary>
    /// <remarks>
    /// 1 PF-day = 8.64e19 FLOP: 1e15 FLOP/s sustained for one day of 86,400 s. The stored value is <c>petaflopDays ×
    /// 8.64e19</c> FLOP.
    /// </remarks>
    /// <param name="petaflopDays">
    /// The number of petaflop-days (PF-day). Range: finite, and small enough that <c>petaflopDays × 8.64e19</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="petaflopDays"/> is NaN or an infinity, or its value in FLOP overflows to an infinity.
    /// </exception>
    public static FlopCount FromPetaflopDays(double petaflopDays) =>
        new(QuantityMath.ToBase(petaflopDays, FlopPerPetaflopDay, nameof(petaflopDays)));

    /// <summary>
    /// Gets the value in FLOP (floating-point operations).
    /// </summary>
    /// <value>The stored value in FLOP, the base unit: finite, and possibly negative.</value>
    public double Flop => _flop;

    /// <summary>
    /// Gets the value in TFLOP (teraflop, 1e12 FLOP).
    /// </summary>
    /// <value>The value in FLOP divided by 1e12: finite, possibly fractional or negative.</value>
    public double Teraflop => _flop / FlopPerTeraflop;

    /// <summary>
    /// Gets the value in PFLOP (petaflop, 1e15 FLOP).
    /// </summary>
    /// <value>The value in FLOP divided by 1e15: finite, possibly fractional or negative.</value>
    public double Petaflop => _flop / FlopPerPetaflop;

    /// <summary>
    /// Gets the value in EFLOP (exaflop, 1e18 FLOP).
    /// </summary>
    /// <value>The value in FLOP divided by 1e18: finite, possibly fractional or negative.</value>
    public double Exaflop => _flop / FlopPerExaflop;

    /// <summary>
    /// Gets the value in petaflop-days (PF-day).
    /// </summary>
    /// <value>The value in FLOP divided by 8.64e19: finite, possibly fractional or negative.</value>
    public double PetaflopDays => _flop / FlopPerPetaflopDay;

    /// <summary>
    /// Returns whether this quantity is within a relative tolerance of another:
    /// |a − b| ≤ <paramref name="relativeTolerance"/> · max(|a|, |b|).
    /// </summary>
    /// <remarks>
    /// Use this instead of <c>==</c> for results of floating-point arithmetic. The test is symmetric in the two
    /// quantities; with a tolerance below 1, zero is close only to zero.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <param name="relativeTolerance">
    /// The largest allowed difference, as a fraction of the larger magnitude (e.g. 1e-9). Range: [0,
    /// 1.7976931348623157e+308].
    /// </param>
    /// <returns><see langword="true"/> if the two quantities are within the tolerance; otherwise
    /// <see langword="false"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="relativeTolerance"/> is negative, NaN or an infinity.
    /// </exception>
    public bool IsCloseTo(FlopCount other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _flop, other._flop, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="FlopCount"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(FlopCount other) => _flop.Equals(other._flop);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="FlopCount"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="FlopCount"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is FlopCount other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(FlopCount)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _flop.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="FlopCount"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(FlopCount other) => _flop.CompareTo(other._flop);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="FlopCount"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(FlopCount)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="FlopCount"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            FlopCount other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(FlopCount)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in FLOP in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "FLOP".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 FLOP"</c>, <c>"1e+07 FLOP"</c> or <c>"0e+00 FLOP"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_flop, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in FLOP with the given numeric format and provider, followed by a space and the symbol
    /// "FLOP".
    /// </summary>
    /// <remarks>
    /// The number is formatted as <see cref="double.ToString(string, IFormatProvider)"/> would format the stored value.
    /// The symbol is always the base-unit symbol: to show another unit, format its getter instead.
    /// </remarks>
    /// <param name="format">
    /// A standard or custom numeric format string, such as <c>"G4"</c> or <c>"0.00e+00"</c>; <see langword="null"/> or
    /// empty means <c>"0.###e+00"</c>, the format of <see cref="ToString()"/>.
    /// </param>
    /// <param name="formatProvider">
    /// The culture-specific formatting information; <see langword="null"/> means the invariant culture, not the current
    /// one.
    /// </param>
    /// <returns>The formatted value with its unit symbol.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a valid numeric format string.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityMath.Format(_flop, format, formatProvider, Symbol);
}
