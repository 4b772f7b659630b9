using Flopwise.Reporting;

namespace Flopwise.Scenarios;

/// <summary>
/// What a scenario chain found: each stage that ran, in order, with its fields under the stage's prefix
/// (<c>budget.trainingFlop</c>, <c>optimal.parameters</c>, <c>train.wallTimeDays</c>,
/// <c>serving.costUsdPerMillionTokens</c>, <c>copies.parallelTasks</c>), and the assumptions of every stage.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScenarioResult : ICalculationResult
{
    private readonly Lazy<IReadOnlyList<Assumption>> _assumptions;

    /// <summary>Initializes a new instance of the <see cref="ScenarioResult"/> class.</summary>
    /// <param name="stages">The stages that ran, in chain order.</param>
    /// <param name="assumptions">
    /// Builds the merged assumptions when first asked for (a Monte Carlo run asks only for its first sample's).
    /// </param>
    internal ScenarioResult(IReadOnlyList<ScenarioStage> stages, Func<IReadOnlyList<Assumption>> assumptions)
    {
        Stages = stages;
        _assumptions = new Lazy<IReadOnlyList<Assumption>>(assumptions);
    }

    /// <summary>Gets the stages that ran, in chain order.</summary>
    public IReadOnlyList<ScenarioStage> Stages { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Assumption> Assumptions => _assumptions.Value;

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            int count = 0;
            foreach (ScenarioStage stage in Stages)
            {
                count += stage.Fields.Count;
            }

            var fields = new List<ResultField>(count);
            foreach (ScenarioStage stage in Stages)
            {
                fields.AddRange(stage.Fields);
            }

            return fields;
        }
    }

    /// <inheritdoc/>
    /// <remarks>The calculators' reasons name command-line options (<c>--tokens</c>); here they name the file's keys (<c>tokens</c>).</remarks>
    public IReadOnlyList<MissingField> Missing =>
        [.. Stages.SelectMany(s => s.Result.Missing.Select(m => m with
        {
            Key = s.Key + "." + m.Key,
            Label = s.Title + ": " + m.Label,
            Reason = m.Reason.Replace("--", string.Empty, StringComparison.Ordinal),
        }))];

    /// <summary>Gets a stage by its key, or <see langword="null"/> when it did not run.</summary>
    /// <param name="key">The stage key, e.g. <c>train</c>.</param>
    /// <returns>The stage.</returns>
    public ScenarioStage? Stage(string key) => Stages.FirstOrDefault(s => s.Key == key);

    /// <summary>Gets a field's value by its dotted key, or <see langword="null"/> when absent.</summary>
    /// <param name="key">The key, e.g. <c>train.wallTimeDays</c>.</param>
    /// <returns>The value.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
