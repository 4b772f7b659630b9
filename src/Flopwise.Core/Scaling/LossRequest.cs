using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>A question for a law's loss: what loss does a model of N parameters reach on D tokens (of which U unique)?</summary>
/// <remarks>
/// <see cref="Law"/> left <see langword="null"/> takes the default (<c>epoch</c>; <c>muennighoff</c> when
/// <see cref="UniqueTokens"/> is given), recorded as such in the assumptions. Immutable and thread-safe.
/// </remarks>
public sealed record LossRequest
{
    /// <summary>Gets the law, or <see langword="null"/> for the default.</summary>
    public ScalingLaw? Law { get; init; }

    /// <summary>Gets N, parameters (required, &gt; 0).</summary>
    public double? Parameters { get; init; }

    /// <summary>Gets D, training tokens (required, &gt; 0).</summary>
    public double? Tokens { get; init; }

    /// <summary>Gets U, unique tokens (optional, &gt; 0): data-constrained loss.</summary>
    public double? UniqueTokens { get; init; }

    /// <summary>Gets notes from resolving the law's name, added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set <see cref="Law"/> with <c>with</c>.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static LossRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new LossRequest
        {
            Parameters = values.Get(ScalingInputs.Parameters),
            Tokens = values.Get(ScalingInputs.Tokens),
            UniqueTokens = values.Get(ScalingInputs.UniqueTokens),
        };
    }

    /// <summary>Validates the request without keeping the result.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => LossCalculator.Evaluate(this).Errors;
}
