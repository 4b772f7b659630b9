namespace Flopwise.Fitting;

/// <summary>
/// Hoffmann's 4500-start grid (α, β ∈ {0, 0.5, …, 2}; e ∈ {−1, −0.5, …, 1}; a, b ∈ {0, 5, …, 25}), run in fixed
/// chunks across cores with an ordered reduction: the lowest objective among converged starts wins, ties to the
/// lower start index. The result does not depend on the core count.
/// </summary>
internal static class HuberGrid
{
    /// <summary>The number of grid starts, 6·6·5·5·5.</summary>
    public const int Starts = 4500;

    /// <summary>The number of starts per chunk (fixed, so chunking never depends on the machine).</summary>
    public const int ChunkSize = 75;

    /// <summary>Hoffmann et al.'s unrounded constants in log space (a, b, e, α, β): REFERENCE.md §6.2.</summary>
    public static ReadOnlySpan<double> HoffmannUnrounded => [6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083];

    /// <summary>Writes start <paramref name="index"/> (a, b, e, α, β) into <paramref name="x"/>; the order is a, b, e, α, β nested, β fastest.</summary>
    public static void Start(int index, Span<double> x)
    {
        int beta = index % 5;
        int alpha = index / 5 % 5;
        int e = index / 25 % 5;
        int b = index / 125 % 6;
        int a = index / 750;
        x[0] = 5.0 * a;
        x[1] = 5.0 * b;
        x[2] = -1 + (0.5 * e);
        x[3] = 0.5 * alpha;
        x[4] = 0.5 * beta;
    }

    /// <summary>Runs the grid and returns the best converged start.</summary>
    public static ChinchillaFit Run(FitData data, double delta, bool mean, MinimizerOptions options, IProgress<double>? progress, int? maxDegreeOfParallelism = null)
    {
        int chunks = Starts / ChunkSize;
        var best = new ChunkBest[chunks];
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(
            0,
            chunks,
            parallel,
            () => new Worker(data, delta, mean),
            (chunk, _, worker) =>
            {
                best[chunk] = worker.RunChunk(chunk * ChunkSize, ChunkSize, options);
                if (progress is not null)
                {
                    progress.Report((double)Interlocked.Increment(ref done) / chunks);
                }

                return worker;
            },
            _ => { });

        ChunkBest winner = best[0];
        int converged = best[0].Converged;
        for (int c = 1; c < chunks; c++)
        {
            converged += best[c].Converged;
            if (Better(best[c], winner))
            {
                winner = best[c];
            }
        }

        double[] x = winner.X ?? new double[5];
        return new ChinchillaFit
        {
            A = Math.Exp(x[0]),
            B = Math.Exp(x[1]),
            E = Math.Exp(x[2]),
            Alpha = x[3],
            Beta = x[4],
            Objective = winner.Objective,
            Starts = Starts,
            ConvergedStarts = converged,
            ExitReason = winner.Reason,
            Iterations = winner.Iterations,
        };
    }

    private static bool Better(in ChunkBest candidate, in ChunkBest incumbent)
    {
        if (candidate.X is null)
        {
            return false;
        }

        if (incumbent.X is null)
        {
            return true;
        }

        // Chunks are visited in index order, so an equal objective keeps the earlier (lower-index) start.
        return candidate.Objective < incumbent.Objective;
    }

    private readonly record struct ChunkBest(double[]? X, double Objective, int Index, int Iterations, ExitReason Reason, int Converged);

    private sealed class Worker(FitData data, double delta, bool mean)
    {
        private readonly HuberObjective _objective = HuberObjective.For(data, delta, mean);
        private readonly LbfgsMinimizer _minimizer = new(5);
        private readonly double[] _x = new double[5];

        public ChunkBest RunChunk(int first, int count, MinimizerOptions options)
        {
            double[]? bestX = null;
            double bestValue = double.PositiveInfinity;
            int bestIndex = -1;
            int bestIterations = 0;
            ExitReason bestReason = ExitReason.MaxIterations;
            int converged = 0;
            for (int index = first; index < first + count; index++)
            {
                Start(index, _x);
                MinimizerResult result = _minimizer.Minimize(_objective, _x, options);
                if (result.Reason != ExitReason.Converged)
                {
                    continue;
                }

                converged++;
                if (result.Value < bestValue)
                {
                    bestValue = result.Value;
                    bestIndex = index;
                    bestIterations = result.Iterations;
                    bestReason = result.Reason;
                    bestX ??= new double[5];
                    _x.CopyTo(bestX, 0);
                }
            }

            return new ChunkBest(bestX, bestValue, bestIndex, bestIterations, bestReason, converged);
        }
    }
}
