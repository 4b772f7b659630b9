using System.Globalization;

namespace Flopwise.Scaling;

/// <summary>
/// A compute-optimal frontier only, N_opt = G·C^a, D_opt = H·C^b (C in FLOP, or in the law's compute unit), or a rule
/// of thumb D = m·N with C = 6·N·D. No loss.
/// </summary>
/// <remarks>
/// Constants: <c>parametersCoefficient</c>, <c>parametersExponent</c>, <c>tokensCoefficient</c>,
/// <c>tokensExponent</c> and optional <c>computeUnit</c>; or <c>tokensPerParameter</c> alone, which sets
/// G = 1/√(6·m), H = m·G and both exponents to 1/2. Stateless and thread-safe.
/// </remarks>
public sealed class PowerForm : LawForm
{
    /// <summary>Initializes a new instance of the <see cref="PowerForm"/> class; use <see cref="LawForm.Power"/>.</summary>
    internal PowerForm()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Power";

    /// <inheritdoc/>
    public override string JsonName => "power";

    /// <inheritdoc/>
    public override bool HasLoss => false;

    /// <inheritdoc/>
    public override Allocation Optimal(ScalingLaw law, double compute)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (law.RuleTokensPerParameter is double ratio)
        {
            double n = Math.Sqrt(compute / (6 * ratio));
            return new Allocation { Compute = compute, Parameters = n, Tokens = ratio * n };
        }

        (double parameters, double tokens) = Frontier(law, compute / law.ComputeUnitFlop);
        return new Allocation { Compute = compute, Parameters = parameters, Tokens = tokens };
    }

    /// <inheritdoc/>
    public override string Summary(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.RuleTokensPerParameter is double m
            ? $"D = {Short(m)}·N, C = 6·N·D"
            : $"N = {Short(law.ParametersCoefficient)}·C^{Short(law.ParametersExponent)}, D = {Short(law.TokensCoefficient)}·C^{Short(law.TokensExponent)}";
    }

    /// <inheritdoc/>
    internal override ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read)
    {
        if (!read.Has("tokensPerParameter"))
        {
            return read.Frontier(law, required: true);
        }

        double m = read.Required("tokensPerParameter");
        double g = 1 / Math.Sqrt(6 * m);
        return law with { RuleTokensPerParameter = m, ParametersCoefficient = g, ParametersExponent = 0.5, TokensCoefficient = m * g, TokensExponent = 0.5 };
    }

    /// <inheritdoc/>
    internal override void WriteConstants(ScalingLaw law, LawConstantWriter write)
    {
        WriteFrontier(write, law, law.ParametersCoefficient, law.ParametersExponent, law.TokensCoefficient, law.TokensExponent);
        write.Add("ruleTokensPerParameter", "Law: fixed tokens per parameter", law.RuleTokensPerParameter, "tokens/parameter");
    }

    /// <inheritdoc/>
    internal override (string Text, string Description) Convention(ScalingLaw law) =>
        (law.RuleTokensPerParameter is double m
            ? string.Create(CultureInfo.InvariantCulture, $"D = {m}·N, C = 6·N·D")
            : "frontier only (no loss)",
         law.RuleTokensPerParameter is not null
            ? "A rule of thumb, not a fitted law: it predicts no loss."
            : "A power-form frontier N_opt = G·C^a, D_opt = H·C^b" + (law.IsDerived ? ", derived by a log–log fit to a published table" : string.Empty)
                + "; it predicts no loss.");

    /// <inheritdoc/>
    internal override bool HasSeparateFrontierFits(ScalingLaw law) => law.RuleTokensPerParameter is null;
}
