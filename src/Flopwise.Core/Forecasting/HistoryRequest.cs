using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>
/// A question for <see cref="ModelHistory"/>: where does a training compute sit among the models trained so far
/// (<see cref="Compute"/>), or which are the largest (<see cref="Top"/>)?
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HistoryRequest
{
    /// <summary>Gets the training compute C in FLOP to place (&gt; 0); required by <see cref="ModelHistory.Evaluate(HistoryRequest)"/>.</summary>
    public double? Compute { get; init; }

    /// <summary>Gets how many of the largest models to list (1 to <see cref="HistoryInputs.MaxTop"/>); required by <see cref="ModelHistory.Largest(HistoryRequest)"/>.</summary>
    public double? Top { get; init; }

    /// <summary>Creates a request from the values a front end collected.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static HistoryRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new HistoryRequest
        {
            Compute = values.Get(HistoryInputs.Compute),
            Top = values.Get(HistoryInputs.Top),
        };
    }

    /// <summary>Validates the request without keeping the result: a list when <see cref="Top"/> is given, else a placement.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() =>
        Top is null ? ModelHistory.Evaluate(this).Errors : ModelHistory.Largest(this).Errors;
}
