using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Calculators;

/// <summary>
/// What a calculator answers: one result, or rows with their shared assumptions, or a Monte Carlo run still to be made
/// (<see cref="MonteCarlo"/>); its title; its JSON; and, where it has one, its picture (<see cref="Plot"/>).
/// </summary>
/// <remarks>Immutable. The chart is built only when asked for, and may be refused for the inputs given.</remarks>
public sealed class CalculatorAnswer
{
    private readonly Func<Chart>? _chart;
    private readonly Func<Chart>? _tornado;
    private readonly Func<string>? _json;

    private CalculatorAnswer(string title, Func<Chart>? chart, Func<Chart>? tornado, Func<string>? json)
    {
        Title = title;
        _chart = chart;
        _tornado = tornado;
        _json = json;
    }

    /// <summary>Gets the title of the answer's table, e.g. <c>Training run</c>.</summary>
    public string Title { get; }

    /// <summary>Gets the one result, or <see langword="null"/> for rows or a Monte Carlo plan.</summary>
    public ICalculationResult? Result { get; private init; }

    /// <summary>Gets the rows (a sweep, a listing), or <see langword="null"/>.</summary>
    public IReadOnlyList<ICalculationResult>? Rows { get; private init; }

    /// <summary>Gets the assumptions the rows share.</summary>
    public IReadOnlyList<Assumption> RowAssumptions { get; private init; } = [];

    /// <summary>Gets the Monte Carlo run to make, or <see langword="null"/> for an answer already computed.</summary>
    public MonteCarloPlan? MonteCarlo { get; private init; }

    /// <summary>Gets a value indicating whether the answer has a tornado (a Monte Carlo run with a sensitivity).</summary>
    public bool HasTornado => _tornado is not null;

    /// <summary>Creates the answer of one result.</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="result">The result.</param>
    /// <param name="chart">Its picture, or <see langword="null"/>; may throw <see cref="InputErrorsException"/>.</param>
    /// <param name="json">Its JSON when it is not <see cref="ResultJson.Write(ICalculationResult)"/>'s (a law's names, a fit's).</param>
    /// <returns>The answer.</returns>
    public static CalculatorAnswer Single(string title, ICalculationResult result, Func<Chart>? chart = null, Func<string>? json = null) =>
        new(title, chart, null, json) { Result = result };

    /// <summary>Creates the answer of rows with the assumptions they share.</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="assumptions">The shared assumptions.</param>
    /// <param name="chart">Their picture, or <see langword="null"/>; may throw <see cref="InputErrorsException"/>.</param>
    /// <param name="json">Their JSON when it is not <see cref="ResultJson.WriteRows"/>'s.</param>
    /// <returns>The answer.</returns>
    public static CalculatorAnswer Table(string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions, Func<Chart>? chart = null, Func<string>? json = null) =>
        new(title, chart, null, json) { Rows = rows, RowAssumptions = assumptions };

    /// <summary>Creates the answer of a Monte Carlo run still to be made.</summary>
    /// <param name="title">The title of the point calculation.</param>
    /// <param name="plan">The run.</param>
    /// <returns>The answer; run <see cref="MonteCarlo"/> and pass its result to <see cref="Sampled"/>.</returns>
    public static CalculatorAnswer Deferred(string title, MonteCarloPlan plan) => new(title, null, null, null) { MonteCarlo = plan };

    /// <summary>Creates the answer of a Monte Carlo run made: its summary, its histogram and (with a sensitivity) its tornado.</summary>
    /// <param name="title">The title of the point calculation.</param>
    /// <param name="result">The run's summary.</param>
    /// <param name="sensitivity">The output of the sensitivity, or <see langword="null"/>.</param>
    /// <returns>The answer, titled "… — Monte Carlo".</returns>
    public static CalculatorAnswer Sampled(string title, MonteCarloResult result, string? sensitivity)
    {
        ArgumentNullException.ThrowIfNull(result);
        Func<Chart>? histogram = result.Outputs.Count == 0 ? null : () => MonteCarloCharts.Histogram(result, sensitivity ?? result.Outputs[0].Key);
        Func<Chart>? tornado = sensitivity is null ? null : () => MonteCarloCharts.Tornado(result);
        return new CalculatorAnswer(title + " — Monte Carlo", histogram, tornado, null) { Result = result };
    }

    /// <summary>Gets the answer's JSON: the CLI's <c>--json</c> object, which the web answers too.</summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InvalidOperationException">The answer is a Monte Carlo run not yet made.</exception>
    public string ToJson()
    {
        if (_json is not null)
        {
            return _json();
        }

        if (Rows is not null)
        {
            return ResultJson.WriteRows(Rows, RowAssumptions);
        }

        return Result is not null ? ResultJson.Write(Result) : throw new InvalidOperationException("A Monte Carlo answer must be run first.");
    }

    /// <summary>Gets the answer's picture.</summary>
    /// <returns>The chart, or the error that says why there is none for these inputs (on the field <c>plot</c>).</returns>
    public Outcome<Chart> Plot()
    {
        if (_chart is null)
        {
            return Outcome<Chart>.Failure([new FieldError("plot", "is not drawn for these inputs", "plot", "the inputs of a calculator that draws one, or an input given as a distribution")]);
        }

        try
        {
            return Outcome<Chart>.Success(_chart());
        }
        catch (InputErrorsException e)
        {
            return Outcome<Chart>.Failure(e.Errors);
        }
    }

    /// <summary>Gets the tornado of a Monte Carlo run with a sensitivity.</summary>
    /// <returns>The chart, or the error on the field <c>sensitivity</c>.</returns>
    public Outcome<Chart> Tornado() => _tornado is null
        ? Outcome<Chart>.Failure([new FieldError("sensitivity", "is needed for the tornado", Messages.Nothing, "sensitivity OUTPUT with an input given as a distribution")])
        : Outcome<Chart>.Success(_tornado());
}
