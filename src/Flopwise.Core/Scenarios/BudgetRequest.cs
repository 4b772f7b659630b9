using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Training;

namespace Flopwise.Scenarios;

/// <summary>A budget-first question: dollars, GPU-hours or a cluster for some days, on a GPU, under a scaling law.</summary>
/// <remarks>Numeric values left <see langword="null"/> take the defaults in <see cref="BudgetInputs"/>. Immutable and thread-safe.</remarks>
public sealed record BudgetRequest
{
    /// <summary>Gets the accelerator (required).</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the scaling law (required).</summary>
    public ScalingLaw? Law { get; init; }

    /// <summary>Gets the dollars to spend.</summary>
    public double? Usd { get; init; }

    /// <summary>Gets the GPU-hours to spend.</summary>
    public double? GpuHours { get; init; }

    /// <summary>Gets the cluster size.</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the days of the cluster.</summary>
    public double? Days { get; init; }

    /// <summary>Gets the MFU.</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the price per GPU-hour.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the lifetime inference tokens.</summary>
    public double? InferenceTokens { get; init; }

    /// <summary>Gets the power per GPU.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Gets the PUE.</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the grid intensity (kg CO2e per kWh).</summary>
    public double? GridIntensity { get; init; }

    /// <summary>Gets a named grid region instead of <see cref="GridIntensity"/>.</summary>
    public GridRegion? Grid { get; init; }

    /// <summary>Gets notes from resolving names, added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set the others with <c>with</c>.</summary>
    /// <param name="values">The given inputs.</param>
    /// <returns>The request.</returns>
    public static BudgetRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new BudgetRequest
        {
            Usd = values.Get(BudgetInputs.Usd),
            GpuHours = values.Get(BudgetInputs.GpuHours),
            Gpus = values.Get(BudgetInputs.Gpus),
            Days = values.Get(BudgetInputs.Days),
            Mfu = values.Get(BudgetInputs.Mfu),
            PricePerGpuHour = values.Get(BudgetInputs.PricePerGpuHour),
            InferenceTokens = values.Get(BudgetInputs.InferenceTokens),
            PowerWatts = values.Get(BudgetInputs.PowerWatts),
            Pue = values.Get(BudgetInputs.Pue),
            GridIntensity = values.Get(BudgetInputs.GridIntensity),
        };
    }
}
