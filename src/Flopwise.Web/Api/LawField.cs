using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Web.Api;

/// <summary>
/// The field that chooses a scaling law, as the CLI's <c>--law</c>: a preset (see <c>GET /api/laws</c>) or inline
/// constants <c>E=…,A=…,B=…,alpha=…,beta=…</c>; without it, the default law, stated as such. The notes are worded
/// as the CLI's so that both front ends answer the same JSON. The CLI's <c>--law-file FILE</c> names a file and is
/// refused.
/// </summary>
internal static class LawField
{
    private const string RepeatedReason = "No --law given: the data-constrained law, since --unique-tokens was given.";

    public static ScalingLaw? Read(WebInputs inputs, List<Assumption> notes, bool mixture = false) => Read(inputs, notes, LawCatalog.DefaultLawId, null, mixture);

    /// <summary>Reads the law of <c>loss</c> and <c>optimal</c>: by default the data-constrained law when unique tokens are given.</summary>
    public static ScalingLaw? ReadForUniqueTokens(WebInputs inputs, List<Assumption> notes, bool uniqueTokens, bool mixture = false) => uniqueTokens
        ? Read(inputs, notes, LawCatalog.DataConstrainedLawId, RepeatedReason, mixture)
        : Read(inputs, notes, mixture);

    /// <summary>
    /// Reads <c>law</c>. A mixture of presets (<c>epoch|hoffmann</c>) is taken only by the calculators that run it as a
    /// Monte Carlo (<paramref name="mixture"/>): as the CLI, the first law then stands for the point answer and
    /// <see cref="MonteCarloFields.LawMixture"/> adds the mixture itself.
    /// </summary>
    public static ScalingLaw? Read(WebInputs inputs, List<Assumption> notes, string defaultId, string? defaultReason, bool mixture = false)
    {
        inputs.RefuseFile("lawFile", "a preset or inline constants in law (E=…,A=…,B=…,alpha=…,beta=…)");
        string? typed = inputs.Text("law");
        if (Flopwise.Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            if (!mixture)
            {
                inputs.Add(new FieldError("law", "is a mixture of laws, which this calculator does not draw from", typed!, "one preset or inline constants (mixtures are taken by optimal, plan, compare and budget)"));
                return null;
            }

            Outcome<Flopwise.Uncertainty.LawMixture> parsed = Flopwise.Uncertainty.LawMixture.Parse(typed!, LawCatalog.Default);
            AddAll(inputs, parsed.Errors);
            return parsed.Value?.Laws[0];
        }

        Outcome<ScalingLaw> resolved = LawFields.ResolveTyped(typed, defaultId, defaultReason, notes);
        AddAll(inputs, resolved.Errors);
        return resolved.Value;
    }

    private static void AddAll(WebInputs inputs, IReadOnlyList<FieldError> errors)
    {
        foreach (FieldError error in errors)
        {
            inputs.Add(error);
        }
    }
}
