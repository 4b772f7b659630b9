namespace Flopwise.Serving;

/// <summary>Bisection over whole numbers for a predicate that holds up to some point and fails beyond it.</summary>
internal static class Bisection
{
    /// <summary>
    /// Returns the largest whole number x in [<paramref name="low"/>, <paramref name="high"/>) for which
    /// <paramref name="holds"/> is true, given that it holds at <paramref name="low"/>, fails at
    /// <paramref name="high"/> and is monotone (true, then false) between them; neither end is evaluated.
    /// </summary>
    /// <param name="low">A whole number at which the predicate holds.</param>
    /// <param name="high">A whole number above <paramref name="low"/> at which it fails.</param>
    /// <param name="holds">The predicate.</param>
    /// <returns>The last whole number at which it holds; high − 1 at most.</returns>
    public static double LastHolding(double low, double high, Func<double, bool> holds)
    {
        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            if (holds(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
