using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>
/// A training run to account for: the work (an architecture or a parameter count with tokens, or FLOP directly), the
/// hardware (a catalog GPU or a peak), one efficiency or duration, and the price, power and grid.
/// </summary>
/// <remarks>
/// Numeric values left <see langword="null"/> take the defaults in <see cref="TrainingInputs"/> or are derived;
/// see <see cref="TrainingAccounting"/> for which combinations determine the run. Immutable and thread-safe.
/// </remarks>
public sealed record TrainingRequest
{
    /// <summary>Gets the architecture, or <see langword="null"/> when the work is given as parameters or FLOP.</summary>
    public ModelShape? Model { get; init; }

    /// <summary>Gets the training tokens D.</summary>
    public double? Tokens { get; init; }

    /// <summary>Gets the parameter count N when no architecture is given.</summary>
    public double? Parameters { get; init; }

    /// <summary>Gets the training FLOP when given directly.</summary>
    public double? Flop { get; init; }

    /// <summary>Gets the sequence length for attention FLOP; default the model's training context.</summary>
    public double? Seq { get; init; }

    /// <summary>Gets the FLOP convention (default <see cref="FlopConvention.SixN"/>).</summary>
    public FlopConvention Convention { get; init; } = FlopConvention.SixN;

    /// <summary>Gets a value indicating whether <see cref="Convention"/> was given rather than defaulted.</summary>
    public bool ConventionGiven { get; init; }

    /// <summary>Gets the recomputation scheme (default none).</summary>
    public Recompute Recompute { get; init; } = Recompute.None;

    /// <summary>Gets the accelerator, or <see langword="null"/> when a peak is given instead.</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the data type of the matrix arithmetic; default bf16, or fp16 where the GPU has no bf16.</summary>
    public DataType? DataType { get; init; }

    /// <summary>Gets the number of accelerators.</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the dense peak per GPU in TFLOP/s, replacing the catalog's.</summary>
    public double? PeakTflops { get; init; }

    /// <summary>Gets the power per GPU in W, replacing the catalog TDP.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Gets the model FLOP utilisation.</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the achieved hardware TFLOP/s per GPU.</summary>
    public double? AchievedTflops { get; init; }

    /// <summary>Gets the training tokens per second per GPU.</summary>
    public double? TokensPerSecondPerGpu { get; init; }

    /// <summary>Gets the wall time in days.</summary>
    public double? Days { get; init; }

    /// <summary>Gets the total GPU-hours.</summary>
    public double? GpuHours { get; init; }

    /// <summary>Gets the price per GPU-hour in USD, replacing the catalog's.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the power usage effectiveness (default 1.0).</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the grid carbon intensity in kg CO2e per kWh (default 0.475).</summary>
    public double? GridIntensity { get; init; }

    /// <summary>Gets a named grid region, used when <see cref="GridIntensity"/> is not given.</summary>
    public GridRegion? Grid { get; init; }

    /// <summary>Gets the server overhead factor (not applied unless given).</summary>
    public double? ServerOverhead { get; init; }

    /// <summary>Gets the average power ÷ TDP (not applied unless given).</summary>
    public double? PowerUtilisation { get; init; }

    /// <summary>Gets notes from resolving names (a GPU alias, a model preset), added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set the other properties with <c>with</c>.</summary>
    /// <param name="values">The given inputs, by <see cref="InputSpec.Name"/>.</param>
    /// <returns>The request.</returns>
    public static TrainingRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TrainingRequest
        {
            Tokens = values.Get(TrainingInputs.Tokens),
            Parameters = values.Get(TrainingInputs.Parameters),
            Flop = values.Get(TrainingInputs.Flop),
            Seq = values.Get(TrainingInputs.Seq),
            Gpus = values.Get(TrainingInputs.Gpus),
            PeakTflops = values.Get(TrainingInputs.PeakTflops),
            PowerWatts = values.Get(TrainingInputs.PowerWatts),
            Mfu = values.Get(TrainingInputs.Mfu),
            AchievedTflops = values.Get(TrainingInputs.AchievedTflops),
            TokensPerSecondPerGpu = values.Get(TrainingInputs.TokensPerSecondPerGpu),
            Days = values.Get(TrainingInputs.Days),
            GpuHours = values.Get(TrainingInputs.GpuHours),
            PricePerGpuHour = values.Get(TrainingInputs.PricePerGpuHour),
            Pue = values.Get(TrainingInputs.Pue),
            GridIntensity = values.Get(TrainingInputs.GridIntensity),
            ServerOverhead = values.Get(TrainingInputs.ServerOverhead),
            PowerUtilisation = values.Get(TrainingInputs.PowerUtilisation),
        };
    }
}
