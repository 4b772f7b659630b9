using MathNet.Numerics.LinearAlgebra;

namespace Flopwise.Fitting;

/// <summary>
/// Finishes a minimisation whose objective can no longer resolve progress: Newton's method on ∇f = 0, with the
/// Hessian from central differences of the exact gradient, keeping a step when it lowers ‖∇f‖₂ without raising f
/// beyond its rounding.
/// </summary>
/// <remarks>
/// The Huber likelihood needs it. At its optimum σ ≈ 4.7e-6, so only the few runs with |residual| ≤ δσ ≈ 5e-9 sit in
/// the quadratic band of the Huber loss: the curvature is ~1/σ² along some directions and nil along others. Near the
/// optimum a step that still lowers the gradient by orders of magnitude changes f (≈ −880) by less than one unit in
/// its last place, so BFGS's line search, which compares values of f, stops with the largest gradient component near
/// 4e-3. Comparing gradients instead has no such floor: the gradient is a sum of terms of size ≲ δ/σ·ln N ≈ 4e3 whose
/// rounding is ~1e-11. The difference step is tiny (1e-11 relative) so that it does not move a run across the edge
/// of the quadratic band, where the Hessian is discontinuous. Allocates (a 6 × 6 solve per iteration): not a hot loop.
/// <para>
/// The gradient has a floor too: moving one variable by one unit in its last place changes ∇f by that column of the
/// Hessian times the spacing, and with curvatures up to ~3e12 (α, β) that is ~2e-4. The floor is
/// ‖ |H|·ulp(x) ‖₂ at the current point; when no step lowers the gradient any more and its norm is at or below the
/// floor, the point is the minimum to working precision (<see cref="ExitReason.Converged"/>).
/// </para>
/// </remarks>
internal static class NewtonPolish
{
    private const double DifferenceStep = 1e-11;

    private const int Halvings = 40;

    /// <summary>Polishes <paramref name="x"/> in place.</summary>
    /// <param name="objective">The objective with its exact gradient.</param>
    /// <param name="x">The starting point (a minimiser's result); receives the polished point.</param>
    /// <param name="gradientTolerance">Stop when ‖∇f‖₂ is at most this.</param>
    /// <param name="maxIterations">The Newton iteration limit.</param>
    /// <returns>f at the returned point, the iterations, gradient evaluations, why it stopped, ‖∇f‖₂ there and its floor.</returns>
    public static PolishResult Run(Objective objective, Span<double> x, double gradientTolerance, int maxIterations)
    {
        int n = objective.Dimension;
        double[] g = new double[n];
        double[] gTrial = new double[n];
        double[] trial = new double[n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] gPlus = new double[n];
        double[] gMinus = new double[n];
        var hessian = Matrix<double>.Build.Dense(n, n);
        int evaluations = 1;
        double f = objective.Evaluate(x, g);
        double norm = Norm(g);
        double floor = double.NaN;
        if (!double.IsFinite(f) || !double.IsFinite(norm))
        {
            return new PolishResult(new MinimizerResult(f, 0, evaluations, ExitReason.NonFinite), norm, floor);
        }

        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (norm <= gradientTolerance)
            {
                return new PolishResult(new MinimizerResult(f, iteration, evaluations, ExitReason.Converged), norm, floor);
            }

            for (int j = 0; j < n; j++)
            {
                x.CopyTo(plus);
                x.CopyTo(minus);
                double h = DifferenceStep * Math.Max(1, Math.Abs(x[j]));
                plus[j] = x[j] + h;
                minus[j] = x[j] - h;
                double width = plus[j] - minus[j]; // the step actually taken, after rounding
                objective.Evaluate(plus, gPlus);
                objective.Evaluate(minus, gMinus);
                evaluations += 2;
                for (int i = 0; i < n; i++)
                {
                    hessian[i, j] = (gPlus[i] - gMinus[i]) / width;
                }
            }

            Matrix<double> symmetric = (hessian + hessian.Transpose()) * 0.5;
            floor = Floor(symmetric, x);
            Vector<double> step = symmetric.Solve(Vector<double>.Build.DenseOfArray(g)) * -1;
            if (!step.ForAll(double.IsFinite))
            {
                return new PolishResult(new MinimizerResult(f, iteration, evaluations, ExitReason.LineSearchFailed), norm, floor);
            }

            // p = −H⁻¹∇f descends on ½‖∇f‖² (its gradient is H∇f), so halving the step finds a lower gradient norm
            // unless the gradient's own rounding is reached.
            bool accepted = false;
            double t = 1;
            for (int k = 0; k < Halvings && !accepted; k++, t *= 0.5)
            {
                for (int i = 0; i < n; i++)
                {
                    trial[i] = x[i] + (t * step[i]);
                }

                double fTrial = objective.Evaluate(trial, gTrial);
                evaluations++;
                double normTrial = Norm(gTrial);
                if (double.IsFinite(fTrial) && normTrial < norm && fTrial <= f + (1e-13 * Math.Abs(f)))
                {
                    trial.CopyTo(x);
                    gTrial.CopyTo(g);
                    f = fTrial;
                    norm = normTrial;
                    accepted = true;
                }
            }

            if (!accepted)
            {
                ExitReason reason = norm <= floor ? ExitReason.Converged : ExitReason.LineSearchFailed;
                return new PolishResult(new MinimizerResult(f, iteration, evaluations, reason), norm, floor);
            }
        }

        return new PolishResult(new MinimizerResult(f, maxIterations, evaluations, ExitReason.MaxIterations), norm, floor);
    }

    /// <summary>‖ |H|·ulp(x) ‖₂: how much ∇f can change when every variable moves by one unit in its last place.</summary>
    private static double Floor(Matrix<double> hessian, ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double row = 0;
            for (int j = 0; j < x.Length; j++)
            {
                row += Math.Abs(hessian[i, j]) * (Math.BitIncrement(Math.Abs(x[j])) - Math.Abs(x[j]));
            }

            sum += row * row;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The outcome of <see cref="Run"/>.</summary>
    /// <param name="Result">f, iterations, gradient evaluations and the exit reason.</param>
    /// <param name="GradientNorm">‖∇f‖₂ at the returned point.</param>
    /// <param name="GradientFloor">‖ |H|·ulp(x) ‖₂ at the last Hessian (NaN if none was formed).</param>
    public readonly record struct PolishResult(MinimizerResult Result, double GradientNorm, double GradientFloor);

    private static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double value in v)
        {
            sum += value * value;
        }

        return Math.Sqrt(sum);
    }
}
