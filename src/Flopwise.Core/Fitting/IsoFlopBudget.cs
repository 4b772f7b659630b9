namespace Flopwise.Fitting;

/// <summary>One compute budget of an IsoFLOP (Approach 2) fit: the parabola's minimum, or why it was refused.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IsoFlopBudget
{
    /// <summary>Gets the budget C in FLOP (geometric mean of its runs).</summary>
    public required double Compute { get; init; }

    /// <summary>Gets the number of runs in the budget.</summary>
    public required int Runs { get; init; }

    /// <summary>Gets the smallest N of the budget's runs.</summary>
    public required double MinParameters { get; init; }

    /// <summary>Gets the largest N of the budget's runs.</summary>
    public required double MaxParameters { get; init; }

    /// <summary>Gets N_opt at the parabola's minimum, or <see langword="null"/> when the budget was refused.</summary>
    public double? OptimalParameters { get; init; }

    /// <summary>Gets D_opt = C/(6·N_opt), or <see langword="null"/> when the budget was refused.</summary>
    public double? OptimalTokens { get; init; }

    /// <summary>Gets the loss at the parabola's minimum, or <see langword="null"/> when the budget was refused.</summary>
    public double? MinimumLoss { get; init; }

    /// <summary>Gets a value indicating whether the budget entered the power-law regression.</summary>
    public required bool Used { get; init; }

    /// <summary>Gets why the budget was refused, or <see langword="null"/> when it was used.</summary>
    public string? Reason { get; init; }
}
