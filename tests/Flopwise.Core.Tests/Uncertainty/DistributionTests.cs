using Flopwise.Core.Tests.Support;
using Flopwise.Inputs;
using Flopwise.Uncertainty;

namespace Flopwise.Core.Tests.Uncertainty;

public class DistributionTests
{
    private static readonly InputSpec Unbounded = new()
    {
        Name = "x",
        Label = "x",
        Description = "a test input",
        Minimum = -1e300,
        MinimumInclusive = true,
        Maximum = 1e300,
    };

    private static Distribution Parse(string text)
    {
        Assert.True(DistributionText.TryParse(text, out Distribution? d, out string? problem), problem);
        return d!;
    }

    private static string Problem(string text)
    {
        Assert.False(DistributionText.TryParse(text, out _, out string? problem));
        return problem!;
    }

    [Fact]
    public void Range_IsALognormalWithTheEndsAsFifthAndNinetyFifthPercentiles()
    {
        var d = Assert.IsType<LogNormalRange>(Parse("1e25..1e27"));

        AssertClose.Relative(1e25, d.Quantile(0.05), 1e-9);
        AssertClose.Relative(1e27, d.Quantile(0.95), 1e-9);
        AssertClose.Relative(1e26, d.Median, 1e-9);
    }

    [Fact]
    public void Range_TakesCountSuffixes()
    {
        Assert.Equal(new LogNormalRange(30e9, 70e9), Parse("30B..70B"));
    }

    [Theory]
    [InlineData("normal(0.4, 0.05)", typeof(NormalDistribution))]
    [InlineData("uniform(2, 3)", typeof(UniformDistribution))]
    [InlineData("loguniform(1e13, 1e15)", typeof(LogUniformDistribution))]
    [InlineData("triangular(0.3, 0.4, 0.5)", typeof(TriangularDistribution))]
    [InlineData(" Normal( 1K , 10 ) ", typeof(NormalDistribution))]
    public void NamedForms_Parse(string text, Type type)
    {
        Assert.IsType(type, Parse(text));
    }

