using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>The answer of the copies model for one training compute.</summary>
/// <remarks>Immutable and thread-safe. All values are finite.</remarks>
public sealed record CopiesResult : ICalculationResult
{
    /// <summary>Gets p, the parameter count, √(C / (3·h·k·m)).</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets C, the training compute (as given).</summary>
    public required FlopCount TrainingCompute { get; init; }

    /// <summary>Gets k·p, the runtime FLOP of one forward pass (one token).</summary>
    public required FlopCount RuntimeFlopPerForward { get; init; }

    /// <summary>Gets C/T, the FLOP rate of the training cluster, reallocated to inference.</summary>
    public required FlopRate ClusterRate { get; init; }

    /// <summary>Gets (C/T)/(k·p), tokens per second the cluster produces after training.</summary>
    public required double TokensPerSecond { get; init; }

    /// <summary>Gets the number of tasks run in parallel, tokens per second ÷ r.</summary>
    public required double ParallelTasks { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("parameters", "Parameters p", Parameters, "parameters"),
        new("trainingFlop", "Training compute C", TrainingCompute.Flop, "FLOP"),
        new("runtimeFlopPerForward", "Runtime FLOP per forward pass k·p", RuntimeFlopPerForward.Flop, "FLOP/token"),
        new("clusterFlopPerSecond", "Cluster FLOP/s reallocated C/T", ClusterRate.FlopPerSecond, "FLOP/s"),
        new("tokensPerSecond", "Tokens per second after training", TokensPerSecond, "tokens/s"),
        new("parallelTasks", "Tasks in parallel", ParallelTasks, "tasks"),
    ];
}
