namespace Flopwise.Fitting;

/// <summary>
/// Fits Chinchilla-form scaling laws to training runs: Approach 3 as Epoch ran it (Besiroglu et al. 2024, arXiv
/// 2404.10102; their notebook github.com/epoch-research/analyzing-chinchilla, <c>data_analysis.ipynb</c>), the Huber
/// likelihood, the bootstrap, and Approach 2 (IsoFLOP).
/// </summary>
/// <remarks>
/// Sources: Hoffmann et al. 2022 (arXiv 2203.15556) App. D.2; Besiroglu et al. 2024 (arXiv 2404.10102) and
/// epoch-research/analyzing-chinchilla <c>data_analysis.ipynb</c>. All methods are deterministic and thread-safe;
/// parallel work uses fixed chunks and an ordered reduction, so results do not depend on the number of cores.
/// </remarks>
public static partial class Fit
{
    /// <summary>The Huber δ Epoch used, 1e-3.</summary>
    public const double DefaultDelta = 1e-3;

    /// <summary>The likelihood fit stops when ‖∇f‖₂ over (a, b, e, α, β, s) is at most this.</summary>
    internal const double LikelihoodGradientTolerance = 1e-8;

    private static MinimizerOptions LikelihoodOptions { get; } = new(LikelihoodGradientTolerance, 1e-15, 0, 5000);

    /// <summary>
    /// Summed-Huber fit from Hoffmann's 4500-start grid: for each start, L-BFGS with an analytic gradient; the best
    /// converged start is kept (ties broken by start index).
    /// </summary>
    /// <param name="data">The runs (N, D, loss).</param>
    /// <param name="delta">Huber δ on log-loss residuals (&gt; 0; default 1e-3).</param>
    /// <param name="progress">Receives the fraction of starts done, in [0, 1]; may be <see langword="null"/>.</param>
    /// <returns>The fit; its <see cref="ChinchillaFit.Objective"/> is the summed Huber loss.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not finite and positive.</exception>
    public static ChinchillaFit Huber(FitData data, double delta = DefaultDelta, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Positive(delta, nameof(delta));
        return HuberGrid.Run(data, delta, mean: false, MinimizerOptions.Tight, progress);
    }

