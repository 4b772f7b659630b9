using System.Globalization;
using System.Text;
using Flopwise.Fitting;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Issue 25 §4: data that cannot identify the law, and fits that are no law.</summary>
public sealed class FitChecksTests
{
    private static RunTable Table(string csv, RunTableOptions? options = null) =>
        RunTable.Parse(new StringReader(csv), "runs.csv", options ?? new RunTableOptions()).GetValueOrThrow();

    private static ChinchillaFit Law(double e, double a, double b, double alpha, double beta) => new()
    {
        E = e,
        A = a,
        B = b,
        Alpha = alpha,
        Beta = beta,
        Objective = 1,
        Starts = 4500,
        ConvergedStarts = 4500,
        ExitReason = ExitReason.Converged,
        Iterations = 10,
    };

    private static string Csv(Func<int, (double N, double D)> row)
    {
        var text = new StringBuilder("N,D,loss\n");
        for (int i = 0; i < 12; i++)
        {
            (double n, double d) = row(i);
            text.Append(CultureInfo.InvariantCulture, $"{n:G6},{d:G6},{2 + (100 / Math.Pow(n, 0.3)) + (100 / Math.Pow(d, 0.3)):G6}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Identification_VaryingNAndD_HasNoReason() =>
        Assert.Empty(FitChecks.Identification(Table(Csv(i => (1e8 * (1 + i), 1e10 * (1 + (i % 5)))))));

    [Fact]
    public void Identification_OneColumnForParametersAndTokens_IsNamed()
    {
        RunTable table = Table(Csv(i => (1e8 * (1 + i), 1e10 * (1 + (i % 5)))), new RunTableOptions { TokensColumn = "N" });

        Assert.Equal("column 'N' is used for both parameters and tokens", Assert.Single(FitChecks.Identification(table)));
    }

    [Fact]
    public void Identification_SingleN_IsNamed() =>
        Assert.Equal(
            "every run has the same parameters N (1E+08), so alpha and A cannot be told from E",
            Assert.Single(FitChecks.Identification(Table(Csv(i => (1e8, 1e10 * (1 + i)))))));

    [Fact]
    public void Identification_SingleD_IsNamed() =>
        Assert.Contains("every run has the same tokens D", Assert.Single(FitChecks.Identification(Table(Csv(i => (1e8 * (1 + i), 1e10))))), StringComparison.Ordinal);

    [Fact]
    public void Identification_DProportionalToN_IsNamed() =>
        Assert.Contains("ln D is a linear function of ln N", Assert.Single(FitChecks.Identification(Table(Csv(i => (1e8 * (1 + i), 2e9 * (1 + i)))))), StringComparison.Ordinal);

    [Fact]
    public void Physical_HoffmannsLaw_HasNoReason() => Assert.Empty(FitChecks.Physical(Law(1.69, 406.4, 410.7, 0.34, 0.28)));

    [Fact]
    public void Physical_LossRisingWithN_IsRefused()
    {
        // The case: loss rising with N fitted alpha = -0.05, "converged", exit 0.
        IReadOnlyList<string> reasons = FitChecks.Physical(Law(1.5, 0.86, 0.07, -0.051, 0.013));

        Assert.Equal("alpha = -0.051 is not positive: the loss does not fall as N grows", Assert.Single(reasons));
    }

    [Fact]
    public void Physical_ConstantsAtTheSearchBounds_AreRefused()
    {
        // The other case: one column for parameters and tokens gave beta = 8.96, B = 1.4e63.
        IReadOnlyList<string> reasons = FitChecks.Physical(Law(7.5e-117, 400, 1.4e63, 0.3, 8.96));

        Assert.Equal(3, reasons.Count);
        Assert.Contains("beta = 8.96 ran past the search's bound of 4", reasons);
        Assert.Contains("B = 1.4E+63 ran past the search's bound (ln B above 100)", reasons);
        Assert.Contains("E = 7.5E-117 ran to the search's bound of zero (ln E below -30)", reasons);
    }

    [Fact]
    public void Physical_NaNExponent_IsRefused() => Assert.Contains("is not positive", Assert.Single(FitChecks.Physical(Law(1.7, 400, 400, double.NaN, 0.3))), StringComparison.Ordinal);
}
