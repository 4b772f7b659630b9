using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>One plan of a comparison: its model, loss, FLOP, costs when priced, and its total relative to the cheapest.</summary>
/// <remarks>
/// Values that the inputs do not determine are <see langword="null"/> and left out of <see cref="Fields"/> (the same
/// ones in every row): <see cref="Loss"/> with a law that predicts none (power form, DeepSeek), <see cref="InferenceFlop"/> with requests but
/// no tokens per request, the costs without prices. Immutable and thread-safe.
/// </remarks>
public sealed record PlanComparisonRow : ICalculationResult
{
    /// <summary>Gets the plan's position, 1 for the first.</summary>
    public required int Index { get; init; }

    /// <summary>Gets the plan as given.</summary>
    public required PlanCandidate Candidate { get; init; }

    /// <summary>Gets D, the training tokens (extended or reduced from the given ones with match-loss).</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Tokens"/> was solved for the first plan's loss.</summary>
    public bool TokensMatched { get; init; }

    /// <summary>Gets the loss L(N, D) in nats per token, or <see langword="null"/> when the law predicts none.</summary>
    public double? Loss { get; init; }

    /// <summary>Gets the inference FLOP 2·N·I, or <see langword="null"/> when the inference tokens are unknown.</summary>
    public double? InferenceFlop { get; init; }

    /// <summary>Gets the training cost in USD, or <see langword="null"/>.</summary>
    public double? TrainingCostUsd { get; init; }

    /// <summary>Gets the inference cost in USD, or <see langword="null"/>.</summary>
    public double? InferenceCostUsd { get; init; }

    /// <summary>Gets this plan's total ÷ the cheapest plan's total, in dollars when priced, else in FLOP (≥ 1).</summary>
    public required double TotalRatioToCheapest { get; init; }

    /// <summary>Gets the training FLOP 6·N·D.</summary>
    public double TrainingFlop => 6 * Candidate.Parameters * Tokens;

    /// <summary>Gets the inference FLOP per token, 2·N.</summary>
    public double InferenceFlopPerToken => 2 * Candidate.Parameters;

    /// <summary>Gets training plus inference FLOP, or <see langword="null"/>.</summary>
    public double? TotalFlop => TrainingFlop + InferenceFlop;

    /// <summary>Gets training plus inference cost in USD, or <see langword="null"/>.</summary>
    public double? TotalCostUsd => TrainingCostUsd + InferenceCostUsd;

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("plan", "Plan", Index, string.Empty),
                new("parameters", "Parameters N", Candidate.Parameters, "parameters"),
                new("tokens", "Training tokens D", Tokens, "tokens"),
            };
            if (TokensMatched)
            {
                fields.Add(new("givenTokens", "Tokens given", Candidate.Tokens, "tokens"));
            }

            fields.Add(new("tokensPerParameter", "Tokens per parameter", Tokens / Candidate.Parameters, "tokens/parameter"));
            Add(fields, "loss", "Loss", Loss, "nats/token");
            fields.Add(new("trainingFlop", "Training FLOP", TrainingFlop, "FLOP"));
            fields.Add(new("inferenceFlopPerToken", "Inference FLOP per token", InferenceFlopPerToken, "FLOP/token"));
            Add(fields, "inferenceFlop", "Inference FLOP", InferenceFlop, "FLOP");
            Add(fields, "totalFlop", "Total FLOP", TotalFlop, "FLOP");
            Add(fields, "trainingCostUsd", "Training cost", TrainingCostUsd, "USD");
            Add(fields, "inferenceCostUsd", "Inference cost", InferenceCostUsd, "USD");
            Add(fields, "totalCostUsd", "Total cost", TotalCostUsd, "USD");
            fields.Add(new("totalRatioToCheapest", "Total ÷ cheapest", TotalRatioToCheapest, string.Empty));
            return fields;
        }
    }

    private static void Add(List<ResultField> fields, string key, string label, double? value, string unit)
    {
        if (value is double v)
        {
            fields.Add(new ResultField(key, label, v, unit));
        }
    }
}