    /// <summary>
    /// The pitfall Besiroglu et al. 2024 (arXiv 2404.10102) describe and marin-community/marin PR #749 hit: the
    /// <em>mean</em> Huber loss from the same grid, stopped with SciPy-default-like absolute tolerances (gradient 1e-5,
    /// relative objective change 2.2e-9).
    /// </summary>
    /// <param name="data">The runs (N, D, loss).</param>
    /// <param name="delta">Huber δ on log-loss residuals (&gt; 0; default 1e-3).</param>
    /// <returns>The fit; its <see cref="ChinchillaFit.Objective"/> is the mean Huber loss.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not finite and positive.</exception>
    public static ChinchillaFit HuberMean(FitData data, double delta = DefaultDelta)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Positive(delta, nameof(delta));
        return HuberGrid.Run(data, delta, mean: true, MinimizerOptions.SciPyDefault, progress: null);
    }

    /// <summary>
    /// Epoch's reported estimate: maximises the Huber likelihood over (a, b, e, α, β, s), σ = e^s, with BFGS and an
    /// exact gradient from Hoffmann's unrounded constants and s = 0.
    /// </summary>
    /// <param name="data">The runs (N, D, loss).</param>
    /// <param name="delta">Huber δ (&gt; 0; default 1e-3).</param>
    /// <returns>The fit with <see cref="ChinchillaFit.LogSigma"/> and <see cref="ChinchillaFit.LogLikelihood"/>; its objective is the negative log-likelihood.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not finite and positive.</exception>
    public static ChinchillaFit Likelihood(FitData data, double delta = DefaultDelta)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Positive(delta, nameof(delta));
        var objective = new LikelihoodObjective(data, delta);
        double[] x = new double[6];
        HuberGrid.HoffmannUnrounded.CopyTo(x);
        MinimizerResult bfgs = new BfgsMinimizer(6).Minimize(objective, x, LikelihoodOptions);
        NewtonPolish.PolishResult polish = NewtonPolish.Run(objective, x, LikelihoodGradientTolerance, 50);
        MinimizerResult result = polish.Result;
        return new ChinchillaFit
        {
            A = Math.Exp(x[0]),
            B = Math.Exp(x[1]),
            E = Math.Exp(x[2]),
            Alpha = x[3],
            Beta = x[4],
            LogSigma = x[5],
            Objective = result.Value,
            LogLikelihood = -result.Value,
            Starts = 1,
            ConvergedStarts = result.Reason == ExitReason.Converged ? 1 : 0,
            ExitReason = result.Reason,
            Iterations = bfgs.Iterations + result.Iterations,
            GradientNorm = polish.GradientNorm,
            GradientFloor = polish.GradientFloor,
        };
    }

    /// <summary>
    /// Bootstrap of the summed-Huber fit: <paramref name="resamples"/> resamples with replacement of the rows, one
    /// BFGS refit each from Hoffmann's unrounded constants.
    /// </summary>
    /// <param name="data">The runs (N, D, loss).</param>
    /// <param name="resamples">The number of resamples (≥ 2).</param>
    /// <param name="seed">The seed; resample k draws from a generator seeded by (seed, k), so the result does not depend on the core count.</param>
    /// <param name="delta">Huber δ (&gt; 0; default 1e-3).</param>
    /// <param name="progress">Receives the fraction of resamples done, in [0, 1]; may be <see langword="null"/>.</param>
    /// <returns>Standard errors and 95% percentile intervals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is below 2, or <paramref name="delta"/> is not finite and positive.</exception>
    public static BootstrapFit Bootstrap(FitData data, int resamples, int seed, double delta = DefaultDelta, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        Guard.Positive(delta, nameof(delta));
        return Bootstrapper.Run(data, resamples, seed, delta, progress);
    }

    /// <summary>
    /// Approach 2 (IsoFLOP): groups runs by compute, fits loss = p₀ + p₁·x + p₂·x² with x = ln N per budget, takes
    /// the minimum, and regresses ln N_opt and ln D_opt on ln C.
    /// </summary>
    /// <param name="data">The runs; <see cref="FitData.Compute"/> is used when present, else C = 6·N·D.</param>
    /// <param name="computeBins">The number of log-spaced compute bins, or <see langword="null"/> to split where sorted ln C jumps by more than 0.1 decade.</param>
    /// <returns>The fit, with a row per budget and warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="computeBins"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">Fewer than 2 budgets have an interior minimum.</exception>
    public static IsoFlopFit IsoFlop(FitData data, int? computeBins = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (computeBins is int bins)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1, nameof(computeBins));
        }

        return IsoFlopFitter.Run(data, computeBins);
    }

    /// <summary>
    /// Epoch's 240-row subset: drops the 5 highest-loss rows (keeps loss &lt; sorted(loss)[−5]; Besiroglu et al. 2024,
    /// arXiv 2404.10102).
    /// </summary>
    /// <param name="all">The 245 digitised rows (or any set of at least 6 rows).</param>
    /// <returns>The rows whose loss is below the fifth-highest loss, in their original order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="all"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="all"/> has fewer than 6 rows.</exception>
    public static FitData Epoch240(FitData all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count < 6)
        {
            throw new ArgumentException("Value should hold at least 6 rows.", nameof(all));
        }

        double[] sorted = (double[])all.RawLoss.Clone();
        Array.Sort(sorted);
        double cut = sorted[^5];
        var n = new List<double>();
        var d = new List<double>();
        var l = new List<double>();
        List<double>? c = all.RawCompute is null ? null : [];
        for (int i = 0; i < all.Count; i++)
        {
            if (all.RawLoss[i] < cut)
            {
                n.Add(all.RawParameters[i]);
                d.Add(all.RawTokens[i]);
                l.Add(all.RawLoss[i]);
                c?.Add(all.RawCompute![i]);
            }
        }

        return new FitData([.. n], [.. d], [.. l], c?.ToArray());
    }
}
