namespace Flopwise.Fitting;

/// <summary>
/// An IsoFLOP (Approach 2) fit: N_opt = G·C^a and D_opt = H·C^b from per-budget parabola minima (Hoffmann et al.
/// 2022, §3.2), with 95% intervals of the exponents and one row per budget.
/// </summary>
/// <remarks>C is in FLOP. Immutable and thread-safe.</remarks>
public sealed record IsoFlopFit
{
    /// <summary>Gets the number of budgets used in the regression.</summary>
    public required int Budgets { get; init; }

    /// <summary>Gets a of N_opt = G·C^a.</summary>
    public required double ParametersExponent { get; init; }

    /// <summary>Gets G of N_opt = G·C^a.</summary>
    public required double ParametersCoefficient { get; init; }

    /// <summary>Gets b of D_opt = H·C^b.</summary>
    public required double TokensExponent { get; init; }

    /// <summary>Gets H of D_opt = H·C^b.</summary>
    public required double TokensCoefficient { get; init; }

    /// <summary>Gets the 95% interval of a (Student t on the log–log regression; NaN with fewer than 3 budgets).</summary>
    public required (double Low, double High) ParametersExponentCi95 { get; init; }

    /// <summary>Gets the 95% interval of b (Student t on the log–log regression; NaN with fewer than 3 budgets).</summary>
    public required (double Low, double High) TokensExponentCi95 { get; init; }

    /// <summary>Gets one row per budget, used or refused, in increasing compute.</summary>
    public required IReadOnlyList<IsoFlopBudget> BudgetRows { get; init; }

    /// <summary>Gets warnings (refused budgets, narrow N spans), in budget order.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
