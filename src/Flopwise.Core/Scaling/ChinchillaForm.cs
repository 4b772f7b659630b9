namespace Flopwise.Scaling;

/// <summary>
/// The Chinchilla form (Hoffmann et al. 2022, eq. 2 and §3.3): L = E + A/N^α + B/D^β with N total parameters and D
/// tokens; the budget C = 6·N·D splits as N_opt = G·(C/6)^a, D_opt = (C/6)^b / G with G = (α·A/(β·B))^(1/(α+β)),
/// a = β/(α+β), b = α/(α+β).
/// </summary>
/// <remarks>
/// Constants: <c>E</c> (at least 0), <c>A</c>, <c>B</c> (or <c>logE</c>, <c>logA</c>, <c>logB</c>), <c>alpha</c>,
/// <c>beta</c>. Its frontier is written in the power form with C in FLOP (<see cref="LawConstants"/>).
/// The <see cref="MuennighoffForm"/> shares its constants and frontier. Stateless and thread-safe.
/// </remarks>
public sealed class ChinchillaForm : LawForm
{
    /// <summary>Initializes a new instance of the <see cref="ChinchillaForm"/> class; use <see cref="LawForm.Chinchilla"/>.</summary>
    internal ChinchillaForm()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Chinchilla";

    /// <inheritdoc/>
    public override string JsonName => "chinchilla";

    /// <inheritdoc/>
    public override bool HasLoss => true;

    /// <inheritdoc/>
    public override double Loss(ScalingLaw law, double parameters, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.ChinchillaLoss(parameters, tokens);
    }

    /// <inheritdoc/>
    public override Allocation Optimal(ScalingLaw law, double compute)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.AsChinchilla().ChinchillaOptimal(compute);
    }

    /// <inheritdoc/>
    public override string Summary(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return LossSummary(law);
    }

    /// <inheritdoc/>
    internal override ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read) => ReadLossConstants(law, read);

    /// <inheritdoc/>
    internal override void WriteConstants(ScalingLaw law, LawConstantWriter write)
    {
        WriteLossConstants(law, write);
        WriteClosedFormFrontier(law, write);
    }

    /// <inheritdoc/>
    internal override (string Text, string Description) Convention(ScalingLaw law) =>
        ("C = 6·N·D, N total parameters",
         "L = E + A/N^α + B/D^β with N total parameters and D tokens; the optimum of C = 6·N·D is the closed form of "
            + "Hoffmann et al. 2022, §3.3.");

    /// <inheritdoc/>
    internal override (string Text, string Description) LossConstants(ScalingLaw law) => law.IsChinchillaForm
        ? (LossConstantsText(law), $"{law.DisplayName}: L = E + A/N^α + B/D^β, N total parameters, D training tokens.")
        : base.LossConstants(law);

    /// <summary>Reads E (at least 0), A, B (or their logarithms), α, β.</summary>
    internal static ScalingLaw ReadLossConstants(ScalingLaw law, LawConstantReader read) => law with
    {
        E = read.RequiredOrLog("E", allowZero: true),
        A = read.RequiredOrLog("A"),
        B = read.RequiredOrLog("B"),
        Alpha = read.Required("alpha"),
        Beta = read.Required("beta"),
    };

    /// <summary>Writes E, A, B, α, β.</summary>
    internal static void WriteLossConstants(ScalingLaw law, LawConstantWriter write)
    {
        write.Add("E", "Law: irreducible loss E", law.E, "nats/token");
        write.Add("A", "Law: parameter coefficient A", law.A);
        write.Add("B", "Law: data coefficient B", law.B);
        write.Add("alpha", "Law: parameter exponent α", law.Alpha);
        write.Add("beta", "Law: data exponent β", law.Beta);
    }

    /// <summary>
    /// Writes the closed-form frontier in the power form with C in FLOP, N_opt = (G·6^−a)·C^a, D_opt = (6^−b/G)·C^b,
    /// when E, A, B, α, β are all present (otherwise whatever frontier constants the law holds).
    /// </summary>
    internal static void WriteClosedFormFrontier(ScalingLaw law, LawConstantWriter write)
    {
        if (!law.HasChinchillaConstants)
        {
            WriteFrontier(write, law, law.ParametersCoefficient, law.ParametersExponent, law.TokensCoefficient, law.TokensExponent);
            return;
        }

        (double g, double a, double b) = law.AsChinchilla().ChinchillaFrontier();
        WriteFrontier(write, law, g * Math.Pow(6, -a), a, Math.Pow(6, -b) / g, b);
    }

    /// <summary>The one-line summary of E, A, B, α, β.</summary>
    internal static string LossSummary(ScalingLaw law) =>
        $"E {Short(law.E)}, A {Short(law.A)}, B {Short(law.B)}, α {Short(law.Alpha)}, β {Short(law.Beta)}";

    /// <summary>E, A, B, α, β for a note.</summary>
    internal static string LossConstantsText(ScalingLaw law) =>
        $"E {Format(law.E)}, A {Format(law.A)}, B {Format(law.B)}, α {Format(law.Alpha)}, β {Format(law.Beta)}";
}
