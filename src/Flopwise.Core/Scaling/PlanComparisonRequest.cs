using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// Plans to compare under one law and one lifetime workload: each plan's loss, training and inference FLOP and, when
/// priced, dollars, and its total relative to the cheapest.
/// </summary>
/// <remarks>
/// The workload is <see cref="InferenceTokens"/>, or <see cref="Requests"/> (with <see cref="TokensPerRequest"/> to
/// count inference FLOP), or nothing (training only). Prices: a plan's own keys (<see cref="PlanCandidate"/>) or the
/// global ones, as for <see cref="PlanRequest"/>; <see cref="QuotedParameters"/> defaults to the first plan's size.
/// See <see cref="PlanComparison"/>. Immutable and thread-safe.
/// </remarks>
public sealed record PlanComparisonRequest
{
    /// <summary>Gets the scaling law that gives each plan's loss (any law with a loss; the Chinchilla form for <see cref="MatchLoss"/>).</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the plans, in the order given; the first is the reference for <see cref="MatchLoss"/>.</summary>
    public required IReadOnlyList<PlanCandidate> Plans { get; init; }

    /// <summary>Gets I, the lifetime inference tokens of each plan's model.</summary>
    public double? InferenceTokens { get; init; }

    /// <summary>Gets R, the lifetime requests of each plan's model.</summary>
    public double? Requests { get; init; }

    /// <summary>Gets the tokens per request; with <see cref="Requests"/>, I = R × this.</summary>
    public double? TokensPerRequest { get; init; }

    /// <summary>Gets a value indicating whether every later plan's tokens are set so that its loss equals the first plan's.</summary>
    public bool MatchLoss { get; init; }

    /// <summary>Gets the training accelerator, which prices training FLOP with <see cref="Mfu"/> and <see cref="PricePerGpuHour"/>.</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the training MFU (default 0.375 with <see cref="Gpu"/>).</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the training price per GPU-hour in USD (default the catalog price of <see cref="Gpu"/>).</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the price of a training FLOP in USD, instead of <see cref="Gpu"/>.</summary>
    public double? UsdPerTrainingFlop { get; init; }

    /// <summary>Gets the price of an inference FLOP in USD.</summary>
    public double? UsdPerInferenceFlop { get; init; }

    /// <summary>Gets the serving price per million tokens for a model of <see cref="QuotedParameters"/> parameters.</summary>
    public double? UsdPerMillionTokens { get; init; }

    /// <summary>Gets the size the <see cref="UsdPerMillionTokens"/> price is for (default: the first plan's N).</summary>
    public double? QuotedParameters { get; init; }

    /// <summary>Gets notes from resolving names (the law, a GPU alias), added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the plans and the numeric values a front end collected.</summary>
    /// <param name="law">The law.</param>
    /// <param name="plans">The plans.</param>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request; set <see cref="MatchLoss"/>, <see cref="Gpu"/> and <see cref="Notes"/> with <c>with</c>.</returns>
    public static PlanComparisonRequest From(ScalingLaw law, IReadOnlyList<PlanCandidate> plans, InputValues values)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(values);
        return new PlanComparisonRequest
        {
            Law = law,
            Plans = plans,
            InferenceTokens = values.Get(PlanInputs.InferenceTokens),
            Requests = values.Get(PlanInputs.Requests),
            TokensPerRequest = values.Get(PlanInputs.TokensPerRequest),
            Mfu = values.Get(PlanInputs.Mfu),
            PricePerGpuHour = values.Get(PlanInputs.PricePerGpuHour),
            UsdPerTrainingFlop = values.Get(PlanInputs.UsdPerTrainingFlop),
            UsdPerInferenceFlop = values.Get(PlanInputs.UsdPerInferenceFlop),
            UsdPerMillionTokens = values.Get(PlanInputs.UsdPerMillionTokens),
            QuotedParameters = values.Get(PlanInputs.QuotedParameters),
        };
    }

    /// <summary>Validates the request without keeping the result.</summary>
    /// <returns>The input errors; empty when the request is valid.</returns>
    public IReadOnlyList<FieldError> Validate() => PlanComparison.Evaluate(this).Errors;
}
