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

    /// <summary>Above this many rows, the starts are screened on a stratified subsample (<see cref="ScreeningRows"/>).</summary>
    public const int LargeRows = 5_000;

    /// <summary>The rows of the stratified subsample the starts of a large table are screened on.</summary>
    public const int ScreeningRows = 4_000;

    /// <summary>The best subsample optima (distinct starts) refined on all rows of a large table.</summary>
    public const int Refined = 3;

    /// <summary>
    /// Runs the grid and returns the best converged start. When <paramref name="options"/> are tighter than
    /// <see cref="Screening"/>, every start is first run to the screening tolerances, then the best
    /// <see cref="Polished"/> (by objective, ties by start index) are continued to <paramref name="options"/> and the best
    /// converged of those wins; otherwise every start runs to <paramref name="options"/> directly. A table of more than
    /// <see cref="LargeRows"/> rows (or <paramref name="screeningRows"/>, when given and smaller than the table) runs
    /// that grid on a stratified subsample, then refines the <see cref="Refined"/> best subsample optima on all rows
    /// (<see cref="RunLarge"/>).
    /// </summary>
    public static ChinchillaFit Run(FitData data, double delta, bool mean, MinimizerOptions options, IProgress<double>? progress, int? maxDegreeOfParallelism = null, int? screeningRows = null)
    {
        int sampleRows = screeningRows ?? (data.Count > LargeRows ? ScreeningRows : data.Count);
        if (sampleRows < data.Count)
        {
            return RunLarge(data, sampleRows, delta, mean, options, progress, maxDegreeOfParallelism);
        }

        GridRun grid = RunGrid(data, delta, mean, options, progress, maxDegreeOfParallelism);
        progress?.Report(1);
        int winner = grid.Ranked.Length == 0 ? -1 : grid.Ranked[0];
        double[] x = winner < 0 ? new double[5] : grid.Points.AsSpan(winner * 5, 5).ToArray();
        MinimizerResult best = winner < 0 ? new MinimizerResult(double.PositiveInfinity, 0, 0, ExitReason.MaxIterations) : grid.Outcomes[winner].Result;
        return Result(x, best, grid.Converged, winner < 0 ? 0 : grid.Outcomes[winner].Iterations);
    }

    /// <summary>
    /// A large table: the 4,500 starts (and the polish of the best 20) run on a stratified subsample of
    /// <paramref name="sampleRows"/> rows (<see cref="Stratified"/>); the <see cref="Refined"/> best converged
    /// subsample optima are then continued to <paramref name="options"/> on all rows, the rows split into fixed chunks
    /// evaluated in parallel and summed in order (so the result does not depend on the core count); the lowest
    /// all-row objective among converged refinements wins, ties to the better subsample rank.
    /// </summary>
    private static ChinchillaFit RunLarge(FitData data, int sampleRows, double delta, bool mean, MinimizerOptions options, IProgress<double>? progress, int? maxDegreeOfParallelism)
    {
        const double ScreeningShare = 0.4;
        FitData sample = Stratified(data, sampleRows);
        IProgress<double>? screening = progress is null ? null : new Scaled(progress, 0, ScreeningShare);
        GridRun grid = RunGrid(sample, delta, mean, options, screening, maxDegreeOfParallelism);
        int[] refine = grid.Ranked.Take(Refined).ToArray();
        var all = new ChunkedObjective(data, delta, mean, maxDegreeOfParallelism);
        var minimizer = new LbfgsMinimizer(5);
        int winner = -1;
        double[] bestX = new double[5];
        MinimizerResult best = new(double.PositiveInfinity, 0, 0, ExitReason.MaxIterations);
        int iterations = 0;
        for (int k = 0; k < refine.Length; k++)
        {
            double[] x = grid.Points.AsSpan(refine[k] * 5, 5).ToArray();
            MinimizerResult result = minimizer.Minimize(all, x, options);
            if (result.Reason == ExitReason.Converged && (winner < 0 || result.Value < best.Value))
            {
                winner = k;
                best = result;
                bestX = x;
                iterations = grid.Outcomes[refine[k]].Iterations + result.Iterations;
            }

            progress?.Report(ScreeningShare + ((1 - ScreeningShare) * (k + 1) / refine.Length));
        }

        progress?.Report(1);
        return Result(bestX, best, grid.Converged, iterations) with { ScreeningRows = sample.Count };
    }

    /// <summary>
    /// A stratified subsample of <paramref name="count"/> rows: the rows sorted by ln N are cut into √count strata of
    /// equal size; within each, the rows sorted by ln D are cut into equal sub-strata and the middle row of each is
    /// taken. The subsample spans the table's range of N and D and is the same on every run.
    /// </summary>
    internal static FitData Stratified(FitData data, int count)
    {
        int n = data.Count;
        int[] byN = Enumerable.Range(0, n).ToArray();
        Array.Sort(byN, Comparer<int>.Create((p, q) => data.RawParameters[p] != data.RawParameters[q] ? data.RawParameters[p].CompareTo(data.RawParameters[q]) : p.CompareTo(q)));
        int strata = Math.Max(1, (int)Math.Sqrt(count));
        var picked = new List<int>(count);
        for (int s = 0; s < strata; s++)
        {
            int from = (int)((long)n * s / strata);
            int to = (int)((long)n * (s + 1) / strata);
            int want = (int)((long)count * (s + 1) / strata) - (int)((long)count * s / strata);
            int[] stratum = byN[from..to];
            Array.Sort(stratum, Comparer<int>.Create((p, q) => data.RawTokens[p] != data.RawTokens[q] ? data.RawTokens[p].CompareTo(data.RawTokens[q]) : p.CompareTo(q)));
            int size = stratum.Length;
            for (int j = 0; j < want && j < size; j++)
            {
                picked.Add(stratum[(int)(((2L * j) + 1) * size / (2L * want))]);
            }
        }

        picked.Sort();
        double[] parameters = new double[picked.Count];
        double[] tokens = new double[picked.Count];
        double[] loss = new double[picked.Count];
        for (int i = 0; i < picked.Count; i++)
        {
            parameters[i] = data.RawParameters[picked[i]];
            tokens[i] = data.RawTokens[picked[i]];
            loss[i] = data.RawLoss[picked[i]];
        }

        return new FitData(parameters, tokens, loss);
    }

    private static ChinchillaFit Result(double[] x, MinimizerResult best, int converged, int iterations) => new()
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
        Iterations = iterations,
    };

    /// <summary>Every start run (two-stage when the options allow); <see cref="GridRun.Ranked"/> lists the converged candidates best first.</summary>
    private static GridRun RunGrid(FitData data, double delta, bool mean, MinimizerOptions options, IProgress<double>? progress, int? maxDegreeOfParallelism)
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
        int[] ranked = candidates
            .Where(index => outcomes[index].Result.Reason == ExitReason.Converged)
            .Order()
            .OrderBy(index => outcomes[index].Result.Value)
            .ToArray();
        return new GridRun(outcomes, points, ranked, converged);
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

    private sealed record GridRun(Outcome[] Outcomes, double[] Points, int[] Ranked, int Converged);

    /// <summary>Maps a stage's progress in [0, 1] onto [from, from + share] of the whole.</summary>
    private sealed class Scaled(IProgress<double> inner, double from, double share) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (share * value));
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
