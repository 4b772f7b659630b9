namespace Flopwise.Fitting;

/// <summary>Why an optimiser stopped (after MathNet's <c>ExitCondition</c>). Numerical outcomes are results, not exceptions.</summary>
public enum ExitReason
{
    /// <summary>The gradient or the relative change of the objective fell below the tolerance.</summary>
    Converged,

    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,

    /// <summary>The line search found no point satisfying the Wolfe conditions (often at the limit of floating-point precision).</summary>
    LineSearchFailed,

    /// <summary>The objective or its gradient became NaN or infinite.</summary>
    NonFinite,
}
