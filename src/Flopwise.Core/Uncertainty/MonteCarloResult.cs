using Flopwise.Reporting;

namespace Flopwise.Uncertainty;

/// <summary>
/// The result of running a calculation over joint samples of its uncertain inputs: every numeric output's median
/// (the top-level fields) and its percentiles and mean (under <c>distribution</c>), with the samples drawn, redrawn
/// and infeasible.
/// </summary>
/// <remarks>Immutable and thread-safe. Identical for a given seed whatever the core count.</remarks>
public sealed record MonteCarloResult : ICalculationResult
{
    /// <summary>Gets the distribution of each numeric output, in the calculation's field order.</summary>
    public required IReadOnlyList<OutputDistribution> Outputs { get; init; }

    /// <summary>Gets the samples drawn.</summary>
    public required int Samples { get; init; }

    /// <summary>Gets the samples the calculation rejected (e.g. a target loss below the law's E), counted, not dropped silently.</summary>
    public required int InfeasibleSamples { get; init; }

    /// <summary>Gets the most common reason for an infeasible sample, or <see langword="null"/> when none was.</summary>
    public string? InfeasibleReason { get; init; }

    /// <summary>Gets, per uncertain input (JSON name), how many draws fell outside its valid range and were redrawn.</summary>
    public required IReadOnlyList<(string Input, int Redraws)> Redraws { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>();
            fields.AddRange(Outputs.Select(o => new ResultField(o.Key, o.Label + " (median)", o.P50, o.Unit)));
            fields.Add(new ResultField("samples", "Samples", Samples, "samples"));
            fields.Add(new ResultField("infeasibleSamples", "Infeasible samples", InfeasibleSamples, "samples"));
            foreach ((string input, int redraws) in Redraws)
            {
                fields.Add(new ResultField("redraws." + input, $"Redraws of {input} (outside its range)", redraws, "draws"));
            }

            foreach (OutputDistribution o in Outputs)
            {
                string prefix = "distribution." + o.Key + ".";
                fields.Add(new ResultField(prefix + "p5", o.Label + " p5", o.P5, o.Unit));
                fields.Add(new ResultField(prefix + "p25", o.Label + " p25", o.P25, o.Unit));
                fields.Add(new ResultField(prefix + "p50", o.Label + " p50", o.P50, o.Unit));
                fields.Add(new ResultField(prefix + "p75", o.Label + " p75", o.P75, o.Unit));
                fields.Add(new ResultField(prefix + "p95", o.Label + " p95", o.P95, o.Unit));
                fields.Add(new ResultField(prefix + "mean", o.Label + " mean", o.Mean, o.Unit));
            }

            return fields;
        }
    }

    /// <summary>Gets an output's distribution by key, or <see langword="null"/>.</summary>
    /// <param name="key">The JSON key.</param>
    /// <returns>The distribution.</returns>
    public OutputDistribution? Get(string key) => Outputs.FirstOrDefault(o => o.Key == key);
}
