using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <summary>A serving question: a model on t tensor-parallel GPUs, a batch of requests of p prompt and o output tokens.</summary>
/// <remarks>Numeric values left <see langword="null"/> take the defaults in <see cref="ServingInputs"/>. Immutable and thread-safe.</remarks>
public sealed record ServingRequest
{
    /// <summary>Gets the architecture (required).</summary>
    public ModelShape? Model { get; init; }

    /// <summary>Gets the accelerator (required).</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the tensor-parallel degree t.</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the batch b; leave unset to have a latency target choose it.</summary>
    public double? Batch { get; init; }

    /// <summary>Gets the prompt tokens p.</summary>
    public double? PromptTokens { get; init; }

    /// <summary>Gets the output tokens o.</summary>
    public double? OutputTokens { get; init; }

    /// <summary>Gets the compute efficiency ηc.</summary>
    public double? ComputeEfficiency { get; init; }

    /// <summary>Gets the bandwidth efficiency ηm.</summary>
    public double? BandwidthEfficiency { get; init; }

    /// <summary>Gets the price per GPU-hour (USD); default the catalog price.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the power per GPU (W); default the catalog TDP.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Gets the PUE.</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the time-to-first-token target (ms).</summary>
    public double? MaxTtftMs { get; init; }

    /// <summary>Gets the time-per-output-token target (ms).</summary>
    public double? MaxTpotMs { get; init; }

    /// <summary>Gets the requests of a serving volume.</summary>
    public double? Requests { get; init; }

    /// <summary>Gets the tokens per request of a serving volume.</summary>
    public double? TokensPerRequest { get; init; }

    /// <summary>Gets the dtype of the layer matrices (default the GPU's 16-bit type).</summary>
    public DataType? WeightDtype { get; init; }

    /// <summary>Gets the dtype of the KV cache (default the GPU's 16-bit type).</summary>
    public DataType? KvDtype { get; init; }

    /// <summary>Gets the attention kernel (default fused).</summary>
    public AttentionKernel Attention { get; init; } = AttentionKernel.Fused;

    /// <summary>Gets the efficiency preset for the efficiencies not given (default the roofline).</summary>
    public EfficiencyPreset Efficiency { get; init; } = EfficiencyPreset.Roofline;

    /// <summary>Gets a latency class whose targets apply where <see cref="MaxTtftMs"/> or <see cref="MaxTpotMs"/> is not given.</summary>
    public LatencyClass? LatencyClass { get; init; }

    /// <summary>Gets notes from resolving names, added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>
    /// Gets this request's model, GPU, choices and notes with the numbers of <paramref name="values"/> (one Monte Carlo
    /// sample, or the fixed values): the front ends build the names once and the numbers per sample.
    /// </summary>
    /// <param name="values">The numeric inputs.</param>
    /// <returns>The request.</returns>
    public ServingRequest WithNumbers(InputValues values) => From(values) with
    {
        Model = Model,
        Gpu = Gpu,
        WeightDtype = WeightDtype,
        KvDtype = KvDtype,
        Attention = Attention,
        Efficiency = Efficiency,
        LatencyClass = LatencyClass,
        Notes = Notes,
    };

    /// <summary>Creates a request from the numeric values a front end collected; set the others with <c>with</c>.</summary>
    /// <param name="values">The given inputs.</param>
    /// <returns>The request.</returns>
    public static ServingRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ServingRequest
        {
            Gpus = values.Get(ServingInputs.Gpus),
            Batch = values.Get(ServingInputs.Batch),
            PromptTokens = values.Get(ServingInputs.PromptTokens),
            OutputTokens = values.Get(ServingInputs.OutputTokens),
            ComputeEfficiency = values.Get(ServingInputs.ComputeEfficiency),
            BandwidthEfficiency = values.Get(ServingInputs.BandwidthEfficiency),
            PricePerGpuHour = values.Get(ServingInputs.PricePerGpuHour),
            PowerWatts = values.Get(ServingInputs.PowerWatts),
            Pue = values.Get(ServingInputs.Pue),
            MaxTtftMs = values.Get(ServingInputs.MaxTtftMs),
            MaxTpotMs = values.Get(ServingInputs.MaxTpotMs),
            Requests = values.Get(ServingInputs.Requests),
            TokensPerRequest = values.Get(ServingInputs.TokensPerRequest),
        };
    }
}
