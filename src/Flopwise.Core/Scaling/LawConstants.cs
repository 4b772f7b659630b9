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
/// 6^−b/G would be 0 or infinite, so these fields are finite for every law they return. Which constants are written,
/// and in what order, is the law's form's (<see cref="LawForm"/>); the <c>derived</c> flag ends every list. Thread-safe.
/// </remarks>
public static class LawConstants
{
    /// <summary>Gets the constants of <paramref name="law"/> as fields.</summary>
    /// <param name="law">The law.</param>
    /// <param name="prefix">The key prefix, e.g. <c>law.</c> (a dot makes a nested JSON object) or empty.</param>
    /// <returns>The fields, in the order of the law-file schema; only the constants of the law's form that it has.</returns>
    public static IReadOnlyList<ResultField> Fields(ScalingLaw law, string prefix = "law.")
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(prefix);
        var write = new LawConstantWriter(prefix);
        law.Form.WriteConstants(law, write);
        write.Fields.Add(ResultField.Boolean(prefix + "derived", "Law: derived (fitted to a table), not published", law.IsDerived));
        return write.Fields;
    }

    /// <summary>Gets the lowercase name of a form, as in the law-file schema: <c>chinchilla</c>, <c>power</c>, <c>kaplan</c>, <c>deepseek</c>, <c>muennighoff</c>.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The name.</returns>
    public static string FormName(LawForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.JsonName;
    }
}
