using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The functional form of a scaling law and everything that depends on it: its loss L(N, D) where it has one, its
/// compute-optimal frontier, which constants it has, how they are read from a law file or <c>laws.json</c> and
/// written back, and the notes and labels its results carry.
/// </summary>
/// <remarks>
/// <para>A law's constants are the properties of <see cref="ScalingLaw"/> (a property its form does not use is
/// <see langword="null"/>); the form is the behaviour over them. Each form is one sealed subclass, a stateless
/// singleton listed in <see cref="All"/>; compare forms with <c>==</c> (<c>law.Form == LawForm.Kaplan</c>).</para>
/// <para>To add a form: a subclass in its own file, its instance in <see cref="All"/>, and its laws in
/// <c>laws.json</c> (docs/ARCHITECTURE.md, "Add a scaling-law form"). Outside Core no form can be derived.
/// Immutable and thread-safe.</para>
/// </remarks>
public abstract class LawForm
{
    /// <summary>Initializes a new instance of the <see cref="LawForm"/> class (forms are declared in Core only).</summary>
    private protected LawForm()
    {
    }

    /// <summary>Gets the form L(N, D) = E + A/N^α + B/D^β with C = 6·N·D (Hoffmann et al. 2022).</summary>
    public static LawForm Chinchilla { get; } = new ChinchillaForm();

    /// <summary>Gets the form with only a compute-optimal frontier: N_opt = G·C^a, D_opt = H·C^b (no loss).</summary>
    public static LawForm Power { get; } = new PowerForm();

    /// <summary>Gets Kaplan et al. 2020: joint L(N, D) of Table 2 and the frontier of Table 6 (N non-embedding, C in PF-days).</summary>
    public static LawForm Kaplan { get; } = new KaplanForm();

    /// <summary>Gets DeepSeek LLM 2024: M_opt (FLOP per token) and D_opt as powers of C (no loss).</summary>
    public static LawForm DeepSeek { get; } = new DeepSeekForm();

    /// <summary>
    /// Gets Muennighoff et al. 2023: E + A/N′^α + B/D′^β, the Chinchilla form with repeated-data and excess-parameter
    /// decay R_D*, R_N*; equal to the Chinchilla form only without repetition and with N ≤ N*(D).
    /// </summary>
    public static LawForm Muennighoff { get; } = new MuennighoffForm();

    /// <summary>Gets every form, in the order messages list them.</summary>
    public static IReadOnlyList<LawForm> All { get; } = [Chinchilla, Power, Kaplan, DeepSeek, Muennighoff];

    /// <summary>Gets the form's name in messages, e.g. <c>Chinchilla</c>, <c>DeepSeek</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the form's name in the law-file schema (<c>"form"</c>), e.g. <c>chinchilla</c>, <c>deepseek</c>.</summary>
    public abstract string JsonName { get; }

    /// <summary>Gets a value indicating whether laws of this form have a loss function L(N, D).</summary>
    public abstract bool HasLoss { get; }

    /// <summary>Gets the label of the parameter count N in results of this form's laws.</summary>
    internal virtual string ParametersLabel => "Parameters N";

    /// <summary>Gets the name of the N_opt series in a frontier chart.</summary>
    internal virtual string FrontierParametersLabel => "Parameters N_opt";

    /// <summary>Gets the label of the loss at the compute-optimal point.</summary>
    internal virtual string OptimalLossLabel => "Predicted loss L";

    /// <summary>Gets the label of the <c>parametersAreNonEmbedding</c> flag, or <see langword="null"/> when N is total parameters.</summary>
    internal virtual string? NonEmbeddingLabel => null;

    /// <summary>Finds a form by its law-file name, ignoring case and surrounding spaces.</summary>
    /// <param name="jsonName">The name, e.g. <c>chinchilla</c>.</param>
    /// <returns>The form, or <see langword="null"/>.</returns>
    public static LawForm? Find(string jsonName)
    {
        ArgumentNullException.ThrowIfNull(jsonName);
        string key = jsonName.Trim().ToLowerInvariant();
        return All.FirstOrDefault(f => f.JsonName == key);
    }

    /// <summary>Gets the loss L(N, D) of <paramref name="law"/> without repeated data.</summary>
    /// <param name="law">A law of this form.</param>
    /// <param name="parameters">N (&gt; 0; non-embedding for Kaplan).</param>
    /// <param name="tokens">D (&gt; 0).</param>
    /// <returns>The loss in nats per token.</returns>
    /// <exception cref="InvalidOperationException">The form has no loss, or the law lacks one of its constants.</exception>
    public virtual double Loss(ScalingLaw law, double parameters, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        throw new InvalidOperationException(LawMessages.HasNoLoss(law.Id));
    }

