using System.Globalization;

namespace Flopwise;

/// <summary>
/// A data transfer rate in bytes per second (B/s), such as memory or interconnect bandwidth.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in bytes per second (B/s), the base unit; the factories
/// and getters for GB/s, TB/s convert to and from it. Prefixes are decimal (SI): 1 GB/s = 1e9 B/s, as accelerator data
/// sheets quote them. The amount of data is <see cref="ByteCount"/>.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] B/s. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(Bandwidth)</c> is <see cref="Zero"/>, zero B/s.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(Bandwidth)"/>) is exact; use <see cref="IsCloseTo"/> for a relative
/// tolerance. <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output
/// such as <c>"1.5e+24 B/s"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct Bandwidth : IEquatable<Bandwidth>, IComparable<Bandwidth>, IComparable, IFormattable
{
    private const double BytesPerSecondPerGigabytePerSecond = 1e9;
    private const double BytesPerSecondPerTerabytePerSecond = 1e12;

    private const string Symbol = "B/s";

    /// <summary>
    /// Gets a quantity of zero B/s, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(Bandwidth)</c>.
    /// </remarks>
    public static readonly Bandwidth Zero = new(0.0);

    private readonly double _bytesPerSecond;

    private Bandwidth(double bytesPerSecond) => _bytesPerSecond = bytesPerSecond;

    /// <summary>
    /// Creates a quantity from a number of bytes per second (B/s).
    /// </summary>
    /// <remarks>
    /// This is the base unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="bytesPerSecond">The number of bytes per second (B/s). Range: any finite double; may be
    /// negative.</param>
    /// <returns>The quantity, stored in B/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="bytesPerSecond"/> is NaN or an infinity.
    /// </exception>
    public static Bandwidth FromBytesPerSecond(double bytesPerSecond) =>
        new(Guard.Finite(bytesPerSecond, nameof(bytesPerSecond)));

    /// <summary>
    /// Creates a quantity from a number of gigabytes per second (GB/s, SI).
    /// </summary>
    /// <remarks>
    /// 1 GB/s = 1e9 B/s (SI prefix). The stored value is <c>gigabytesPerSecond × 1e9</c> B/s.
    /// </remarks>
    /// <param name="gigabytesPerSecond">
    /// The number of gigabytes per second (GB/s, SI). Range: finite, and small enough that <c>gigabytesPerSecond ×
    /// 1e9</c> is finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in B/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="gigabytesPerSecond"/> is NaN or an infinity, or its value in B/s overflows to an infinity.
    /// </exception>
    public static Bandwidth FromGigabytesPerSecond(double gigabytesPerSecond) =>
        new(QuantityMath.ToBase(gigabytesPerSecond, BytesPerSecondPerGigabytePerSecond, nameof(gigabytesPerSecond)));

    /// <summary>
    /// Creates a quantity from a number of terabytes per second (TB/s, SI).
    /// </summary>
    /// <remarks>
    /// 1 TB/s = 1e12 B/s (SI prefix). The stored value is <c>terabytesPerSecond × 1e12</c> B/s.
    /// </remarks>
    /// <param name="terabytesPerSecond">
    /// The number of terabytes per second (TB/s, SI). Range: finite, and small enough that <c>terabytesPerSecond ×
    /// 1e12</c> is finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in B/s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="terabytesPerSecond"/> is NaN or an infinity, or its value in B/s overflows to an infinity.
    /// </exception>
    public static Bandwidth FromTerabytesPerSecond(double terabytesPerSecond) =>
        new(QuantityMath.ToBase(terabytesPerSecond, BytesPerSecondPerTerabytePerSecond, nameof(terabytesPerSecond)));

    /// <summary>
    /// Gets the value in bytes per second (B/s).
    /// </summary>
    /// <value>The stored value in B/s, the base unit: finite, and possibly negative.</value>
    public double BytesPerSecond => _bytesPerSecond;

    /// <summary>
    /// Gets the value in gigabytes per second (GB/s, SI).
    /// </summary>
    /// <value>The value in B/s divided by 1e9: finite, possibly fractional or negative.</value>
    public double GigabytesPerSecond => _bytesPerSecond / BytesPerSecondPerGigabytePerSecond;

    /// <summary>
    /// Gets the value in terabytes per second (TB/s, SI).
    /// </summary>
    /// <value>The value in B/s divided by 1e12: finite, possibly fractional or negative.</value>
    public double TerabytesPerSecond => _bytesPerSecond / BytesPerSecondPerTerabytePerSecond;

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
    public bool IsCloseTo(Bandwidth other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _bytesPerSecond, other._bytesPerSecond, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="Bandwidth"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(Bandwidth other) => _bytesPerSecond.Equals(other._bytesPerSecond);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="Bandwidth"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="Bandwidth"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is Bandwidth other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(Bandwidth)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _bytesPerSecond.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="Bandwidth"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(Bandwidth other) => _bytesPerSecond.CompareTo(other._bytesPerSecond);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="Bandwidth"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(Bandwidth)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="Bandwidth"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            Bandwidth other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(Bandwidth)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in B/s in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "B/s".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 B/s"</c>, <c>"1e+07 B/s"</c> or <c>"0e+00 B/s"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() =>
        QuantityMath.Format(_bytesPerSecond, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in B/s with the given numeric format and provider, followed by a space and the symbol
    /// "B/s".
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
        QuantityMath.Format(_bytesPerSecond, format, formatProvider, Symbol);
}
