using System.Globalization;

namespace Flopwise;

/// <summary>
/// A power in watts (W), such as the draw of an accelerator, a server or a data centre.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in watts (W), the base unit; the factories and getters
/// for kW, MW convert to and from it. Power times <see cref="WallTime"/> gives <see cref="Energy"/>.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] W. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(Power)</c> is <see cref="Zero"/>, zero watts.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(Power)"/>) is exact; use <see cref="IsCloseTo"/> for a relative tolerance.
/// <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output such as
/// <c>"1.5e+24 W"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct Power : IEquatable<Power>, IComparable<Power>, IComparable, IFormattable
{
    private const double WattsPerKilowatt = 1e3;
    private const double WattsPerMegawatt = 1e6;

    private const string Symbol = "W";

    /// <summary>
    /// Gets a quantity of zero watts, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(Power)</c>.
    /// </remarks>
    public static readonly Power Zero = new(0.0);

    private readonly double _watts;

    private Power(double watts) => _watts = watts;

    /// <summary>
    /// Creates a quantity from a number of watts (W).
    /// </summary>
    /// <remarks>
    /// This is the SI unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="watts">The number of watts (W). Range: any finite double; may be negative.</param>
    /// <returns>The quantity, stored in W.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="watts"/> is NaN or an infinity.
    /// </exception>
    public static Power FromWatts(double watts) => new(Guard.Finite(watts, nameof(watts)));

    /// <summary>
    /// Creates a quantity from a number of kilowatts (kW).
    /// </summary>
    /// <remarks>
    /// 1 kW = 1e3 W. The stored value is <c>kilowatts × 1e3</c> W.
    /// </remarks>
    /// <param name="kilowatts">
    /// The number of kilowatts (kW). Range: finite, and small enough that <c>kilowatts × 1e3</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in W.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kilowatts"/> is NaN or an infinity, or its value in W overflows to an infinity.
    /// </exception>
    public static Power FromKilowatts(double kilowatts) =>
        new(QuantityMath.ToBase(kilowatts, WattsPerKilowatt, nameof(kilowatts)));

    /// <summary>
    /// Creates a quantity from a number of megawatts (MW).
    /// </summary>
    /// <remarks>
    /// 1 MW = 1e6 W. The stored value is <c>megawatts × 1e6</c> W.
    /// </remarks>
    /// <param name="megawatts">
    /// The number of megawatts (MW). Range: finite, and small enough that <c>megawatts × 1e6</c> is finite; may be
    /// negative.
    /// </param>
    /// <returns>The quantity, stored in W.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="megawatts"/> is NaN or an infinity, or its value in W overflows to an infinity.
    /// </exception>
    public static Power FromMegawatts(double megawatts) =>
        new(QuantityMath.ToBase(megawatts, WattsPerMegawatt, nameof(megawatts)));

    /// <summary>
    /// Gets the value in watts (W).
    /// </summary>
    /// <value>The stored value in W, the base unit: finite, and possibly negative.</value>
    public double Watts => _watts;

    /// <summary>
    /// Gets the value in kilowatts (kW).
    /// </summary>
    /// <value>The value in W divided by 1e3: finite, possibly fractional or negative.</value>
    public double Kilowatts => _watts / WattsPerKilowatt;

    /// <summary>
    /// Gets the value in megawatts (MW).
    /// </summary>
    /// <value>The value in W divided by 1e6: finite, possibly fractional or negative.</value>
    public double Megawatts => _watts / WattsPerMegawatt;

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
    public bool IsCloseTo(Power other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _watts, other._watts, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="Power"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(Power other) => _watts.Equals(other._watts);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="Power"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="Power"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is Power other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(Power)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _watts.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="Power"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(Power other) => _watts.CompareTo(other._watts);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="Power"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(Power)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="Power"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            Power other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(Power)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in W in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "W".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 W"</c>, <c>"1e+07 W"</c> or <c>"0e+00 W"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_watts, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in W with the given numeric format and provider, followed by a space and the symbol
    /// "W".
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
        QuantityMath.Format(_watts, format, formatProvider, Symbol);
}
