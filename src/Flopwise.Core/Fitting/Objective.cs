namespace Flopwise.Fitting;

/// <summary>A smooth objective f: ℝⁿ → ℝ with its gradient, evaluated without allocating.</summary>
internal abstract class Objective
{
    /// <summary>Gets n, the number of variables.</summary>
    public abstract int Dimension { get; }

    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
