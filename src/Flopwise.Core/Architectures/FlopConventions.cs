namespace Flopwise.Architectures;

/// <summary>Names of the <see cref="FlopConvention"/> values: <c>6n</c>, <c>model</c>, <c>causal</c>.</summary>
/// <remarks>The names are the values of <c>--flop-convention</c> and of the JSON assumptions. Thread-safe.</remarks>
public static class FlopConventions
{
    /// <summary>Gets every convention, in declaration order (<c>6n</c>, <c>model</c>, <c>causal</c>).</summary>
    public static IReadOnlyList<FlopConvention> All { get; } = Enum.GetValues<FlopConvention>();

    /// <summary>Gets every name, in declaration order: <c>6n</c>, <c>model</c>, <c>causal</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    /// <summary>Gets the command-line name of a convention.</summary>
    /// <param name="convention">The convention.</param>
    /// <returns><c>6n</c>, <c>model</c> or <c>causal</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="convention"/> is not a defined value.</exception>
    public static string Name(FlopConvention convention) => convention switch
    {
        FlopConvention.SixN => "6n",
        FlopConvention.Model => "model",
        FlopConvention.Causal => "causal",
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Value should be a defined FlopConvention."),
    };

    /// <summary>Parses a convention name, ignoring case and surrounding spaces.</summary>
    /// <param name="text">The name, e.g. <c>6n</c> or <c>Causal</c>.</param>
    /// <param name="convention">The convention, when the name is known; otherwise <see cref="FlopConvention.SixN"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a convention.</returns>
    public static bool TryParse(string? text, out FlopConvention convention)
    {
        string key = text?.Trim() ?? string.Empty;
        foreach (FlopConvention candidate in All)
        {
            if (string.Equals(Name(candidate), key, StringComparison.OrdinalIgnoreCase))
            {
                convention = candidate;
                return true;
            }
        }

        convention = FlopConvention.SixN;
        return false;
    }

    /// <summary>Parses a convention name, ignoring case and surrounding spaces.</summary>
    /// <param name="text">The name: <c>6n</c>, <c>model</c> or <c>causal</c>.</param>
    /// <returns>The convention.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> names no convention; the message lists the names.</exception>
    public static FlopConvention Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out FlopConvention convention)
            ? convention
            : throw new ArgumentException($"'{text}' is not a FLOP convention; expected one of {string.Join(", ", Names)}.", nameof(text));
    }
}
