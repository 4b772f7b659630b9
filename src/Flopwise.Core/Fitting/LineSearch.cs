using System.Runtime.CompilerServices;
namespace Flopwise.Fitting;

/// <summary>
/// Strong-Wolfe line search (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6, with
/// cubic interpolation in the zoom). Works on caller-owned buffers; allocates nothing.
/// </summary>
internal static class LineSearch
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;
    private const int MaxSteps = 40;

    /// <summary>
    /// Searches along <paramref name="direction"/> from <paramref name="x"/> (value <paramref name="f0"/>, slope
    /// <paramref name="slope0"/> &lt; 0). On success <paramref name="xNew"/> and <paramref name="gNew"/> hold the
    /// accepted point and its gradient.
    /// </summary>
    /// <returns>The accepted step, or NaN when no step satisfies the conditions (or the objective is not finite).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    public static double Search(
        Objective objective, ReadOnlySpan<double> x, double f0, double slope0, ReadOnlySpan<double> direction, double initialStep,
        Span<double> xNew, Span<double> gNew, out double fNew, ref int evaluations)
    {
        double stepPrev = 0;
        double fPrev = f0;
        double slopePrev = slope0;
        double step = initialStep;
        fNew = f0;
        for (int i = 0; i < MaxSteps; i++)
        {
            double f = Eval(objective, x, direction, step, xNew, gNew, out double slope, ref evaluations);
            if (!double.IsFinite(f))
            {
                step = 0.5 * (stepPrev + step);
                if (step <= 0 || i == MaxSteps - 1)
                {
                    return double.NaN;
                }

                continue;
            }

            if (f > f0 + (C1 * step * slope0) || (i > 0 && f >= fPrev))
            {
                return Zoom(objective, x, f0, slope0, direction, stepPrev, fPrev, slopePrev, step, f, slope, xNew, gNew, out fNew, ref evaluations);
            }

            if (Math.Abs(slope) <= -C2 * slope0)
            {
                fNew = f;
                return step;
            }

            if (slope >= 0)
            {
                return Zoom(objective, x, f0, slope0, direction, step, f, slope, stepPrev, fPrev, slopePrev, xNew, gNew, out fNew, ref evaluations);
            }

            stepPrev = step;
            fPrev = f;
            slopePrev = slope;
            step *= 2.5;
        }

        return double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    private static double Zoom(
        Objective objective, ReadOnlySpan<double> x, double f0, double slope0, ReadOnlySpan<double> direction,
        double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi,
        Span<double> xNew, Span<double> gNew, out double fNew, ref int evaluations)
    {
        fNew = f0;
        for (int i = 0; i < MaxSteps; i++)
        {
            double step = Cubic(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double width = Math.Abs(hi - lo);
            double low = Math.Min(lo, hi);
            double high = Math.Max(lo, hi);
            if (!(step > low + (0.1 * width) && step < high - (0.1 * width)))
            {
                step = 0.5 * (lo + hi);
            }

            if (width <= 1e-16 * Math.Max(1, high))
            {
                return double.NaN;
            }

            double f = Eval(objective, x, direction, step, xNew, gNew, out double slope, ref evaluations);
            if (!double.IsFinite(f) || f > f0 + (C1 * step * slope0) || f >= fLo)
            {
                hi = step;
                fHi = double.IsFinite(f) ? f : double.MaxValue;
                slopeHi = double.IsFinite(slope) ? slope : 0;
                continue;
            }

            if (Math.Abs(slope) <= -C2 * slope0)
            {
                fNew = f;
                return step;
            }

            if (slope * (hi - lo) >= 0)
            {
                hi = lo;
                fHi = fLo;
                slopeHi = slopeLo;
            }

            lo = step;
            fLo = f;
            slopeLo = slope;
        }

        return double.NaN;
    }

    private static double Cubic(double a, double fa, double ga, double b, double fb, double gb)
    {
        // Minimiser of the cubic interpolating f and f' at a and b (Nocedal & Wright eq. 3.59).
        double d1 = ga + gb - (3 * (fa - fb) / (a - b));
        double disc = (d1 * d1) - (ga * gb);
        if (!(disc >= 0) || !double.IsFinite(fb))
        {
            return double.NaN;
        }

        double d2 = Math.Sign(b - a) * Math.Sqrt(disc);
        return b - ((b - a) * (gb + d2 - d1) / (gb - ga + (2 * d2)));
    }

    private static double Eval(
        Objective objective, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, double step, Span<double> xNew, Span<double> gNew,
        out double slope, ref int evaluations)
    {
        for (int j = 0; j < x.Length; j++)
        {
            xNew[j] = x[j] + (step * direction[j]);
        }

        evaluations++;
        double f = objective.Evaluate(xNew, gNew);
        slope = 0;
        for (int j = 0; j < x.Length; j++)
        {
            slope += gNew[j] * direction[j];
        }

        return f;
    }
}
