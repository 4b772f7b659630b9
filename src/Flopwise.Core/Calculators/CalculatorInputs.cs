using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Calculators;

/// <summary>
/// The values of one call of a calculator, read from a front end's <see cref="IFieldSource"/> by the calculator's
/// declared fields: numbers parsed and range-checked (distributions set aside for a Monte Carlo run), names, choices,
/// flags and texts on request. Problems are recorded, not thrown, so that one answer lists every bad field;
/// <see cref="Complete"/> throws them all once the calculator has read what it needs.
/// </summary>
/// <remarks>One instance per call; not thread-safe. Every error's field is the declared kebab-case name.</remarks>
public sealed class CalculatorInputs
{
    private readonly Calculator _calculator;
    private readonly IFieldSource _source;
    private readonly List<FieldError> _errors = [];
    private readonly List<UncertainInput> _uncertain = [];
    private readonly List<Assumption> _notes = [];

    internal CalculatorInputs(Calculator calculator, IFieldSource source)
    {
        _calculator = calculator;
        _source = source;
        InputValues values = InputValues.Empty;
        foreach (Field field in calculator.AllFields.Where(f => f.Kind == FieldKind.Number))
        {
            string? text = source.Text(field);
            if (text is null)
            {
                continue;
            }

            InputSpec spec = field.Spec!;
            double? value;
            if (field.AcceptsDistribution)
            {
                if (NumberOrDistribution.Read(spec, text, out value, out UncertainInput? distribution) is FieldError error)
                {
                    _errors.Add(error);
                    continue;
                }

                if (distribution is not null)
                {
                    _uncertain.Add(distribution);
                    continue;
                }
            }
            else if (NumberText.TryParse(text, out double number, out string? problem))
            {
                value = number;
            }
            else
            {
                _errors.Add(new FieldError(spec.Name, problem!, text, spec.Expected));
                continue;
            }

            if (spec.Check(value!.Value) is FieldError outOfRange)
            {
                _errors.Add(outOfRange);
                continue;
            }

            values = values.With(spec, value.Value);
        }

        Values = values;
    }

    /// <summary>Gets the numbers given (not the defaults: a request's <c>From</c> applies those).</summary>
    public InputValues Values { get; }

    /// <summary>Gets the numbers given as distributions, and any other input a calculator sets aside for sampling (a law mixture).</summary>
    public IReadOnlyList<UncertainInput> Uncertain => _uncertain;

    /// <summary>Gets the assumptions the reading made (how a model or a GPU was named).</summary>
    public IReadOnlyList<Assumption> Notes => _notes;

    /// <summary>Gets a value indicating whether the plot is asked for (see <see cref="IFieldSource.Plotting"/>).</summary>
    public bool Plotting => _source.Plotting;

    /// <summary>Gets the errors recorded so far: the source's own, then those of the reading.</summary>
    public IReadOnlyList<FieldError> Errors => [.. _source.Errors, .. _errors];

    /// <summary>Gets the declared field named <paramref name="name"/>.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">The calculator declares no such field (a programming error).</exception>
    public Field Field(string name) =>
        _calculator.Find(name) ?? throw new ArgumentException($"The calculator {_calculator.Name} declares no field {name}.", nameof(name));

    /// <summary>Gets the one text given for a field, or <see langword="null"/>.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The text as typed.</returns>
    public string? Text(string name) => _source.Text(Field(name));

    /// <summary>Gets every text given for a repeating field.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The texts, in order.</returns>
    public IReadOnlyList<string> Texts(string name) => _source.Texts(Field(name));

    /// <summary>Gets whether a flag is on.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>Whether it is on.</returns>
    public bool Flag(string name) => _source.Flag(Field(name));

    /// <summary>Gets the name of the file a file field was read from, or <see langword="null"/>.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The file's own name.</returns>
    public string? FileName(string name) => _source.FileName(Field(name));

