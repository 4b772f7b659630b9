namespace Flopwise.Scaling;

/// <summary>
/// Brent's method for a root of a continuous function on a bracket [a, b] with f(a)·f(b) ≤ 0: inverse quadratic
/// interpolation and secant steps, falling back to bisection whenever they would not shrink the bracket fast enough.
/// </summary>
/// <remarks>
/// Source: R. P. Brent, <i>Algorithms for Minimization without Derivatives</i> (1973), ch. 4, procedure
/// <c>zero</c>; the same algorithm as SciPy's <c>brentq</c> and Numerical Recipes' <c>zbrent</c>. The bracket
/// always contains the root, so the method converges for any continuous function; it stops when the bracket is
/// narrower than 4·ε·|x| + <c>absoluteTolerance</c> (ε the machine epsilon), i.e. to full relative precision.
/// </remarks>
internal static class PlanRootFinder
{
    /// <summary>The most iterations before giving up; bisection alone halves the bracket 1100 times in that budget.</summary>
    public const int MaximumIterations = 1100;

    /// <summary>The machine epsilon of double, 2^−52 (<see cref="double.Epsilon"/> is the smallest subnormal instead).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Finds x in [a, b] with f(x) = 0.</summary>
    /// <param name="f">The function; finite on [a, b].</param>
    /// <param name="a">One end.</param>
    /// <param name="fa">f(a).</param>
    /// <param name="b">The other end.</param>
    /// <param name="fb">f(b), of the opposite sign to <paramref name="fa"/> (or zero).</param>
    /// <param name="absoluteTolerance">An absolute tolerance on x added to the relative one; &gt; 0 when the root may be 0.</param>
    /// <returns>The root and the number of iterations.</returns>
    /// <exception cref="ArgumentException">f(a) and f(b) have the same sign, or one is not finite.</exception>
    /// <exception cref="InvalidOperationException">No convergence within <see cref="MaximumIterations"/> (a bug).</exception>
    public static (double Root, int Iterations) Solve(Func<double, double> f, double a, double fa, double b, double fb, double absoluteTolerance)
    {
        if (!double.IsFinite(fa) || !double.IsFinite(fb) || (fa > 0 && fb > 0) || (fa < 0 && fb < 0))
        {
            throw new ArgumentException($"f(a) = {Guard.Format(fa)} and f(b) = {Guard.Format(fb)} do not bracket a root.", nameof(f));
        }

        double c = b;
        double fc = fb;
        double d = b - a;
        double e = d;
        for (int iteration = 1; iteration <= MaximumIterations; iteration++)
        {
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0))
            {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }

            double tolerance = (2 * MachineEpsilon * Math.Abs(b)) + (0.5 * absoluteTolerance);
            double half = 0.5 * (c - b);
            if (Math.Abs(half) <= tolerance || fb == 0)
            {
                return (b, iteration);
            }

            if (Math.Abs(e) >= tolerance && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa;
                double p;
                double q;
                if (a == c)
                {
                    p = 2 * half * s;
                    q = 1 - s;
                }
                else
                {
                    double qa = fa / fc;
                    double r = fb / fc;
                    p = s * ((2 * half * qa * (qa - r)) - ((b - a) * (r - 1)));
                    q = (qa - 1) * (r - 1) * (s - 1);
                }

                if (p > 0)
                {
                    q = -q;
                }

                p = Math.Abs(p);
                if (2 * p < Math.Min((3 * half * q) - Math.Abs(tolerance * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = half;
                    e = d;
                }
            }
            else
            {
                d = half;
                e = d;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tolerance ? d : Math.CopySign(tolerance, half);
            fb = f(b);
        }

        throw new InvalidOperationException($"Brent's method did not converge in {MaximumIterations} iterations.");
    }
}
