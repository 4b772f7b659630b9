namespace Flopwise.Fitting;

/// <summary>The way a Chinchilla-form law is fitted to (N, D, loss) rows.</summary>
public enum FitMethod
{
    /// <summary>Approach 3 as Epoch ran it: summed Huber loss (δ = 1e-3) on log-loss residuals, 4500-start grid, L-BFGS.</summary>
    Huber,

    /// <summary>Epoch's reported estimate: the Huber likelihood with a free log σ, maximised by BFGS from Hoffmann's unrounded constants.</summary>
    Likelihood,

    /// <summary>Approach 2: a parabola in log N per compute budget, then power laws N_opt(C) and D_opt(C).</summary>
    IsoFlop,
}
