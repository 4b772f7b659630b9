namespace Flopwise.Fitting;

/// <summary>
/// The bootstrap of Besiroglu et al. 2024 (arXiv 2404.10102; github.com/epoch-research/analyzing-chinchilla): resample
/// k draws n row indices with replacement from a SplitMix64 stream seeded by (seed, k), then one BFGS refit of the
/// summed Huber from Hoffmann's unrounded constants (Epoch used SciPy's BFGS). Each resample depends only on (seed, k),
/// results are stored by k, and statistics are reduced in k order, so the result does not depend on the core count.
/// </summary>
internal static class Bootstrapper
{
    /// <summary>The statistic keys, in output order.</summary>
    public static readonly string[] Keys = ["E", "A", "B", "alpha", "beta", "parametersExponent"];

    private const int ChunkSize = 50;

    public static BootstrapFit Run(FitData data, int resamples, int seed, double delta, IProgress<double>? progress, int? maxDegreeOfParallelism = null)
    {
        int n = data.Count;
        double[] logN = new double[n];
        double[] logD = new double[n];
        double[] logL = new double[n];
        for (int i = 0; i < n; i++)
        {
            logN[i] = Math.Log(data.RawParameters[i]);
            logD[i] = Math.Log(data.RawTokens[i]);
            logL[i] = Math.Log(data.RawLoss[i]);
        }

        double[] values = new double[resamples * Keys.Length];
        bool[] ok = new bool[resamples];
        int chunks = (resamples + ChunkSize - 1) / ChunkSize;
        int done = 0;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, TaskScheduler = TaskScheduler.Current },
            () => (Objective: new HuberObjective(n, delta, mean: false), Minimizer: new BfgsMinimizer(5), X: new double[5]),
            (chunk, _, w) =>
            {
                int end = Math.Min(resamples, (chunk + 1) * ChunkSize);
                for (int k = chunk * ChunkSize; k < end; k++)
                {
                    LoadResample(w.Objective, logN, logD, logL, seed, k);
                    HuberGrid.HoffmannUnrounded.CopyTo(w.X);
                    MinimizerResult result = w.Minimizer.Minimize(w.Objective, w.X, MinimizerOptions.Tight);
                    ok[k] = result.Reason == ExitReason.Converged;
                    Span<double> row = values.AsSpan(k * Keys.Length, Keys.Length);
                    row[0] = Math.Exp(w.X[2]);
                    row[1] = Math.Exp(w.X[0]);
                    row[2] = Math.Exp(w.X[1]);
                    row[3] = w.X[3];
                    row[4] = w.X[4];
                    row[5] = w.X[4] / (w.X[3] + w.X[4]);
                }

                if (progress is not null)
                {
                    progress.Report((double)Interlocked.Increment(ref done) / chunks);
                }

                return w;
            },
            _ => { });

        int converged = ok.Count(x => x);
        var se = new Dictionary<string, double>(StringComparer.Ordinal);
        var ci = new Dictionary<string, (double Low, double High)>(StringComparer.Ordinal);
        double[] column = new double[converged];
        for (int p = 0; p < Keys.Length; p++)
        {
            int c = 0;
            for (int k = 0; k < resamples; k++)
            {
                if (ok[k])
                {
                    column[c++] = values[(k * Keys.Length) + p];
                }
            }

            se[Keys[p]] = StandardDeviation(column);
            Array.Sort(column);
            ci[Keys[p]] = (Percentile(column, 2.5), Percentile(column, 97.5));
        }

        return new BootstrapFit { Resamples = resamples, Converged = converged, Seed = seed, StandardErrors = se, Ci95 = ci };
    }

    /// <summary>Loads resample <paramref name="k"/> of the rows (log N, log D, log L) into <paramref name="objective"/>.</summary>
    internal static void LoadResample(HuberObjective objective, double[] logN, double[] logD, double[] logL, int seed, int k)
    {
        int n = logN.Length;
        ulong state = unchecked(((ulong)(uint)seed << 32) ^ (ulong)k ^ 0x9E3779B97F4A7C15UL);
        Span<double> rn = objective.LogN;
        Span<double> rd = objective.LogD;
        Span<double> rl = objective.LogL;
        for (int i = 0; i < n; i++)
        {
            int j = (int)(SplitMix64(ref state) % (ulong)n);
            rn[i] = logN[j];
            rd[i] = logD[j];
            rl[i] = logL[j];
        }

        objective.Load(n);
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a small, fixed generator, so draws never change with the runtime.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Sample standard deviation (ddof 1), summed in index order; NaN with fewer than 2 values.</summary>
    internal static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>Percentile with linear interpolation between order statistics (NumPy's default) of sorted values.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = percent / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
