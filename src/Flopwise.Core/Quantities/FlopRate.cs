using System.Globalization;

namespace Flopwise;

/// <summary>
/// A rate of floating-point operations per second (FLOP/s), such as the throughput of an accelerator or a cluster.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in floating-point operations per second (FLOP/s), the
/// base unit; the factories and getters for TFLOP/s, PFLOP/s convert to and from it. This is a speed, not an amount of
/// work: the amount is <see cref="FlopCount"/> (FLOP).
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] FLOP/s. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(FlopRate)</c> is <see cref="Zero"/>, zero FLOP/s.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(FlopRate)"/>) is exact; use <see cref="IsCloseTo"/> for a relative
/// tolerance. <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output
/// such as <c>"1.5e+24 FLOP/s"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct FlopRate : IEquatable<FlopRate>, IComparable<FlopRate>, IComparable, IFormattable
{
    private const double FlopPerSecondPerTeraflopPerSecond = 1e12;
    private const double FlopPerSecondPerPetaflopPerSecond = 1e15;

    private const string Symbol = "FLOP/s";

    /// <summary>
    /// Gets a quantity of zero FLOP/s, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(FlopRate)</c>.
    /// </remarks>
    public static readonly FlopRate Zero = new(0.0);

    private readonly double _flopPerSecond;

    private FlopRate(double flopPerSecond) => _flopPerSecond = flopPerSecond;

    /// <summary>
    /// Creates a quantity from a number of FLOP/s (floating-point operations per second).
    /// </summary>
    /// <remarks>
    /// This is the base unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="flopPerSecond">The number of FLOP/s (floating-point operations per second). Range: any finite
    /// double; may be negative.</param>
    /// <returns>The quantity, stored in FLOP/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="flopPerSecond"/> is NaN or an infinity.
    /// </exception>
    public static FlopRate FromFlopPerSecond(double flopPerSecond) =>
        new(Guard.Finite(flopPerSecond, nameof(flopPerSecond)));

    /// <summary>
    /// Creates a quantity from a number of TFLOP/s (1e12 FLOP/s).
    /// </summary>
    /// <remarks>
    /// 1 TFLOP/s = 1e12 FLOP/s. The stored value is <c>teraflopPerSecond × 1e12</c> FLOP/s.
    /// </remarks>
    /// <param name="teraflopPerSecond">
    /// The number of TFLOP/s (1e12 FLOP/s). Range: finite, and small enough that <c>teraflopPerSecond × 1e12</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="teraflopPerSecond"/> is NaN or an infinity, or its value in FLOP/s overflows to an infinity.
    /// </exception>
    public static FlopRate FromTeraflopPerSecond(double teraflopPerSecond) =>
        new(QuantityMath.ToBase(teraflopPerSecond, FlopPerSecondPerTeraflopPerSecond, nameof(teraflopPerSecond)));

    /// <summary>
    /// Creates a quantity from a number of PFLOP/s (1e15 FLOP/s).
    /// </summary>
    /// <remarks>
    /// 1 PFLOP/s = 1e15 FLOP/s. The stored value is <c>petaflopPerSecond × 1e15</c> FLOP/s.
    /// </remarks>
    /// <param name="petaflopPerSecond">
    /// The number of PFLOP/s (1e15 FLOP/s). Range: finite, and small enough that <c>petaflopPerSecond × 1e15</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in FLOP/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="petaflopPerSecond"/> is NaN or an infinity, or its value in FLOP/s overflows to an infinity.
    /// </exception>
    public static FlopRate FromPetaflopPerSecond(double petaflopPerSecond) =>
        new(QuantityMath.ToBase(petaflopPerSecond, FlopPerSecondPerPetaflopPerSecond, nameof(petaflopPerSecond)));

    /// <summary>
    /// Gets the value in FLOP/s (floating-point operations per second).
    /// </summary>
    /// <value>The stored value in FLOP/s, the base unit: finite, and possibly negative.</value>
    public double FlopPerSecond => _flopPerSecond;

    /// <summary>
    /// Gets the value in TFLOP/s (1e12 FLOP/s).
    /// </summary>
    /// <value>The value in FLOP/s divided by 1e12: finite, possibly fractional or negative.</value>
    public double TeraflopPerSecond => _flopPerSecond / FlopPerSecondPerTeraflopPerSecond;

    /// <summary>
    /// Gets the value in PFLOP/s (1e15 FLOP/s).
    /// </summary>
    /// <value>The value in FLOP/s divided by 1e15: finite, possibly fractional or negative.</value>
    public double PetaflopPerSecond => _flopPerSecond / FlopPerSecondPerPetaflopPerSecond;

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
    public bool IsCloseTo(FlopRate other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _flopPerSecond, other._flopPerSecond, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="FlopRate"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(FlopRate other) => _flopPerSecond.Equals(other._flopPerSecond);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="FlopRate"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="FlopRate"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is FlopRate other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(FlopRate)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _flopPerSecond.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="FlopRate"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(FlopRate other) => _flopPerSecond.CompareTo(other._flopPerSecond);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="FlopRate"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(FlopRate)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="FlopRate"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            FlopRate other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(FlopRate)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in FLOP/s in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "FLOP/s".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 FLOP/s"</c>, <c>"1e+07 FLOP/s"</c> or <c>"0e+00 FLOP/s"</c>. The current
    /// culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() =>
        QuantityMath.Format(_flopPerSecond, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in FLOP/s with the given numeric format and provider, followed by a space and the symbol
    /// "FLOP/s".
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
        QuantityMath.Format(_flopPerSecond, format, formatProvider, Symbol);
}
