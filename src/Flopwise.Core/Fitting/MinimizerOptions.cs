namespace Flopwise.Fitting;

/// <summary>
/// Stopping rules of <see cref="LbfgsMinimizer"/> and <see cref="BfgsMinimizer"/>: converged when ‖∇f‖∞ ≤
/// <see cref="GradientTolerance"/>, or when an iteration lowers f by at most
/// <see cref="FunctionTolerance"/>·max(|f_k|, |f_k+1|, <see cref="FunctionFloor"/>).
/// </summary>
/// <param name="GradientTolerance">Absolute tolerance on the largest gradient component.</param>
/// <param name="FunctionTolerance">Relative tolerance on the decrease of f per iteration (SciPy's ftol).</param>
/// <param name="FunctionFloor">1 reproduces SciPy's L-BFGS-B test (absolute for |f| &lt; 1); 0 makes it scale-aware.</param>
/// <param name="MaxIterations">The iteration limit.</param>
internal readonly record struct MinimizerOptions(double GradientTolerance, double FunctionTolerance, double FunctionFloor, int MaxIterations)
{
    /// <summary>Scale-aware defaults for the summed Huber objective (tight enough for 1e-6 relative objective agreement).</summary>
    public static MinimizerOptions Tight { get; } = new(1e-12, 1e-13, 0, 3000);

    /// <summary>SciPy L-BFGS-B defaults: pgtol 1e-5, factr 1e7 (ftol ≈ 2.2e-9), floor 1, maxiter 15000.</summary>
    public static MinimizerOptions SciPyDefault { get; } = new(1e-5, 2.220446049250313e-9, 1, 15000);
}
