namespace Flopwise.Inputs;

/// <summary>Finds the names closest to a typo, by edit distance, for "did you mean" messages.</summary>
public static class Suggestions
{
    /// <summary>
    /// The longest text for which a suggestion is computed (100 characters): no name is that long, and the edit
    /// distance costs time in the product of the lengths, so a longer value gets no suggestion at once.
    /// </summary>
    public const int MaxTypedLength = 100;

    /// <summary>Returns up to <paramref name="count"/> candidates close enough to <paramref name="typed"/> to be likely typos.</summary>
    /// <param name="typed">What the user typed.</param>
    /// <param name="candidates">The valid names.</param>
    /// <param name="count">The most names to return (≥ 1).</param>
    /// <returns>The closest names, best first; empty when none is close or <paramref name="typed"/> is longer than <see cref="MaxTypedLength"/>.</returns>
    public static string[] Closest(string typed, IEnumerable<string> candidates, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        if (typed.Length > MaxTypedLength)
        {
            return [];
        }

        string lower = typed.ToLowerInvariant();
        return candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Levenshtein(lower, c.ToLowerInvariant()), Prefix: c.StartsWith(lower, StringComparison.OrdinalIgnoreCase) || lower.StartsWith(c, StringComparison.OrdinalIgnoreCase)))
            .Where(c => (c.Prefix && lower.Length >= 3) || c.Distance <= Math.Max(2, lower.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)
            .ToArray();
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
