using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>
/// A question for the human-equivalents calculator: expert hours, calendar years, energy or tokens to express in
/// FLOP, model sizes, agent wall time, brain-years or reading-years.
/// </summary>
/// <remarks>
/// At least one of <see cref="TaskHours"/>, <see cref="CalendarYears"/>, <see cref="EnergyKwh"/> and
/// <see cref="Tokens"/> must be given. Optional values left <see langword="null"/> take the defaults in
/// <see cref="HumanInputs"/>. Immutable and thread-safe.
/// </remarks>
public sealed record HumanRequest
{
    /// <summary>Gets the expert hours of the task (&gt; 0), or <see langword="null"/>.</summary>
    public double? TaskHours { get; init; }

    /// <summary>Gets the reference model's parameters (&gt; 0; default 70e9).</summary>
    public double? ReferenceParameters { get; init; }

    /// <summary>Gets the reference answer's inference FLOP (&gt; 0; default 1e14).</summary>
    public double? ReferenceFlop { get; init; }

    /// <summary>Gets the reference answer's expert hours (&gt; 0; default 2).</summary>
    public double? ReferenceHours { get; init; }

    /// <summary>Gets the model's speed-up over a person (&gt; 0; default 50,000).</summary>
    public double? Speedup { get; init; }

    /// <summary>Gets the training tokens per parameter (&gt; 0; default 20).</summary>
    public double? TokensPerParameter { get; init; }

    /// <summary>Gets the calendar years the task took (&gt; 0), or <see langword="null"/>.</summary>
    public double? CalendarYears { get; init; }

    /// <summary>Gets an energy in kWh to express in brain-years (&gt; 0), or <see langword="null"/>.</summary>
    public double? EnergyKwh { get; init; }

    /// <summary>Gets the brain's power in W (&gt; 0; default 20).</summary>
    public double? BrainWatts { get; init; }

    /// <summary>Gets a token count to express in reading-years (&gt; 0), or <see langword="null"/>.</summary>
    public double? Tokens { get; init; }

    /// <summary>Gets the words per token (&gt; 0; default 0.75).</summary>
    public double? WordsPerToken { get; init; }

    /// <summary>Gets the reading speed in words per minute (&gt; 0; default 250).</summary>
    public double? WordsPerMinute { get; init; }

    /// <summary>Creates a request from the values a front end collected.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static HumanRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new HumanRequest
        {
            TaskHours = values.Get(HumanInputs.TaskHours),
            ReferenceParameters = values.Get(HumanInputs.ReferenceParameters),
            ReferenceFlop = values.Get(HumanInputs.ReferenceFlop),
            ReferenceHours = values.Get(HumanInputs.ReferenceHours),
            Speedup = values.Get(HumanInputs.Speedup),
            TokensPerParameter = values.Get(HumanInputs.TokensPerParameter),
            CalendarYears = values.Get(HumanInputs.CalendarYears),
            EnergyKwh = values.Get(HumanInputs.EnergyKwh),
            BrainWatts = values.Get(HumanInputs.BrainWatts),
            Tokens = values.Get(HumanInputs.Tokens),
            WordsPerToken = values.Get(HumanInputs.WordsPerToken),
            WordsPerMinute = values.Get(HumanInputs.WordsPerMinute),
        };
    }

    /// <summary>Validates the request without keeping the result.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => HumanEquivalents.Evaluate(this).Errors;
}
