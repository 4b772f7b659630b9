using Flopwise.Fitting;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Approach 2 on synthetic runs from a known Chinchilla-form law.</summary>
public class IsoFlopTests
{
    // Epoch's F1 constants: a = β/(α+β) = 0.513900, b = 0.486100.
    private const double E = 1.81724, A = 477.84, B = 2143.86, Alpha = 0.347313, Beta = 0.367183;

    private static double TrueA => Beta / (Alpha + Beta);

    private static double Loss(double n, double d) => E + (A / Math.Pow(n, Alpha)) + (B / Math.Pow(d, Beta));

    private static double NOpt(double c)
    {
        double g = Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta));
        return g * Math.Pow(c / 6, TrueA);
    }

    /// <summary>9 budgets 1e18…1e22; 9 runs per budget spanning 1.5 decades of N around N_opt (± offset); loss × (1 + noise).</summary>
    private static FitData Synthetic(double noise, double spanDecades = 1.5, double offsetDecades = 0, int seed = 1)
    {
        var random = new Random(seed);
        var n = new List<double>();
        var d = new List<double>();
        var l = new List<double>();
        var c = new List<double>();
        for (int k = 0; k <= 8; k++)
        {
            double compute = Math.Pow(10, 18 + (0.5 * k));
            double centre = Math.Log10(NOpt(compute)) + offsetDecades;
            for (int j = 0; j < 9; j++)
            {
                double parameters = Math.Pow(10, centre + (spanDecades * ((j / 8.0) - 0.5)));
                double tokens = compute / (6 * parameters);
                n.Add(parameters);
                d.Add(tokens);
                c.Add(compute);
                l.Add(Loss(parameters, tokens) * (1 + (noise * ((2 * random.NextDouble()) - 1))));
            }
        }

        return new FitData([.. n], [.. d], [.. l], [.. c]);
    }

    [Fact]
    public void IsoFlop_KnownLawSmallNoise_RecoversExponents()
    {
        // In the power-law regime the IsoFLOP valley has the same shape in ln N at every budget, so the parabola's
        // vertex bias is a constant offset in ln N and does not tilt the slope; what is left is the 1e-4 noise,
        // which moves each vertex by well under 1% and the fitted exponent by under 0.005 (checked against its CI).
        IsoFlopFit fit = Fit.IsoFlop(Synthetic(noise: 1e-4));

        Assert.Equal(9, fit.Budgets);
        Assert.InRange(fit.ParametersExponent, TrueA - 0.005, TrueA + 0.005);
        Assert.InRange(fit.TokensExponent, 1 - TrueA - 0.005, 1 - TrueA + 0.005);
        Assert.InRange(fit.ParametersExponent + fit.TokensExponent, 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(TrueA, fit.ParametersExponentCi95.Low - 0.005, fit.ParametersExponentCi95.High + 0.005);
        Assert.Empty(fit.Warnings);
    }

    [Fact]
    public void IsoFlop_NoNoise_NOptWithinParabolaBias()
    {
        IsoFlopFit fit = Fit.IsoFlop(Synthetic(noise: 0));

        Assert.InRange(fit.ParametersExponent, TrueA - 0.01, TrueA + 0.01);
        foreach (IsoFlopBudget row in fit.BudgetRows)
        {
            Assert.True(row.Used);
            Assert.InRange(row.OptimalParameters!.Value / NOpt(row.Compute), 0.8, 1.25);
        }
    }

    [Fact]
    public void IsoFlop_BudgetWithoutInteriorMinimum_IsRefusedWithWarning()
    {
        // Runs all 2 decades above N_opt: loss rises monotonically in N, no interior minimum.
        FitData data = Synthetic(noise: 0, spanDecades: 1, offsetDecades: 2);
        FitData good = Synthetic(noise: 0);
        var merged = new FitData(
            [.. good.Parameters.ToArray().Take(27), .. data.Parameters.ToArray().Skip(27).Take(9)],
            [.. good.Tokens.ToArray().Take(27), .. data.Tokens.ToArray().Skip(27).Take(9)],
            [.. good.Loss.ToArray().Take(27), .. data.Loss.ToArray().Skip(27).Take(9)],
            [.. good.Compute!.Value.ToArray().Take(27), .. data.Compute!.Value.ToArray().Skip(27).Take(9)]);

        IsoFlopFit fit = Fit.IsoFlop(merged);

        Assert.Equal(4, fit.BudgetRows.Count);
        Assert.Equal(3, fit.Budgets);
        IsoFlopBudget refused = Assert.Single(fit.BudgetRows, r => !r.Used);
        Assert.Null(refused.OptimalParameters);
        Assert.NotNull(refused.Reason);
        Assert.Contains(fit.Warnings, w => w == refused.Reason);
    }

    [Fact]
    public void IsoFlop_NarrowSpan_Warns()
    {
        IsoFlopFit fit = Fit.IsoFlop(Synthetic(noise: 0, spanDecades: 0.5));

        Assert.Equal(9, fit.Budgets);
        Assert.Equal(9, fit.Warnings.Count);
        Assert.All(fit.Warnings, w => Assert.Contains("under a decade", w, StringComparison.Ordinal));
    }

    [Fact]
    public void IsoFlop_ComputeBins_GroupsLikeTheGapRule()
    {
        IsoFlopFit byGap = Fit.IsoFlop(Synthetic(noise: 1e-4));
        IsoFlopFit byBins = Fit.IsoFlop(Synthetic(noise: 1e-4), computeBins: 9);

        Assert.Equal(byGap.ParametersExponent, byBins.ParametersExponent, 12);
    }
}
