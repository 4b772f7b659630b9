using System.Globalization;

namespace Flopwise;

/// <summary>
/// An amount of data in bytes (B), such as the size of a model's weights or of a dataset.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in bytes (B), the base unit; the factories and getters
/// for kB, MB, GB, TB, KiB, MiB, GiB, TiB convert to and from it. Decimal (SI) and binary (IEC) prefixes are both
/// explicit: <see cref="FromGigabytes"/> means 1e9 B and <see cref="FromGibibytes"/> means 2^30 B. There is no bare
/// "GB" that means 2^30.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] B. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(ByteCount)</c> is <see cref="Zero"/>, zero bytes.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(ByteCount)"/>) is exact; use <see cref="IsCloseTo"/> for a relative
/// tolerance. <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output
/// such as <c>"1.5e+24 B"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct ByteCount : IEquatable<ByteCount>, IComparable<ByteCount>, IComparable, IFormattable
{
    private const double BytesPerKilobyte = 1e3;
    private const double BytesPerMegabyte = 1e6;
    private const double BytesPerGigabyte = 1e9;
    private const double BytesPerTerabyte = 1e12;
    private const double BytesPerKibibyte = 1024;
    private const double BytesPerMebibyte = 1048576;
    private const double BytesPerGibibyte = 1073741824;
    private const double BytesPerTebibyte = 1099511627776;

    private const string Symbol = "B";

    /// <summary>
    /// Gets a quantity of zero bytes, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(ByteCount)</c>.
    /// </remarks>
    public static readonly ByteCount Zero = new(0.0);

    private readonly double _bytes;

    private ByteCount(double bytes) => _bytes = bytes;

    /// <summary>
    /// Creates a quantity from a number of bytes (B).
    /// </summary>
    /// <remarks>
    /// This is the base unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="bytes">The number of bytes (B). Range: any finite double; may be negative.</param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="bytes"/> is NaN or an infinity.
    /// </exception>
    public static ByteCount FromBytes(double bytes) => new(Guard.Finite(bytes, nameof(bytes)));

    /// <summary>
    /// Creates a quantity from a number of kilobytes (kB, SI).
    /// </summary>
    /// <remarks>
    /// 1 kB = 1e3 B (SI prefix). The stored value is <c>kilobytes × 1e3</c> B.
    /// </remarks>
    /// <param name="kilobytes">
    /// The number of kilobytes (kB, SI). Range: finite, and small enough that <c>kilobytes × 1e3</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kilobytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromKilobytes(double kilobytes) =>
        new(QuantityMath.ToBase(kilobytes, BytesPerKilobyte, nameof(kilobytes)));

    /// <summary>
    /// Creates a quantity from a number of megabytes (MB, SI).
    /// </summary>
    /// <remarks>
    /// 1 MB = 1e6 B (SI prefix). The stored value is <c>megabytes × 1e6</c> B.
    /// </remarks>
    /// <param name="megabytes">
    /// The number of megabytes (MB, SI). Range: finite, and small enough that <c>megabytes × 1e6</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="megabytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromMegabytes(double megabytes) =>
        new(QuantityMath.ToBase(megabytes, BytesPerMegabyte, nameof(megabytes)));

    /// <summary>
    /// Creates a quantity from a number of gigabytes (GB, SI).
    /// </summary>
    /// <remarks>
    /// 1 GB = 1e9 B (SI prefix); for 2^30 B use <see cref="FromGibibytes"/>. The stored value is <c>gigabytes ×
    /// 1e9</c> B.
    /// </remarks>
    /// <param name="gigabytes">
    /// The number of gigabytes (GB, SI). Range: finite, and small enough that <c>gigabytes × 1e9</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="gigabytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromGigabytes(double gigabytes) =>
        new(QuantityMath.ToBase(gigabytes, BytesPerGigabyte, nameof(gigabytes)));

    /// <summary>
    /// Creates a quantity from a number of terabytes (TB, SI).
    /// </summary>
    /// <remarks>
    /// 1 TB = 1e12 B (SI prefix); for 2^40 B use <see cref="FromTebibytes"/>. The stored value is <c>terabytes ×
    /// 1e12</c> B.
    /// </remarks>
    /// <param name="terabytes">
    /// The number of terabytes (TB, SI). Range: finite, and small enough that <c>terabytes × 1e12</c> is finite; may
    /// be negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="terabytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromTerabytes(double terabytes) =>
        new(QuantityMath.ToBase(terabytes, BytesPerTerabyte, nameof(terabytes)));

    /// <summary>
    /// Creates a quantity from a number of kibibytes (KiB, IEC).
    /// </summary>
    /// <remarks>
    /// 1 KiB = 2^10 = 1,024 B (IEC prefix). The stored value is <c>kibibytes × 1024</c> B.
    /// </remarks>
    /// <param name="kibibytes">
    /// The number of kibibytes (KiB, IEC). Range: finite, and small enough that <c>kibibytes × 1024</c> is finite; may
    /// be negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kibibytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromKibibytes(double kibibytes) =>
        new(QuantityMath.ToBase(kibibytes, BytesPerKibibyte, nameof(kibibytes)));

    /// <summary>
    /// Creates a quantity from a number of mebibytes (MiB, IEC).
    /// </summary>
    /// <remarks>
    /// 1 MiB = 2^20 = 1,048,576 B (IEC prefix). The stored value is <c>mebibytes × 1048576</c> B.
    /// </remarks>
    /// <param name="mebibytes">
    /// The number of mebibytes (MiB, IEC). Range: finite, and small enough that <c>mebibytes × 1048576</c> is finite;
    /// may be negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="mebibytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromMebibytes(double mebibytes) =>
        new(QuantityMath.ToBase(mebibytes, BytesPerMebibyte, nameof(mebibytes)));

    /// <summary>
    /// Creates a quantity from a number of gibibytes (GiB, IEC).
    /// </summary>
    /// <remarks>
    /// 1 GiB = 2^30 = 1,073,741,824 B (IEC prefix); for 1e9 B use <see cref="FromGigabytes"/>. The stored value is
    /// <c>gibibytes × 1073741824</c> B.
    /// </remarks>
    /// <param name="gibibytes">
    /// The number of gibibytes (GiB, IEC). Range: finite, and small enough that <c>gibibytes × 1073741824</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="gibibytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromGibibytes(double gibibytes) =>
        new(QuantityMath.ToBase(gibibytes, BytesPerGibibyte, nameof(gibibytes)));

    /// <summary>
    /// Creates a quantity from a number of tebibytes (TiB, IEC).
    /// </summary>
    /// <remarks>
    /// 1 TiB = 2^40 = 1,099,511,627,776 B (IEC prefix); for 1e12 B use <see cref="FromTerabytes"/>. The stored value
    /// is <c>tebibytes × 1099511627776</c> B.
    /// </remarks>
    /// <param name="tebibytes">
    /// The number of tebibytes (TiB, IEC). Range: finite, and small enough that <c>tebibytes × 1099511627776</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tebibytes"/> is NaN or an infinity, or its value in B overflows to an infinity.
    /// </exception>
    public static ByteCount FromTebibytes(double tebibytes) =>
        new(QuantityMath.ToBase(tebibytes, BytesPerTebibyte, nameof(tebibytes)));

    /// <summary>
    /// Gets the value in bytes (B).
    /// </summary>
    /// <value>The stored value in B, the base unit: finite, and possibly negative.</value>
    public double Bytes => _bytes;

    /// <summary>
    /// Gets the value in kilobytes (kB, SI).
    /// </summary>
    /// <value>The value in B divided by 1e3: finite, possibly fractional or negative.</value>
    public double Kilobytes => _bytes / BytesPerKilobyte;

    /// <summary>
    /// Gets the value in megabytes (MB, SI).
    /// </summary>
    /// <value>The value in B divided by 1e6: finite, possibly fractional or negative.</value>
    public double Megabytes => _bytes / BytesPerMegabyte;

    /// <summary>
    /// Gets the value in gigabytes (GB, SI).
    /// </summary>
    /// <value>The value in B divided by 1e9: finite, possibly fractional or negative.</value>
    public double Gigabytes => _bytes / BytesPerGigabyte;

    /// <summary>
    /// Gets the value in terabytes (TB, SI).
    /// </summary>
    /// <value>The value in B divided by 1e12: finite, possibly fractional or negative.</value>
    public double Terabytes => _bytes / BytesPerTerabyte;

    /// <summary>
    /// Gets the value in kibibytes (KiB, IEC).
    /// </summary>
    /// <value>The value in B divided by 1024: finite, possibly fractional or negative.</value>
    public double Kibibytes => _bytes / BytesPerKibibyte;

    /// <summary>
    /// Gets the value in mebibytes (MiB, IEC).
    /// </summary>
    /// <value>The value in B divided by 1048576: finite, possibly fractional or negative.</value>
    public double Mebibytes => _bytes / BytesPerMebibyte;

    /// <summary>
    /// Gets the value in gibibytes (GiB, IEC).
    /// </summary>
    /// <value>The value in B divided by 1073741824: finite, possibly fractional or negative.</value>
    public double Gibibytes => _bytes / BytesPerGibibyte;

    /// <summary>
    /// Gets the value in tebibytes (TiB, IEC).
    /// </summary>
    /// <value>The value in B divided by 1099511627776: finite, possibly fractional or negative.</value>
    public double Tebibytes => _bytes / BytesPerTebibyte;

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
    public bool IsCloseTo(ByteCount other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _bytes, other._bytes, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="ByteCount"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(ByteCount other) => _bytes.Equals(other._bytes);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="ByteCount"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="ByteCount"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is ByteCount other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(ByteCount)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _bytes.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="ByteCount"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(ByteCount other) => _bytes.CompareTo(other._bytes);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="ByteCount"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(ByteCount)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="ByteCount"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            ByteCount other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(ByteCount)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in B in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "B".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 B"</c>, <c>"1e+07 B"</c> or <c>"0e+00 B"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_bytes, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in B with the given numeric format and provider, followed by a space and the symbol
    /// "B".
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
        QuantityMath.Format(_bytes, format, formatProvider, Symbol);
}
