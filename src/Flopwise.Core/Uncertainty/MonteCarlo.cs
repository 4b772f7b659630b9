using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Uncertainty;

/// <summary>
/// Runs a calculation over joint samples of its uncertain inputs and summarises every numeric output by its
/// percentiles and mean.
/// </summary>
/// <remarks>
/// <para>
/// Sampling: each uncertain input has its own SplitMix64 stream, seeded from the run's seed and the input's name, and
/// sample j of it starts from a state derived from j, so draws depend on neither the core count nor which other
/// inputs are uncertain. The uniforms are a Latin hypercube (sample j lies in its own one of n equal-probability
/// strata of each input, the strata shuffled per input), and a draw maps u in (0, 1) through the inverse CDF; a count input's draw is rounded to a
/// whole number; a draw outside the input's valid range (an MFU above 1) is redrawn from the same stream and counted.
/// </para>
/// <para>
/// Evaluation: samples are evaluated in parallel chunks into arrays indexed by sample, and summarised in sample
/// order, so the result is identical for a given seed whatever the core count. A sample the calculation rejects
/// (e.g. a target loss below the law's E) is counted as infeasible with the most common reason; the percentiles are
/// over the feasible samples. Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7).
/// </para>
/// </remarks>
public static class MonteCarlo
{
    /// <summary>The default number of samples.</summary>
    public const int DefaultSamples = 10_000;

    /// <summary>The largest number of samples (docs/formulas.md, "Uncertainty": <c>--samples</c> ≤ 1e6).</summary>
    public const int MaxSamples = 1_000_000;

    private const int MaxDrawsPerSample = 1000;

    /// <summary>Gets the <c>--samples</c> input.</summary>
    public static InputSpec SamplesInput { get; } = InputSpec.Count("samples", "Monte Carlo samples", "Joint samples drawn when any input is a distribution.", MaxSamples, DefaultSamples) with
    {
        Unit = "samples",
        Source = "Flopwise default",
    };

    /// <summary>Gets the <c>--seed</c> input.</summary>
    public static InputSpec SeedInput { get; } = new()
    {
        Name = "seed",
        Label = "Random seed",
        Description = "Seed of the Monte Carlo draws; the same seed gives the same result on any machine.",
        Minimum = 0,
        MinimumInclusive = true,
        Maximum = int.MaxValue,
        IsInteger = true,
        Default = 0,
        Source = "Flopwise default (docs/formulas.md, \"Uncertainty\": every stochastic function takes a seed, default 0)",
    };

