namespace Flopwise.Reporting;

/// <summary>One output of a calculation: JSON key, human label, value and display unit.</summary>
/// <remarks>
/// <see cref="Key"/> is camelCase and ends in its unit where it has one (<c>trainingFlop</c>,
/// <c>wallTimeDays</c>); counts and ratios are bare (<c>parameters</c>). A yes/no output (such as <c>fits</c>) has
/// <see cref="IsBoolean"/> set, with <see cref="Value"/> 1 or 0; JSON writes it as <c>true</c>/<c>false</c>. A
/// word-valued output has <see cref="Text"/> set.
/// Immutable and thread-safe.
/// </remarks>
/// <param name="Key">The JSON key.</param>
/// <param name="Label">The label for tables.</param>
/// <param name="Value">The value, always finite.</param>
/// <param name="Unit">The unit shown in tables; empty for a pure number.</param>
public sealed record ResultField(string Key, string Label, double Value, string Unit)
{
    /// <summary>Gets a value indicating whether the field is a yes/no answer (1 = yes).</summary>
    public bool IsBoolean { get; init; }

    /// <summary>Gets the text of a field whose answer is a word (such as <c>boundBy</c>: compute or memory), else <see langword="null"/>.</summary>
    /// <remarks>JSON writes it as a string; <see cref="Value"/> is 0 and meaningless.</remarks>
    public string? Text { get; init; }

    /// <summary>Creates a field whose answer is a word.</summary>
    /// <param name="key">The JSON key.</param>
    /// <param name="label">The label for tables.</param>
    /// <param name="text">The answer, e.g. <c>memory</c>.</param>
    /// <returns>The field.</returns>
    public static ResultField Word(string key, string label, string text) =>
        new(key, label, 0, string.Empty) { Text = text };

    /// <summary>Creates a yes/no field.</summary>
    /// <param name="key">The JSON key.</param>
    /// <param name="label">The label for tables.</param>
    /// <param name="value">The answer.</param>
    /// <returns>The field.</returns>
    public static ResultField Boolean(string key, string label, bool value) =>
        new(key, label, value ? 1 : 0, string.Empty) { IsBoolean = true };
}
