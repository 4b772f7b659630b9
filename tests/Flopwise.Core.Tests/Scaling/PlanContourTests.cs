using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

public class PlanContourTests
{
    /// <summary>Hoffmann et al. 2022, printed constants (arXiv 2203.15556, App. D.2, eq. 10), built here so that the tests do not depend on the preset catalog.</summary>
    public static ScalingLaw Hoffmann { get; } = new()
    {
        Id = "hoffmann",
        DisplayName = "Hoffmann et al. 2022 (printed constants)",
        Form = LawForm.Chinchilla,
        Source = "Hoffmann et al. 2022, App. D.2, eq. 10",
        E = PlanningFigures.Hoffmann.E,
        A = PlanningFigures.Hoffmann.A,
        B = PlanningFigures.Hoffmann.B,
        Alpha = PlanningFigures.Hoffmann.Alpha,
        Beta = PlanningFigures.Hoffmann.Beta,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ComputeOptimal_ContourThroughS2Optimum_IsTheSameModel(int row)
    {
        (double compute, double n, double nHalf, double d, double dHalf) = PlanningFigures.S2.Rows[row];
        double loss = Hoffmann.ChinchillaOptimal(compute).Loss!.Value;

        PlanContour contour = PlanContour.Create(Hoffmann, loss);

        AssertClose.ToPrinted(n, contour.ComputeOptimalParameters, nHalf, "N_co");
        AssertClose.ToPrinted(d, contour.ComputeOptimalTokens, dHalf, "D_co");
        AssertClose.Relative(compute, 6 * contour.ComputeOptimalParameters * contour.ComputeOptimalTokens, 1e-12, "6·N_co·D_co");
    }

    [Theory]
    [InlineData(2.5, 1e9)]
    [InlineData(1.9, 7e10)]
    [InlineData(1.6934, 1e15)]
    public void TokensAt_ThenLoss_ReturnsTheContourLoss(double loss, double parametersAboveMinimum)
    {
        PlanContour contour = PlanContour.Create(Hoffmann, loss);
        double n = contour.MinimumParameters + parametersAboveMinimum;

        double d = contour.TokensAt(n);

        AssertClose.Relative(loss, Hoffmann.ChinchillaLoss(n, d), 1e-14);
        AssertClose.Relative(n, contour.ParametersAt(d), 1e-10);
    }

    [Fact]
    public void TokensAt_JustAboveMinimum_IsFiniteAndOnTheContour()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.2);
        double n = contour.MinimumParameters * (1 + 1e-6);

        double d = contour.TokensAt(n);

        Assert.True(double.IsFinite(d) && d > 1e20, d.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        AssertClose.Relative(2.2, Hoffmann.ChinchillaLoss(n, d), 1e-12);
    }

    [Fact]
    public void MinimumParameters_IsWhereTheParameterTermAloneReachesTheLoss()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.0);

        AssertClose.Relative(2.0 - 1.69, 406.4 / Math.Pow(contour.MinimumParameters, 0.34), 1e-14);
        AssertClose.Relative(2.0 - 1.69, 410.7 / Math.Pow(contour.MinimumTokens, 0.28), 1e-14);
    }

    [Fact]
    public void TokensAt_AtOrBelowMinimum_Throws()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.0);

        Assert.Throws<ArgumentOutOfRangeException>(() => contour.TokensAt(contour.MinimumParameters));
        Assert.Throws<ArgumentOutOfRangeException>(() => contour.TokensAt(contour.MinimumParameters / 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => contour.ParametersAt(contour.MinimumTokens / 2));
    }

    [Fact]
    public void Create_LossAtOrBelowE_OrNonChinchillaLaw_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanContour.Create(Hoffmann, 1.69));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanContour.Create(Hoffmann, double.NaN));
        ScalingLaw power = new() { Id = "p", DisplayName = "p", Form = LawForm.Power, Source = "s", ParametersCoefficient = 0.1, ParametersExponent = 0.5, TokensCoefficient = 1.7, TokensExponent = 0.5 };
        Assert.Throws<ArgumentException>(() => PlanContour.Create(power, 2.0));
    }
}
