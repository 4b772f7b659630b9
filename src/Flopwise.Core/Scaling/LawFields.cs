using Flopwise.Calculators;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The fields that choose a scaling law, declared once for every calculator that takes one: <c>law</c> (a preset, see
/// <c>laws</c>, or inline constants <c>E=…,A=…,B=…,alpha=…,beta=…</c>) and <c>law-file</c> (the law-file schema, e.g.
/// the output of <c>fit</c> in JSON). Without either, the default law is used, stated as a default.
/// </summary>
public static class LawFields
{
    /// <summary>The note of the data-constrained default, used when unique tokens are given.</summary>
    public const string RepeatedReason = "No --law given: the data-constrained law, since --unique-tokens was given.";

    /// <summary>Gets the <c>law</c> field: a preset or inline constants.</summary>
    public static Field Law { get; } = new()
    {
        Name = "law",
        Kind = FieldKind.Name,
        Label = "Scaling law (preset or E=…,A=…,B=…,alpha=…,beta=…)",
        Description = "The scaling law: a preset (see flopwise laws), e.g. hoffmann, epoch, kaplan, muennighoff; or inline "
            + "constants E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28 (E, A, B case-sensitive, or their natural logarithms "
            + "logE, logA, logB). Default " + LawCatalog.DefaultLawId
            + " (Besiroglu et al. 2024).",
        HelpName = "preset|E=…,A=…,B=…,alpha=…,beta=…",
    };

    /// <summary>Gets the <c>law-file</c> field: a JSON law file.</summary>
    public static Field LawFile { get; } = new()
    {
        Name = "law-file",
        Kind = FieldKind.File,
        Label = "Law file (JSON)",
        Description = "A JSON law file: {\"name\", \"form\": \"chinchilla\", \"E\", \"A\", \"B\", \"alpha\", \"beta\", \"source\"} "
            + "or {\"name\", \"form\": \"power\", \"parametersCoefficient\", \"parametersExponent\", \"tokensCoefficient\", "
            + "\"tokensExponent\", \"computeUnit\": \"flop\", \"source\"}, at the top level or under \"law\" (flopwise fit --json writes one).",
        HelpName = "FILE",
        Advanced = true,
    };

    /// <summary>Gets both law fields, in the order the calculators declare them.</summary>
    public static IReadOnlyList<Field> All { get; } = [Law, LawFile];

    /// <summary>
    /// Resolves the law of a calculator that takes one law (no mixture), defaulting to <paramref name="defaultId"/>
    /// (with <paramref name="defaultReason"/> in the note). The law used (and how its name was resolved) is added to
    /// <paramref name="notes"/>; problems are recorded on <paramref name="inputs"/> and <see langword="null"/> returned.
    /// </summary>
    /// <param name="inputs">The calculator's inputs, which declare <see cref="All"/>.</param>
    /// <param name="notes">The assumptions of the answer.</param>
    /// <param name="calculator">The calculator's name, for the refusal of a mixture.</param>
    /// <param name="defaultId">The law used when none is given.</param>
    /// <param name="defaultReason">The note of the default, or <see langword="null"/> for the plain one.</param>
    /// <returns>The law, or <see langword="null"/> after recording a problem.</returns>
    public static ScalingLaw? Resolve(CalculatorInputs inputs, List<Assumption> notes, string calculator, string defaultId, string? defaultReason)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(notes);
        string? typed = inputs.Text(Law.Name);
        if (typed is not null && inputs.FileName(LawFile.Name) is string path)
        {
            // Refused before the file is read: the combination is the problem, whatever the file holds.
            inputs.Add(new FieldError(LawFile.Name, "cannot be combined with {=law}", path, "either {=law} or {=law-file}"));
            return null;
        }

        string? fileText = inputs.Text(LawFile.Name);

        if (fileText is not null)
        {
            string fileName = Path.GetFileName(inputs.FileName(LawFile.Name) ?? "law.json");
            Outcome<ScalingLaw> file = LawCatalog.ParseLawFile(fileText, fileName);
            if (file.Value is null)
            {
                inputs.AddRange(file.Errors);
                return null;
            }

            notes.Add(file.Value.ToAssumption(isDefault: false, $"Read from {fileName}."));
            return file.Value;
        }

        if (Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            inputs.Add(new FieldError(
                Law.Name,
                $"is a mixture, which {calculator} does not sample",
                typed!,
                "one law (a preset, inline constants or {=law-file}); mixtures work in optimal, plan, compare, budget and scenario"));
            return null;
        }

        Outcome<ScalingLaw> resolved = ResolveTyped(typed, defaultId, defaultReason, notes);
        inputs.AddRange(resolved.Errors);
        return resolved.Value;
    }

    /// <summary>
    /// Resolves a law typed in <c>law</c> that is neither a file nor a mixture: inline constants (<c>E=…,A=…</c>), a
    /// preset (id, alias or prefix), or, when nothing is typed, the default; its assumption goes to
    /// <paramref name="notes"/>. One copy for every front end that still reads <c>law</c> by hand.
    /// </summary>
    /// <param name="typed">The text, or <see langword="null"/> when not given.</param>
    /// <param name="defaultId">The preset used when nothing is typed.</param>
    /// <param name="defaultReason">Why that default, or <see langword="null"/> for the generic note.</param>
    /// <param name="notes">Where the law's assumption is added.</param>
    /// <returns>The law, or the errors of the text.</returns>
    public static Outcome<ScalingLaw> ResolveTyped(string? typed, string defaultId, string? defaultReason, List<Assumption> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (typed is not null && typed.Contains('=', StringComparison.Ordinal))
        {
            Outcome<ScalingLaw> inline = LawCatalog.ParseInline(typed);
            if (inline.Value is not null)
            {
                notes.Add(inline.Value.ToAssumption(isDefault: false, "Constants given with --law."));
            }

            return inline;
        }

        if (typed is null)
        {
            ScalingLaw fallback = LawCatalog.Default.Find(defaultId) ?? LawCatalog.Default.DefaultLaw;
            notes.Add(fallback.ToAssumption(isDefault: true, defaultReason ?? "No --law given: the default law."));
            return Outcome<ScalingLaw>.Success(fallback);
        }

        LawMatch match = LawCatalog.Default.Resolve(typed);
        if (match.Law is null)
        {
            return Outcome<ScalingLaw>.Failure([match.Error!]);
        }

        notes.Add(match.Law.ToAssumption(isDefault: false, match.Note is null ? null : match.Note + "."));
        return Outcome<ScalingLaw>.Success(match.Law);
    }
}
