using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>
/// A question for the copies model: given training compute (and optionally k, m, h, T, r), how big is the model
/// and how many copies of it can the training cluster run afterwards?
/// </summary>
/// <remarks>
/// Optional values left <see langword="null"/> take the defaults in <see cref="CopiesInputs"/>, recorded as such in
/// the result's assumptions. Immutable and thread-safe.
/// </remarks>
public sealed record CopiesRequest
{
    /// <summary>Gets the training compute C in FLOP (required, &gt; 0).</summary>
    public double? Compute { get; init; }

    /// <summary>Gets k, forward FLOP per parameter per token (&gt; 0; default 1.5).</summary>
    public double? K { get; init; }

    /// <summary>Gets m, training tokens per parameter (&gt; 0; default 20).</summary>
    public double? TokensPerParameter { get; init; }

    /// <summary>Gets h, the horizon-length multiplier (&gt; 0; default 1.5).</summary>
    public double? Horizon { get; init; }

    /// <summary>Gets T, the training duration in seconds (&gt; 0; default 1e7).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Gets r, tokens per second per task (&gt; 0; default 10).</summary>
    public double? TaskTokensPerSecond { get; init; }

    /// <summary>Creates a request from the values a front end collected.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static CopiesRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new CopiesRequest
        {
            Compute = values.Get(CopiesInputs.Compute),
            K = values.Get(CopiesInputs.K),
            TokensPerParameter = values.Get(CopiesInputs.TokensPerParameter),
            Horizon = values.Get(CopiesInputs.Horizon),
            DurationSeconds = values.Get(CopiesInputs.DurationSeconds),
            TaskTokensPerSecond = values.Get(CopiesInputs.TaskTokensPerSecond),
        };
    }

    /// <summary>Validates the request without keeping the result.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => CopiesModel.Evaluate(this).Errors;
}
