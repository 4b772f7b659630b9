using Flopwise.Inputs;

namespace Flopwise.Uncertainty;

/// <summary>
/// Parses a distribution typed for a numeric input: <c>a..b</c> (a lognormal whose 5th and 95th percentiles are a and
/// b), <c>normal(mean, sd)</c>, <c>uniform(a, b)</c>, <c>loguniform(a, b)</c> or <c>triangular(a, mode, b)</c>. Every
/// number takes the suffixes of <see cref="NumberText"/> (<c>30B..70B</c>).
/// </summary>
public static class DistributionText
{
    /// <summary>Gets the forms accepted, for error messages.</summary>
    public const string AcceptedForms =
        "a number, a range a..b (lognormal, 5th to 95th percentile), normal(mean, sd), uniform(a, b), loguniform(a, b) or triangular(a, mode, b)";

    /// <summary>Returns whether <paramref name="text"/> is written as a distribution rather than a number.</summary>
    /// <param name="text">The text as typed.</param>
    /// <returns><see langword="true"/> when it contains <c>..</c> or a parenthesis.</returns>
    public static bool LooksLikeDistribution(string? text) =>
        text is not null && (text.Contains("..", StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal));

    /// <summary>Parses a distribution.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="distribution">The distribution, when valid.</param>
    /// <param name="problem">What is wrong, when invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid distribution.</returns>
    public static bool TryParse(string? text, out Distribution? distribution, out string? problem)
    {
        distribution = null;
        problem = null;
        string trimmed = text?.Trim() ?? string.Empty;
        int range = trimmed.IndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            string lowText = trimmed[..range];
            string highText = trimmed[(range + 2)..];
            if (lowText.Trim().Length == 0 || highText.Trim().Length == 0)
            {
                problem = "is an open range (both ends are needed)";
                return false;
            }

            if (!Number(lowText, "low end", out double low, ref problem) || !Number(highText, "high end", out double high, ref problem))
            {
                return false;
            }

            if (!(low < high))
            {
                problem = "is reversed or empty (the low end must be below the high end)";
                return false;
            }

            if (!(low > 0))
            {
                problem = "is a lognormal range and needs a low end above 0 (use normal(mean, sd) or uniform(a, b) for values near or below 0)";
                return false;
            }

            distribution = new LogNormalRange(low, high);
            return true;
        }

        int open = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !trimmed.EndsWith(')'))
        {
            problem = "is not a number or a distribution";
            return false;
        }

        string name = trimmed[..open].Trim().ToLowerInvariant();
        string[] parts = trimmed[(open + 1)..^1].Split(',');
        var args = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!Number(parts[i], $"argument {i + 1} of {name}", out args[i], ref problem))
            {
                return false;
            }
        }

        int arity = name switch
        {
            "normal" or "uniform" or "loguniform" => 2,
            "triangular" => 3,
            _ => -1,
        };
        if (arity < 0)
        {
            problem = $"names an unknown distribution '{name}'";
            return false;
        }

        if (args.Length != arity)
        {
            problem = $"gives {name} {args.Length} argument(s); it takes {arity}";
            return false;
        }

        switch (name)
        {
            case "normal" when !(args[1] > 0):
                problem = "has a normal standard deviation that is not above 0";
                return false;
            case "normal":
                distribution = new NormalDistribution(args[0], args[1]);
                return true;
            case "uniform" or "loguniform" when !(args[0] < args[1]):
                problem = $"is a reversed or empty {name} (a must be below b)";
                return false;
            case "loguniform" when !(args[0] > 0):
                problem = "is a loguniform with a lower end not above 0";
                return false;
            case "uniform":
                distribution = new UniformDistribution(args[0], args[1]);
                return true;
            case "loguniform":
                distribution = new LogUniformDistribution(args[0], args[1]);
                return true;
            default:
                if (!(args[0] < args[2]) || args[1] < args[0] || args[1] > args[2])
                {
                    problem = "is a triangular that needs a < b and a ≤ mode ≤ b";
                    return false;
                }

                distribution = new TriangularDistribution(args[0], args[1], args[2]);
                return true;
        }
    }

    private static bool Number(string text, string what, out double value, ref string? problem)
    {
        if (NumberText.TryParse(text, out value, out string? numberProblem))
        {
            return true;
        }

        problem = $"has a {what} that {numberProblem}";
        return false;
    }
}
