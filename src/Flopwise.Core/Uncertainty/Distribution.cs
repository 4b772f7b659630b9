using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Flopwise.Uncertainty;

/// <summary>
/// A probability distribution over one numeric input, sampled by its inverse CDF (<see cref="Quantile"/>) so that a
/// uniform stream maps to samples deterministically.
/// </summary>
/// <remarks>Immutable and thread-safe. Build one with <see cref="DistributionText.TryParse"/> or a subtype's constructor.</remarks>
public abstract record Distribution
{
    /// <summary>Gets the mean.</summary>
    public abstract double Mean { get; }

    /// <summary>Gets the median.</summary>
    public double Median => Quantile(0.5);

    /// <summary>Returns the value below which a share <paramref name="p"/> of the distribution lies.</summary>
    /// <param name="p">A probability in (0, 1).</param>
    /// <returns>The quantile.</returns>
    public abstract double Quantile(double p);

    /// <summary>Returns the probability of a value at most <paramref name="x"/>.</summary>
    /// <param name="x">The value.</param>
    /// <returns>The CDF, in [0, 1].</returns>
    public abstract double Cdf(double x);

    /// <summary>Describes the distribution in the syntax that parses back to it, with its kind, e.g. <c>1e+25..1e+27 (lognormal, 90% interval)</c>.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <summary>Formats a number for <see cref="Describe"/>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Invariant, shortest round-trip text.</returns>
    protected static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}

/// <summary>A lognormal whose 5th and 95th percentiles are <see cref="Low"/> and <see cref="High"/> (Squiggle's <c>a to b</c>; written <c>a..b</c>).</summary>
/// <param name="Low">The 5th percentile (&gt; 0).</param>
/// <param name="High">The 95th percentile (&gt; <paramref name="Low"/>).</param>
public sealed record LogNormalRange(double Low, double High) : Distribution
{
    /// <summary>The standard normal's 95th percentile, Φ⁻¹(0.95).</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>Gets μ, the mean of the logarithm: (ln a + ln b) / 2.</summary>
    public double Mu => (Math.Log(Low) + Math.Log(High)) / 2;

    /// <summary>Gets σ, the standard deviation of the logarithm: (ln b − ln a) / (2 · Φ⁻¹(0.95)).</summary>
    public double Sigma => (Math.Log(High) - Math.Log(Low)) / (2 * Z95);

    /// <inheritdoc/>
    public override double Mean => Math.Exp(Mu + (Sigma * Sigma / 2));

    /// <inheritdoc/>
    public override double Quantile(double p) => LogNormal.InvCDF(Mu, Sigma, p);

    /// <inheritdoc/>
    public override double Cdf(double x) => LogNormal.CDF(Mu, Sigma, x);

    /// <inheritdoc/>
    public override string Describe() => $"{Text(Low)}..{Text(High)} (lognormal, 90% interval)";
}

/// <summary>A normal distribution, <c>normal(mean, sd)</c>.</summary>
/// <param name="Center">The mean.</param>
/// <param name="StandardDeviation">The standard deviation (&gt; 0).</param>
public sealed record NormalDistribution(double Center, double StandardDeviation) : Distribution
{
    /// <inheritdoc/>
    public override double Mean => Center;

    /// <inheritdoc/>
    public override double Quantile(double p) => Normal.InvCDF(Center, StandardDeviation, p);

    /// <inheritdoc/>
    public override double Cdf(double x) => Normal.CDF(Center, StandardDeviation, x);

    /// <inheritdoc/>
    public override string Describe() => $"normal({Text(Center)}, {Text(StandardDeviation)})";
}

/// <summary>A uniform distribution, <c>uniform(a, b)</c>.</summary>
/// <param name="Low">a.</param>
/// <param name="High">b (&gt; a).</param>
public sealed record UniformDistribution(double Low, double High) : Distribution
{
    /// <inheritdoc/>
    public override double Mean => (Low + High) / 2;

    /// <inheritdoc/>
    public override double Quantile(double p) => Low + (p * (High - Low));

    /// <inheritdoc/>
    public override double Cdf(double x) => Math.Clamp((x - Low) / (High - Low), 0, 1);

    /// <inheritdoc/>
    public override string Describe() => $"uniform({Text(Low)}, {Text(High)})";
}

/// <summary>A log-uniform distribution, <c>loguniform(a, b)</c>: uniform in ln x.</summary>
/// <param name="Low">a (&gt; 0).</param>
/// <param name="High">b (&gt; a).</param>
public sealed record LogUniformDistribution(double Low, double High) : Distribution
{
    /// <inheritdoc/>
    public override double Mean => (High - Low) / (Math.Log(High) - Math.Log(Low));

    /// <inheritdoc/>
    public override double Quantile(double p) => Math.Exp(Math.Log(Low) + (p * (Math.Log(High) - Math.Log(Low))));

    /// <inheritdoc/>
    public override double Cdf(double x) =>
        x <= Low ? 0 : x >= High ? 1 : (Math.Log(x) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low));

    /// <inheritdoc/>
    public override string Describe() => $"loguniform({Text(Low)}, {Text(High)})";
}

/// <summary>A triangular distribution, <c>triangular(a, mode, b)</c>.</summary>
/// <param name="Low">a.</param>
/// <param name="Mode">The mode, in [a, b].</param>
/// <param name="High">b (&gt; a).</param>
public sealed record TriangularDistribution(double Low, double Mode, double High) : Distribution
{
    /// <inheritdoc/>
    public override double Mean => (Low + Mode + High) / 3;

    /// <inheritdoc/>
    public override double Quantile(double p) => Triangular.InvCDF(Low, High, Mode, p);

    /// <inheritdoc/>
    public override double Cdf(double x) => Triangular.CDF(Low, High, Mode, x);

    /// <inheritdoc/>
    public override string Describe() => $"triangular({Text(Low)}, {Text(Mode)}, {Text(High)})";
}
