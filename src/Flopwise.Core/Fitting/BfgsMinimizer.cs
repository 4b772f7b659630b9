using System.Runtime.CompilerServices;
namespace Flopwise.Fitting;

/// <summary>
/// Dense BFGS on the inverse Hessian (Nocedal &amp; Wright Algorithm 6.1, H₀ scaled by eq. 6.20 before the first
/// update) with a strong-Wolfe line search. For small problems (the 6-parameter likelihood). Not thread-safe.
/// </summary>
internal sealed class BfgsMinimizer
{
    private readonly int _n;
    private readonly double[] _h;
    private readonly double[] _g;
    private readonly double[] _xNew;
    private readonly double[] _gNew;
    private readonly double[] _d;
    private readonly double[] _s;
    private readonly double[] _y;
    private readonly double[] _hy;

    /// <summary>Initializes a new instance of the <see cref="BfgsMinimizer"/> class.</summary>
    public BfgsMinimizer(int dimension)
    {
        _n = dimension;
        _h = new double[dimension * dimension];
        _g = new double[dimension];
        _xNew = new double[dimension];
        _gNew = new double[dimension];
        _d = new double[dimension];
        _s = new double[dimension];
        _y = new double[dimension];
        _hy = new double[dimension];
    }

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/>, which receives the result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    public MinimizerResult Minimize(Objective objective, Span<double> x, MinimizerOptions options)
    {
        int n = _n;
        ResetToIdentity();
        bool model = false;
        bool stalled = false;
        int evaluations = 1;
        double f = objective.Evaluate(x, _g);
        if (!double.IsFinite(f) || !LbfgsMinimizer.AllFinite(_g))
        {
            return new MinimizerResult(f, 0, evaluations, ExitReason.NonFinite);
        }

        for (int iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            if (LbfgsMinimizer.NormInf(_g) <= options.GradientTolerance)
            {
                return new MinimizerResult(f, iteration, evaluations, ExitReason.Converged);
            }

            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum -= _h[(i * n) + j] * _g[j];
                }

                _d[i] = sum;
            }

            double slope = LbfgsMinimizer.Dot(_g, _d);
            if (!(slope < 0))
            {
                ResetToIdentity();
                model = false;
                for (int i = 0; i < n; i++)
                {
                    _d[i] = -_g[i];
                }

                slope = -LbfgsMinimizer.Dot(_g, _g);
            }

            double initial = model ? 1 : Math.Min(1, 1 / LbfgsMinimizer.NormInf(_g));
            double step = LineSearch.Search(objective, x, f, slope, _d, initial, _xNew, _gNew, out double fNew, ref evaluations);
            if (double.IsNaN(step))
            {
                if (stalled && LbfgsMinimizer.AllFinite(_gNew))
                {
                    // The last iteration made no progress and, with the curvature model dropped, no lower point lies
                    // along −∇f either: the minimum to working precision.
                    return new MinimizerResult(f, iteration, evaluations, ExitReason.Converged);
                }

                if (model && LbfgsMinimizer.AllFinite(_gNew))
                {
                    // As in LbfgsMinimizer: the minimum to working precision if the model predicts a negligible
                    // decrease, else one retry along −∇f with the Hessian approximation reset.
                    if (LbfgsMinimizer.PredictedDecreaseIsNegligible(slope, f, options))
                    {
                        return new MinimizerResult(f, iteration, evaluations, ExitReason.Converged);
                    }

                    ResetToIdentity();
                    model = false;
                    continue;
                }

                return new MinimizerResult(f, iteration, evaluations, LbfgsMinimizer.AllFinite(_gNew) ? ExitReason.LineSearchFailed : ExitReason.NonFinite);
            }

            for (int j = 0; j < n; j++)
            {
                _s[j] = _xNew[j] - x[j];
                _y[j] = _gNew[j] - _g[j];
                x[j] = _xNew[j];
                _g[j] = _gNew[j];
            }

            double sy = LbfgsMinimizer.Dot(_s, _y);
            if (sy > 1e-300)
            {
                if (!model)
                {
                    double scale0 = sy / LbfgsMinimizer.Dot(_y, _y);
                    for (int i = 0; i < n; i++)
                    {
                        _h[(i * n) + i] = scale0;
                    }
                }

                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded: H − ρ(s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ.
                double rho = 1 / sy;
                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < n; j++)
                    {
                        sum += _h[(i * n) + j] * _y[j];
                    }

                    _hy[i] = sum;
                }

                double yhy = LbfgsMinimizer.Dot(_y, _hy);
                double c = (rho * rho * yhy) + rho;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        _h[(i * n) + j] += (c * _s[i] * _s[j]) - (rho * ((_s[i] * _hy[j]) + (_hy[i] * _s[j])));
                    }
                }

                model = true;
            }

            double decrease = f - fNew;
            double scale = Math.Max(Math.Max(Math.Abs(f), Math.Abs(fNew)), options.FunctionFloor);
            f = fNew;

            // An iteration that makes almost no progress may only mean a stale curvature model (it stopped 8 of 4000
            // bootstrap refits up to 2.7e-7 short in f): restart from a scaled identity once, and stop only if the
            // restarted iteration makes no progress either.
            bool small = decrease <= options.FunctionTolerance * scale;
            if (small && stalled)
            {
                return new MinimizerResult(f, iteration + 1, evaluations, ExitReason.Converged);
            }

            if (small)
            {
                ResetToIdentity();
                model = false;
            }

            stalled = small;
        }

        return new MinimizerResult(f, options.MaxIterations, evaluations, ExitReason.MaxIterations);
    }

    private void ResetToIdentity()
    {
        Array.Clear(_h);
        for (int i = 0; i < _n; i++)
        {
            _h[(i * _n) + i] = 1;
        }
    }
}
