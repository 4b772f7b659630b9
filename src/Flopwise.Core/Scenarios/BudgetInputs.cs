using Flopwise.Inputs;
using Flopwise.Scaling;
using Flopwise.Training;

namespace Flopwise.Scenarios;

/// <summary>The numeric inputs of the budget-first question, with defaults and ranges.</summary>
public static class BudgetInputs
{
    /// <summary>Money to spend on GPU-hours.</summary>
    public static InputSpec Usd { get; } = new()
    {
        Name = "usd",
        Label = "Budget",
        Description = "Dollars to spend on GPU-hours, at --price-per-gpu-hour (default the catalog's dated price).",
        Unit = "USD",
        Maximum = 1e15,
    };

    /// <summary>GPU-hours to spend.</summary>
    public static InputSpec GpuHours { get; } = TrainingInputs.GpuHours;

    /// <summary>Cluster size (with <see cref="Days"/>, or to give the wall time of a dollar or GPU-hour budget).</summary>
    public static InputSpec Gpus { get; } = TrainingInputs.Gpus;

    /// <summary>Days of the cluster.</summary>
    public static InputSpec Days { get; } = TrainingInputs.Days;

    /// <summary>Model FLOP utilisation.</summary>
    public static InputSpec Mfu { get; } = TrainingInputs.Mfu;

    /// <summary>Price per GPU-hour.</summary>
    public static InputSpec PricePerGpuHour { get; } = TrainingInputs.PricePerGpuHour;

    /// <summary>Lifetime inference tokens, for the inference-aware model of the same loss.</summary>
    public static InputSpec InferenceTokens { get; } = PlanInputs.InferenceTokens;

    /// <summary>Power per GPU.</summary>
    public static InputSpec PowerWatts { get; } = TrainingInputs.PowerWatts;

    /// <summary>PUE.</summary>
    public static InputSpec Pue { get; } = TrainingInputs.Pue;

    /// <summary>Grid carbon intensity.</summary>
    public static InputSpec GridIntensity { get; } = TrainingInputs.GridIntensity;

    /// <summary>Gets every numeric input, in help order.</summary>
    public static IReadOnlyList<InputSpec> All { get; } =
        [Usd, GpuHours, Gpus, Days, Mfu, PricePerGpuHour, InferenceTokens, PowerWatts, Pue, GridIntensity];
}
