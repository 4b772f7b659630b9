using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>The numeric inputs of the scaling-law calculations (loss, compute-optimal allocation), with their ranges.</summary>
public static class ScalingInputs
{
    /// <summary>The largest parameter count accepted: 1e18.</summary>
    public const double MaximumParameters = 1e18;

    /// <summary>The largest token count accepted (total or unique): 1e20.</summary>
    public const double MaximumTokens = 1e20;

    /// <summary>The largest training compute accepted: 1e40 FLOP.</summary>
    public const double MaximumCompute = 1e40;

    /// <summary>N: model parameters (total; non-embedding for Kaplan's law); required for a loss.</summary>
    public static InputSpec Parameters { get; } = new()
    {
        Name = "params",
        Label = "Parameters N",
        Description = "Model parameters (total parameters; Kaplan's law counts non-embedding parameters).",
        Unit = "parameters",
        IsRequired = true,
        Maximum = MaximumParameters,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>D: training tokens (total, repeats counted); required for a loss.</summary>
    public static InputSpec Tokens { get; } = new()
    {
        Name = "tokens",
        Label = "Training tokens D",
        Description = "Training tokens seen, repeated epochs included.",
        Unit = "tokens",
        IsRequired = true,
        Maximum = MaximumTokens,
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>C: training compute in FLOP; required for a compute-optimal allocation.</summary>
    public static InputSpec Compute { get; } = new()
    {
        Name = "compute",
        Label = "Training compute C",
        Description = "Training compute in FLOP (C = 6·N·D for the Chinchilla form; PF-days are converted inside for Kaplan).",
        Unit = "FLOP",
        IsRequired = true,
        Maximum = MaximumCompute,
    };

    /// <summary>U: unique training tokens available (data-constrained scaling, Muennighoff et al. 2023); optional.</summary>
    public static InputSpec UniqueTokens { get; } = new()
    {
        Name = "unique-tokens",
        Label = "Unique tokens U",
        Description = "Unique tokens available; training beyond them repeats data, whose value decays (Muennighoff et al. 2023). "
            + "Uses the muennighoff law unless another law is given.",
        Unit = "tokens",
        Maximum = MaximumTokens,
    };

    /// <summary>Formats the ends of a sweep for messages, e.g. <c>1e+10:1e+41</c>.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>FROM:TO in scientific notation.</returns>
    internal static string RangeText(GeometricSweep sweep) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sweep.Points[0]:0.####e+00}:{sweep.Points[^1]:0.####e+00}");

    /// <summary>Gets the inputs of a loss, in the order of the help text.</summary>
    public static IReadOnlyList<InputSpec> LossInputs { get; } = [Parameters, Tokens, UniqueTokens];

    /// <summary>Gets the inputs of a compute-optimal allocation, in the order of the help text.</summary>
    public static IReadOnlyList<InputSpec> OptimalInputs { get; } = [Compute, UniqueTokens];
}
