using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// Muennighoff et al. 2023 (data-constrained scaling): L = E + A/N′^α + B/D′^β, the Chinchilla form with the decay of
/// repeated tokens R_D* and of excess parameters R_N*; equal to the Chinchilla form only without repetition and with
/// N ≤ N*(D) (<see cref="DataConstrained"/>).
/// </summary>
/// <remarks>
/// Constants: those of the <see cref="ChinchillaForm"/>, then <c>repeatedTokensDecay</c> and
/// <c>repeatedParametersDecay</c>. Its frontier without repetition is the Chinchilla form's. Stateless and thread-safe.
/// </remarks>
public sealed class MuennighoffForm : LawForm
{
    /// <summary>Initializes a new instance of the <see cref="MuennighoffForm"/> class; use <see cref="LawForm.Muennighoff"/>.</summary>
    internal MuennighoffForm()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Muennighoff";

    /// <inheritdoc/>
    public override string JsonName => "muennighoff";

    /// <inheritdoc/>
    public override bool HasLoss => true;

    /// <inheritdoc/>
    /// <remarks>L(N, D, U = D): the Chinchilla form where N ≤ N*(D), above it higher (the excess-parameter decay applies without repetition too).</remarks>
    public override double Loss(ScalingLaw law, double parameters, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        return DataConstrained.Loss(law, parameters, tokens, tokens);
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
        return ChinchillaForm.LossSummary(law) + $", R_D* {Short(law.RepeatedTokensDecay)}, R_N* {Short(law.RepeatedParametersDecay)}";
    }

    /// <inheritdoc/>
    internal override ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read) => ChinchillaForm.ReadLossConstants(law, read) with
    {
        RepeatedTokensDecay = read.Required("repeatedTokensDecay"),
        RepeatedParametersDecay = read.Required("repeatedParametersDecay"),
    };

    /// <inheritdoc/>
    internal override void WriteConstants(ScalingLaw law, LawConstantWriter write)
    {
        ChinchillaForm.WriteLossConstants(law, write);
        write.Add("repeatedTokensDecay", "Law: repeated-token decay R_D*", law.RepeatedTokensDecay);
        write.Add("repeatedParametersDecay", "Law: excess-parameter decay R_N*", law.RepeatedParametersDecay);
        ChinchillaForm.WriteClosedFormFrontier(law, write);
    }

    /// <inheritdoc/>
    internal override (string Text, string Description) Convention(ScalingLaw law) => Chinchilla.Convention(law);

    /// <inheritdoc/>
    internal override (string Text, string Description) LossConstants(ScalingLaw law) =>
        (ChinchillaForm.LossConstantsText(law) + $", R_D* {Format(law.RepeatedTokensDecay)}, R_N* {Format(law.RepeatedParametersDecay)}",
         $"{law.DisplayName}: L = E + A/N′^α + B/D′^β with no data repeated (D′ = D), N′ = N up to N*(D), N total parameters.");

    /// <inheritdoc/>
    internal override Assumption? LossNote(ScalingLaw law, IReadOnlyList<(string Name, double Parameters, double Tokens)> models) =>
        ScalingNotes.MuennighoffWithoutRepetition(law, models);
}
