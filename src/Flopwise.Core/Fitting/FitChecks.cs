using System.Globalization;

namespace Flopwise.Fitting;

/// <summary>
/// What makes a Chinchilla fit meaningless: data that cannot identify the law (one column used for both N and D, a
/// single N or D, N and D that move together), and constants no law can have (an exponent that is not positive) or
/// that ran to a bound of the search region (E driven to zero, an exponent or a constant far beyond the grid).
/// </summary>
/// <remarks>
/// The search region is the grid's box widened: α, β ≤ <see cref="MaxExponent"/> (the grid starts at most at 2),
/// ln A, ln B ≤ <see cref="MaxLogCoefficient"/> (the grid at most 25), ln E ≥ <see cref="MinLogE"/> (E below 1e-13
/// nats per token is an irreducible loss of zero). A fit inside it has positive constants and exponents, so
/// <c>optimal --law-file</c> reads what the fit writes. Pure and thread-safe.
/// </remarks>
public static class FitChecks
{
    /// <summary>The largest exponent α or β inside the search region, 4 (twice the grid's largest start).</summary>
    public const double MaxExponent = 4;

    /// <summary>The largest ln A or ln B inside the search region, 100 (four times the grid's largest start).</summary>
    public const double MaxLogCoefficient = 100;

    /// <summary>The smallest ln E inside the search region, −30 (E ≈ 9.4e-14).</summary>
    public const double MinLogE = -30;

    /// <summary>Lists why <paramref name="table"/> cannot identify L = E + A/N^α + B/D^β.</summary>
    /// <param name="table">The runs as read.</param>
    /// <returns>The reasons, empty when the data can identify the law.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static IReadOnlyList<string> Identification(RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var reasons = new List<string>();
        if (table.TokensColumn is string tokens && string.Equals(tokens, table.ParametersColumn, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add($"column '{tokens}' is used for both parameters and tokens");
        }

        if (string.Equals(table.LossColumn, table.ParametersColumn, StringComparison.OrdinalIgnoreCase)
            || string.Equals(table.LossColumn, table.TokensColumn ?? table.ComputeColumn, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add($"column '{table.LossColumn}' is used for the loss and as an input");
        }

        if (reasons.Count > 0)
        {
            return reasons;
        }

        IReadOnlyList<double> n = table.Parameters;
        IReadOnlyList<double> d = table.Tokens;
        bool singleN = n.All(v => v == n[0]);
        bool singleD = d.All(v => v == d[0]);
        if (singleN)
        {
            reasons.Add("every run has the same parameters N (" + Format(n[0]) + "), so alpha and A cannot be told from E");
        }

        if (singleD)
        {
            reasons.Add("every run has the same tokens D (" + Format(d[0]) + "), so beta and B cannot be told from E");
        }

        if (!singleN && !singleD && Collinear(n, d))
        {
            reasons.Add("ln D is a linear function of ln N in every run, so the parameters and tokens terms cannot be told apart");
        }

        return reasons;
    }

    /// <summary>Lists why <paramref name="fit"/> is not a law: a non-finite or non-positive exponent, or a constant at a bound of the search region.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The reasons, empty when the fit is a law inside the search region.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public static IReadOnlyList<string> Physical(ChinchillaFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var reasons = new List<string>();
        Exponent(reasons, "alpha", fit.Alpha, "loss does not fall as N grows");
        Exponent(reasons, "beta", fit.Beta, "loss does not fall as D grows");
        Coefficient(reasons, "A", fit.A);
        Coefficient(reasons, "B", fit.B);
        if (!(Math.Log(fit.E) >= MinLogE))
        {
            reasons.Add($"E = {Format(fit.E)} ran to the search's bound of zero (ln E below {Format(MinLogE)})");
        }

        return reasons;
    }

    private static void Exponent(List<string> reasons, string name, double value, string meaning)
    {
        if (!(value > 0))
        {
            reasons.Add($"{name} = {Format(value)} is not positive: the {meaning}");
        }
        else if (value > MaxExponent)
        {
            reasons.Add($"{name} = {Format(value)} ran past the search's bound of {Format(MaxExponent)}");
        }
    }

    private static void Coefficient(List<string> reasons, string name, double value)
    {
        if (!(Math.Log(value) <= MaxLogCoefficient))
        {
            reasons.Add($"{name} = {Format(value)} ran past the search's bound (ln {name} above {Format(MaxLogCoefficient)})");
        }
    }

    private static bool Collinear(IReadOnlyList<double> n, IReadOnlyList<double> d)
    {
        // Pearson correlation of ln N and ln D, in two passes for accuracy.
        int count = n.Count;
        double meanN = 0;
        double meanD = 0;
        for (int i = 0; i < count; i++)
        {
            meanN += Math.Log(n[i]);
            meanD += Math.Log(d[i]);
        }

        meanN /= count;
        meanD /= count;
        double snn = 0;
        double sdd = 0;
        double snd = 0;
        for (int i = 0; i < count; i++)
        {
            double x = Math.Log(n[i]) - meanN;
            double y = Math.Log(d[i]) - meanD;
            snn += x * x;
            sdd += y * y;
            snd += x * y;
        }

        return Math.Abs(snd) >= (1 - 1e-9) * Math.Sqrt(snn * sdd);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
