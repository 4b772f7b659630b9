namespace Flopwise.Uncertainty;

/// <summary>One uncertain input's effect on an output: the tornado swing and the rank correlation.</summary>
/// <param name="Input">The input's JSON name, e.g. <c>mfu</c>.</param>
/// <param name="Label">The input's label.</param>
/// <param name="InputLow">The input's 5th percentile (of its draws).</param>
/// <param name="InputHigh">The input's 95th percentile.</param>
/// <param name="OutputAtLow">The output with this input at its 5th percentile and the others at their medians; <see langword="null"/> when infeasible there.</param>
/// <param name="OutputAtHigh">The same at its 95th percentile.</param>
/// <param name="Swing">|output at p95 − output at p5|; 0 when either is infeasible.</param>
/// <param name="RankCorrelation">Spearman's rank correlation of the input's draws and the output over the feasible samples.</param>
public sealed record InputSensitivity(
    string Input,
    string Label,
    double InputLow,
    double InputHigh,
    double? OutputAtLow,
    double? OutputAtHigh,
    double Swing,
    double RankCorrelation);
