using Flopwise.Inputs;
using Flopwise.Training;

namespace Flopwise.Scaling;

/// <summary>
/// The numeric inputs of inference-aware planning (<see cref="InferencePlanner"/>) and of plan comparison
/// (<see cref="PlanComparison"/>), with units, ranges, defaults and sources.
/// </summary>
/// <remarks>
/// Counts accept the suffixes K, M, B, T in every front end. Every input must be greater than zero: a zero
/// inference volume, price or size is meaningless here (omit the input instead). The maxima keep every result
/// finite: 1e18 parameters or tokens per model, 1e30 lifetime inference tokens.
/// </remarks>
public static class PlanInputs
{
    private const double MaximumCount = 1e18;

    /// <summary>The loss the planned model must reach, ℓ, in nats per token.</summary>
    public static InputSpec TargetLoss { get; } = new()
    {
        Name = "target-loss",
        Label = "Target loss ℓ",
        Description = "Loss the model must reach under the law; must exceed the law's irreducible loss E. Or give --reference-params with --reference-tokens.",
        Unit = "nats/token",
        Maximum = 100,
    };

    /// <summary>Parameters of a reference model whose loss is the target.</summary>
    public static InputSpec ReferenceParameters { get; } = new()
    {
        Name = "reference-params",
        Label = "Reference parameters",
        Description = "Parameters of a reference model; the target loss is its loss L(N, D) under the law (with --reference-tokens).",
        Unit = "parameters",
        Maximum = MaximumCount,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Training tokens of the reference model.</summary>
    public static InputSpec ReferenceTokens { get; } = new()
    {
        Name = "reference-tokens",
        Label = "Reference tokens",
        Description = "Training tokens of the reference model (with --reference-params).",
        Unit = "tokens",
        Maximum = MaximumCount,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Lifetime inference tokens I the model will process.</summary>
    public static InputSpec InferenceTokens { get; } = new()
    {
        Name = "inference-tokens",
        Label = "Lifetime inference tokens I",
        Description = "Tokens the model will process in its lifetime (prompt and output); inference costs 2·N FLOP per token.",
        Unit = "tokens",
        Maximum = 1e30,
    };

    /// <summary>A fixed parameter count N; the plan then solves only for the training tokens.</summary>
    public static InputSpec Parameters { get; } = new()
    {
        Name = "params",
        Label = "Parameters N (fixed)",
        Description = "Fix the model size instead of optimising it; the plan gives the training tokens that reach the target loss.",
        Unit = "parameters",
        Maximum = MaximumCount,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Training MFU used to price training FLOP with <c>--gpu</c>; default 0.375.</summary>
    public static InputSpec Mfu { get; } = new()
    {
        Name = "mfu",
        Label = "Training MFU",
        Description = "Model FLOP utilisation of training, to turn the GPU's dense peak and hourly price into USD per training FLOP (with --gpu).",
        Maximum = 1,
        Default = TrainingInputs.Mfu.Default,
        Source = TrainingInputs.Mfu.Source,
    };

    /// <summary>Price of one training GPU-hour; default the catalog price of <c>--gpu</c>.</summary>
    public static InputSpec PricePerGpuHour { get; } = new()
    {
        Name = "price-per-gpu-hour",
        Label = "Training price per GPU-hour",
        Description = "Price of one training GPU-hour in USD (with --gpu); default the catalog's dated rental price.",
        Unit = "USD/GPU-h",
        Maximum = 1e6,
    };

    /// <summary>Price of one training FLOP, instead of <c>--gpu</c>.</summary>
    public static InputSpec UsdPerTrainingFlop { get; } = new()
    {
        Name = "usd-per-training-flop",
        Label = "USD per training FLOP",
        Description = "Price of one training FLOP in USD, instead of --gpu/--mfu/--price-per-gpu-hour.",
        Unit = "USD/FLOP",
        Maximum = 1,
    };

    /// <summary>Price of one inference FLOP.</summary>
    public static InputSpec UsdPerInferenceFlop { get; } = new()
    {
        Name = "usd-per-inference-flop",
        Label = "USD per inference FLOP",
        Description = "Price of one inference FLOP in USD (serving runs at its own utilisation and price, unlike training).",
        Unit = "USD/FLOP",
        Maximum = 1,
    };

    /// <summary>Serving price per million tokens for a model of <see cref="QuotedParameters"/> parameters.</summary>
    public static InputSpec UsdPerMillionTokens { get; } = new()
    {
        Name = "usd-per-million-tokens",
        Label = "USD per million inference tokens",
        Description = "Serving price per million tokens, quoted for a model of --quoted-params parameters; other sizes cost in proportion to N (2·N FLOP per token).",
        Unit = "USD/Mtoken",
        Maximum = 1e6,
    };

    /// <summary>The model size a <see cref="UsdPerMillionTokens"/> price was quoted for.</summary>
    public static InputSpec QuotedParameters { get; } = new()
    {
        Name = "quoted-params",
        Label = "Parameters of the priced model",
        Description = "Parameters of the model the --usd-per-million-tokens price is for; default --params, else --reference-params (plan) or the first plan's (compare).",
        Unit = "parameters",
        Maximum = MaximumCount,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Lifetime requests R (compare); inference tokens are R × tokens per request.</summary>
    public static InputSpec Requests { get; } = new()
    {
        Name = "requests",
        Label = "Lifetime requests R",
        Description = "Requests the model will serve in its lifetime (for usd-per-request prices; with --tokens-per-request also inference FLOP).",
        Unit = "requests",
        Maximum = MaximumCount,
    };

    /// <summary>Tokens per request T (compare).</summary>
    public static InputSpec TokensPerRequest { get; } = new()
    {
        Name = "tokens-per-request",
        Label = "Tokens per request",
        Description = "Tokens processed per request (prompt and output); inference tokens = requests × this. No default: without it inference FLOP are not counted.",
        Unit = "tokens",
        Maximum = 1e9,
    };

    /// <summary>Gets the inputs of <c>flopwise plan</c>, in help order.</summary>
    public static IReadOnlyList<InputSpec> Planner { get; } =
    [
        TargetLoss, ReferenceParameters, ReferenceTokens, InferenceTokens, Parameters, Mfu, PricePerGpuHour,
        UsdPerTrainingFlop, UsdPerInferenceFlop, UsdPerMillionTokens, QuotedParameters,
    ];

    /// <summary>Gets the inputs of <c>flopwise compare</c>, in help order.</summary>
    public static IReadOnlyList<InputSpec> Comparison { get; } =
    [
        InferenceTokens, Requests, TokensPerRequest, Mfu, PricePerGpuHour, UsdPerTrainingFlop, UsdPerInferenceFlop,
        UsdPerMillionTokens, QuotedParameters,
    ];
}
