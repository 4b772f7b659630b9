using System.Globalization;

namespace Flopwise;

/// <summary>
/// An amount of energy in joules (J), such as the electricity used by a training run.
/// </summary>
/// <remarks>
/// <para>
/// Units: the value is stored as a single <see cref="double"/> in joules (J), the base unit; the factories and getters
/// for kWh, MWh, GWh, TWh convert to and from it. Watt-hour units are conversions: 1 kWh = 1e3 W × 3,600 s = 3.6e6 J.
/// </para>
/// <para>
/// Range: any finite double, [-1.7976931348623157e+308, 1.7976931348623157e+308] J. Negative values are allowed,
/// because differences can be negative; sign limits belong to the model spec, not to the quantity. NaN and infinities
/// are rejected by every factory, and an operator whose result would not be finite throws, so a value of this type is
/// always finite. Precision is that of a double: about 15 significant digits, relative to the value.
/// </para>
/// <para>
/// Default value: <c>default(Energy)</c> is <see cref="Zero"/>, zero joules.
/// </para>
/// <para>
/// Equality (<c>==</c>, <see cref="Equals(Energy)"/>) is exact; use <see cref="IsCloseTo"/> for a relative tolerance.
/// <see cref="ToString()"/> uses the invariant culture, not the current one (unlike NodaTime), so output such as
/// <c>"1.5e+24 J"</c> does not depend on the machine.
/// </para>
/// <para>
/// Thread safety: this type is an immutable value type, and all its members are thread-safe.
/// </para>
/// </remarks>
public readonly partial struct Energy : IEquatable<Energy>, IComparable<Energy>, IComparable, IFormattable
{
    private const double JoulesPerKilowattHour = 3.6e6;
    private const double JoulesPerMegawattHour = 3.6e9;
    private const double JoulesPerGigawattHour = 3.6e12;
    private const double JoulesPerTerawattHour = 3.6e15;

    private const string Symbol = "J";

    /// <summary>
    /// Gets a quantity of zero joules, the additive identity.
    /// </summary>
    /// <remarks>
    /// This is also the default value of the struct, <c>default(Energy)</c>.
    /// </remarks>
    public static readonly Energy Zero = new(0.0);

    private readonly double _joules;

    private Energy(double joules) => _joules = joules;

    /// <summary>
    /// Creates a quantity from a number of joules (J).
    /// </summary>
    /// <remarks>
    /// This is the SI unit, so the value is stored unchanged.
    /// </remarks>
    /// <param name="joules">The number of joules (J). Range: any finite double; may be negative.</param>
    /// <returns>The quantity, stored in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="joules"/> is NaN or an infinity.
    /// </exception>
    public static Energy FromJoules(double joules) => new(Guard.Finite(joules, nameof(joules)));

    /// <summary>
    /// Creates a quantity from a number of kilowatt-hours (kWh).
    /// </summary>
    /// <remarks>
    /// 1 kWh = 1e3 W × 3,600 s = 3.6e6 J. The stored value is <c>kilowattHours × 3.6e6</c> J.
    /// </remarks>
    /// <param name="kilowattHours">
    /// The number of kilowatt-hours (kWh). Range: finite, and small enough that <c>kilowattHours × 3.6e6</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="kilowattHours"/> is NaN or an infinity, or its value in J overflows to an infinity.
    /// </exception>
    public static Energy FromKilowattHours(double kilowattHours) =>
        new(QuantityMath.ToBase(kilowattHours, JoulesPerKilowattHour, nameof(kilowattHours)));

    /// <summary>
    /// Creates a quantity from a number of megawatt-hours (MWh).
    /// </summary>
    /// <remarks>
    /// 1 MWh = 1e6 W × 3,600 s = 3.6e9 J. The stored value is <c>megawattHours × 3.6e9</c> J.
    /// </remarks>
    /// <param name="megawattHours">
    /// The number of megawatt-hours (MWh). Range: finite, and small enough that <c>megawattHours × 3.6e9</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="megawattHours"/> is NaN or an infinity, or its value in J overflows to an infinity.
    /// </exception>
    public static Energy FromMegawattHours(double megawattHours) =>
        new(QuantityMath.ToBase(megawattHours, JoulesPerMegawattHour, nameof(megawattHours)));

    /// <summary>
    /// Creates a quantity from a number of gigawatt-hours (GWh).
    /// </summary>
    /// <remarks>
    /// 1 GWh = 1e9 W × 3,600 s = 3.6e12 J. The stored value is <c>gigawattHours × 3.6e12</c> J.
    /// </remarks>
    /// <param name="gigawattHours">
    /// The number of gigawatt-hours (GWh). Range: finite, and small enough that <c>gigawattHours × 3.6e12</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="gigawattHours"/> is NaN or an infinity, or its value in J overflows to an infinity.
    /// </exception>
    public static Energy FromGigawattHours(double gigawattHours) =>
        new(QuantityMath.ToBase(gigawattHours, JoulesPerGigawattHour, nameof(gigawattHours)));

    /// <summary>
    /// Creates a quantity from a number of terawatt-hours (TWh).
    /// </summary>
    /// <remarks>
    /// 1 TWh = 1e12 W × 3,600 s = 3.6e15 J. The stored value is <c>terawattHours × 3.6e15</c> J.
    /// </remarks>
    /// <param name="terawattHours">
    /// The number of terawatt-hours (TWh). Range: finite, and small enough that <c>terawattHours × 3.6e15</c> is
    /// finite; may be negative.
    /// </param>
    /// <returns>The quantity, stored in J.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="terawattHours"/> is NaN or an infinity, or its value in J overflows to an infinity.
    /// </exception>
    public static Energy FromTerawattHours(double terawattHours) =>
        new(QuantityMath.ToBase(terawattHours, JoulesPerTerawattHour, nameof(terawattHours)));

    /// <summary>
    /// Gets the value in joules (J).
    /// </summary>
    /// <value>The stored value in J, the base unit: finite, and possibly negative.</value>
    public double Joules => _joules;

    /// <summary>
    /// Gets the value in kilowatt-hours (kWh).
    /// </summary>
    /// <value>The value in J divided by 3.6e6: finite, possibly fractional or negative.</value>
    public double KilowattHours => _joules / JoulesPerKilowattHour;

    /// <summary>
    /// Gets the value in megawatt-hours (MWh).
    /// </summary>
    /// <value>The value in J divided by 3.6e9: finite, possibly fractional or negative.</value>
    public double MegawattHours => _joules / JoulesPerMegawattHour;

    /// <summary>
    /// Gets the value in gigawatt-hours (GWh).
    /// </summary>
    /// <value>The value in J divided by 3.6e12: finite, possibly fractional or negative.</value>
    public double GigawattHours => _joules / JoulesPerGigawattHour;

    /// <summary>
    /// Gets the value in terawatt-hours (TWh).
    /// </summary>
    /// <value>The value in J divided by 3.6e15: finite, possibly fractional or negative.</value>
    public double TerawattHours => _joules / JoulesPerTerawattHour;

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
    public bool IsCloseTo(Energy other, double relativeTolerance)
    {
        return QuantityMath.IsClose(
            _joules, other._joules, relativeTolerance, nameof(relativeTolerance));
    }

    /// <summary>
    /// Returns whether this quantity is exactly equal to another <see cref="Energy"/>.
    /// </summary>
    /// <remarks>
    /// The comparison is exact, on the stored base-unit values; zero and negative zero are equal. Use
    /// <see cref="IsCloseTo"/> to allow for rounding.
    /// </remarks>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns><see langword="true"/> if the stored values are equal; otherwise <see langword="false"/>.</returns>
    public bool Equals(Energy other) => _joules.Equals(other._joules);

    /// <summary>
    /// Returns whether <paramref name="obj"/> is a <see cref="Energy"/> exactly equal to this one.
    /// </summary>
    /// <param name="obj">The object to compare with; may be <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="obj"/> is a <see cref="Energy"/> with the same value; otherwise
    /// <see langword="false"/>, including for <see langword="null"/> and for other quantity types.
    /// </returns>
    public override bool Equals(object? obj) => obj is Energy other && Equals(other);

    /// <summary>
    /// Returns a hash code for this quantity, consistent with <see cref="Equals(Energy)"/>.
    /// </summary>
    /// <returns>The hash code of the stored base-unit value.</returns>
    public override int GetHashCode() => _joules.GetHashCode();

    /// <summary>
    /// Compares this quantity with another <see cref="Energy"/>, by their values.
    /// </summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>
    /// A negative number if this quantity is less than <paramref name="other"/>, zero if they are equal, and a
    /// positive number if it is greater.
    /// </returns>
    public int CompareTo(Energy other) => _joules.CompareTo(other._joules);

    /// <summary>
    /// Compares this quantity with an object, which must be <see langword="null"/> or a <see cref="Energy"/>.
    /// </summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>
    /// A positive number if <paramref name="obj"/> is <see langword="null"/>; otherwise as for
    /// <see cref="CompareTo(Energy)"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="Energy"/>.
    /// </exception>
    int IComparable.CompareTo(object? obj)
    {
        return obj switch
        {
            null => 1,
            Energy other => CompareTo(other),
            _ => throw new ArgumentException(QuantityMath.NotComparableMessage(obj, typeof(Energy)), nameof(obj)),
        };
    }

    /// <summary>
    /// Formats the value in J in scientific notation, in the invariant culture, followed by a space and the
    /// symbol "J".
    /// </summary>
    /// <remarks>
    /// The number uses the custom format <c>0.###e+00</c>, so it has at most three decimals and a two-digit or longer
    /// exponent: for example <c>"3.14e+23 J"</c>, <c>"1e+07 J"</c> or <c>"0e+00 J"</c>. The current culture is
    /// ignored. Use <see cref="ToString(string, IFormatProvider)"/> for any other format or culture.
    /// </remarks>
    /// <returns>The formatted value with its unit symbol.</returns>
    public override string ToString() => QuantityMath.Format(_joules, null, CultureInfo.InvariantCulture, Symbol);

    /// <summary>
    /// Formats the value in J with the given numeric format and provider, followed by a space and the symbol
    /// "J".
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
        QuantityMath.Format(_joules, format, formatProvider, Symbol);
}
