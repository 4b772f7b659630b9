using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// One model on a loss contour with its lifetime workload: N parameters trained on D tokens and then run on I
/// inference tokens, with the FLOP (and, when priced, the dollars) of each phase.
/// </summary>
/// <remarks>
/// Training FLOP = 6·N·D and inference FLOP = 2·N·I (forward pass only, attention and KV-cache FLOP neglected), the
/// accounting of Sardana and Frankle 2024 (arXiv 2401.00448) and of Kaplan et al. 2020 §2.1. Costs are
/// <see langword="null"/> unless the point was priced. Immutable and thread-safe.
/// </remarks>
public sealed record PlanPoint
{
    /// <summary>Gets N, the parameters.</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets D, the training tokens.</summary>
    public required double TrainingTokens { get; init; }

    /// <summary>Gets I, the lifetime inference tokens (≥ 0).</summary>
    public required double InferenceTokens { get; init; }

    /// <summary>Gets the training cost in USD, or <see langword="null"/> when not priced.</summary>
    public double? TrainingCostUsd { get; init; }

    /// <summary>Gets the inference cost in USD, or <see langword="null"/> when not priced.</summary>
    public double? InferenceCostUsd { get; init; }

    /// <summary>Gets D/N.</summary>
    public double TokensPerParameter => TrainingTokens / Parameters;

    /// <summary>Gets the training FLOP 6·N·D.</summary>
    public double TrainingFlop => 6 * Parameters * TrainingTokens;

    /// <summary>Gets the inference FLOP 2·N·I.</summary>
    public double InferenceFlop => 2 * Parameters * InferenceTokens;

    /// <summary>Gets the lifetime FLOP, training plus inference.</summary>
    public double TotalFlop => TrainingFlop + InferenceFlop;

    /// <summary>Gets the total cost in USD, or <see langword="null"/> when not priced.</summary>
    public double? TotalCostUsd => TrainingCostUsd + InferenceCostUsd;

    /// <summary>Gets the quantity that is minimised: the total cost when priced, else the total FLOP.</summary>
    public double Objective => TotalCostUsd ?? TotalFlop;

    /// <summary>Creates a point, priced when <paramref name="pricing"/> is given.</summary>
    /// <param name="parameters">N (&gt; 0).</param>
    /// <param name="trainingTokens">D (&gt; 0).</param>
    /// <param name="inferenceTokens">I (≥ 0).</param>
    /// <param name="pricing">The prices per FLOP, or <see langword="null"/> to count FLOP only.</param>
    /// <returns>The point.</returns>
    public static PlanPoint Create(double parameters, double trainingTokens, double inferenceTokens, PlanPricing? pricing)
    {
        var point = new PlanPoint { Parameters = parameters, TrainingTokens = trainingTokens, InferenceTokens = inferenceTokens };
        return pricing is null ? point : point with
        {
            TrainingCostUsd = pricing.TrainingUsdPerFlop * point.TrainingFlop,
            InferenceCostUsd = pricing.InferenceUsdPerFlop * point.InferenceFlop,
        };
    }

    /// <summary>Gets the point's outputs, their keys prefixed (e.g. <c>computeOptimal.</c>) and labels too.</summary>
    /// <param name="keyPrefix">Prefix of every key; empty for none.</param>
    /// <param name="labelPrefix">Prefix of every label; empty for none.</param>
    /// <returns>parameters, trainingTokens, tokensPerParameter, the FLOP and, when priced, the costs.</returns>
    internal IEnumerable<ResultField> Fields(string keyPrefix, string labelPrefix)
    {
        // Monte Carlo runs call this for every sample: the prefixed keys and labels are joined once per prefix pair.
        (string[] keys, string[] labels) = Prefixed.GetOrAdd((keyPrefix, labelPrefix), static p =>
            ([.. FieldNames.Select(n => p.Item1 + n.Key)], [.. FieldNames.Select(n => p.Item2 + n.Label)]));
        yield return new ResultField(keys[0], labels[0], Parameters, "parameters");
        yield return new ResultField(keys[1], labels[1], TrainingTokens, "tokens");
        yield return new ResultField(keys[2], labels[2], TokensPerParameter, "tokens/parameter");
        yield return new ResultField(keys[3], labels[3], TrainingFlop, "FLOP");
        yield return new ResultField(keys[4], labels[4], InferenceFlop, "FLOP");
        yield return new ResultField(keys[5], labels[5], TotalFlop, "FLOP");
        if (TrainingCostUsd is double training && InferenceCostUsd is double inference)
        {
            yield return new ResultField(keys[6], labels[6], training, "USD");
            yield return new ResultField(keys[7], labels[7], inference, "USD");
            yield return new ResultField(keys[8], labels[8], training + inference, "USD");
        }
    }

    private static readonly (string Key, string Label)[] FieldNames =
    [
        ("parameters", "Parameters N"),
        ("trainingTokens", "Training tokens D"),
        ("tokensPerParameter", "Tokens per parameter D/N"),
        ("trainingFlop", "Training FLOP 6·N·D"),
        ("inferenceFlop", "Inference FLOP 2·N·I"),
        ("totalFlop", "Total FLOP"),
        ("trainingCostUsd", "Training cost"),
        ("inferenceCostUsd", "Inference cost"),
        ("totalCostUsd", "Total cost"),
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), (string[] Keys, string[] Labels)> Prefixed = new();
}