    /// <summary>Parses a choice field; an unknown name is recorded with the choices and the closest one.</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="name">The kebab-case name.</param>
    /// <param name="parse">Core's parser of the choice.</param>
    /// <returns>The choice, or <see langword="null"/> when not given or unknown.</returns>
    public T? Choice<T>(string name, ChoiceParser<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        Field field = Field(name);
        string? text = _source.Text(field);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out T value))
        {
            return value;
        }

        string? closest = Suggestions.Closest(text, field.Choices).FirstOrDefault();
        _errors.Add(new FieldError(name, "is unknown", text, "one of " + string.Join(", ", field.Choices) + (closest is null ? string.Empty : $"; did you mean {closest}?")));
        return null;
    }

    /// <summary>Records an error; the calculator goes on reading, and <see cref="Complete"/> throws them all.</summary>
    /// <param name="error">The error.</param>
    public void Add(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.Add(error);
    }

    /// <summary>Records several errors.</summary>
    /// <param name="errors">The errors.</param>
    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <summary>Adds an assumption of the reading (how a name resolved).</summary>
    /// <param name="note">The assumption.</param>
    public void AddNote(Assumption note) => _notes.Add(note);

    /// <summary>Adds an input to sample (a law mixture's choice).</summary>
    /// <param name="input">The uncertain input.</param>
    public void AddUncertain(UncertainInput input) => _uncertain.Add(input);

    /// <summary>Ends the reading: throws <see cref="InputErrorsException"/> with every error recorded.</summary>
    /// <exception cref="InputErrorsException">Some field is wrong.</exception>
    public void Complete()
    {
        if (_errors.Count > 0 || _source.Errors.Count > 0)
        {
            throw new InputErrorsException(Errors);
        }
    }

    /// <summary>Refuses a field that cannot take part in a Monte Carlo run (a sweep) when an input is a distribution.</summary>
    /// <param name="name">The kebab-case name of the field.</param>
    /// <param name="text">Its text, or <see langword="null"/> when not given.</param>
    /// <exception cref="InputErrorsException">Both are given.</exception>
    public void RejectWithDistribution(string name, string? text)
    {
        if (_uncertain.Count > 0 && text is not null)
        {
            string field = FieldText.Ref(name);
            throw new InputErrorsException(new FieldError(name, "cannot be combined with an input given as a distribution", text, $"point inputs with {field}, or no {field}"));
        }
    }

    /// <summary>
    /// Plans the Monte Carlo run of <paramref name="evaluate"/> when an input is a distribution; otherwise refuses
    /// <c>samples</c>, <c>seed</c> and <c>sensitivity</c> (they need one) and returns <see langword="null"/>, so the
    /// calculator answers for its point inputs.
    /// </summary>
    /// <param name="evaluate">The calculation of one point, from the numeric inputs.</param>
    /// <returns>The deferred answer, or <see langword="null"/>.</returns>
    /// <exception cref="InputErrorsException">A Monte Carlo field is given without a distribution, or is invalid.</exception>
    public CalculatorAnswer? MonteCarlo(Func<InputValues, Outcome<ICalculationResult>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        string? sensitivity = _source.Text(MonteCarloFields.Sensitivity);
        double? samples = Values.Get(MonteCarloFields.Samples.Spec!);
        double? seed = Values.Get(MonteCarloFields.Seed.Spec!);
        if (_uncertain.Count == 0)
        {
            const string Needs = "needs an input given as a distribution (e.g. {=mfu} 0.3..0.5)";
            const string Expected = "a range or distribution on some numeric input";
            var errors = new List<FieldError>();
            if (sensitivity is not null)
            {
                errors.Add(new FieldError(MonteCarloFields.Sensitivity.Name, Needs, sensitivity, Expected));
            }

            if (samples is double s)
            {
                errors.Add(new FieldError(MonteCarloFields.Samples.Name, Needs, InputSpec.Format(s), Expected));
            }

            if (seed is double d)
            {
                errors.Add(new FieldError(MonteCarloFields.Seed.Name, Needs, InputSpec.Format(d), Expected));
            }

            return errors.Count > 0 ? throw new InputErrorsException(errors) : null;
        }

        return CalculatorAnswer.Deferred(_calculator.Title, new MonteCarloPlan
        {
            Fixed = Values,
            Uncertain = _uncertain.ToList(),
            Evaluate = evaluate,
            Samples = (int)(samples ?? MonteCarloFields.Samples.Spec!.Default!.Value),
            Seed = (int)(seed ?? MonteCarloFields.Seed.Spec!.Default!.Value),
            Sensitivity = sensitivity,
        });
    }
}

/// <summary>Core's parser of a choice (<c>DataTypes.TryParse</c>, <c>RecomputeModes.TryParse</c>).</summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <param name="text">The text as typed.</param>
/// <param name="value">The parsed choice.</param>
/// <returns>Whether the text names a choice.</returns>
public delegate bool ChoiceParser<T>(string? text, out T value);
