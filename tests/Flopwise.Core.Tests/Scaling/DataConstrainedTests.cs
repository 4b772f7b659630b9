using Flopwise.Core.Tests.Support;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>Muennighoff et al. 2023's effective data and parameters, and the grid search's edge.</summary>
public sealed class DataConstrainedTests
{
    private static readonly ScalingLaw Muennighoff = LawCatalog.Default.Find("muennighoff")!;

    [Fact]
    public void EffectiveTokens_NoRepetition_IsU()
    {
        Assert.Equal(25e9, DataConstrained.EffectiveTokens(25e9, 25e9, 15.387756));
    }

    [Fact]
    public void EffectiveTokens_ManyEpochs_SaturatesAtUTimesOnePlusRStar()
    {
        AssertClose.Relative(25e9 * (1 + 15.387756), DataConstrained.EffectiveTokens(25e9 * 1e4, 25e9, 15.387756), 1e-12);
    }

    [Fact]
    public void EffectiveParameters_BelowNStar_IsN()
    {
        double nStar = DataConstrained.OptimalParametersForTokens(Muennighoff, 25e9);

        Assert.Equal(0.9 * nStar, DataConstrained.EffectiveParameters(Muennighoff, 0.9 * nStar, 25e9, 5.309743));
        Assert.True(DataConstrained.EffectiveParameters(Muennighoff, 3 * nStar, 25e9, 5.309743) < 3 * nStar);
    }

    [Fact]
    public void OptimalParametersForTokens_IsTheChinchillaFrontierInverse()
    {
        Allocation a = Muennighoff.AsChinchilla().ChinchillaOptimal(1e22);

        AssertClose.Relative(a.Parameters, DataConstrained.OptimalParametersForTokens(Muennighoff, a.Tokens), 1e-12);
    }

    [Fact]
    public void WithRepetitionDecay_ChinchillaLaw_TakesMuennighoffsConstants()
    {
        ScalingLaw decayed = DataConstrained.WithRepetitionDecay(LawCatalog.Default.Find("epoch")!);

        Assert.Equal(LawForm.Muennighoff, decayed.Form);
        Assert.Equal(Muennighoff.RepeatedTokensDecay, decayed.RepeatedTokensDecay);
        Assert.Equal(1.816864, decayed.E);
    }

    [Fact]
    public void WithRepetitionDecay_Kaplan_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => DataConstrained.WithRepetitionDecay(LawCatalog.Default.Find("kaplan")!));
    }

    [Fact]
    public void GridSearch_StartFarFromTheOptimum_StopsAtTheFactor3EdgeAndSaysSo()
    {
        // Given: a start with 30 × the Chinchilla-optimal N at constant N·D, and data to spare
        Allocation optimum = Muennighoff.AsChinchilla().ChinchillaOptimal(1e22);

        DataConstrainedAllocation a = DataConstrained.GridSearch(Muennighoff, 30 * optimum.Parameters, optimum.Tokens / 30, 1e15);

        // Then: the search moves N down by its largest factor, 3, and flags the edge
        Assert.True(a.AtGridEdge);
        AssertClose.Relative(10 * optimum.Parameters, a.Parameters, 1e-12);
    }

    [Fact]
    public void GridSearch_PlentyOfData_StaysNearTheChinchillaStart()
    {
        DataConstrainedAllocation a = DataConstrained.Optimal(Muennighoff, 1e21, 1e15);

        AssertClose.Relative(a.StartParameters, a.Parameters, 0.01);
        Assert.False(a.AtGridEdge);
    }

    [Fact]
    public void GridSearch_NothingRepeated_KeepsTheStartItself()
    {
        // Given: 1e21 FLOP with far more unique tokens than needed: the Chinchilla-optimal start is the optimum
        Allocation start = Muennighoff.AsChinchilla().ChinchillaOptimal(1e21);

        DataConstrainedAllocation a = DataConstrained.Optimal(Muennighoff, 1e21, 1e15);

        // Then: the start (2.91509e9), not its nearest grid neighbour (2.91480e9 at i = 1.0001)
        Assert.Equal(start.Parameters, a.Parameters);
        Assert.Equal(start.Tokens, a.Tokens);
        Assert.Equal(2.91509e9, a.Parameters, 0.000005e9);
        Assert.False(a.AtGridEdge);
    }
}
