using System.Runtime.CompilerServices;
namespace Flopwise.Fitting;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Nocedal &amp; Wright Algorithm 7.4, two-loop recursion) with a strong-Wolfe
/// line search. One instance owns its buffers and is reused across starts, so the inner loop allocates nothing.
/// Not thread-safe: use one instance per worker.
/// </summary>
internal sealed class LbfgsMinimizer
{
    private readonly int _n;
    private readonly int _m;
    private readonly double[] _g;
    private readonly double[] _xNew;
    private readonly double[] _gNew;
    private readonly double[] _d;
    private readonly double[] _s;
    private readonly double[] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;

    /// <summary>Initializes a new instance of the <see cref="LbfgsMinimizer"/> class.</summary>
    /// <param name="dimension">The number of variables.</param>
    /// <param name="memory">The number of correction pairs kept (SciPy's default is 10).</param>
    public LbfgsMinimizer(int dimension, int memory = 10)
    {
        _n = dimension;
        _m = memory;
        _g = new double[dimension];
        _xNew = new double[dimension];
        _gNew = new double[dimension];
        _d = new double[dimension];
        _s = new double[dimension * memory];
        _y = new double[dimension * memory];
        _rho = new double[memory];
        _alpha = new double[memory];
    }

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/>, which receives the result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    public MinimizerResult Minimize(Objective objective, Span<double> x, MinimizerOptions options)
    {
        int n = _n;
        int evaluations = 1;
        double f = objective.Evaluate(x, _g);
        if (!double.IsFinite(f) || !AllFinite(_g))
        {
            return new MinimizerResult(f, 0, evaluations, ExitReason.NonFinite);
        }

        int stored = 0;
        int head = 0;
        for (int iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            if (NormInf(_g) <= options.GradientTolerance)
            {
                return new MinimizerResult(f, iteration, evaluations, ExitReason.Converged);
            }

            // Two-loop recursion: d = −H·g.
            for (int j = 0; j < n; j++)
            {
                _d[j] = -_g[j];
            }

            for (int k = 0; k < stored; k++)
            {
                int slot = (head - 1 - k + _m) % _m;
                double a = _rho[slot] * Dot(_s.AsSpan(slot * n, n), _d);
                _alpha[slot] = a;
                Axpy(-a, _y.AsSpan(slot * n, n), _d);
            }

            double gamma = 1;
            if (stored > 0)
            {
                int last = (head - 1 + _m) % _m;
                ReadOnlySpan<double> yl = _y.AsSpan(last * n, n);
                gamma = Dot(_s.AsSpan(last * n, n), yl) / Dot(yl, yl);
            }

            for (int j = 0; j < n; j++)
            {
                _d[j] *= gamma;
            }

            for (int k = stored - 1; k >= 0; k--)
            {
                int slot = (head - 1 - k + _m) % _m;
                double b = _rho[slot] * Dot(_y.AsSpan(slot * n, n), _d);
                Axpy(_alpha[slot] - b, _s.AsSpan(slot * n, n), _d);
            }

            double slope = Dot(_g, _d);
            if (!(slope < 0))
            {
                // Not a descent direction: restart from steepest descent.
                stored = 0;
                for (int j = 0; j < n; j++)
                {
                    _d[j] = -_g[j];
                }

                slope = -Dot(_g, _g);
            }

            double initial = stored == 0 ? Math.Min(1, 1 / NormInf(_g)) : 1;
            double step = LineSearch.Search(objective, x, f, slope, _d, initial, _xNew, _gNew, out double fNew, ref evaluations);
            if (double.IsNaN(step))
            {
                if (stored > 0 && AllFinite(_gNew))
                {
                    // The line search can no longer measure a decrease along the quasi-Newton direction d. If the
                    // model's predicted decrease, −½∇fᵀd, is within the function tolerance, this is the minimum to
                    // working precision; otherwise drop the memory and retry along −∇f, as L-BFGS-B does.
                    if (PredictedDecreaseIsNegligible(slope, f, options))
                    {
                        return new MinimizerResult(f, iteration, evaluations, ExitReason.Converged);
                    }

                    stored = 0;
                    continue;
                }

                return new MinimizerResult(f, iteration, evaluations, AllFinite(_gNew) ? ExitReason.LineSearchFailed : ExitReason.NonFinite);
            }

            // Store s = x_new − x, y = g_new − g.
            Span<double> s = _s.AsSpan(head * n, n);
            Span<double> y = _y.AsSpan(head * n, n);
            for (int j = 0; j < n; j++)
            {
                s[j] = _xNew[j] - x[j];
                y[j] = _gNew[j] - _g[j];
                x[j] = _xNew[j];
                _g[j] = _gNew[j];
            }

            double sy = Dot(s, y);
            if (sy > 1e-300)
            {
                _rho[head] = 1 / sy;
                head = (head + 1) % _m;
                stored = Math.Min(stored + 1, _m);
            }

            double decrease = f - fNew;
            double scale = Math.Max(Math.Max(Math.Abs(f), Math.Abs(fNew)), options.FunctionFloor);
            f = fNew;
            if (decrease <= options.FunctionTolerance * scale)
            {
                return new MinimizerResult(f, iteration + 1, evaluations, ExitReason.Converged);
            }
        }

        return new MinimizerResult(f, options.MaxIterations, evaluations, ExitReason.MaxIterations);
    }

    /// <summary>
    /// Whether the quasi-Newton model's predicted decrease along its direction, −½·<paramref name="slope"/>, is at most
    /// the function tolerance times max(|f|, floor): the same test as an iteration's actual decrease.
    /// </summary>
    internal static bool PredictedDecreaseIsNegligible(double slope, double f, MinimizerOptions options) =>
        -0.5 * slope <= options.FunctionTolerance * Math.Max(Math.Abs(f), options.FunctionFloor);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    internal static double NormInf(ReadOnlySpan<double> a)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i]));
        }

        return max;
    }

    internal static bool AllFinite(ReadOnlySpan<double> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
