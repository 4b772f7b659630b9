using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Flopwise.Fitting;

/// <summary>
/// Approach 2 (Hoffmann et al. 2022, §3.2): per compute budget, a least-squares parabola of loss in x = ln N; its
/// vertex gives N_opt; then ordinary least squares of ln N_opt and ln D_opt on ln C with Student-t intervals.
/// </summary>
internal static class IsoFlopFitter
{
    /// <summary>Sorted log10 C jumping by more than this starts a new budget when no bin count is given.</summary>
    public const double GapDecades = 0.1;

    public static IsoFlopFit Run(FitData data, int? computeBins)
    {
        int n = data.Count;
        int[] order = Enumerable.Range(0, n).OrderBy(i => data.ComputeAt(i)).ThenBy(i => i).ToArray();
        double[] logC = order.Select(i => Math.Log10(data.ComputeAt(i))).ToArray();
        var groups = new List<List<int>>();
        if (computeBins is int bins)
        {
            double lo = logC[0];
            double width = (logC[^1] - lo) / bins;
            for (int b = 0; b < bins; b++)
            {
                groups.Add([]);
            }

            for (int k = 0; k < n; k++)
            {
                int b = width > 0 ? Math.Min(bins - 1, (int)Math.Floor((logC[k] - lo) / width)) : 0;
                groups[b].Add(order[k]);
            }

            groups.RemoveAll(g => g.Count == 0);
        }
        else
        {
            groups.Add([order[0]]);
            for (int k = 1; k < n; k++)
            {
                if (logC[k] - logC[k - 1] > GapDecades)
                {
                    groups.Add([]);
                }

                groups[^1].Add(order[k]);
            }
        }

        var rows = new List<IsoFlopBudget>();
        var warnings = new List<string>();
        foreach (List<int> group in groups)
        {
            rows.Add(Budget(data, group, warnings));
        }

        IsoFlopBudget[] used = rows.Where(r => r.Used).ToArray();
        if (used.Length < 2)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture, "IsoFLOP fit needs at least 2 budgets with an interior minimum; found {0} of {1}.", used.Length, rows.Count));
        }

        double[] x = used.Select(r => Math.Log(r.Compute)).ToArray();
        (double aN, double gN, double seN) = Regress(x, used.Select(r => Math.Log(r.OptimalParameters!.Value)).ToArray());
        (double aD, double gD, double seD) = Regress(x, used.Select(r => Math.Log(r.OptimalTokens!.Value)).ToArray());
        double t = used.Length > 2 ? StudentT.InvCDF(0, 1, used.Length - 2, 0.975) : double.NaN;
        return new IsoFlopFit
        {
            Budgets = used.Length,
            ParametersExponent = aN,
            ParametersCoefficient = Math.Exp(gN),
            TokensExponent = aD,
            TokensCoefficient = Math.Exp(gD),
            ParametersExponentCi95 = (aN - (t * seN), aN + (t * seN)),
            TokensExponentCi95 = (aD - (t * seD), aD + (t * seD)),
            BudgetRows = rows,
            Warnings = warnings,
        };
    }

    private static IsoFlopBudget Budget(FitData data, List<int> group, List<string> warnings)
    {
        double compute = Math.Exp(group.Average(i => Math.Log(data.ComputeAt(i))));
        double[] xs = group.Select(i => Math.Log(data.RawParameters[i])).ToArray();
        double[] ys = group.Select(i => data.RawLoss[i]).ToArray();
        double minN = Math.Exp(xs.Min());
        double maxN = Math.Exp(xs.Max());
        var row = new IsoFlopBudget { Compute = compute, Runs = group.Count, MinParameters = minN, MaxParameters = maxN, Used = false };
        string label = compute.ToString("0.###e+00", CultureInfo.InvariantCulture);
        if (group.Count < 3)
        {
            string reason = string.Format(CultureInfo.InvariantCulture, "budget {0} FLOP has {1} runs; a parabola needs at least 3", label, group.Count);
            warnings.Add(reason);
            return row with { Reason = reason };
        }

        (double p0, double p1, double p2, double centre) = Parabola(xs, ys);
        if (!(p2 > 0))
        {
            string reason = string.Format(CultureInfo.InvariantCulture, "budget {0} FLOP: the parabola has no minimum (it opens downward)", label);
            warnings.Add(reason);
            return row with { Reason = reason };
        }

        double vertex = -p1 / (2 * p2);
        double xMin = xs.Min() - centre;
        double xMax = xs.Max() - centre;
        if (vertex <= xMin || vertex >= xMax)
        {
            string reason = string.Format(CultureInfo.InvariantCulture, "budget {0} FLOP: the minimum lies outside the sampled N range [{1:0.###e+00}, {2:0.###e+00}]", label, minN, maxN);
            warnings.Add(reason);
            return row with { Reason = reason };
        }

        if (maxN / minN < 10)
        {
            warnings.Add(string.Format(CultureInfo.InvariantCulture, "budget {0} FLOP: N spans only {1:0.##}x (under a decade); the minimum is poorly identified", label, maxN / minN));
        }

        double nOpt = Math.Exp(vertex + centre);
        return row with
        {
            Used = true,
            OptimalParameters = nOpt,
            OptimalTokens = compute / (6 * nOpt),
            MinimumLoss = p0 + (p1 * vertex) + (p2 * vertex * vertex),
        };
    }

    /// <summary>Least-squares y = p0 + p1·u + p2·u² with u = x − mean(x); returns the coefficients and the centre.</summary>
    private static (double P0, double P1, double P2, double Centre) Parabola(double[] x, double[] y)
    {
        double centre = x.Average();
        double s0 = x.Length, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double u = x[i] - centre;
            double u2 = u * u;
            s1 += u;
            s2 += u2;
            s3 += u2 * u;
            s4 += u2 * u2;
            t0 += y[i];
            t1 += y[i] * u;
            t2 += y[i] * u2;
        }

        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { s0, s1, s2 }, { s1, s2, s3 }, { s2, s3, s4 } });
        var v = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([t0, t1, t2]);
        var p = m.Solve(v);
        return (p[0], p[1], p[2], centre);
    }

    /// <summary>OLS y = c + s·x; returns the slope, the intercept and the slope's standard error (NaN for 2 points).</summary>
    private static (double Slope, double Intercept, double SlopeError) Regress(double[] x, double[] y)
    {
        double mx = x.Average();
        double my = y.Average();
        double sxx = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }

        double slope = sxy / sxx;
        double intercept = my - (slope * mx);
        double sse = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = y[i] - intercept - (slope * x[i]);
            sse += r * r;
        }

        double se = x.Length > 2 ? Math.Sqrt(sse / (x.Length - 2) / sxx) : double.NaN;
        return (slope, intercept, se);
    }
}
