using Flopwise.Serving;

namespace Flopwise.Core.Tests.Serving;

/// <summary><see cref="Bisection.LastHolding"/>: the one search the serving model uses for batches and contexts.</summary>
public sealed class BisectionTests
{
    [Theory]
    [InlineData(1, 100, 50, 7)]
    [InlineData(0, 1_000_000, 12_344 * 12_344, 12_344)]
    [InlineData(1, 2, 1, 1)]
    [InlineData(1, 10, 80, 8)]
    public void LastHolding_MonotonePredicate_FindsTheLastWholeNumberThatHolds(double low, double high, double limit, double expected)
    {
        Assert.Equal(expected, Bisection.LastHolding(low, high, x => x * x <= limit));
    }

    [Fact]
    public void LastHolding_NeverEvaluatesTheEnds()
    {
        var seen = new List<double>();

        double last = Bisection.LastHolding(0, 64, x =>
        {
            seen.Add(x);
            return x < 40;
        });

        Assert.Equal(39, last);
        Assert.DoesNotContain(0.0, seen);
        Assert.DoesNotContain(64.0, seen);
        Assert.True(seen.Count <= 6, $"{seen.Count} evaluations");
    }
}
