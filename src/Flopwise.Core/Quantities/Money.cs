using System.Globalization;

namespace Flopwise;

/// <summary>
/// An amount of money in US dollars (USD), such as the cost of hardware, cloud time or electricity.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in US dollars (USD), the base unit. There is one
/// currency and no conversion between currencies, and no adjustment for inflation: the year of the dollars is the
/// caller's to state.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] USD. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(Money)</c> is <see cref="Zero"/>, zero USD.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(Money)"/>) is exact; use <see cref="IsCloseTo"/> for a relative tolerance.
/// <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output such as
/// <c>"1.5e+24 USD"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    private const string Symbol = "USD";

    /// <summary>
    /// Gets a quantity of zero USD, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(Money)</c>.
    /// </remarks>
    public static readonly Money Zero = new(0.0);

    private readonly double _usd;

    private Money(double usd) => _usd = usd;

    /// <summary>
    /// Creates a quantity from a number of US dollars (USD).
    /// </summary>
    /// <remarks>
    /// This is the base unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="usd">The number of US dollars (USD). Range: any finite double; may be negative.</param>
    /// <returns>The quantity, stored in USD.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="usd"/> is NaN or an infinity.
    /// </exception>
    public static Money FromUsd(double usd) => new(Guard.Finite(usd, nameof(usd)));

    /// <summary>
    /// Gets the value in US dollars (USD).
    /// </summary>
    /// <value>The stored value in USD, the base unit: finite, and possibly negative.</value>
    public double Usd => _usd;

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
    public bool IsCloseTo(Money other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _usd, other._usd, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="Money"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(Money other) => _usd.Equals(other._usd);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="Money"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="Money"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(Money)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _usd.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="Money"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(Money other) => _usd.CompareTo(other._usd);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="Money"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(Money)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="Money"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            Money other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(Money)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in USD in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "USD".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 USD"</c>, <c>"1e+07 USD"</c> or <c>"0e+00 USD"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_usd, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in USD with the given numeric format and provider, followed by a space and the symbol
    /// "USD".
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
        QuantityMath.Format(_usd, format, formatProvider, Symbol);
}
