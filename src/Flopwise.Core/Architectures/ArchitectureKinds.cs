namespace Flopwise.Architectures;

/// <summary>
/// Names of <see cref="MlpKind"/>, <see cref="NormKind"/> and <see cref="PositionKind"/> values, as used by the
/// model catalog JSON and the command line: the lowercase enum names (<c>swiglu</c>, <c>rmsnorm</c>, <c>rotary</c>).
/// </summary>
/// <remarks>Parsing ignores case and surrounding spaces and rejects numbers. Thread-safe.</remarks>
public static class ArchitectureKinds
{
    /// <summary>Gets the lowercase name of an MLP kind: <c>gelu</c> or <c>swiglu</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(MlpKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Gets the lowercase name of a norm kind: <c>layernorm</c> or <c>rmsnorm</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(NormKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Gets the lowercase name of a position kind: <c>learned</c>, <c>rotary</c> or <c>relative</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(PositionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses an MLP kind name (<c>gelu</c>, <c>swiglu</c>).</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(string? text, out MlpKind kind) => TryParseEnum(text, out kind);

    /// <summary>Parses a norm kind name (<c>layernorm</c>, <c>rmsnorm</c>).</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(string? text, out NormKind kind) => TryParseEnum(text, out kind);

    /// <summary>Parses a position kind name (<c>learned</c>, <c>rotary</c>, <c>relative</c>).</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(string? text, out PositionKind kind) => TryParseEnum(text, out kind);

    /// <summary>Gets the names of every value of an enum, lowercase, in declaration order (for messages).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The names.</returns>
    internal static string[] NamesOf<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray();

    private static bool TryParseEnum<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Any(c => char.IsDigit(c) || c == '-' || c == ','))
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
