using Flopwise.Inputs;

namespace Flopwise.Calculators;

/// <summary>
/// A calculator, declared once: its name, title and summary, every field it takes, whether it takes distributions and
/// draws a picture, and how it evaluates. The CLI command, the web endpoint, the page's form and the listing of
/// <c>GET /api/inputs</c> are all built from this declaration (docs/ARCHITECTURE.md, "Add a calculator").
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Calculator
{
    private readonly IReadOnlyList<Field> _fields = [];
    private readonly bool _takesDistributions;
    private Dictionary<string, Field> _byName = new(StringComparer.Ordinal);

    /// <summary>Gets the name: the CLI command, the API path and the page section, e.g. <c>copies</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the title of its answers, e.g. <c>Training run</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the one-line question it answers, for the page.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets the help text of its command (field references as <c>{=name}</c>).</summary>
    public required string Description { get; init; }

    /// <summary>Gets the question group it belongs to.</summary>
    public required CalculatorGroup Group { get; init; }

    /// <summary>Gets its own fields, in the order the help lists them (without the Monte Carlo fields).</summary>
    public required IReadOnlyList<Field> Fields
    {
        get => _fields;
        init
        {
            _fields = value;
            _byName = AllOf(value, TakesDistributions).ToDictionary(f => f.Name, StringComparer.Ordinal);
        }
    }

    /// <summary>Gets a value indicating whether any number may be a distribution, which adds <see cref="MonteCarloFields.All"/>.</summary>
    public bool TakesDistributions
    {
        get => _takesDistributions;
        init
        {
            _takesDistributions = value;
            _byName = AllOf(_fields, value).ToDictionary(f => f.Name, StringComparer.Ordinal);
        }
    }

    /// <summary>Gets a value indicating whether its rows can be written as CSV.</summary>
    public bool Csv { get; init; }

    /// <summary>Gets what its picture shows (field references as <c>{=name}</c>), or <see langword="null"/> when it draws none.</summary>
    public string? PlotDescription { get; init; }

    /// <summary>Gets when the page asks for the picture: <c>always</c>, or the field whose presence draws one; <see langword="null"/> for never.</summary>
    public string? PlotWhen { get; init; }

    /// <summary>Gets the fields the page shows first (the others fold under "More inputs").</summary>
    public IReadOnlyList<string> Primary { get; init; } = [];

    /// <summary>Gets the evaluation: reads its inputs, calls Core's calculation, answers (or throws <see cref="InputErrorsException"/>).</summary>
    public required Func<CalculatorInputs, CalculatorAnswer> Evaluate { get; init; }

    /// <summary>Gets every field, the Monte Carlo fields last when it takes distributions.</summary>
    public IEnumerable<Field> AllFields => AllOf(_fields, TakesDistributions);

    /// <summary>Finds a declared field.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public Field? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads the fields from <paramref name="source"/> and evaluates.</summary>
    /// <param name="source">The front end's values.</param>
    /// <returns>The answer, or every error found (fields named by their kebab-case names).</returns>
    public Outcome<CalculatorAnswer> Run(IFieldSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var inputs = new CalculatorInputs(this, source);
        try
        {
            CalculatorAnswer answer = Evaluate(inputs);
            inputs.Complete();
            return Outcome<CalculatorAnswer>.Success(answer);
        }
        catch (InputErrorsException e)
        {
            // Errors recorded while reading come first (a bad number may be why the evaluation stopped), then the rest.
            List<FieldError> errors = [.. inputs.Errors.Concat(e.Errors).Distinct()];
            return Outcome<CalculatorAnswer>.Failure(errors.Count > 0 ? errors : [new FieldError("body", e.Message, Messages.Nothing, "valid inputs")]);
        }
    }

    private static IEnumerable<Field> AllOf(IReadOnlyList<Field> fields, bool distributions) =>
        distributions ? fields.Concat(MonteCarloFields.All) : fields;
}
