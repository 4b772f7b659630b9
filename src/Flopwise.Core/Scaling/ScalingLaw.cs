using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>
/// A scaling law: a loss L(N, D) and/or a compute-optimal frontier, with its constants, source and notes.
/// </summary>
/// <remarks>
/// <para>For the <see cref="ChinchillaForm"/> (Hoffmann et al. 2022, eq. 2 and §3.3): L = E + A/N^α + B/D^β
/// with N total parameters and D tokens, and the budget C = 6·N·D is split as N_opt = G·(C/6)^a, D_opt = (C/6)^b / G
/// with G = (α·A/(β·B))^(1/(α+β)), a = β/(α+β), b = α/(α+β).</para>
/// <para>Other forms keep their constants in the properties named for them; a property a form does not use is
/// <see langword="null"/>. Immutable and thread-safe.</para>
/// </remarks>
public sealed record ScalingLaw
{
    /// <summary>Gets the id, e.g. <c>hoffmann</c>, <c>epoch</c>, or the name of a user's law.</summary>
    public required string Id { get; init; }

    /// <summary>Gets a human name, e.g. <c>Hoffmann et al. 2022 (printed constants)</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the functional form, which owns the law's loss, frontier, constants and notes.</summary>
    public required LawForm Form { get; init; }

    /// <summary>Gets where the constants come from (paper, table, equation, URL).</summary>
    public required string Source { get; init; }

