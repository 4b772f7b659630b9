namespace Flopwise.Architectures;

/// <summary>Names of the <see cref="Recompute"/> values: <c>none</c>, <c>selective</c>, <c>full</c>.</summary>
/// <remarks>The names are the values of <c>--recompute</c> and of the JSON assumptions. Thread-safe.</remarks>
public static class RecomputeModes
{
    /// <summary>Gets every mode, in declaration order (<c>none</c>, <c>selective</c>, <c>full</c>).</summary>
    public static IReadOnlyList<Recompute> All { get; } = Enum.GetValues<Recompute>();

    /// <summary>Gets every name, in declaration order: <c>none</c>, <c>selective</c>, <c>full</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    /// <summary>Gets the command-line name of a mode.</summary>
    /// <param name="recompute">The mode.</param>
    /// <returns><c>none</c>, <c>selective</c> or <c>full</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recompute"/> is not a defined value.</exception>
    public static string Name(Recompute recompute) => recompute switch
    {
        Recompute.None => "none",
        Recompute.Selective => "selective",
        Recompute.Full => "full",
        _ => throw new ArgumentOutOfRangeException(nameof(recompute), recompute, "Value should be a defined Recompute."),
    };

    /// <summary>Parses a mode name, ignoring case and surrounding spaces.</summary>
    /// <param name="text">The name, e.g. <c>full</c>.</param>
    /// <param name="recompute">The mode, when the name is known; otherwise <see cref="Recompute.None"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a mode.</returns>
    public static bool TryParse(string? text, out Recompute recompute)
    {
        string key = text?.Trim() ?? string.Empty;
        foreach (Recompute candidate in All)
        {
            if (string.Equals(Name(candidate), key, StringComparison.OrdinalIgnoreCase))
            {
                recompute = candidate;
                return true;
            }
        }

        recompute = Recompute.None;
        return false;
    }

    /// <summary>Parses a mode name, ignoring case and surrounding spaces.</summary>
    /// <param name="text">The name: <c>none</c>, <c>selective</c> or <c>full</c>.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> names no mode; the message lists the names.</exception>
    public static Recompute Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out Recompute recompute)
            ? recompute
            : throw new ArgumentException($"'{text}' is not a recompute mode; expected one of {string.Join(", ", Names)}.", nameof(text));
    }
}
