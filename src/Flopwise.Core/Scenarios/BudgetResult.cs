using Flopwise.Forecasting;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Training;

namespace Flopwise.Scenarios;

/// <summary>What a budget buys: training FLOP, the compute-optimal model and loss, the run, the copies after training, and the inference-aware model.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BudgetResult : ICalculationResult
{
    private static readonly HashSet<string> TrainingKeys =
        ["gpus", "wallTimeSeconds", "wallTimeDays", "costUsd", "itEnergyKwh", "facilityEnergyKwh", "co2Kg"];

    /// <summary>Gets the training FLOP the budget buys.</summary>
    public required double TrainingFlop { get; init; }

    /// <summary>Gets the GPU-hours of the budget.</summary>
    public required double GpuHours { get; init; }

    /// <summary>Gets the training run's accounting.</summary>
    public required TrainingResult Training { get; init; }

    /// <summary>Gets the compute-optimal allocation.</summary>
    public required OptimalResult Optimal { get; init; }

    /// <summary>Gets the copies-after-training result.</summary>
    public required CopiesResult Copies { get; init; }

    /// <summary>Gets the inference-aware plan of the same loss, when inference tokens were given.</summary>
    public PlanResult? Plan { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<MissingField> Missing => [.. Training.Missing.Where(m => TrainingKeys.Contains(m.Key))];

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("trainingFlop", "Training FLOP C", TrainingFlop, "FLOP"),
                new("gpuHours", "GPU-hours", GpuHours, "GPU-h"),
            };
            fields.AddRange(Optimal.Fields.Where(f => f.Key is "parameters" or "tokens" or "tokensPerParameter" or "loss"));
            fields.AddRange(Training.Fields.Where(f => TrainingKeys.Contains(f.Key)));
            fields.AddRange(Copies.Fields
                .Where(f => f.Key is "parameters" or "tokensPerSecond" or "parallelTasks")
                .Select(f => f with { Key = "copies." + f.Key, Label = "Copies: " + f.Label }));
            if (Plan is PlanResult plan)
            {
                fields.AddRange(plan.Fields
                    .Where(f => f.Key is "parameters" or "trainingTokens" or "tokensPerParameter" or "trainingFlop" or "inferenceFlop" or "totalFlop" or "savingFraction")
                    .Select(f => f with { Key = "inferenceAware." + f.Key, Label = "Inference-aware: " + f.Label }));
            }

            return fields;
        }
    }

    /// <summary>Gets a field's value by JSON key, or <see langword="null"/> when it is absent.</summary>
    /// <param name="key">The JSON key, e.g. <c>parameters</c> or <c>copies.parallelTasks</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
