using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The assumptions and errors the scaling calculations share: the default law, each form's conventions.</summary>
internal static class ScalingNotes
{
    /// <summary>The note that the data-constrained search starts from the Chinchilla-optimal split.</summary>
    public static readonly Assumption GridSearchStart = new()
    {
        Name = "dataConstrainedSearch",
        Label = "Data-constrained search",
        Text = "grid from the Chinchilla-optimal split",
        Description = "The datablations README grid search (500 multipliers i in linspace(1.0001, 3), trying (N/i, D·i) and "
            + "(N·i, D/i) at constant N·D with U = min(U, D)), started from the Chinchilla-optimal split of C under the law's "
            + "own E, A, B, α, β (6·N·D = C), which is itself a candidate.",
        Source = "Muennighoff et al. 2023, arXiv 2305.16264; huggingface/datablations README, Parametric Fit",
        IsDefault = true,
    };

    /// <summary>Returns the law to use, recording the default when none was given.</summary>
    public static ScalingLaw ChooseLaw(ScalingLaw? given, bool uniqueTokensGiven, ResolvedInputs inputs)
    {
        if (given is not null)
        {
            return given;
        }

        string id = uniqueTokensGiven ? LawCatalog.DataConstrainedLawId : LawCatalog.DefaultLawId;
        ScalingLaw law = LawCatalog.Default.Find(id) ?? LawCatalog.Default.DefaultLaw;
        inputs.Note(new Assumption
        {
            Name = "law",
            Label = "Scaling law",
            Text = law.Id,
            Description = law.DisplayName + (uniqueTokensGiven
                ? ". No law given: the data-constrained law, since unique tokens were given."
                : ". No law given: the default law."),
            Source = law.Source,
            IsDefault = true,
        });
        return law;
    }

    /// <summary>The error when unique tokens are given with a law that has no E, A, B, α, β.</summary>
    public static FieldError NoDataConstrainedForm(ScalingLaw law, double uniqueTokens) => new(
        "unique-tokens",
        $"needs a law with E, A, B, alpha, beta, and '{law.Id}' ({law.Form.JsonName} form) has none",
        InputSpec.Format(uniqueTokens),
        "--law hoffmann, hoffmann-unrounded, epoch, muennighoff or inline constants E=…,A=…,B=…,alpha=…,beta=…");

    /// <summary>The error when a law without a loss is asked for one, on the input that supplied the law (<c>law</c> or <c>law-file</c>).</summary>
    public static FieldError NoLoss(ScalingLaw law) => new(
        law.InputField,
        LawMessages.HasNoLoss(law.Id),
        law.Id,
        law.InputField == "law"
            ? "a law with a loss: hoffmann, hoffmann-unrounded, epoch, kaplan, muennighoff, or E=…,A=…,B=…,alpha=…,beta=…"
            : "a law file with a loss (\"form\": \"chinchilla\" with E, A, B, alpha, beta), or --law with a preset that has one");

    /// <summary>
    /// The note for a Muennighoff-form loss without unique tokens (U = D, nothing repeated): it equals the Chinchilla
    /// form E + A/N^α + B/D^β only where N ≤ N*(D) = (D·G)^(β/α)·G; above, the excess-parameter decay R_N* still applies.
    /// </summary>
    /// <param name="law">A Muennighoff-form law.</param>
    /// <param name="models">The (N, D) evaluated, with a name for each (e.g. <c>plan 2</c>), in order.</param>
    /// <returns>The note, saying which models are above N*(D).</returns>
    public static Assumption MuennighoffWithoutRepetition(ScalingLaw law, IReadOnlyList<(string Name, double Parameters, double Tokens)> models)
    {
        string[] above = models
            .Where(m => m.Parameters > DataConstrained.OptimalParametersForTokens(law, m.Tokens))
            .Select(m => m.Name)
            .ToArray();
        string rule = "No unique tokens given: U = D, nothing is repeated. The Muennighoff loss then equals the Chinchilla form "
            + "E + A/N^α + B/D^β only where N ≤ N*(D) = (D·G)^(β/α)·G, the compute-optimal size for D tokens; above it the "
            + "excess-parameter decay R_N* applies even without repetition (N′ < N), as in the datablations code.";
        string text;
        string description;
        if (models.Count == 1)
        {
            (_, double n, double d) = models[0];
            double nStar = DataConstrained.OptimalParametersForTokens(law, d);
            text = above.Length == 0 ? "Chinchilla form (N ≤ N*(D))" : "excess parameters decay (N > N*(D))";
            description = rule + $" Here N*(D) = {Significant(nStar)}, so "
                + (above.Length == 0
                    ? "the loss is the Chinchilla form's."
                    : $"the loss is above the Chinchilla form's {Significant(law.AsChinchilla().ChinchillaLoss(n, d))}.");
        }
        else
        {
            text = above.Length == 0 ? "Chinchilla form (N ≤ N*(D))" : "excess parameters decay: " + string.Join(", ", above);
            description = rule + (above.Length == 0
                ? " Every model here has N ≤ N*(D): the losses are the Chinchilla form's."
                : $" Above N*(D), with losses above the Chinchilla form's: {string.Join(", ", above)}.");
        }

        return new Assumption
        {
            Name = "withoutRepetition",
            Label = "Muennighoff loss without repetition",
            Text = text,
            Description = description,
            Source = "Muennighoff et al. 2023, arXiv 2305.16264; huggingface/datablations README",
            IsDefault = true,
        };
    }

    /// <summary>Records how repeated data is treated.</summary>
    public static void NoteDataConstrained(ScalingLaw law, ResolvedInputs inputs)
    {
        bool own = law.RepeatedTokensDecay is not null && law.RepeatedParametersDecay is not null;
        ScalingLaw decayed = DataConstrained.WithRepetitionDecay(law);
        inputs.Note(new Assumption
        {
            Name = "repetitionDecay",
            Label = "Repeated-data decay R_D*, R_N*",
            Text = string.Create(CultureInfo.InvariantCulture, $"R_D* {decayed.RepeatedTokensDecay}, R_N* {decayed.RepeatedParametersDecay}"),
            Description = own
                ? "L = E + A/N′^α + B/D′^β: repeated tokens and excess parameters are worth less (Muennighoff et al. 2023)."
                : $"Muennighoff's repeated-data decay applied to the E, A, B, α, β of '{law.Id}' (not fitted together; an extrapolation).",
            Source = "Muennighoff et al. 2023, arXiv 2305.16264; huggingface/datablations README",
            IsDefault = true,
        });
    }

    /// <summary>Records the conventions of the law's form.</summary>
    public static void NoteForm(ScalingLaw law, ResolvedInputs inputs)
    {
        (string text, string description) = law.Form.Convention(law);
        inputs.Note(new Assumption
        {
            Name = "lawConvention",
            Label = "Law convention",
            Text = text,
            Description = description,
            Source = law.Source,
            IsDefault = true,
        });
    }

    private static string Significant(double value) =>
        value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
