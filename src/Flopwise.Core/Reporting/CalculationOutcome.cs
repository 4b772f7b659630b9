using Flopwise.Inputs;

namespace Flopwise.Reporting;

/// <summary>Helpers for outcomes of calculations, as the generic front ends and the Monte Carlo runner take them.</summary>
public static class CalculationOutcome
{
    /// <summary>Widens an outcome of a specific result type to one of <see cref="ICalculationResult"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The same result or the same errors.</returns>
    public static Outcome<ICalculationResult> Widen<T>(Outcome<T> outcome)
        where T : class, ICalculationResult
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Value is T value ? Outcome<ICalculationResult>.Success(value) : Outcome<ICalculationResult>.Failure(outcome.Errors);
    }
}
