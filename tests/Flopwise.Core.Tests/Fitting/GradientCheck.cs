using Flopwise.Fitting;
using Xunit.Sdk;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Compares an analytic gradient with central finite differences.</summary>
internal static class GradientCheck
{
    public static void AssertMatches(Objective objective, double[] x, double relTol, double absTol)
    {
        int n = objective.Dimension;
        double[] g = new double[n];
        double[] scratch = new double[n];
        objective.Evaluate(x, g);
        for (int j = 0; j < n; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            double[] xp = (double[])x.Clone();
            double[] xm = (double[])x.Clone();
            xp[j] += h;
            xm[j] -= h;
            double fd = (objective.Evaluate(xp, scratch) - objective.Evaluate(xm, scratch)) / (2 * h);
            double error = Math.Abs(fd - g[j]);
            if (!(error <= absTol + (relTol * Math.Abs(fd))))
            {
                throw new XunitException($"{objective} ∂f/∂x{j}: analytic {g[j]:R}, finite difference {fd:R}");
            }
        }
    }
}
