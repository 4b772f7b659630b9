namespace Flopwise.Fitting;

/// <summary>
/// Bootstrap uncertainty of the summed-Huber fit: standard errors (sample SD, ddof 1) and 2.5/97.5 percentile
/// intervals of E, A, B, α, β and the frontier exponent a, over resamples with replacement of the rows.
/// </summary>
/// <remarks>
/// Keys of <see cref="StandardErrors"/> and <see cref="Ci95"/>: <c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>,
/// <c>beta</c>, <c>parametersExponent</c>. Only converged refits enter the statistics. The result depends only on
/// the data, the seed and the resample count, not on the number of cores. Immutable and thread-safe.
/// </remarks>
public sealed record BootstrapFit
{
    /// <summary>Gets the number of resamples drawn.</summary>
    public required int Resamples { get; init; }

    /// <summary>Gets how many refits converged (and were used).</summary>
    public required int Converged { get; init; }

    /// <summary>Gets the seed the resamples were drawn from.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the standard error of each parameter, by key.</summary>
    public required IReadOnlyDictionary<string, double> StandardErrors { get; init; }

    /// <summary>Gets the 95% percentile interval of each parameter, by key.</summary>
    public required IReadOnlyDictionary<string, (double Low, double High)> Ci95 { get; init; }
}
