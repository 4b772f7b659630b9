using Flopwise.Inputs;

namespace Flopwise.Calculators;

/// <summary>
/// One field a calculator takes, declared once in Core: every front end builds its input from it (the CLI option
/// <c>--name</c>, the web field <c>jsonName</c>, the scenario key, the page's form field) and reads it the same way.
/// </summary>
/// <remarks>
/// <see cref="Name"/> is kebab-case, the name Core's messages use (<see cref="FieldText"/>); <see cref="JsonName"/> is its
/// camelCase form. A <see cref="FieldKind.Number"/> field has a <see cref="Spec"/>, which holds its label, unit, default,
/// source and range. Immutable and thread-safe.
/// </remarks>
public sealed record Field
{
    private readonly string _name = string.Empty;

    /// <summary>Gets the kebab-case name, e.g. <c>sweep-gpus</c>.</summary>
    public required string Name
    {
        get => _name;
        init
        {
            _name = value;
            JsonName = FieldText.CamelCase(value);
        }
    }

    /// <summary>Gets the camelCase name of the web API and JSON, e.g. <c>sweepGpus</c>.</summary>
    public string JsonName { get; private init; } = string.Empty;

    /// <summary>Gets what the field takes.</summary>
    public required FieldKind Kind { get; init; }

    /// <summary>Gets a short human label, e.g. <c>Sweep of cluster sizes</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the help text: what the field means, its default and what it excludes.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the spec of a number field (label, unit, default, source, range); <see langword="null"/> for other kinds.</summary>
    public InputSpec? Spec { get; init; }

    /// <summary>Gets a value indicating whether a number field also takes a distribution (<c>1e25..1e27</c>), making the answer a Monte Carlo run.</summary>
    public bool AcceptsDistribution { get; init; }

    /// <summary>Gets the choices of a <see cref="FieldKind.Choice"/> field, as typed.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Gets the placeholder the help shows for the value, e.g. <c>FROM:TO</c> or <c>ID</c>.</summary>
    public string? HelpName { get; init; }

    /// <summary>Gets a value indicating whether the page shows the field under "More inputs" rather than up front.</summary>
    public bool Advanced { get; init; }

    /// <summary>Gets a value indicating whether the field may be given more than once (each value one item, e.g. a plan).</summary>
    public bool Repeats { get; init; }

    /// <summary>Gets a value indicating whether the web takes a <see cref="FieldKind.File"/> field as an upload (otherwise it refuses it: the server reads no file a request names).</summary>
    public bool WebUpload { get; init; } = true;

    /// <summary>Gets a value indicating whether the CLI also takes the field as its positional argument (<c>flopwise model llama-2-70b</c>).</summary>
    public bool Positional { get; init; }

    /// <summary>Creates a number field from its spec.</summary>
    /// <param name="spec">The input's spec.</param>
    /// <param name="distribution">Whether a distribution is accepted.</param>
    /// <param name="advanced">Whether the page folds it under "More inputs".</param>
    /// <returns>The field.</returns>
    public static Field Number(InputSpec spec, bool distribution = false, bool advanced = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Field
        {
            Name = spec.Name,
            Kind = FieldKind.Number,
            Label = spec.Label,
            Description = spec.Description,
            Spec = spec,
            AcceptsDistribution = distribution,
            Advanced = advanced,
        };
    }

    /// <summary>Creates the number fields of several specs.</summary>
    /// <param name="specs">The specs, in the order the help lists them.</param>
    /// <param name="distribution">Whether each takes a distribution.</param>
    /// <returns>The fields.</returns>
    public static IReadOnlyList<Field> Numbers(IEnumerable<InputSpec> specs, bool distribution = false) =>
        specs.Select(s => Number(s, distribution)).ToList();
}
