using Flopwise.Reporting;

namespace Flopwise.Scenarios;

/// <summary>A budget turned into GPU-hours and training FLOP: the first step of <see cref="Budget"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BudgetConversion : ICalculationResult
{
    /// <summary>Gets the training FLOP the budget buys (GPU-hours × 3600 × dense peak × MFU).</summary>
    public required double TrainingFlop { get; init; }

    /// <summary>Gets the GPU-hours of the budget.</summary>
    public required double GpuHours { get; init; }

    /// <summary>Gets the cluster size, when given.</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the price per GPU-hour used (given or the catalog's), or <see langword="null"/> when there is none.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the lifetime inference tokens, when given.</summary>
    public double? InferenceTokens { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("trainingFlop", "Training FLOP C", TrainingFlop, "FLOP"),
        new("gpuHours", "GPU-hours", GpuHours, "GPU-h"),
    ];
}
