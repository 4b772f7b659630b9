using System.Globalization;

namespace Flopwise;

/// <summary>
/// A span of wall-clock time in seconds (s), such as the duration of a training run.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in seconds (s), the base unit; the factories and
/// getters for min, h, d, yr convert to and from it. Calendar units are fixed: a day is 86,400 s and a year is 365
/// days (31,536,000 s), with no leap days or leap seconds. Unlike <see cref="TimeSpan"/>, the value is a double, so it
/// covers spans far beyond 10,000 years, with a precision relative to the value rather than a fixed tick.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] s. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(WallTime)</c> is <see cref="Zero"/>, zero seconds.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(WallTime)"/>) is exact; use <see cref="IsCloseTo"/> for a relative
/// tolerance. <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output
/// such as <c>"1.5e+24 s"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct WallTime : IEquatable<WallTime>, IComparable<WallTime>, IComparable, IFormattable
{
    private const double SecondsPerMinute = 60;
    private const double SecondsPerHour = 3600;
    private const double SecondsPerDay = 86400;
    private const double SecondsPerYear = 31536000;

    private const string Symbol = "s";

    /// <summary>
    /// Gets a quantity of zero seconds, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(WallTime)</c>.
    /// </remarks>
    public static readonly WallTime Zero = new(0.0);

    private readonly double _seconds;

    private WallTime(double seconds) => _seconds = seconds;

    /// <summary>
    /// Creates a quantity from a number of seconds (s).
    /// </summary>
    /// <remarks>
    /// This is the SI unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="seconds">The number of seconds (s). Range: any finite double; may be negative.</param>
    /// <returns>The quantity, stored in s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="seconds"/> is NaN or an infinity.
    /// </exception>
    public static WallTime FromSeconds(double seconds) => new(Guard.Finite(seconds, nameof(seconds)));

    /// <summary>
    /// Creates a quantity from a number of minutes (min).
    /// </summary>
    /// <remarks>
    /// 1 min = 60 s. The stored value is <c>minutes × 60</c> s.
    /// </remarks>
    /// <param name="minutes">
    /// The number of minutes (min). Range: finite, and small enough that <c>minutes × 60</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="minutes"/> is NaN or an infinity, or its value in s overflows to an infinity.
    /// </exception>
    public static WallTime FromMinutes(double minutes) =>
        new(QuantityMath.ToBase(minutes, SecondsPerMinute, nameof(minutes)));

    /// <summary>
    /// Creates a quantity from a number of hours (h).
    /// </summary>
    /// <remarks>
    /// 1 h = 3,600 s. The stored value is <c>hours × 3600</c> s.
    /// </remarks>
    /// <param name="hours">
    /// The number of hours (h). Range: finite, and small enough that <c>hours × 3600</c> is finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="hours"/> is NaN or an infinity, or its value in s overflows to an infinity.
    /// </exception>
    public static WallTime FromHours(double hours) => new(QuantityMath.ToBase(hours, SecondsPerHour, nameof(hours)));

    /// <summary>
    /// Creates a quantity from a number of days (d).
    /// </summary>
    /// <remarks>
    /// 1 d = 86,400 s. The stored value is <c>days × 86400</c> s.
    /// </remarks>
    /// <param name="days">
    /// The number of days (d). Range: finite, and small enough that <c>days × 86400</c> is finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="days"/> is NaN or an infinity, or its value in s overflows to an infinity.
    /// </exception>
    public static WallTime FromDays(double days) => new(QuantityMath.ToBase(days, SecondsPerDay, nameof(days)));

    /// <summary>
    /// Creates a quantity from a number of years of 365 days (yr).
    /// </summary>
    /// <remarks>
    /// 1 yr = 365 d = 31,536,000 s; there are no leap years. The stored value is <c>years × 31536000</c> s.
    /// </remarks>
    /// <param name="years">
    /// The number of years of 365 days (yr). Range: finite, and small enough that <c>years × 31536000</c> is finite;
    /// may be negative.
    /// </param>
    /// <returns>The quantity, stored in s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="years"/> is NaN or an infinity, or its value in s overflows to an infinity.
    /// </exception>
    public static WallTime FromYears(double years) => new(QuantityMath.ToBase(years, SecondsPerYear, nameof(years)));

    /// <summary>
    /// Gets the value in seconds (s).
    /// </summary>
    /// <value>The stored value in s, the base unit: finite, and possibly negative.</value>
    public double Seconds => _seconds;

    /// <summary>
    /// Gets the value in minutes (min).
    /// </summary>
    /// <value>The value in s divided by 60: finite, possibly fractional or negative.</value>
    public double Minutes => _seconds / SecondsPerMinute;

    /// <summary>
    /// Gets the value in hours (h).
    /// </summary>
    /// <value>The value in s divided by 3600: finite, possibly fractional or negative.</value>
    public double Hours => _seconds / SecondsPerHour;

    /// <summary>
    /// Gets the value in days (d).
    /// </summary>
    /// <value>The value in s divided by 86400: finite, possibly fractional or negative.</value>
    public double Days => _seconds / SecondsPerDay;

    /// <summary>
    /// Gets the value in years of 365 days (yr).
    /// </summary>
    /// <value>The value in s divided by 31536000: finite, possibly fractional or negative.</value>
    public double Years => _seconds / SecondsPerYear;

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
    public bool IsCloseTo(WallTime other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _seconds, other._seconds, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="WallTime"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(WallTime other) => _seconds.Equals(other._seconds);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="WallTime"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="WallTime"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is WallTime other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(WallTime)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _seconds.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="WallTime"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(WallTime other) => _seconds.CompareTo(other._seconds);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="WallTime"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(WallTime)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="WallTime"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            WallTime other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(WallTime)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in s in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "s".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 s"</c>, <c>"1e+07 s"</c> or <c>"0e+00 s"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_seconds, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in s with the given numeric format and provider, followed by a space and the symbol
    /// "s".
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
        QuantityMath.Format(_seconds, format, formatProvider, Symbol);
}
