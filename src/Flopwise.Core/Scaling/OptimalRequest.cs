using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>A question for a law's compute-optimal frontier: how should C FLOP be split between parameters and tokens (with U unique tokens)?</summary>
/// <remarks>
/// <see cref="Law"/> left <see langword="null"/> takes the default (<c>epoch</c>; <c>muennighoff</c> when
/// <see cref="UniqueTokens"/> is given), recorded as such in the assumptions. Immutable and thread-safe.
/// </remarks>
public sealed record OptimalRequest
{
    /// <summary>Gets the law, or <see langword="null"/> for the default.</summary>
    public ScalingLaw? Law { get; init; }

    /// <summary>Gets C, training compute in FLOP (required, &gt; 0).</summary>
    public double? Compute { get; init; }

    /// <summary>Gets U, unique tokens (optional, &gt; 0): data-constrained allocation.</summary>
    public double? UniqueTokens { get; init; }

    /// <summary>Gets notes from resolving the law's name, added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set <see cref="Law"/> with <c>with</c>.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static OptimalRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new OptimalRequest
        {
            Compute = values.Get(ScalingInputs.Compute),
            UniqueTokens = values.Get(ScalingInputs.UniqueTokens),
        };
    }

    /// <summary>Validates the request without keeping the result.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => OptimalAllocation.Evaluate(this).Errors;
}
