using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// A question for the inference-aware planner: under a law, which model reaches a loss (given, or that of a
/// reference model) at the least lifetime cost, training plus serving I tokens; or, with a fixed size, how many
/// tokens it needs.
/// </summary>
/// <remarks>
/// Give the loss as <see cref="TargetLoss"/> or as <see cref="ReferenceParameters"/> with
/// <see cref="ReferenceTokens"/>. Prices are optional but come in pairs: a training price (<see cref="UsdPerTrainingFlop"/>,
/// or <see cref="Gpu"/> with <see cref="Mfu"/> and <see cref="PricePerGpuHour"/>) and an inference price
/// (<see cref="UsdPerInferenceFlop"/>, or <see cref="UsdPerMillionTokens"/> for a model of
/// <see cref="QuotedParameters"/>); with both the optimum is taken in dollars. See <see cref="InferencePlanner"/>.
/// Immutable and thread-safe.
/// </remarks>
public sealed record PlanRequest
{
    /// <summary>Gets the scaling law; it must be of the Chinchilla form.</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the target loss ℓ in nats per token.</summary>
    public double? TargetLoss { get; init; }

    /// <summary>Gets the parameters of the reference model whose loss is the target.</summary>
    public double? ReferenceParameters { get; init; }

    /// <summary>Gets the training tokens of the reference model.</summary>
    public double? ReferenceTokens { get; init; }

    /// <summary>Gets I, the lifetime inference tokens.</summary>
    public double? InferenceTokens { get; init; }

    /// <summary>Gets a fixed parameter count, or <see langword="null"/> to optimise N.</summary>
    public double? Parameters { get; init; }

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

    /// <summary>Gets the serving price per million tokens of a model of <see cref="QuotedParameters"/> parameters.</summary>
    public double? UsdPerMillionTokens { get; init; }

    /// <summary>Gets the size the <see cref="UsdPerMillionTokens"/> price is for (default <see cref="Parameters"/>, else <see cref="ReferenceParameters"/>).</summary>
    public double? QuotedParameters { get; init; }

    /// <summary>Gets notes from resolving names (the law, a GPU alias), added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set the GPU and notes with <c>with</c>.</summary>
    /// <param name="law">The law.</param>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static PlanRequest From(ScalingLaw law, InputValues values)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(values);
        return new PlanRequest
        {
            Law = law,
            TargetLoss = values.Get(PlanInputs.TargetLoss),
            ReferenceParameters = values.Get(PlanInputs.ReferenceParameters),
            ReferenceTokens = values.Get(PlanInputs.ReferenceTokens),
            InferenceTokens = values.Get(PlanInputs.InferenceTokens),
            Parameters = values.Get(PlanInputs.Parameters),
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
    public IReadOnlyList<FieldError> Validate() => InferencePlanner.Evaluate(this).Errors;
}
