using Flopwise.Inputs;
using Flopwise.Training;

namespace Flopwise.Serving;

/// <summary>The numeric inputs of the serving estimate, with defaults, ranges and sources.</summary>
public static class ServingInputs
{
    /// <summary>The measured compute efficiency of the <see cref="EfficiencyPreset.Measured"/> preset.</summary>
    public const double MeasuredComputeEfficiency = 0.70;

    /// <summary>The measured bandwidth efficiency of the <see cref="EfficiencyPreset.Measured"/> preset.</summary>
    public const double MeasuredBandwidthEfficiency = 0.75;

    /// <summary>The source of the <see cref="EfficiencyPreset.Measured"/> preset.</summary>
    public const string MeasuredSource =
        "microsoft/vidur A100 profiles of Llama-2-7B: GEMMs reach about 222 of 312 TFLOP/s at 4096 tokens (0.70), one-token reads about 1.55 of 2.039 TB/s (0.75); github.com/microsoft/vidur, data/profiling/compute/a100/meta-llama/Llama-2-7b-hf";

    private const string FlopwiseDefault = "Flopwise default";

    /// <summary>Tensor-parallel degree: the GPUs one model replica is split over.</summary>
    public static InputSpec Gpus { get; } = InputSpec.Count("gpus", "GPUs (tensor-parallel degree t)", "GPUs one replica of the model is split over by tensor parallelism; must divide the query heads.", 1024, 1) with
    {
        Source = FlopwiseDefault + " (one GPU)",
    };

    /// <summary>Concurrent sequences b.</summary>
    public static InputSpec Batch { get; } = InputSpec.Count("batch", "Batch b", "Sequences decoded together (concurrent requests on one replica).", 1e6, 1) with
    {
        Source = FlopwiseDefault + " (one request at a time)",
    };

    /// <summary>Prompt tokens p per request.</summary>
    public static InputSpec PromptTokens { get; } = InputSpec.Count("prompt-tokens", "Prompt tokens p", "Tokens of each request's prompt, processed in one prefill.", 1e8, 1024) with
    {
        Unit = "tokens",
        Source = FlopwiseDefault + " (LLM-Viewer's default sequence length)",
    };

    /// <summary>Output tokens o per request.</summary>
    public static InputSpec OutputTokens { get; } = InputSpec.Count("output-tokens", "Output tokens o", "Tokens generated per request; decode steps run at contexts p … p+o−1.", 1e8, 256) with
    {
        Unit = "tokens",
        Source = FlopwiseDefault,
    };

    /// <summary>Compute efficiency ηc: the share of the dense peak a matmul reaches.</summary>
    public static InputSpec ComputeEfficiency { get; } = Efficiency("compute-efficiency", "Compute efficiency ηc", "Share of the dense peak each operation reaches; 1 = the roofline lower bound on time.");

    /// <summary>Bandwidth efficiency ηm: the share of the memory bandwidth a read or write reaches.</summary>
    public static InputSpec BandwidthEfficiency { get; } = Efficiency("bandwidth-efficiency", "Bandwidth efficiency ηm", "Share of the memory bandwidth each operation reaches; 1 = the roofline lower bound on time.");

    /// <summary>Price of one GPU-hour.</summary>
    public static InputSpec PricePerGpuHour { get; } = TrainingInputs.PricePerGpuHour;

    /// <summary>Power per GPU.</summary>
    public static InputSpec PowerWatts { get; } = TrainingInputs.PowerWatts;

    /// <summary>Power usage effectiveness.</summary>
    public static InputSpec Pue { get; } = TrainingInputs.Pue;

    /// <summary>Largest acceptable time to first token.</summary>
    public static InputSpec MaxTtftMs { get; } = new()
    {
        Name = "max-ttft-ms",
        Label = "Target time to first token",
        Description = "Pick the largest batch whose prefill (time to first token) takes at most this long.",
        Unit = "ms",
        Maximum = 1e9,
    };

    /// <summary>Largest acceptable time per output token.</summary>
    public static InputSpec MaxTpotMs { get; } = new()
    {
        Name = "max-tpot-ms",
        Label = "Target time per output token",
        Description = "Pick the largest batch whose decode step (time per output token) takes at most this long.",
        Unit = "ms",
        Maximum = 1e9,
    };

    /// <summary>Requests R of a serving volume.</summary>
    public static InputSpec Requests { get; } = new()
    {
        Name = "requests",
        Label = "Requests R",
        Description = "Requests to serve: gives the GPU-hours, cost and energy of the volume.",
        Unit = "requests",
        Maximum = 1e18,
    };

    /// <summary>Tokens per request of a serving volume.</summary>
    public static InputSpec TokensPerRequest { get; } = new()
    {
        Name = "tokens-per-request",
        Label = "Tokens per request",
        Description = "Tokens processed per request of the volume (prompt and output, as in compare); priced at the blended rate of the p + o request modelled. Default p + o.",
        Unit = "tokens",
        Maximum = 1e9,
    };

    /// <summary>Gets every numeric input, in help order.</summary>
    public static IReadOnlyList<InputSpec> All { get; } =
    [
        Gpus, Batch, PromptTokens, OutputTokens, ComputeEfficiency, BandwidthEfficiency, PricePerGpuHour, PowerWatts, Pue,
        MaxTtftMs, MaxTpotMs, Requests, TokensPerRequest,
    ];

    private static InputSpec Efficiency(string name, string label, string description) => new()
    {
        Name = name,
        Label = label,
        Description = description + " Default 1, or the --efficiency measured preset.",
        Maximum = 1,
        Default = 1,
        Source = "the roofline lower bound (Williams, Waterman and Patterson, \"Roofline\", CACM 2009)",
    };
}
