using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>The one-line error forms of the CLI: <c>--option: problem (got X; expected Y)</c>.</summary>
internal static class ErrorText
{
    public static string ForField(FieldError error) => "--" + error.ToString();

    public static string ForOption(string option, string problem, string got, string expected) =>
        $"{option}: {problem} (got {got}; expected {expected})";

    /// <summary>Finds the closest candidate by edit distance, if it is close enough to be a likely typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Levenshtein(typed, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        bool prefix = best is not null && typed.Length >= 3 && best.StartsWith(typed, StringComparison.Ordinal);
        return best is not null && (prefix || bestDistance <= Math.Max(2, typed.Length / 3)) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        int[] current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