    [Theory]
    [InlineData("1e27..1e25", "is reversed or empty")]
    [InlineData("1e25..1e25", "is reversed or empty")]
    [InlineData("1e25..", "is an open range")]
    [InlineData("..1e25", "is an open range")]
    [InlineData("0..1", "needs a low end above 0")]
    [InlineData("1e25..abc", "has a high end that is not a number")]
    [InlineData("1,000..2000", "has a low end that is not a number")]
    [InlineData("gamma(1, 2)", "names an unknown distribution 'gamma'")]
    [InlineData("normal(1)", "gives normal 1 argument(s); it takes 2")]
    [InlineData("normal(1, 0)", "standard deviation that is not above 0")]
    [InlineData("uniform(3, 2)", "is a reversed or empty uniform")]
    [InlineData("loguniform(0, 2)", "lower end not above 0")]
    [InlineData("triangular(1, 5, 3)", "needs a < b and a ≤ mode ≤ b")]
    [InlineData("normal(1, 2", "is not a number or a distribution")]
    public void BadForms_SayWhatIsWrong(string text, string problem)
    {
        Assert.Contains(problem, Problem(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ParsesBackToTheSameDistribution()
    {
        foreach (string text in new[] { "1e25..1e27", "normal(0.4, 0.05)", "uniform(2, 3)", "loguniform(1e13, 1e15)", "triangular(0.3, 0.4, 0.5)" })
        {
            Distribution d = Parse(text);
            string described = d.Describe();
            string syntax = described.Split(" (", 2)[0];
            Assert.Equal(d, Parse(syntax));
        }
    }

    [Theory]
    [InlineData("1e25..1e27")]
    [InlineData("normal(10, 2)")]
    [InlineData("uniform(2, 5)")]
    [InlineData("loguniform(1e13, 1e15)")]
    [InlineData("triangular(0.3, 0.35, 0.5)")]
    public void Samples_PassKolmogorovSmirnovAgainstTheCdf(string text)
    {
        Distribution d = Parse(text);
        const int n = 20_000;
        Assert.Null(MonteCarlo.Draw(new UncertainInput(Unbounded, d, text), n, seed: 7, out double[] draws, out int redraws));
        Assert.Equal(0, redraws);

        Array.Sort(draws);
        double statistic = 0;
        for (int i = 0; i < n; i++)
        {
            double cdf = d.Cdf(draws[i]);
            statistic = Math.Max(statistic, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        // The 5% critical value of the one-sample KS statistic is 1.358/√n.
        Assert.True(statistic < 1.358 / Math.Sqrt(n), $"KS statistic {statistic}");
    }

    [Fact]
    public void NormalAndUniform_SampleMomentsMatch()
    {
        const int n = 100_000;
        MonteCarlo.Draw(new UncertainInput(Unbounded, new NormalDistribution(10, 2), "normal(10, 2)"), n, 3, out double[] normal, out _);
        MonteCarlo.Draw(new UncertainInput(Unbounded, new UniformDistribution(2, 5), "uniform(2, 5)"), n, 3, out double[] uniform, out _);

        AssertClose.Absolute(10, normal.Average(), 0.02);
        AssertClose.Relative(2, StandardDeviation(normal), 0.01);
        AssertClose.Absolute(3.5, uniform.Average(), 0.01);
        AssertClose.Relative(Math.Sqrt(9.0 / 12), StandardDeviation(uniform), 0.01);
    }

    [Fact]
    public void Draws_OutsideTheValidRange_AreRedrawnAndCounted()
    {
        InputSpec share = Unbounded with { Name = "mfu", Minimum = 0, MinimumInclusive = false, Maximum = 1 };
        Assert.Null(MonteCarlo.Draw(new UncertainInput(share, new UniformDistribution(0.5, 1.5), "uniform(0.5, 1.5)"), 10_000, 0, out double[] draws, out int redraws));

        Assert.All(draws, x => Assert.InRange(x, 0.5, 1));
        Assert.InRange(redraws, 9_000, 11_000); // half of the draws fall above 1, each redrawn until it does not
    }

    [Fact]
    public void Draws_AlmostAllOutsideTheRange_AreAnErrorNamingTheInput()
    {
        InputSpec share = Unbounded with { Name = "mfu", Minimum = 0, MinimumInclusive = false, Maximum = 1 };

        FieldError? error = MonteCarlo.Draw(new UncertainInput(share, new UniformDistribution(5, 6), "uniform(5, 6)"), 100, 0, out _, out _);

        Assert.NotNull(error);
        Assert.Equal("mfu", error.Field);
        Assert.Equal("uniform(5, 6)", error.Got);
    }

    [Fact]
    public void CountInputs_AreRoundedToWholeNumbers()
    {
        InputSpec gpus = InputSpec.Count("gpus", "GPUs", "count", 1e8);
        MonteCarlo.Draw(new UncertainInput(gpus, new LogNormalRange(1000, 4000), "1000..4000"), 5000, 0, out double[] draws, out _);

        Assert.All(draws, x => Assert.Equal(Math.Round(x), x));
    }

    [Fact]
    public void Draws_DependOnTheSeedAndTheInputName_NotOnOtherInputs()
    {
        var d = new LogNormalRange(1, 10);
        MonteCarlo.Draw(new UncertainInput(Unbounded, d, "1..10"), 1000, 1, out double[] a, out _);
        MonteCarlo.Draw(new UncertainInput(Unbounded, d, "1..10"), 1000, 1, out double[] b, out _);
        MonteCarlo.Draw(new UncertainInput(Unbounded, d, "1..10"), 1000, 2, out double[] c, out _);
        MonteCarlo.Draw(new UncertainInput(Unbounded with { Name = "y" }, d, "1..10"), 1000, 1, out double[] other, out _);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, other);
    }

    private static double StandardDeviation(double[] xs)
    {
        double mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
    }
}
