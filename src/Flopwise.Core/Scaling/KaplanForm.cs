using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// Kaplan et al. 2020: the joint loss L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (eq. 1.5/4.1, Table 2), the
/// compute-efficient frontier N_opt = G·C^a, D_opt = H·C^b (Table 6) and the loss on it L(C_min) = (C_c^min/C)^α_C^min
/// (eq. 1.3); N counts non-embedding parameters and C is in PF-days.
/// </summary>
/// <remarks>
/// Constants: <c>alphaN</c>, <c>alphaD</c>, <c>criticalParameters</c>, <c>criticalTokens</c>,
/// <c>lossComputeScale</c>, <c>lossComputeExponent</c>, and the frontier <c>parametersCoefficient</c>,
/// <c>parametersExponent</c>, <c>tokensCoefficient</c>, <c>tokensExponent</c> with <c>computeUnit</c>. The frontier
/// and L(C_min) are separate fits from the joint loss: 6·N·D = 1.81·C on the frontier. Stateless and thread-safe.
/// </remarks>
public sealed class KaplanForm : LawForm
{
    /// <summary>Initializes a new instance of the <see cref="KaplanForm"/> class; use <see cref="LawForm.Kaplan"/>.</summary>
    internal KaplanForm()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Kaplan";

    /// <inheritdoc/>
    public override string JsonName => "kaplan";

    /// <inheritdoc/>
    public override bool HasLoss => true;

    /// <inheritdoc/>
    internal override string ParametersLabel => "Parameters N (non-embedding)";

    /// <inheritdoc/>
    internal override string FrontierParametersLabel => "Parameters N_opt (non-embedding)";

    /// <inheritdoc/>
    internal override string OptimalLossLabel => "Predicted loss L(C_min)";

    /// <inheritdoc/>
    internal override string? NonEmbeddingLabel => "Parameters are non-embedding (Kaplan)";

    /// <inheritdoc/>
    /// <remarks>Source: Kaplan et al. 2020, eq. 1.5/4.1 and Table 2 (α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13).</remarks>
    public override double Loss(ScalingLaw law, double parameters, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (law.AlphaN is not double alphaN || law.AlphaD is not double alphaD || law.CriticalParameters is not double nc || law.CriticalTokens is not double dc)
        {
            throw new InvalidOperationException($"Law '{law.Id}' lacks Kaplan's α_N, α_D, N_c or D_c.");
        }

        return Math.Pow(Math.Pow(nc / parameters, alphaN / alphaD) + (dc / tokens), alphaD);
    }

    /// <inheritdoc/>
    /// <remarks>The frontier of Table 6 at C in the law's compute unit, with the loss L(C_min) of eq. 1.3; parameters are non-embedding.</remarks>
    public override Allocation Optimal(ScalingLaw law, double compute)
    {
        ArgumentNullException.ThrowIfNull(law);
        double cu = compute / law.ComputeUnitFlop;
        (double n, double d) = Frontier(law, cu);
        double loss = Math.Pow(Require(law.LossComputeScale, law) / cu, Require(law.LossComputeExponent, law));
        return new Allocation { Compute = compute, Parameters = n, Tokens = d, Loss = loss, ParametersAreNonEmbedding = true };
    }

    /// <inheritdoc/>
    public override string Summary(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return $"L: α_N {Short(law.AlphaN)}, α_D {Short(law.AlphaD)}, N_c {Short(law.CriticalParameters)}, D_c {Short(law.CriticalTokens)}; "
            + $"N = {Short(law.ParametersCoefficient)}·C^{Short(law.ParametersExponent)}, D = {Short(law.TokensCoefficient)}·C^{Short(law.TokensExponent)} (C in PF-days)";
    }

    /// <inheritdoc/>
    internal override ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read) => read.Frontier(law, required: true) with
    {
        AlphaN = read.Required("alphaN"),
        AlphaD = read.Required("alphaD"),
        CriticalParameters = read.Required("criticalParameters"),
        CriticalTokens = read.Required("criticalTokens"),
        LossComputeScale = read.Required("lossComputeScale"),
        LossComputeExponent = read.Required("lossComputeExponent"),
    };

    /// <inheritdoc/>
    internal override void WriteConstants(ScalingLaw law, LawConstantWriter write)
    {
        write.Add("alphaN", "Law: α_N", law.AlphaN);
        write.Add("alphaD", "Law: α_D", law.AlphaD);
        write.Add("criticalParameters", "Law: N_c", law.CriticalParameters, "parameters");
        write.Add("criticalTokens", "Law: D_c", law.CriticalTokens, "tokens");
        write.Add("lossComputeScale", "Law: C_c^min of L(C_min)", law.LossComputeScale, law.ComputeUnitFlop == 1 ? "FLOP" : "PF-days");
        write.Add("lossComputeExponent", "Law: exponent of L(C_min)", law.LossComputeExponent);
        WriteFrontier(write, law, law.ParametersCoefficient, law.ParametersExponent, law.TokensCoefficient, law.TokensExponent);
    }

    /// <inheritdoc/>
    internal override (string Text, string Description) Convention(ScalingLaw law) =>
        ("N non-embedding; C in PF-days",
         "Kaplan's N counts non-embedding parameters; C is converted to PF-days (1 PF-day = 8.64e19 FLOP). "
            + "The frontier N_opt = 1.3e9·C^0.73, D_opt = 2e10·C^0.27 (Table 6) and the loss L(C_min) = (3.1e8/C)^0.050 "
            + "(eq. 1.3) are separate fits: 6·N·D = 1.81·C on the frontier.");

    /// <inheritdoc/>
    internal override (string Text, string Description) LossConstants(ScalingLaw law) =>
        ($"α_N {Format(law.AlphaN)}, α_D {Format(law.AlphaD)}, N_c {Format(law.CriticalParameters)}, D_c {Format(law.CriticalTokens)}",
         $"{law.DisplayName}: L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D, N non-embedding parameters, D training tokens.");

    /// <inheritdoc/>
    internal override bool HasSeparateFrontierFits(ScalingLaw law) => true;

    /// <inheritdoc/>
    internal override Assumption? ComparisonNote(ScalingLaw law, IReadOnlyList<(string Name, double Parameters, double Tokens)> models) => new()
    {
        Name = "lossParameters",
        Label = "Parameters in the loss",
        Text = "non-embedding",
        Description = "Kaplan's L(N, D) counts non-embedding parameters: each plan's N is taken as such in its loss (training and inference FLOP use the same N).",
        Source = law.Source,
        IsDefault = true,
    };
}