    /// <summary>Gets the compute-optimal allocation of <paramref name="compute"/> FLOP under <paramref name="law"/> (no repeated data).</summary>
    /// <param name="law">A law of this form.</param>
    /// <param name="compute">C in FLOP (&gt; 0, finite).</param>
    /// <returns>The allocation; its loss is <see langword="null"/> when the form predicts none on the frontier.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of its form's constants.</exception>
    public abstract Allocation Optimal(ScalingLaw law, double compute);

    /// <summary>Gets the law's constants in one line, as <c>flopwise laws</c> lists them (six significant figures).</summary>
    /// <param name="law">A law of this form.</param>
    /// <returns>E.g. <c>E 1.69, A 406.4, B 410.7, α 0.34, β 0.28</c>.</returns>
    public abstract string Summary(ScalingLaw law);

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The form's name in messages.</returns>
    public override string ToString() => Name;

    /// <summary>Reads the constants of this form from a law entry into <paramref name="law"/> (errors go to the reader).</summary>
    internal abstract ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read);

    /// <summary>Writes the constants of this form, in the law-file schema's order (the <c>derived</c> flag is added by the caller).</summary>
    internal abstract void WriteConstants(ScalingLaw law, LawConstantWriter write);

    /// <summary>Gets the <c>lawConvention</c> note: what N, D and C mean under this form.</summary>
    internal abstract (string Text, string Description) Convention(ScalingLaw law);

    /// <summary>Gets the <c>lawConstants</c> note of planning and comparison: the constants of the loss and what the loss is.</summary>
    internal virtual (string Text, string Description) LossConstants(ScalingLaw law) =>
        ($"{Name} form", $"{law.DisplayName}: no loss, only a compute-optimal frontier.");

    /// <summary>Gets a value indicating whether the frontier's N and D are separate fits (6·N·D ≠ C; the ratio is reported).</summary>
    internal virtual bool HasSeparateFrontierFits(ScalingLaw law) => false;

    /// <summary>Gets the note a loss of this form needs for the models evaluated (no unique tokens given), or <see langword="null"/>.</summary>
    internal virtual Assumption? LossNote(ScalingLaw law, IReadOnlyList<(string Name, double Parameters, double Tokens)> models) => null;

    /// <summary>Gets the note a comparison of plans by loss needs under this form, or <see langword="null"/>.</summary>
    internal virtual Assumption? ComparisonNote(ScalingLaw law, IReadOnlyList<(string Name, double Parameters, double Tokens)> models) =>
        LossNote(law, models);

    /// <summary>Evaluates a power-form frontier N = G·c^a, D = H·c^b at c = C in the law's compute unit.</summary>
    private protected static (double Parameters, double Tokens) Frontier(ScalingLaw law, double computeInUnits) =>
        (Require(law.ParametersCoefficient, law) * Math.Pow(computeInUnits, Require(law.ParametersExponent, law)),
         Require(law.TokensCoefficient, law) * Math.Pow(computeInUnits, Require(law.TokensExponent, law)));

    /// <summary>Returns a frontier constant, or throws when the law lacks it.</summary>
    private protected static double Require(double? value, ScalingLaw law) =>
        value ?? throw new InvalidOperationException($"Law '{law.Id}' of the {law.Form} form lacks a frontier constant.");

    /// <summary>Writes a power-form frontier G, a, H, b (those present) and the compute unit when it is not one FLOP.</summary>
    private protected static void WriteFrontier(LawConstantWriter write, ScalingLaw law, double? g, double? a, double? h, double? b)
    {
        write.Add("parametersCoefficient", "Law: frontier N_opt = G·C^a, G", g);
        write.Add("parametersExponent", "Law: frontier exponent a", a);
        write.Add("tokensCoefficient", "Law: frontier D_opt = H·C^b, H", h);
        write.Add("tokensExponent", "Law: frontier exponent b", b);
        if (law.ComputeUnitFlop != 1)
        {
            write.Add("computeUnitFlop", "Law: compute unit of C", law.ComputeUnitFlop, "FLOP");
        }
    }

    /// <summary>Formats a constant for a note (<see cref="InputSpec.Format"/>), <c>?</c> when absent.</summary>
    private protected static string Format(double? value) => value is double v ? InputSpec.Format(v) : "?";

    /// <summary>Formats a constant for <see cref="Summary"/>: six significant figures, <c>1.8e13</c>, <c>?</c> when absent.</summary>
    private protected static string Short(double? value) => value is double d
        ? d.ToString("G6", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal)
        : "?";
}
