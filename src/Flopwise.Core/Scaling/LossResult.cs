using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The loss a law predicts for N parameters trained on D tokens (U unique).</summary>
/// <remarks>Immutable and thread-safe. All values are finite.</remarks>
public sealed record LossResult : ICalculationResult
{
    /// <summary>Gets the law used.</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the predicted loss in nats per token.</summary>
    public required double Loss { get; init; }

    /// <summary>Gets N, as given.</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets D, as given.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets U, or <see langword="null"/> when not given.</summary>
    public double? UniqueTokens { get; init; }

    /// <summary>Gets D′ (data-constrained), or <see langword="null"/>.</summary>
    public double? EffectiveTokens { get; init; }

    /// <summary>Gets N′ (data-constrained), or <see langword="null"/>.</summary>
    public double? EffectiveParameters { get; init; }

    /// <summary>Gets D/U, or <see langword="null"/>.</summary>
    public double? Epochs => UniqueTokens is double u ? Tokens / u : null;

    /// <summary>Gets the training compute 6·N·D in FLOP.</summary>
    public double TrainingFlop => 6 * Parameters * Tokens;

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("loss", "Predicted loss L", Loss, "nats/token"),
                new("parameters", Law.Form.ParametersLabel, Parameters, "parameters"),
                new("tokens", "Training tokens D", Tokens, "tokens"),
                new("tokensPerParameter", "Tokens per parameter D/N", Tokens / Parameters, "tokens/parameter"),
                new("trainingFlop", "Training compute 6·N·D", TrainingFlop, "FLOP"),
            };
            if (UniqueTokens is double u)
            {
                fields.Add(new("uniqueTokens", "Unique tokens U", u, "tokens"));
                fields.Add(new("epochs", "Epochs D/U", Epochs!.Value, "epochs"));
                fields.Add(new("effectiveTokens", "Effective data D′", EffectiveTokens!.Value, "tokens"));
                fields.Add(new("effectiveParameters", "Effective parameters N′", EffectiveParameters!.Value, "parameters"));
            }

            if (Law.Form.NonEmbeddingLabel is string nonEmbedding)
            {
                fields.Add(ResultField.Boolean("parametersAreNonEmbedding", nonEmbedding, true));
            }

            fields.AddRange(LawConstants.Fields(Law));
            return fields;
        }
    }
}
