namespace Flopwise.Uncertainty;

/// <summary>The distribution of one numeric output over the Monte Carlo samples: percentiles and mean.</summary>
/// <param name="Key">The output's JSON key, e.g. <c>wallTimeDays</c>.</param>
/// <param name="Label">The output's label.</param>
/// <param name="Unit">The output's display unit.</param>
/// <param name="Count">How many samples produced it.</param>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P25">The 25th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P75">The 75th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Mean">The sample mean.</param>
public sealed record OutputDistribution(
    string Key,
    string Label,
    string Unit,
    int Count,
    double P5,
    double P25,
    double P50,
    double P75,
    double P95,
    double Mean);
