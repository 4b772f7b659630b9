using Flopwise.Inputs;

namespace Flopwise.Reporting;

/// <summary>
/// One input or convention a result rests on: its value (a number or, for a convention, a text), unit, meaning,
/// source, and whether it was a default or given by the user.
/// </summary>
/// <remarks>Every result lists its assumptions, so that each number can be traced. Immutable and thread-safe.</remarks>
public sealed record Assumption
{
    /// <summary>Gets the camelCase name, e.g. <c>tokensPerParameter</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the human label.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the numeric value, or <see langword="null"/> for a convention (see <see cref="Text"/>).</summary>
    public double? Value { get; init; }

    /// <summary>Gets the value of a convention as text, or <see langword="null"/> for a number.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the unit, empty for a pure number or a convention.</summary>
    public string Unit { get; init; } = string.Empty;

    /// <summary>Gets what the assumption means.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the source of the value, or <see langword="null"/> when the user gave it or none applies.</summary>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the value is the built-in default rather than user input.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Creates the assumption for a numeric input.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="value">The value used.</param>
    /// <param name="isDefault">Whether <paramref name="value"/> is the spec's default.</param>
    /// <returns>The assumption; the source is kept only for defaults.</returns>
    public static Assumption ForInput(InputSpec spec, double value, bool isDefault)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Assumption
        {
            Name = spec.JsonName,
            Label = spec.Label,
            Value = value,
            Unit = spec.Unit,
            Description = spec.Description,
            Source = isDefault ? spec.Source : null,
            IsDefault = isDefault,
        };
    }
}
