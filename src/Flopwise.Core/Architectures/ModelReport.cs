using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Architectures;

/// <summary>
/// What <c>flopwise model</c> reports about an architecture: parameter counts, FLOP per token under the chosen
/// convention and under all three side by side, and the bytes of its weights in each dtype.
/// </summary>
public static class ModelReport
{
    /// <summary>Evaluates the report.</summary>
    /// <param name="model">The resolved model.</param>
    /// <param name="seq">Sequence length for the attention terms; default the model's training context.</param>
    /// <param name="convention">The FLOP convention of <c>trainingFlopPerToken</c>.</param>
    /// <param name="conventionGiven">Whether the convention was given rather than defaulted.</param>
    /// <returns>The report, or the input errors.</returns>
    public static Outcome<ModelReportResult> Evaluate(ResolvedModel model, double? seq, FlopConvention convention, bool conventionGiven)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inputs = new ResolvedInputs();
        foreach (Assumption note in model.Notes)
        {
            inputs.Note(note);
        }

        ModelShape shape = model.Shape;
        double? seqGiven = inputs.UseOptional(Training.TrainingInputs.Seq, seq);
        if (inputs.HasErrors)
        {
            return Outcome<ModelReportResult>.Failure(inputs.Errors);
        }

        int t = (int)(seqGiven ?? shape.DefaultSequenceLength);
        if (seqGiven is null)
        {
            inputs.Note(Assumption.ForInput(Training.TrainingInputs.Seq, t, isDefault: true) with { Source = $"training context of {shape.Name}" });
        }

        inputs.Note(new Assumption
        {
            Name = "flopConvention",
            Label = "FLOP convention",
            Text = FlopConventions.Name(convention),
            Description = "Training FLOP per token = 6·N (6n), plus non-causal attention 12·L·a·d·T (model), or plus half that (causal); forward = one third.",
            Source = "Kaplan et al. 2020 §2.1; Chowdhery et al. 2022 App. B; docs/formulas.md, \"FLOP per token and the three conventions\"",
            IsDefault = !conventionGiven,
        });

        var fields = new List<ResultField>
        {
            new("parameters", "Parameters (total)", shape.TotalParameters, "parameters"),
            new("activeParameters", "Active parameters per token", shape.ActiveParameters, "parameters"),
            new("nonEmbeddingParameters", "Non-embedding parameters (Kaplan's N)", shape.NonEmbeddingParameters, "parameters"),
            new("embeddingParameters", "Embedding parameters", shape.EmbeddingParameters, "parameters"),
            new("forwardFlopPerToken", $"Forward FLOP per token ({FlopConventions.Name(convention)})", shape.ForwardFlopPerToken(convention, t), "FLOP/token"),
            new("trainingFlopPerToken", $"Training FLOP per token ({FlopConventions.Name(convention)})", shape.TrainingFlopPerToken(convention, t), "FLOP/token"),
        };
        foreach (FlopConvention c in FlopConventions.All)
        {
            fields.Add(new ResultField($"trainingFlopPerTokenByConvention.{FlopConventions.Name(c)}", $"Training FLOP per token, {FlopConventions.Name(c)}", shape.TrainingFlopPerToken(c, t), "FLOP/token"));
        }

        fields.Add(new ResultField("kvCacheBytesPerTokenBf16", "KV cache per token (bf16)", shape.KvBytesPerToken(DataType.Bf16), "B/token"));
        foreach (DataType type in new[] { DataType.Fp32, DataType.Bf16, DataType.Fp8, DataType.Int4 })
        {
            fields.Add(new ResultField($"weightsBytesByDtype.{DataTypes.Name(type)}", $"Weights in {DataTypes.Name(type)}", shape.WeightsBytes(type), "B"));
        }

        if (!inputs.CheckFinite([.. fields.Select(f => (f.Label, f.Value))]))
        {
            return Outcome<ModelReportResult>.Failure(inputs.Errors);
        }

        return Outcome<ModelReportResult>.Success(new ModelReportResult { Shape = shape, Preset = model.Preset, Fields = fields, Assumptions = inputs.Assumptions });
    }
}

/// <summary>The result of <see cref="ModelReport.Evaluate"/>.</summary>
/// <remarks>Keys with a dot (<c>weightsBytesByDtype.bf16</c>) are nested objects in JSON. Immutable and thread-safe.</remarks>
public sealed record ModelReportResult : ICalculationResult
{
    /// <summary>Gets the architecture.</summary>
    public required ModelShape Shape { get; init; }

    /// <summary>Gets the preset, if the model is one.</summary>
    public ModelPreset? Preset { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<ResultField> Fields { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
}
