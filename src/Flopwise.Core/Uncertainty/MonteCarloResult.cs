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

    /// <summary>Gets the output whose sensitivity is reported, or <see langword="null"/>.</summary>
    public string? SensitivityOutput { get; init; }

    /// <summary>Gets, largest swing first, each uncertain input's effect on <see cref="SensitivityOutput"/>; empty when none was asked for.</summary>
    public IReadOnlyList<InputSensitivity> Sensitivity { get; init; } = [];

    /// <summary>Gets each output's feasible sample values, sorted, by JSON key (for histograms).</summary>
    public IReadOnlyDictionary<string, double[]> SortedValues { get; init; } = new Dictionary<string, double[]>();

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

            if (SensitivityOutput is not null)
            {
                fields.Add(ResultField.Word("sensitivity.output", "Sensitivity of", SensitivityOutput));
                foreach (InputSensitivity s in Sensitivity)
                {
                    string prefix = "sensitivity.inputs." + s.Input + ".";
                    fields.Add(new ResultField(prefix + "inputP5", s.Label + " at its p5", s.InputLow, string.Empty));
                    fields.Add(new ResultField(prefix + "inputP95", s.Label + " at its p95", s.InputHigh, string.Empty));
                    if (s.OutputAtLow is double low && s.OutputAtHigh is double high)
                    {
                        fields.Add(new ResultField(prefix + "outputAtInputP5", "Output with it at p5", low, string.Empty));
                        fields.Add(new ResultField(prefix + "outputAtInputP95", "Output with it at p95", high, string.Empty));
                        fields.Add(new ResultField(prefix + "swing", "Swing", s.Swing, string.Empty));
                    }

                    if (double.IsFinite(s.RankCorrelation))
                    {
                        fields.Add(new ResultField(prefix + "rankCorrelation", "Rank correlation", s.RankCorrelation, string.Empty));
                    }
                }
            }

            return fields;
        }
    }

    /// <summary>Gets an output's distribution by key, or <see langword="null"/>.</summary>
    /// <param name="key">The JSON key.</param>
    /// <returns>The distribution.</returns>
    public OutputDistribution? Get(string key) => Outputs.FirstOrDefault(o => o.Key == key);
}
