using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The constants of a law as result fields (<c>law.E</c>, <c>law.alpha</c>, …), for JSON, tables and listings.</summary>
/// <remarks>
/// Keys follow the law-file schema (<c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>, <c>beta</c>,
/// <c>parametersCoefficient</c>, <c>parametersExponent</c>, <c>tokensCoefficient</c>, <c>tokensExponent</c>), so a
/// result's <c>law</c> object can be read back with <see cref="LawCatalog.ParseLawFile"/>. The frontier of a
/// Chinchilla-form law is given in the power form with C in FLOP: N_opt = (G·6^−a)·C^a, D_opt = (6^−b/G)·C^b.
/// No object ever holds both <c>A</c> and a lower-case <c>a</c>. The readers of user laws
/// (<see cref="LawCatalog.ParseInline"/>, <see cref="LawCatalog.ParseLawFile"/>) reject constants whose G, G·6^−a or
/// 6^−b/G would be 0 or infinite, so these fields are finite for every law they return. Thread-safe.
/// </remarks>
public static class LawConstants
{
    /// <summary>Gets the constants of <paramref name="law"/> as fields.</summary>
    /// <param name="law">The law.</param>
    /// <param name="prefix">The key prefix, e.g. <c>law.</c> (a dot makes a nested JSON object) or empty.</param>
    /// <returns>The fields, in the order of the law-file schema; only the constants the law has.</returns>
    public static IReadOnlyList<ResultField> Fields(ScalingLaw law, string prefix = "law.")
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(prefix);
        var fields = new List<ResultField>();
        void Add(string key, string label, double? value, string unit = "")
        {
            if (value is double v)
            {
                fields.Add(new ResultField(prefix + key, label, v, unit));
            }
        }

        Add("E", "Law: irreducible loss E", law.E, "nats/token");
        Add("A", "Law: parameter coefficient A", law.A);
        Add("B", "Law: data coefficient B", law.B);
        Add("alpha", "Law: parameter exponent α", law.Alpha);
        Add("beta", "Law: data exponent β", law.Beta);
        Add("repeatedTokensDecay", "Law: repeated-token decay R_D*", law.RepeatedTokensDecay);
        Add("repeatedParametersDecay", "Law: excess-parameter decay R_N*", law.RepeatedParametersDecay);
        Add("alphaN", "Law: α_N", law.AlphaN);
        Add("alphaD", "Law: α_D", law.AlphaD);
        Add("criticalParameters", "Law: N_c", law.CriticalParameters, "parameters");
        Add("criticalTokens", "Law: D_c", law.CriticalTokens, "tokens");
        Add("lossComputeScale", "Law: C_c^min of L(C_min)", law.LossComputeScale, law.ComputeUnitFlop == 1 ? "FLOP" : "PF-days");
        Add("lossComputeExponent", "Law: exponent of L(C_min)", law.LossComputeExponent);
        Add("modelFlopPerTokenCoefficient", "Law: M_opt coefficient", law.ModelFlopPerTokenCoefficient);
        Add("modelFlopPerTokenExponent", "Law: M_opt exponent", law.ModelFlopPerTokenExponent);
        double? g = law.ParametersCoefficient;
        double? a = law.ParametersExponent;
        double? h = law.TokensCoefficient;
        double? b = law.TokensExponent;
        if (law.IsChinchillaForm || (law.Form == LawForm.Muennighoff && law.HasChinchillaConstants))
        {
            (double gc, double ac, double bc) = law.AsChinchilla().ChinchillaFrontier();
            g = gc * Math.Pow(6, -ac);
            a = ac;
            h = Math.Pow(6, -bc) / gc;
            b = bc;
        }

        Add("parametersCoefficient", "Law: frontier N_opt = G·C^a, G", g);
        Add("parametersExponent", "Law: frontier exponent a", a);
        Add("tokensCoefficient", "Law: frontier D_opt = H·C^b, H", h);
        Add("tokensExponent", "Law: frontier exponent b", b);
        if (law.ComputeUnitFlop != 1)
        {
            Add("computeUnitFlop", "Law: compute unit of C", law.ComputeUnitFlop, "FLOP");
        }

        Add("ruleTokensPerParameter", "Law: fixed tokens per parameter", law.RuleTokensPerParameter, "tokens/parameter");
        Add("learningRateCoefficient", "Law: η_opt coefficient", law.LearningRateCoefficient);
        Add("learningRateExponent", "Law: η_opt exponent", law.LearningRateExponent);
        Add("batchSizeCoefficient", "Law: B_opt coefficient", law.BatchSizeCoefficient, "tokens");
        Add("batchSizeExponent", "Law: B_opt exponent", law.BatchSizeExponent);
        fields.Add(ResultField.Boolean(prefix + "derived", "Law: derived (fitted to a table), not published", law.IsDerived));
        return fields;
    }

    /// <summary>Gets the lowercase name of a form, as in the law-file schema: <c>chinchilla</c>, <c>power</c>, <c>kaplan</c>, <c>deepseek</c>, <c>muennighoff</c>.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The name.</returns>
    public static string FormName(LawForm form) => form switch
    {
        LawForm.Chinchilla => "chinchilla",
        LawForm.Power => "power",
        LawForm.Kaplan => "kaplan",
        LawForm.DeepSeek => "deepseek",
        LawForm.Muennighoff => "muennighoff",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Value should be a defined LawForm."),
    };
}
