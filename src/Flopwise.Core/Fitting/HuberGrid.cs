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

    /// <summary>Hoffmann et al.'s unrounded constants in log space (a, b, e, α, β), from the TeX source of
    /// arXiv 2203.15556 as Epoch's notebook gives them (<c>true_params</c>,
    /// github.com/epoch-research/analyzing-chinchilla).</summary>
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

    /// <summary>The number of screened starts polished to the caller's tolerances in the two-stage run.</summary>
    public const int Polished = 20;

    /// <summary>The screening tolerances of the two-stage run: relative objective change 1e-5, at most 1000 iterations.</summary>
    public static MinimizerOptions Screening { get; } = new(1e-9, 1e-5, 0, 1000);

    /// <summary>
    /// Runs the grid and returns the best converged start. When <paramref name="options"/> are tighter than
    /// <see cref="Screening"/>, every start is first run to the screening tolerances, then the best
    /// <see cref="Polished"/> (by objective, ties by start index) are continued to <paramref name="options"/> and the best
    /// converged of those wins; otherwise every start runs to <paramref name="options"/> directly.
    /// </summary>
    public static ChinchillaFit Run(FitData data, double delta, bool mean, MinimizerOptions options, IProgress<double>? progress, int? maxDegreeOfParallelism = null)
    {
        bool twoStage = options.FunctionFloor == 0
            && options.FunctionTolerance < Screening.FunctionTolerance
            && options.GradientTolerance <= Screening.GradientTolerance;
        MinimizerOptions first = twoStage ? Screening with { MaxIterations = Math.Min(Screening.MaxIterations, options.MaxIterations) } : options;
        int chunks = Starts / ChunkSize;
        var outcomes = new Outcome[Starts];
        double[] points = new double[Starts * 5];
        int done = 0;
        // On the caller's scheduler: the thread pool, unless the caller runs the fit on its own threads (the web does).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, TaskScheduler = TaskScheduler.Current };
        Parallel.For(
            0,
            chunks,
            parallel,
            () => new Worker(data, delta, mean),
            (chunk, _, worker) =>
            {
                for (int index = chunk * ChunkSize; index < (chunk + 1) * ChunkSize; index++)
                {
                    Span<double> x = points.AsSpan(index * 5, 5);
                    Start(index, x);
                    outcomes[index] = new Outcome(worker.Minimize(x, first));
                }

                if (progress is not null)
                {
                    progress.Report((double)Interlocked.Increment(ref done) / (twoStage ? chunks + 1 : chunks));
                }

                return worker;
            },
            _ => { });

        int[] candidates;
        if (twoStage)
        {
            candidates = SelectBest(outcomes, Polished);
            Parallel.For(
                0,
                candidates.Length,
                parallel,
                () => new Worker(data, delta, mean),
                (k, _, worker) =>
                {
                    int index = candidates[k];
                    MinimizerResult polished = worker.Minimize(points.AsSpan(index * 5, 5), options);
                    outcomes[index] = new Outcome(polished) { Iterations = outcomes[index].Result.Iterations + polished.Iterations };
                    return worker;
                },
                _ => { });
            progress?.Report(1);
        }
        else
        {
            candidates = Enumerable.Range(0, Starts).ToArray();
        }

        int converged = 0;
        foreach (Outcome outcome in outcomes)
        {
            converged += outcome.Result.Reason == ExitReason.Converged ? 1 : 0;
        }

        // Ordered reduction: the lowest objective among converged candidates, ties to the lower start index.
        int winner = -1;
        foreach (int index in candidates.Order())
        {
            if (outcomes[index].Result.Reason == ExitReason.Converged
                && (winner < 0 || outcomes[index].Result.Value < outcomes[winner].Result.Value))
            {
                winner = index;
            }
        }

        double[] x = winner < 0 ? new double[5] : points.AsSpan(winner * 5, 5).ToArray();
        MinimizerResult best = winner < 0 ? new MinimizerResult(double.PositiveInfinity, 0, 0, ExitReason.MaxIterations) : outcomes[winner].Result;
        return new ChinchillaFit
        {
            A = Math.Exp(x[0]),
            B = Math.Exp(x[1]),
            E = Math.Exp(x[2]),
            Alpha = x[3],
            Beta = x[4],
            Objective = best.Value,
            Starts = Starts,
            ConvergedStarts = converged,
            ExitReason = best.Reason,
            Iterations = winner < 0 ? 0 : outcomes[winner].Iterations,
        };
    }

    /// <summary>The <paramref name="count"/> starts with the lowest finite objective, ties by start index, in that order.</summary>
    private static int[] SelectBest(Outcome[] outcomes, int count)
    {
        var finite = new List<int>(outcomes.Length);
        for (int i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Result.Reason != ExitReason.NonFinite && double.IsFinite(outcomes[i].Result.Value))
            {
                finite.Add(i);
            }
        }

        finite.Sort((p, q) => outcomes[p].Result.Value != outcomes[q].Result.Value ? outcomes[p].Result.Value.CompareTo(outcomes[q].Result.Value) : p.CompareTo(q));
        return finite.Take(count).ToArray();
    }

    private readonly record struct Outcome(MinimizerResult Result)
    {
        public int Iterations { get; init; } = Result.Iterations;
    }

    private sealed class Worker(FitData data, double delta, bool mean)
    {
        private readonly HuberObjective _objective = HuberObjective.For(data, delta, mean);
        private readonly LbfgsMinimizer _minimizer = new(5);

        public MinimizerResult Minimize(Span<double> x, MinimizerOptions options) => _minimizer.Minimize(_objective, x, options);
    }
}
