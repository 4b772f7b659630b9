namespace Flopwise.Inputs;

/// <summary>Parses a choice typed by name (<c>fused</c>, <c>interactive</c>) into its enum value, the same in every front end.</summary>
public static class EnumNames
{
    /// <summary>Parses <paramref name="text"/> as the name of a defined member of <typeparamref name="T"/>, ignoring case; numbers are refused.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="text">The text as typed.</param>
    /// <param name="value">The member, when the text names one.</param>
    /// <returns>Whether the text names a member.</returns>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
