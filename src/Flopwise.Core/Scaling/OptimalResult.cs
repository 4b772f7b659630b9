using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>The compute-optimal allocation of a budget under a law (and, with unique tokens, under repeated data).</summary>
/// <remarks>Immutable and thread-safe. All values are finite.</remarks>
public sealed record OptimalResult : ICalculationResult
{
    /// <summary>Gets the law used.</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the allocation (parameters, tokens, loss where predicted, DeepSeek's extras).</summary>
    public required Allocation Allocation { get; init; }

    /// <summary>Gets the data-constrained search, or <see langword="null"/> when no unique tokens were given.</summary>
    public DataConstrainedAllocation? DataConstrained { get; init; }

    /// <summary>
    /// Gets 6·N·D ÷ C: 1 for the Chinchilla form and the rules of thumb (not listed in <see cref="Fields"/>); 1.81 on
    /// Kaplan's frontier, whose N and D are separate fits; 1.0094 for the Table-3 fit; 1.0001 for DeepSeek (M·D ÷ C).
    /// </summary>
    public double FrontierFlopRatio => 6 * Allocation.Parameters * Allocation.Tokens / Allocation.Compute;

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<MissingField> Missing => Allocation.Loss is null
        ? [new MissingField("loss", "Predicted loss L", $"the law '{Law.Id}' gives only a compute-optimal frontier, no loss")]
        : [];

    /// <summary>Gets the result fields without the law's constants (for sweep rows, which state the law once).</summary>
    public IReadOnlyList<ResultField> AllocationFields
    {
        get
        {
            Allocation a = Allocation;
            var fields = new List<ResultField>
            {
                new("trainingFlop", "Training compute C", a.Compute, "FLOP"),
                new("parameters", Law.Form.ParametersLabel, a.Parameters, "parameters"),
                new("tokens", "Training tokens D", a.Tokens, "tokens"),
                new("tokensPerParameter", "Tokens per parameter D/N", a.TokensPerParameter, "tokens/parameter"),
            };
            if (a.Loss is double loss)
            {
                fields.Add(new("loss", Law.Form.OptimalLossLabel, loss, "nats/token"));
            }

            if (a.ModelFlopPerToken is double m)
            {
                fields.Add(new("modelFlopPerToken", "Model FLOP per token M", m, "FLOP/token"));
            }

            if (a.LearningRate is double lr)
            {
                fields.Add(new("learningRate", "Optimal learning rate η", lr, string.Empty));
            }

            if (a.BatchSizeTokens is double batch)
            {
                fields.Add(new("batchSizeTokens", "Optimal batch size B", batch, "tokens"));
            }

            if (DataConstrained is { } dc)
            {
                fields.Add(new("uniqueTokens", "Unique tokens U", dc.UniqueTokens, "tokens"));
                fields.Add(new("epochs", "Epochs D/U", dc.Epochs, "epochs"));
                fields.Add(new("effectiveTokens", "Effective data D′", dc.EffectiveTokens, "tokens"));
                fields.Add(new("effectiveParameters", "Effective parameters N′", dc.EffectiveParameters, "parameters"));
                fields.Add(new("startParameters", "Search start N₀ (Chinchilla-optimal)", dc.StartParameters, "parameters"));
                fields.Add(new("startTokens", "Search start D₀ (Chinchilla-optimal)", dc.StartTokens, "tokens"));
                fields.Add(ResultField.Boolean("atGridEdge", "Best point at the grid's factor-3 edge", dc.AtGridEdge));
            }

            if (Law.Form.HasSeparateFrontierFits(Law))
            {
                fields.Add(new("frontierFlopRatio", "6·N·D ÷ C (separate fits)", FrontierFlopRatio, string.Empty));
            }

            if (a.ParametersAreNonEmbedding)
            {
                fields.Add(ResultField.Boolean(
                    "parametersAreNonEmbedding",
                    Law.Form.NonEmbeddingLabel ?? "Parameters are non-embedding",
                    true));
            }

            if (a.ParametersAreApproximate)
            {
                fields.Add(ResultField.Boolean("parametersAreApproximate", "Parameters are approximate (M/6)", true));
            }

            return fields;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields => [.. AllocationFields, .. LawConstants.Fields(Law)];
}
