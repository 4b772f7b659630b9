using System.CommandLine;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli;

/// <summary>
/// The options that choose a scaling law, the same in every command: <c>--law P</c> (a preset, see
/// <c>flopwise laws</c>, or inline constants <c>E=…,A=…,B=…,alpha=…,beta=…</c>) or <c>--law-file F</c> (the law-file
/// schema, e.g. the output of <c>flopwise fit --json</c>). Without either, the Epoch refit is used, stated as a default.
/// </summary>
internal sealed class LawOptions
{
    private readonly Option<string> _law = new("--law")
    {
        Description = "The scaling law: a preset (see flopwise laws), e.g. hoffmann, epoch, kaplan, muennighoff; or inline "
            + "constants E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28 (E, A, B case-sensitive, or their natural logarithms "
            + "logE, logA, logB). Default " + LawCatalog.DefaultLawId
            + " (Besiroglu et al. 2024).",
        HelpName = "preset|E=…,A=…,B=…,alpha=…,beta=…",
    };

    private readonly Option<string> _lawFile = new("--law-file")
    {
        Description = "A JSON law file: {\"name\", \"form\": \"chinchilla\", \"E\", \"A\", \"B\", \"alpha\", \"beta\", \"source\"} "
            + "or {\"name\", \"form\": \"power\", \"parametersCoefficient\", \"parametersExponent\", \"tokensCoefficient\", "
            + "\"tokensExponent\", \"computeUnit\": \"flop\", \"source\"}, at the top level or under \"law\" (flopwise fit --json writes one).",
        HelpName = "FILE",
    };

    public LawOptions(Command command)
    {
        command.Add(_law);
        command.Add(_lawFile);
    }

    /// <summary>Gets a value indicating whether the user chose a law (<c>--law</c> or <c>--law-file</c>).</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(_law) is not null || parse.GetValue(_lawFile) is not null;

    /// <summary>
    /// Adds the law to the Monte Carlo inputs when <c>--law</c> is a mixture (<c>epoch|hoffmann</c>), and returns the
    /// function that gives each sample's law; <see langword="null"/> when the law is fixed.
    /// </summary>
    public Func<Flopwise.Inputs.InputValues, ScalingLaw>? Mixture(ParseResult parse, List<Assumption> notes, ref IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain)
    {
        string? typed = parse.GetValue(_law);
        if (!Flopwise.Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            return null;
        }

        Flopwise.Inputs.Outcome<Flopwise.Uncertainty.LawMixture> parsed = Flopwise.Uncertainty.LawMixture.Parse(typed!, LawCatalog.Default);
        Flopwise.Uncertainty.LawMixture mixture = parsed.Value ?? throw UsageException.From(parsed.Errors[0]);
        notes.Add(mixture.ToAssumption());
        uncertain = [.. uncertain, mixture.ToUncertainInput(typed!)];
        return v => mixture.Pick(v.Get(Flopwise.Uncertainty.LawMixture.ChoiceInput) ?? 0);
    }

    /// <summary>Refuses a law mixture in a command that does not run Monte Carlo (rather than using its first law).</summary>
    public void RejectMixture(ParseResult parse, string commandName)
    {
        string? typed = parse.GetValue(_law);
        if (Flopwise.Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            throw new UsageException(ErrorText.ForOption(
                "--law",
                $"is a mixture, which {commandName} does not sample",
                typed!,
                "one law (a preset, inline constants or --law-file); mixtures work in optimal, plan, compare, budget and scenario"));
        }
    }

    /// <summary>Gets the law's name for a title: the mixture as typed (<c>epoch|hoffmann</c>), else the resolved law's id.</summary>
    public string Label(ParseResult parse, ScalingLaw resolved)
    {
        string? typed = parse.GetValue(_law);
        return Flopwise.Uncertainty.LawMixture.LooksLikeMixture(typed) ? typed!.Trim() : resolved.Id;
    }

    /// <summary>Resolves the law, defaulting to <see cref="LawCatalog.DefaultLawId"/>; the law used goes to <paramref name="notes"/>.</summary>
    public ScalingLaw Resolve(ParseResult parse, List<Assumption> notes) => Resolve(parse, notes, LawCatalog.DefaultLawId, null);

    /// <summary>
    /// Resolves the law, defaulting to <paramref name="defaultId"/> (with <paramref name="defaultReason"/> in the
    /// note); the law used (and how its name was resolved) goes to <paramref name="notes"/>.
    /// </summary>
    public ScalingLaw Resolve(ParseResult parse, List<Assumption> notes, string defaultId, string? defaultReason)
    {
        ArgumentNullException.ThrowIfNull(notes);
        string? typed = parse.GetValue(_law);
        string? path = parse.GetValue(_lawFile);
        if (typed is not null && path is not null)
        {
            throw new UsageException(ErrorText.ForOption("--law-file", "cannot be combined with --law", path, "either --law or --law-file"));
        }

        if (path is not null)
        {
            Flopwise.Inputs.Outcome<ScalingLaw> file = LawCatalog.ParseLawFile(TextFiles.Read("--law-file", path), Path.GetFileName(path));
            ScalingLaw fromFile = file.Value ?? throw UsageException.From(file.Errors[0]);
            notes.Add(fromFile.ToAssumption(isDefault: false, $"Read from {Path.GetFileName(path)}."));
            return fromFile;
        }

        if (Flopwise.Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            Flopwise.Inputs.Outcome<Flopwise.Uncertainty.LawMixture> parsed = Flopwise.Uncertainty.LawMixture.Parse(typed!, LawCatalog.Default);
            return (parsed.Value ?? throw UsageException.From(parsed.Errors[0])).Laws[0];
        }

        Flopwise.Inputs.Outcome<ScalingLaw> resolved = LawFields.ResolveTyped(typed, defaultId, defaultReason, notes);
        return resolved.Value ?? throw UsageException.From(resolved.Errors[0]);
    }
}
