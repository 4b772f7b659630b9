using System.Globalization;

namespace Flopwise.Inputs;

/// <summary>
/// Describes one numeric input of a calculation: its name, meaning, unit, default with source, and valid range.
/// </summary>
/// <remarks>
/// One spec serves every front end: the CLI builds its option and help text from it, the web API its field, and the
/// validators their range checks, so a default, a unit or a bound is written exactly once.
/// <see cref="Name"/> is kebab-case (the CLI option without <c>--</c>); <see cref="JsonName"/> is its camelCase form.
/// A spec with <see cref="Default"/> <see langword="null"/> has no default: the input is required, or optional
/// without a value (its results are then left out). Immutable and thread-safe.
/// </remarks>
public sealed record InputSpec
{
    private readonly string _name = string.Empty;

    /// <summary>Gets the kebab-case name, e.g. <c>tokens-per-parameter</c>.</summary>
    public required string Name
    {
        get => _name;
        init
        {
            _name = value;
            JsonName = FieldText.CamelCase(value);
        }
    }

    /// <summary>Gets a short human label, e.g. <c>Tokens per parameter m</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Gets a one-sentence description of the input.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the unit of the value, e.g. <c>FLOP</c>, <c>s</c>; empty for a pure number.</summary>
    public string Unit { get; init; } = string.Empty;

    /// <summary>Gets the default value, or <see langword="null"/> when the input has none.</summary>
    public double? Default { get; init; }

    /// <summary>Gets where the default comes from (paper, table, URL), or <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether a value must be given.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Gets the lower bound; default 0.</summary>
    public double Minimum { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Minimum"/> itself is allowed; default false (value &gt; 0).</summary>
    public bool MinimumInclusive { get; init; }

    /// <summary>Gets the upper bound; default <see cref="double.MaxValue"/>.</summary>
    public double Maximum { get; init; } = double.MaxValue;

    /// <summary>Gets a value indicating whether <see cref="Maximum"/> itself is allowed; default true.</summary>
    public bool MaximumInclusive { get; init; } = true;

    /// <summary>Gets a value indicating whether the value must be a whole number (a count such as GPUs or layers).</summary>
    public bool IsInteger { get; init; }

    /// <summary>Gets the camelCase name used in JSON and by the web API, e.g. <c>tokensPerParameter</c>.</summary>
    /// <remarks>Computed once when <see cref="Name"/> is set (also by <c>with</c>): assumptions ask for it on every evaluation.</remarks>
    public string JsonName { get; private init; } = string.Empty;

    /// <summary>Gets the allowed range as text, e.g. <c>a number &gt; 0 (FLOP)</c>.</summary>
    public string Expected
    {
        get
        {
            string lower = (MinimumInclusive ? ">= " : "> ") + Format(Minimum);
            string kind = IsInteger ? "a whole number " : "a number ";
            string range = Maximum == double.MaxValue
                ? kind + lower
                : $"{kind}{lower} and {(MaximumInclusive ? "<= " : "< ")}{Format(Maximum)}";
            return Unit.Length == 0 ? range : $"{range} ({Unit})";
        }
    }

    /// <summary>Creates the spec of a whole-number count of at least 1 (layers, GPUs, pipeline stages).</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <param name="label">The human label.</param>
    /// <param name="description">What the count is.</param>
    /// <param name="maximum">The largest count allowed.</param>
    /// <param name="fallback">The default, or <see langword="null"/> for none.</param>
    /// <returns>The spec; set <see cref="Source"/> with <c>with</c> when there is a default.</returns>
    public static InputSpec Count(string name, string label, string description, double maximum, double? fallback = null) => new()
    {
        Name = name,
        Label = label,
        Description = description,
        Minimum = 1,
        MinimumInclusive = true,
        Maximum = maximum,
        IsInteger = true,
        Default = fallback,
    };

    /// <summary>Checks a given value against the range.</summary>
    /// <param name="value">The value given by the user.</param>
    /// <returns>The error, or <see langword="null"/> when the value is valid.</returns>
    public FieldError? Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return new FieldError(Name, Messages.NotFinite, Format(value), Expected);
        }

        bool tooSmall = MinimumInclusive ? value < Minimum : value <= Minimum;
        if (tooSmall)
        {
            return new FieldError(Name, Messages.TooSmall(Format(Minimum), MinimumInclusive), Format(value), Expected);
        }

        bool tooLarge = MaximumInclusive ? value > Maximum : value >= Maximum;
        if (tooLarge)
        {
            return new FieldError(Name, Messages.TooLarge(Format(Maximum), MaximumInclusive), Format(value), Expected);
        }

        return IsInteger && value != Math.Floor(value)
            ? new FieldError(Name, Messages.NotWhole, Format(value), Expected)
            : null;
    }

    /// <summary>Gets the error for a missing required value.</summary>
    /// <returns>A <see cref="FieldError"/> naming this input.</returns>
    public FieldError MissingError() => new(Name, Messages.Missing, Messages.Nothing, Expected);

    /// <summary>Formats a value as users type it: shortest round-trip form, invariant, <c>1e+25</c> style.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
