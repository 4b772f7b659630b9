namespace Flopwise.Scaling;

/// <summary>
/// What one FLOP costs in training and in serving, in USD; with it, plans are compared and optimised in dollars.
/// </summary>
/// <remarks>
/// Training and serving run on different hardware at very different utilisation, so each has its own price per
/// FLOP: training p_t = price per GPU-hour ÷ (3600 · dense peak · MFU), serving p_i = price per million tokens ÷
/// (1e6 · 2·N_q) for a price quoted for a model of N_q parameters (Sardana and Frankle 2024, the cost variant: each
/// term weighted by its own utilisation and price). Both are greater than zero and finite. Immutable and thread-safe.
/// </remarks>
public sealed record PlanPricing
{
    /// <summary>Gets p_t, USD per training FLOP (&gt; 0).</summary>
    public required double TrainingUsdPerFlop { get; init; }

    /// <summary>Gets p_i, USD per inference FLOP (&gt; 0).</summary>
    public required double InferenceUsdPerFlop { get; init; }
}