    /// <summary>Gets notes: derivations, caveats, unit conventions.</summary>
    public string Notes { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the constants were derived (fitted to a table) rather than published.</summary>
    public bool IsDerived { get; init; }

    /// <summary>
    /// Gets the input that supplied the law, blamed in errors about it: <c>law</c> (a preset or inline constants, the
    /// default) or <c>law-file</c> (set by <see cref="LawCatalog.ParseLawFile"/>).
    /// </summary>
    public string InputField { get; init; } = "law";

    /// <summary>Gets E, the irreducible loss (Chinchilla and Muennighoff forms).</summary>
    public double? E { get; init; }

    /// <summary>Gets A, the parameter-term coefficient.</summary>
    public double? A { get; init; }

    /// <summary>Gets B, the data-term coefficient.</summary>
    public double? B { get; init; }

    /// <summary>Gets α, the parameter exponent.</summary>
    public double? Alpha { get; init; }

    /// <summary>Gets β, the data exponent.</summary>
    public double? Beta { get; init; }

    /// <summary>Gets G of a power-form frontier N_opt = G·C^a (C in FLOP, or in <see cref="ComputeUnitFlop"/> units when that is not 1).</summary>
    public double? ParametersCoefficient { get; init; }

    /// <summary>Gets a of a power-form frontier.</summary>
    public double? ParametersExponent { get; init; }

    /// <summary>Gets H of a power-form frontier D_opt = H·C^b (C in FLOP, or in <see cref="ComputeUnitFlop"/> units when that is not 1).</summary>
    public double? TokensCoefficient { get; init; }

    /// <summary>Gets b of a power-form frontier.</summary>
    public double? TokensExponent { get; init; }

    /// <summary>Gets other names that resolve to this law, lowercase (e.g. <c>chinchilla</c> for <c>hoffmann</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Gets the compute unit of the frontier constants, in FLOP: 1 (the default) for laws whose C is in FLOP,
    /// 8.64e19 (one PF-day) for Kaplan's Table 6 frontier. A power form N_opt = G·(C/u)^a is evaluated with
    /// C in FLOP divided by this unit u.
    /// </summary>
    public double ComputeUnitFlop { get; init; } = 1;

    /// <summary>Gets the fixed tokens per parameter of a rule-of-thumb law (D = m·N, C = 6·N·D), or <see langword="null"/>.</summary>
    public double? RuleTokensPerParameter { get; init; }

    /// <summary>Gets Kaplan's α_N of the joint law L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Table 2: 0.076).</summary>
    public double? AlphaN { get; init; }

    /// <summary>Gets Kaplan's α_D of the joint law (Table 2: 0.103).</summary>
    public double? AlphaD { get; init; }

    /// <summary>Gets Kaplan's N_c of the joint law, in non-embedding parameters (Table 2: 6.4e13).</summary>
    public double? CriticalParameters { get; init; }

    /// <summary>Gets Kaplan's D_c of the joint law, in tokens (Table 2: 1.8e13).</summary>
    public double? CriticalTokens { get; init; }

    /// <summary>Gets Kaplan's C_c^min of L(C_min) = (C_c^min/C_min)^α, in <see cref="ComputeUnitFlop"/> units (eq. 1.3: 3.1e8 PF-days).</summary>
    public double? LossComputeScale { get; init; }

    /// <summary>Gets Kaplan's α_C^min of L(C_min) (eq. 1.3: 0.050).</summary>
    public double? LossComputeExponent { get; init; }

    /// <summary>Gets DeepSeek's coefficient of M_opt = k·C^m (FLOP per token; eq. 4: 0.1715).</summary>
    public double? ModelFlopPerTokenCoefficient { get; init; }

    /// <summary>Gets DeepSeek's exponent of M_opt (eq. 4: 0.5243).</summary>
    public double? ModelFlopPerTokenExponent { get; init; }

    /// <summary>Gets DeepSeek's coefficient of the optimal learning rate η_opt = k·C^e (eq. 1: 0.3118).</summary>
    public double? LearningRateCoefficient { get; init; }

    /// <summary>Gets DeepSeek's exponent of η_opt (eq. 1: −0.1250).</summary>
    public double? LearningRateExponent { get; init; }

    /// <summary>Gets DeepSeek's coefficient of the optimal batch size B_opt = k·C^e in tokens (eq. 1: 0.2920).</summary>
    public double? BatchSizeCoefficient { get; init; }

    /// <summary>Gets DeepSeek's exponent of B_opt (eq. 1: 0.3271).</summary>
    public double? BatchSizeExponent { get; init; }

    /// <summary>Gets Muennighoff's R_D*, the decay constant of repeated tokens (15.387756).</summary>
    public double? RepeatedTokensDecay { get; init; }

    /// <summary>Gets Muennighoff's R_N*, the decay constant of excess parameters (5.309743).</summary>
    public double? RepeatedParametersDecay { get; init; }

    /// <summary>Gets a value indicating whether E, A, B, α and β are all present (Chinchilla and Muennighoff forms).</summary>
    public bool HasChinchillaConstants => E is not null && A is not null && B is not null && Alpha is not null && Beta is not null;

    /// <summary>Gets a value indicating whether the law has a loss function L(N, D).</summary>
    public bool HasLoss => Form.HasLoss;

    /// <summary>Gets a value indicating whether the law is of the Chinchilla form (E, A, B, α, β all present).</summary>
    public bool IsChinchillaForm => Form == LawForm.Chinchilla && HasChinchillaConstants;

    /// <summary>Gets the loss L(N, D) without repeated data, as the law's form defines it (<see cref="LawForm.Loss"/>).</summary>
    /// <param name="parameters">N (&gt; 0; non-embedding for Kaplan).</param>
    /// <param name="tokens">D (&gt; 0).</param>
    /// <returns>The loss in nats per token.</returns>
    /// <exception cref="InvalidOperationException">The law has no loss (<see cref="HasLoss"/>) or lacks a constant.</exception>
    public double Loss(double parameters, double tokens) => Form.Loss(this, parameters, tokens);

    /// <summary>Gets the compute-optimal allocation of a budget, as the law's form defines it (<see cref="LawForm.Optimal"/>).</summary>
    /// <param name="compute">C in FLOP (&gt; 0).</param>
    /// <returns>The allocation; its loss is <see langword="null"/> when the form predicts none on the frontier.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of its form's constants.</exception>
    public Allocation Optimal(double compute) => Form.Optimal(this, compute);

    /// <summary>Gets the loss of the Chinchilla form, E + A/N^α + B/D^β.</summary>
    /// <param name="parameters">N, total parameters (&gt; 0).</param>
    /// <param name="tokens">D, training tokens (&gt; 0).</param>
    /// <returns>The loss in nats per token.</returns>
    /// <exception cref="InvalidOperationException">The law is not of the Chinchilla form.</exception>
    public double ChinchillaLoss(double parameters, double tokens)
    {
        RequireChinchilla();
        return E!.Value + (A!.Value / Math.Pow(parameters, Alpha!.Value)) + (B!.Value / Math.Pow(tokens, Beta!.Value));
    }

    /// <summary>Gets the compute-optimal split of a budget under the Chinchilla form (closed form, §3.3).</summary>
    /// <param name="compute">C in FLOP (&gt; 0).</param>
    /// <returns>The allocation, with its loss; 6·N·D = C.</returns>
    /// <exception cref="InvalidOperationException">The law is not of the Chinchilla form.</exception>
    public Allocation ChinchillaOptimal(double compute)
    {
        RequireChinchilla();
        double alpha = Alpha!.Value;
        double beta = Beta!.Value;
        double g = Math.Pow(alpha * A!.Value / (beta * B!.Value), 1 / (alpha + beta));
        double a = beta / (alpha + beta);
        double b = alpha / (alpha + beta);
        double n = g * Math.Pow(compute / 6, a);
        double d = Math.Pow(compute / 6, b) / g;
        return new Allocation { Compute = compute, Parameters = n, Tokens = d, Loss = ChinchillaLoss(n, d) };
    }

    /// <summary>Gets the frontier constants of the Chinchilla form: G, a = β/(α+β), b = α/(α+β).</summary>
    /// <returns>(G, a, b).</returns>
    /// <exception cref="InvalidOperationException">The law is not of the Chinchilla form.</exception>
    public (double G, double ParametersExponent, double TokensExponent) ChinchillaFrontier()
    {
        RequireChinchilla();
        double alpha = Alpha!.Value;
        double beta = Beta!.Value;
        return (Math.Pow(alpha * A!.Value / (beta * B!.Value), 1 / (alpha + beta)), beta / (alpha + beta), alpha / (alpha + beta));
    }

    /// <summary>
    /// Returns this law's E, A, B, α, β as a plain <see cref="ChinchillaForm"/> law; a Chinchilla-form law is
    /// returned as is.
    /// </summary>
    /// <remarks>
    /// For a Muennighoff law the frontier is the same, but the loss agrees only where neither decay applies: no data
    /// repeated (U ≥ D) and N ≤ N*(D) = (D·G)^(β/α)·G, the compute-optimal size for D tokens (every point of the
    /// compute-optimal frontier has N = N*(D)). Above N*(D) the excess-parameter decay R_N* raises the Muennighoff loss
    /// even without repetition (see <see cref="DataConstrained.Loss"/>).
    /// </remarks>
    /// <returns>The Chinchilla-form law, with the same id, name and source.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    public ScalingLaw AsChinchilla()
    {
        if (IsChinchillaForm)
        {
            return this;
        }

        return HasChinchillaConstants
            ? this with { Form = LawForm.Chinchilla, RepeatedTokensDecay = null, RepeatedParametersDecay = null }
            : throw new InvalidOperationException($"Law '{Id}' of the {Form} form has no constants E, A, B, α, β.");
    }

    private void RequireChinchilla()
    {
        if (!IsChinchillaForm)
        {
            throw new InvalidOperationException($"Law '{Id}' is of the {Form} form, not the Chinchilla form E + A/N^α + B/D^β.");
        }
    }

    /// <summary>The assumption that records which law a calculation used and how its name was resolved.</summary>
    /// <param name="isDefault">Whether the law is the default (not chosen by the user).</param>
    /// <param name="how">How the law was chosen or read (a sentence), or <see langword="null"/>.</param>
    /// <returns>The <c>law</c> assumption.</returns>
    public Flopwise.Reporting.Assumption ToAssumption(bool isDefault, string? how) => new()
    {
        Name = "law",
        Label = "Scaling law",
        Text = Id,
        Description = how is null ? DisplayName + "." : $"{DisplayName}. {how}",
        Source = Source,
        IsDefault = isDefault,
    };
}