    /// <summary>Runs <paramref name="evaluate"/> over joint samples.</summary>
    /// <param name="fixedValues">The inputs given as numbers.</param>
    /// <param name="uncertain">The inputs given as distributions (at least one).</param>
    /// <param name="evaluate">The calculation: inputs → result or errors.</param>
    /// <param name="samples">How many joint samples (1 to <see cref="MaxSamples"/>).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">Cores to use; <see langword="null"/> for all (the result does not depend on it).</param>
    /// <param name="sensitivityOutput">
    /// An output's JSON key (e.g. <c>costUsd</c>) whose sensitivity to each uncertain input to report: its value with that
    /// input at its 5th and at its 95th percentile and the others at their medians (a tornado), and the Spearman rank
    /// correlation of input and output over the samples; <see langword="null"/> for none.
    /// </param>
    /// <param name="maxStoredValues">
    /// The most values the run may hold, counted as samples × the calculation's numeric outputs (each a double, held once
    /// by sample and once sorted); more is an error of <c>samples</c>, found after the first feasible sample and before the
    /// others are evaluated. <see langword="null"/> for no limit beyond <see cref="MaxSamples"/>.
    /// </param>
    /// <param name="cancellationToken">Stops the run between chunks of samples (throws <see cref="OperationCanceledException"/>); it never changes a result.</param>
    /// <returns>
    /// The summary, or an error when an input's draws fall almost all outside its range, every sample is infeasible, the
    /// sensitivity output is unknown (found before the samples are evaluated), or the run would hold more than
    /// <paramref name="maxStoredValues"/>.
    /// </returns>
    public static Outcome<MonteCarloResult> Run(
        InputValues fixedValues,
        IReadOnlyList<UncertainInput> uncertain,
        Func<InputValues, Outcome<ICalculationResult>> evaluate,
        int samples,
        int seed,
        int? maxDegreeOfParallelism = null,
        string? sensitivityOutput = null,
        long? maxStoredValues = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixedValues);
        ArgumentNullException.ThrowIfNull(uncertain);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, MaxSamples);
        if (uncertain.Count == 0)
        {
            throw new ArgumentException("At least one input must be uncertain.", nameof(uncertain));
        }

        var draws = new double[uncertain.Count][];
        var redraws = new int[uncertain.Count];
        for (int i = 0; i < uncertain.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FieldError? error = Draw(uncertain[i], samples, seed, out draws[i], out redraws[i]);
            if (error is not null)
            {
                return Outcome<MonteCarloResult>.Failure([error]);
            }
        }

        InputValues Sample(int j)
        {
            InputValues values = fixedValues;
            for (int i = 0; i < uncertain.Count; i++)
            {
                values = values.With(uncertain[i].Spec, draws[i][j]);
            }

            return values;
        }

        // The first feasible sample fixes the outputs and the assumptions reported.
        ICalculationResult? first = null;
        int firstIndex = 0;
        for (; firstIndex < samples && first is null; firstIndex++)
        {
            first = evaluate(Sample(firstIndex)).Value;
        }

        if (first is null)
        {
            FieldError firstError = evaluate(Sample(0)).Errors[0];
            return Outcome<MonteCarloResult>.Failure([firstError with { Problem = "makes every sample infeasible: " + firstError.Problem }]);
        }

        ResultField[] keys = [.. first.Fields.Where(f => !f.IsBoolean && f.Text is null)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < keys.Length; k++)
        {
            index[keys[k].Key] = k;
        }

        // Checked before the samples are evaluated: an unknown output, or more values than the caller allows.
        if (sensitivityOutput is not null && !index.ContainsKey(sensitivityOutput))
        {
            string known = string.Join(", ", keys.Select(k => k.Key));
            string? closest = Suggestions.Closest(sensitivityOutput, [.. keys.Select(k => k.Key)]).FirstOrDefault();
            return Outcome<MonteCarloResult>.Failure([new FieldError(
                "sensitivity",
                "is not a numeric output of this calculation",
                sensitivityOutput,
                "one of " + known + (closest is null ? string.Empty : $"; did you mean {closest}?"))]);
        }

        if (maxStoredValues is long limit && (long)samples * keys.Length > limit)
        {
            long most = Math.Max(1, limit / Math.Max(1, keys.Length));
            return Outcome<MonteCarloResult>.Failure([new FieldError(
                SamplesInput.Name,
                string.Create(CultureInfo.InvariantCulture, $"is too many for this calculation's {keys.Length} outputs ({(long)samples * keys.Length:N0} values to hold; the limit is {limit:N0})"),
                samples.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"at most {most:N0} samples for these inputs (samples × outputs ≤ {limit:N0})"))]);
        }

        string[] firstKeys = [.. first.Fields.Select(f => f.Key)];
        int[] positions = [.. firstKeys.Select(key => index.TryGetValue(key, out int k) ? k : -1)];
        var values = new double[keys.Length][];
        for (int k = 0; k < keys.Length; k++)
        {
            values[k] = new double[samples];
        }

        var failures = new string?[samples];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,

            // The caller's scheduler (the thread pool unless the caller runs this on its own threads, as the web does).
            TaskScheduler = TaskScheduler.Current,
        };
        int chunk = Math.Max(64, samples / (8 * Environment.ProcessorCount));
        int chunks = (samples + chunk - 1) / chunk;
        // The samples' assumptions are never reported (the first sample's are), so they are not built.
        Parallel.For(0, chunks, options, c => ResolvedInputs.Quiet(() =>
        {
            int end = Math.Min(samples, (c + 1) * chunk);
            for (int j = c * chunk; j < end; j++)
            {
                for (int k = 0; k < keys.Length; k++)
                {
                    values[k][j] = double.NaN;
                }

                Outcome<ICalculationResult> outcome = evaluate(Sample(j));
                if (outcome.Value is not ICalculationResult result)
                {
                    FieldError e = outcome.Errors[0];
                    failures[j] = $"--{e.Field}: {e.Problem}";
                    continue;
                }

                IReadOnlyList<ResultField> fields = result.Fields;
                for (int f = 0; f < fields.Count; f++)
                {
                    // Fast path: the same key object at the same position as in the first sample.
                    int k = f < firstKeys.Length && ReferenceEquals(fields[f].Key, firstKeys[f]) ? positions[f]
                        : index.TryGetValue(fields[f].Key, out int found) ? found : -1;
                    if (k >= 0 && !fields[f].IsBoolean && fields[f].Text is null)
                    {
                        values[k][j] = fields[f].Value;
                    }
                }
            }
        }));

        int infeasible = failures.Count(f => f is not null);
        string? reason = failures.Where(f => f is not null).GroupBy(f => f, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var outputs = new List<OutputDistribution>(keys.Length);
        var sortedValues = new Dictionary<string, double[]>(StringComparer.Ordinal);
        // Each output's sort is independent of the others (and dominates this step: 100,000 values each), so they run
        // in parallel into slots by output; the results are then assembled in output order.
        var sortedByOutput = new double[keys.Length][];
        var means = new double[keys.Length];
        Parallel.For(0, keys.Length, options, k =>
        {
            double[] present = [.. values[k].Where(v => !double.IsNaN(v))];
            if (present.Length > 0)
            {
                means[k] = present.Average();
                Array.Sort(present);
            }

            sortedByOutput[k] = present;
        });
        for (int k = 0; k < keys.Length; k++)
        {
            double[] present = sortedByOutput[k];
            if (present.Length == 0)
            {
                continue;
            }

            double mean = means[k];
            sortedValues[keys[k].Key] = present;
            outputs.Add(new OutputDistribution(
                keys[k].Key,
                keys[k].Label,
                keys[k].Unit,
                present.Length,
                Percentile(present, 0.05),
                Percentile(present, 0.25),
                Percentile(present, 0.50),
                Percentile(present, 0.75),
                Percentile(present, 0.95),
                mean));
        }

        IReadOnlyList<InputSensitivity> sensitivity = [];
        if (sensitivityOutput is not null)
        {
            sensitivity = Sensitivity(fixedValues, uncertain, evaluate, draws, values[index[sensitivityOutput]], sensitivityOutput);
        }

        return Outcome<MonteCarloResult>.Success(new MonteCarloResult
        {
            Outputs = outputs,
            SortedValues = sortedValues,
            SensitivityOutput = sensitivityOutput,
            Sensitivity = sensitivity,
            Samples = samples,
            InfeasibleSamples = infeasible,
            InfeasibleReason = reason,
            Redraws = [.. uncertain.Select((u, i) => (u.Spec.JsonName, redraws[i]))],
            Assumptions = Assumptions(first.Assumptions, uncertain, samples, seed, infeasible, reason),
        });
    }

    /// <summary>The tornado and rank correlations of one output (see <see cref="Run"/>).</summary>
    private static List<InputSensitivity> Sensitivity(
        InputValues fixedValues,
        IReadOnlyList<UncertainInput> uncertain,
        Func<InputValues, Outcome<ICalculationResult>> evaluate,
        double[][] draws,
        double[] output,
        string key)
    {
        double[][] sortedDraws = [.. draws.Select(d => d.Order().ToArray())];
        double InputAt(int i, double p)
        {
            double x = Percentile(sortedDraws[i], p);
            return uncertain[i].Spec.IsInteger ? Math.Round(x, MidpointRounding.AwayFromZero) : x;
        }

        InputValues medians = fixedValues;
        for (int i = 0; i < uncertain.Count; i++)
        {
            medians = medians.With(uncertain[i].Spec, InputAt(i, 0.5));
        }

        double? OutputWith(int i, double x) =>
            evaluate(medians.With(uncertain[i].Spec, x)).Value?.Fields.FirstOrDefault(f => f.Key == key)?.Value;

        var list = new List<InputSensitivity>(uncertain.Count);
        for (int i = 0; i < uncertain.Count; i++)
        {
            double low = InputAt(i, 0.05);
            double high = InputAt(i, 0.95);
            double? atLow = OutputWith(i, low);
            double? atHigh = OutputWith(i, high);
            list.Add(new InputSensitivity(
                uncertain[i].Spec.JsonName,
                uncertain[i].Spec.Label,
                low,
                high,
                atLow,
                atHigh,
                atLow is double a && atHigh is double b ? Math.Abs(b - a) : 0,
                SpearmanOverFeasible(draws[i], output)));
        }

        return [.. list.OrderByDescending(s => s.Swing).ThenBy(s => s.Input, StringComparer.Ordinal)];
    }

    /// <summary>Spearman's rank correlation of x and y over the pairs where y is not NaN (average ranks for ties).</summary>
    internal static double SpearmanOverFeasible(double[] x, double[] y)
    {
        var pairs = new List<(double X, double Y)>(x.Length);
        for (int j = 0; j < x.Length; j++)
        {
            if (!double.IsNaN(y[j]))
            {
                pairs.Add((x[j], y[j]));
            }
        }

        if (pairs.Count < 3)
        {
            return double.NaN;
        }

        double[] rx = Ranks([.. pairs.Select(p => p.X)]);
        double[] ry = Ranks([.. pairs.Select(p => p.Y)]);
        double mean = (pairs.Count + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int j = 0; j < rx.Length; j++)
        {
            sxy += (rx[j] - mean) * (ry[j] - mean);
            sxx += (rx[j] - mean) * (rx[j] - mean);
            syy += (ry[j] - mean) * (ry[j] - mean);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(j => values[j])];
        var ranks = new double[values.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Returns the type-7 percentile of sorted values.</summary>
    /// <param name="sorted">The values, ascending.</param>
    /// <param name="p">The probability in [0, 1].</param>
    /// <returns>The percentile.</returns>
    internal static double Percentile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>Draws the samples of one input.</summary>
    internal static FieldError? Draw(UncertainInput input, int samples, int seed, out double[] draws, out int redraws)
    {
        draws = new double[samples];
        redraws = 0;
        ulong stream = Mix(((ulong)(uint)seed << 32) ^ Fnv(input.Spec.Name));

        // Latin hypercube: sample j falls in stratum strata[j] of n equal-probability strata, a permutation drawn from
        // the input's own stream, so each input's percentiles are right to about 1/n while inputs stay independent.
        var strata = new int[samples];
        for (int j = 0; j < samples; j++)
        {
            strata[j] = j;
        }

        ulong shuffle = stream;
        for (int j = samples - 1; j > 0; j--)
        {
            int k = (int)(SplitMix64(ref shuffle) % (ulong)(j + 1));
            (strata[j], strata[k]) = (strata[k], strata[j]);
        }

        for (int j = 0; j < samples; j++)
        {
            ulong state = Mix(stream ^ unchecked((ulong)j * 0xD1B54A32D192ED03UL));
            int attempt = 0;
            while (true)
            {
                double v = ((SplitMix64(ref state) >> 11) + 0.5) * (1.0 / (1UL << 53));
                double u = attempt == 0 ? (strata[j] + v) / samples : v;
                double x = input.Distribution.Quantile(u);
                if (input.Spec.IsInteger)
                {
                    x = Math.Round(x, MidpointRounding.AwayFromZero);
                }

                if (input.Spec.Check(x) is null)
                {
                    draws[j] = x;
                    break;
                }

                // A redraw leaves the stratum: the range cut changes the distribution anyway.

                redraws++;
                if (++attempt >= MaxDrawsPerSample)
                {
                    return new FieldError(
                        input.Spec.Name,
                        $"draws almost only values outside its valid range ({MaxDrawsPerSample} draws in a row)",
                        input.Text,
                        "a distribution mostly within " + input.Spec.Expected);
                }
            }
        }

        return null;
    }

    private static List<Assumption> Assumptions(IReadOnlyList<Assumption> pointAssumptions, IReadOnlyList<UncertainInput> uncertain, int samples, int seed, int infeasible, string? reason)
    {
        var byName = uncertain.ToDictionary(u => u.Spec.JsonName, StringComparer.Ordinal);
        var list = new List<Assumption>(pointAssumptions.Count + 3);
        foreach (Assumption a in pointAssumptions)
        {
            list.Add(byName.TryGetValue(a.Name, out UncertainInput? u)
                ? a with { Value = null, Text = u.Distribution.Describe(), IsDefault = false, Source = null }
                : a);
        }

        list.Add(new Assumption
        {
            Name = "monteCarlo",
            Label = "Monte Carlo",
            Text = string.Create(CultureInfo.InvariantCulture, $"{samples} joint samples, seed {seed}"),
            Description = "Each uncertain input is sampled independently by its inverse CDF from its own SplitMix64 stream, as a Latin hypercube (one sample per equal-probability stratum); count inputs are rounded, "
                + "draws outside an input's valid range are redrawn and counted; outputs are summarised by percentiles (type 7) and the mean, "
                + "the top-level fields holding the medians.",
            IsDefault = true,
        });
        if (infeasible > 0)
        {
            list.Add(new Assumption
            {
                Name = "infeasibleSamples",
                Label = "Infeasible samples",
                Value = infeasible,
                Description = $"Samples the calculation rejected, left out of the percentiles; most often: {reason}.",
                IsDefault = false,
            });
        }

        return list;
    }

    private static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }
}
