using System.Collections.Immutable;

namespace Flopwise.Inputs;

/// <summary>
/// The numeric inputs a user gave, by <see cref="InputSpec.Name"/>; inputs not given are absent (their defaults apply).
/// </summary>
/// <remarks>
/// Front ends fill this from options or form fields and hand it to a request's <c>From</c> factory, so that they need
/// no per-field mapping code. Immutable and thread-safe.
/// </remarks>
public sealed class InputValues
{
    private readonly ImmutableDictionary<string, double> _values;

    private InputValues(ImmutableDictionary<string, double> values) => _values = values;

    /// <summary>Gets an empty set of values.</summary>
    public static InputValues Empty { get; } = new(ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Gets the number of values given.</summary>
    public int Count => _values.Count;

    /// <summary>Returns a copy with <paramref name="spec"/> set to <paramref name="value"/>.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The new set of values.</returns>
    public InputValues With(InputSpec spec, double value)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new InputValues(_values.SetItem(spec.Name, value));
    }

    /// <summary>Gets the value given for <paramref name="spec"/>, or <see langword="null"/>.</summary>
    /// <param name="spec">The input.</param>
    /// <returns>The value, or <see langword="null"/> when not given.</returns>
    public double? Get(InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _values.TryGetValue(spec.Name, out double v) ? v : null;
    }
}
