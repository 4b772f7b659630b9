using Flopwise.Inputs;

namespace Flopwise.Training;

/// <summary>The numeric inputs of the training-run accounting, with defaults, sources and ranges.</summary>
public static class TrainingInputs
{
    private const string EpochCostModel =
        "Cottier et al. 2024, 'The rising costs of training frontier AI models', arXiv 2405.21015 (epoch-research/training-cost-trends)";

    /// <summary>Training tokens D.</summary>
    public static InputSpec Tokens { get; } = new()
    {
        Name = "tokens",
        Label = "Training tokens D",
        Description = "Tokens the model is trained on (with --model or --params).",
        Unit = "tokens",
        Maximum = 1e18,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Parameters N, when no architecture is given.</summary>
    public static InputSpec Parameters { get; } = new()
    {
        Name = "params",
        Label = "Parameters N",
        Description = "Parameter count (active parameters for MoE) when no architecture is given; C = 6·N·D.",
        Unit = "parameters",
        Maximum = 1e18,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Training compute C, when given directly.</summary>
    public static InputSpec Flop { get; } = new()
    {
        Name = "flop",
        Label = "Training compute C",
        Description = "Training FLOP of the run, given directly instead of --model/--params with --tokens.",
        Unit = "FLOP",
        Maximum = 1e40,
    };

    /// <summary>Sequence length for the attention terms.</summary>
    public static InputSpec Seq { get; } = new()
    {
        Name = "seq",
        Label = "Sequence length",
        Description = "Training sequence length T for the attention FLOP of the model and causal conventions; default the model's training context.",
        Unit = "tokens",
        Minimum = 1,
        MinimumInclusive = true,
        Maximum = 1e8,
        IsInteger = true,
    };

    /// <summary>Number of accelerators.</summary>
    public static InputSpec Gpus { get; } = new()
    {
        Name = "gpus",
        Label = "Accelerators n",
        Description = "Number of GPUs (or TPU chips) in the run.",
        Unit = "GPUs",
        IsInteger = true,
        Minimum = 1,
        MinimumInclusive = true,
        Maximum = 1e8,
    };

    /// <summary>Dense peak per GPU, replacing the catalog's.</summary>
    public static InputSpec PeakTflops { get; } = new()
    {
        Name = "peak-tflops",
        Label = "Dense peak per GPU",
        Description = "Dense peak of the dtype in use per GPU, in TFLOP/s (instead of --gpu, or overriding its catalog peak).",
        Unit = "TFLOP/s",
        Maximum = 1e6,
    };

    /// <summary>Power per GPU, replacing the catalog TDP.</summary>
    public static InputSpec PowerWatts { get; } = new()
    {
        Name = "power-watts",
        Label = "Power per GPU",
        Description = "Power drawn per GPU for the energy estimate; default the catalog TDP.",
        Unit = "W",
        Maximum = 1e5,
    };

    /// <summary>Model FLOP utilisation; default 0.375 when nothing else fixes the duration.</summary>
    public static InputSpec Mfu { get; } = new()
    {
        Name = "mfu",
        Label = "MFU",
        Description = "Model FLOP utilisation: training FLOP ÷ (GPUs × dense peak × time). Used when no other efficiency or duration is given.",
        Maximum = 1,
        Default = 0.375,
        Source = "Epoch AI: median MFU of 33 published training runs; " + EpochCostModel,
    };

    /// <summary>Achieved hardware FLOP/s per GPU.</summary>
    public static InputSpec AchievedTflops { get; } = new()
    {
        Name = "achieved-tflops",
        Label = "Achieved TFLOP/s per GPU",
        Description = "Achieved hardware rate per GPU, in TFLOP/s (counts recomputation: time = hardware FLOP ÷ (GPUs × rate)).",
        Unit = "TFLOP/s",
        Maximum = 1e6,
    };

    /// <summary>Training throughput per GPU.</summary>
    public static InputSpec TokensPerSecondPerGpu { get; } = new()
    {
        Name = "tokens-per-second-per-gpu",
        Label = "Tokens/s per GPU",
        Description = "Training throughput per GPU (needs --tokens).",
        Unit = "tokens/s",
        Maximum = 1e9,
    };

    /// <summary>Wall time in days.</summary>
    public static InputSpec Days { get; } = new()
    {
        Name = "days",
        Label = "Wall time",
        Description = "Wall-clock duration of the run, in days.",
        Unit = "days",
        Maximum = 1e5,
    };

    /// <summary>Total GPU-hours.</summary>
    public static InputSpec GpuHours { get; } = new()
    {
        Name = "gpu-hours",
        Label = "GPU-hours",
        Description = "Total accelerator-hours of the run (e.g. from a model card).",
        Unit = "GPU-h",
        Maximum = 1e13,
    };

    /// <summary>Rental price per GPU-hour.</summary>
    public static InputSpec PricePerGpuHour { get; } = new()
    {
        Name = "price-per-gpu-hour",
        Label = "Price per GPU-hour",
        Description = "Price of one GPU-hour in USD; default the catalog's dated (volatile) rental price.",
        Unit = "USD/GPU-h",
        Minimum = 0,
        MinimumInclusive = true,
        Maximum = 1e6,
    };

    /// <summary>Power usage effectiveness; default 1.0.</summary>
    public static InputSpec Pue { get; } = new()
    {
        Name = "pue",
        Label = "PUE",
        Description = "Power usage effectiveness: facility energy ÷ IT energy (hyperscalers about 1.1, seed 001 uses 1.5).",
        Minimum = 1,
        MinimumInclusive = true,
        Maximum = 10,
        Default = 1.0,
        Source = "CodeCarbon's default when the data centre is unknown (https://mlco2.github.io/codecarbon/methodology.html)",
    };

    /// <summary>Grid carbon intensity; default the world average.</summary>
    public static InputSpec GridIntensity { get; } = new()
    {
        Name = "grid-intensity",
        Label = "Grid carbon intensity",
        Description = "kg CO2e emitted per kWh of facility energy (or name a region with --grid).",
        Unit = "kg CO2e/kWh",
        Minimum = 0,
        MinimumInclusive = true,
        Maximum = 5,
        Default = 0.475,
        Source = "CodeCarbon global_energy_mix.json (2023), world average",
    };

    /// <summary>Server overhead factor (Epoch's k_server); not applied unless given.</summary>
    public static InputSpec ServerOverhead { get; } = new()
    {
        Name = "server-overhead",
        Label = "Server overhead",
        Description = "Server power ÷ GPU power (CPUs, memory, network; Epoch uses 1.82 for a DGX H100). Not applied unless given.",
        Minimum = 1,
        MinimumInclusive = true,
        Maximum = 10,
    };

    /// <summary>Average power ÷ TDP; not applied unless given.</summary>
    public static InputSpec PowerUtilisation { get; } = new()
    {
        Name = "power-utilisation",
        Label = "Power utilisation",
        Description = "Average power ÷ TDP (Epoch uses 0.75 for GPUs, 0.43 for TPUs). Not applied unless given.",
        Maximum = 1,
    };

    /// <summary>Gets every numeric input, in help order.</summary>
    public static IReadOnlyList<InputSpec> All { get; } =
    [
        Tokens, Parameters, Flop, Seq, Gpus, PeakTflops, PowerWatts, Mfu, AchievedTflops, TokensPerSecondPerGpu, Days,
        GpuHours, PricePerGpuHour, Pue, GridIntensity, ServerOverhead, PowerUtilisation,
    ];
}
