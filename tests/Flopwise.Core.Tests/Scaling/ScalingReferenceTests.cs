using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Scaling;
using static Flopwise.Core.Tests.Reference.ScalingFigures;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>The published and derived scaling-law figures (S1–S5, S8–S12, in Reference/ScalingFigures.cs), reproduced.</summary>
public sealed class ScalingReferenceTests
{
    private static ScalingLaw Law(string id) => LawCatalog.Default.Find(id)!;

    [Fact]
    public void S1_TenTimesCompute_MultipliesNBy3p090AndDBy3p236()
    {
        var law = new ScalingLaw
        {
            Id = "approach2-table2",
            DisplayName = "Table 2 Approach 2 exponents",
            Form = LawForm.Power,
            Source = "Hoffmann et al. 2022, Table 2",
            ParametersCoefficient = 1,
            ParametersExponent = ScalingFigures.S1.ParametersExponent,
            TokensCoefficient = 1,
            TokensExponent = ScalingFigures.S1.TokensExponent,
        };
        Allocation low = OptimalAllocation.Compute(law, 1e23);
        Allocation high = OptimalAllocation.Compute(law, 1e24);

        AssertClose.ToPrinted(ScalingFigures.S1.ParametersMultiplier, high.Parameters / low.Parameters, HalfUnit(ScalingFigures.S1.ParametersMultiplier, ScalingFigures.S1.Figures), "N multiplier");
        AssertClose.ToPrinted(ScalingFigures.S1.TokensMultiplier, high.Tokens / low.Tokens, HalfUnit(ScalingFigures.S1.TokensMultiplier, ScalingFigures.S1.Figures), "D multiplier");
    }

    [Fact]
    public void S1_Approach2Preset_GivesTheSameMultipliers()
    {
        ScalingLaw law = Law("hoffmann-approach2");
        Allocation low = OptimalAllocation.Compute(law, 1e23);
        Allocation high = OptimalAllocation.Compute(law, 1e24);

        AssertClose.ToPrinted(ScalingFigures.S1.ParametersMultiplier, high.Parameters / low.Parameters, HalfUnit(ScalingFigures.S1.ParametersMultiplier, ScalingFigures.S1.Figures));
        AssertClose.ToPrinted(ScalingFigures.S1.TokensMultiplier, high.Tokens / low.Tokens, HalfUnit(ScalingFigures.S1.TokensMultiplier, ScalingFigures.S1.Figures));
    }

    public static TheoryData<string, int> OptimalRows() => new()
    {
        { "hoffmann", 0 }, { "hoffmann", 1 }, { "hoffmann", 2 },
        { "hoffmann-unrounded", 0 }, { "hoffmann-unrounded", 1 }, { "hoffmann-unrounded", 2 },
        { "epoch", 0 }, { "epoch", 1 },
    };

    [Theory]
    [MemberData(nameof(OptimalRows))]
    public void S2S3S4_ChinchillaOptimal_MatchesPrintedRow(string id, int row)
    {
        OptimalRow expected = id switch
        {
            "hoffmann" => ScalingFigures.S2[row],
            "hoffmann-unrounded" => ScalingFigures.S3[row],
            _ => ScalingFigures.S4[row],
        };

        Allocation a = Law(id).ChinchillaOptimal(expected.Compute);

        AssertClose.ToPrinted(expected.Parameters, a.Parameters, HalfUnit(expected.Parameters, 4), "N");
        AssertClose.ToPrinted(expected.Tokens, a.Tokens, HalfUnit(expected.Tokens, 4), "D");
        AssertClose.ToPrinted(expected.TokensPerParameter, a.TokensPerParameter, HalfUnitOfDecimals(1), "D/N");
        AssertClose.ToPrinted(expected.Loss, a.Loss!.Value, HalfUnitOfDecimals(4), "L");
    }

    [Fact]
    public void S4_At1e24_MatchesEverythingButN_WhichReferenceRoundedFromGAndA()
    {
        // Given: the printed row has N = 9.601e10, computed from G = 0.119634 and a = 0.512640 rounded to 6 figures
        OptimalRow expected = ScalingFigures.S4[2];
        Allocation a = Law("epoch").ChinchillaOptimal(expected.Compute);

        // Then: D, D/N and L match the printed row
        AssertClose.ToPrinted(expected.Tokens, a.Tokens, HalfUnit(expected.Tokens, 4), "D");
        AssertClose.ToPrinted(expected.TokensPerParameter, a.TokensPerParameter, HalfUnitOfDecimals(1), "D/N");
        AssertClose.ToPrinted(expected.Loss, a.Loss!.Value, HalfUnitOfDecimals(4), "L");

        // And: the law's own constants give 9.6005e10 (rounds to 9.600e10), while the rounded G and a give 9.601e10
        AssertClose.ToPrinted(S4NAt1e24FromConstants, a.Parameters, S4NAt1e24Tolerance, "N from the constants");
        double fromRounded = S4G * Math.Pow(expected.Compute / 6, S4A);
        AssertClose.ToPrinted(expected.Parameters, fromRounded, HalfUnit(expected.Parameters, 4), "N from rounded G, a");
    }

    [Theory]
    [InlineData("hoffmann", S2G, S2A)]
    [InlineData("hoffmann-unrounded", S3G, S3A)]
    [InlineData("epoch", S4G, S4A)]
    public void S2S3S4_FrontierConstants_MatchPrintedGAndA(string id, double g, double a)
    {
        (double actualG, double actualA, double actualB) = Law(id).ChinchillaFrontier();

        AssertClose.ToPrinted(g, actualG, HalfUnitOfDecimals(6), "G");
        AssertClose.ToPrinted(a, actualA, HalfUnitOfDecimals(6), "a");
        Assert.Equal(1, actualA + actualB, 12);
    }

    [Theory]
    [InlineData("hoffmann", ScalingFigures.S5.HoffmannChinchilla, ScalingFigures.S5.HoffmannSmall)]
    [InlineData("hoffmann-unrounded", ScalingFigures.S5.UnroundedChinchilla, ScalingFigures.S5.UnroundedSmall)]
    [InlineData("epoch", ScalingFigures.S5.EpochChinchilla, ScalingFigures.S5.EpochSmall)]
    public void S5_Loss_MatchesPrinted(string id, double chinchilla, double small)
    {
        ScalingLaw law = Law(id);

        AssertClose.ToPrinted(chinchilla, LossCalculator.Loss(law, 70e9, 1.4e12), HalfUnit(chinchilla, ScalingFigures.S5.Figures));
        AssertClose.ToPrinted(small, LossCalculator.Loss(law, 1e9, 20e9), HalfUnit(small, ScalingFigures.S5.Figures));
    }

    [Fact]
    public void S8_KaplanTable5_MatchesDerived()
    {
        AssertClose.ToPrinted(ScalingFigures.S8.LossAtN8p8e9, KaplanSingleVariable.LossOfParameters(8.8e9), HalfUnit(ScalingFigures.S8.LossAtN8p8e9, ScalingFigures.S8.Figures));
        AssertClose.ToPrinted(ScalingFigures.S8.LossAtN1e9, KaplanSingleVariable.LossOfParameters(1e9), HalfUnit(ScalingFigures.S8.LossAtN1e9, ScalingFigures.S8.Figures));
        AssertClose.ToPrinted(ScalingFigures.S8.LossAtD5p4e12, KaplanSingleVariable.LossOfTokens(5.4e12), HalfUnit(ScalingFigures.S8.LossAtD5p4e12, ScalingFigures.S8.Figures));
    }

    [Fact]
    public void S9_KaplanJoint_MatchesDerived()
    {
        ScalingLaw kaplan = Law("kaplan");

        AssertClose.ToPrinted(ScalingFigures.S9.LossAt1e9And1e10, LossCalculator.Loss(kaplan, 1e9, 1e10), HalfUnit(ScalingFigures.S9.LossAt1e9And1e10, ScalingFigures.S9.Figures));
        AssertClose.ToPrinted(ScalingFigures.S9.LossAt1e9And1e12, LossCalculator.Loss(kaplan, 1e9, 1e12), HalfUnit(ScalingFigures.S9.LossAt1e9And1e12, ScalingFigures.S9.Figures));
    }

    [Fact]
    public void S10_KaplanFrontier_OnePetaflopDay_IsTheCoefficients()
    {
        Allocation a = OptimalAllocation.Compute(Law("kaplan"), ScalingFigures.S10.PetaflopDay);

        AssertClose.Relative(ScalingFigures.S10.NAt1, a.Parameters, 1e-12, "N");
        AssertClose.Relative(ScalingFigures.S10.DAt1, a.Tokens, 1e-12, "D");
        AssertClose.ToPrinted(ScalingFigures.S10.LossAt1, a.Loss!.Value, HalfUnit(ScalingFigures.S10.LossAt1, 5), "L");
        Assert.True(a.ParametersAreNonEmbedding);
    }

    [Fact]
    public void S10_KaplanFrontier_ThousandPetaflopDays_MatchesDerived()
    {
        Allocation a = OptimalAllocation.Compute(Law("kaplan"), 1e3 * ScalingFigures.S10.PetaflopDay);

        AssertClose.ToPrinted(ScalingFigures.S10.NAt1e3, a.Parameters, HalfUnit(ScalingFigures.S10.NAt1e3, 4), "N");
        AssertClose.ToPrinted(ScalingFigures.S10.DAt1e3, a.Tokens, HalfUnit(ScalingFigures.S10.DAt1e3, 4), "D");
        AssertClose.ToPrinted(ScalingFigures.S10.LossAt1e3, a.Loss!.Value, HalfUnit(ScalingFigures.S10.LossAt1e3, 5), "L");
    }

    [Fact]
    public void S11_DeepSeek_At1e24_MatchesDerived()
    {
        Allocation a = OptimalAllocation.Compute(Law("deepseek"), ScalingFigures.S11.Compute);

        AssertClose.ToPrinted(ScalingFigures.S11.ModelFlopPerToken, a.ModelFlopPerToken!.Value, HalfUnit(ScalingFigures.S11.ModelFlopPerToken, 4), "M");
        AssertClose.ToPrinted(ScalingFigures.S11.Tokens, a.Tokens, HalfUnit(ScalingFigures.S11.Tokens, 4), "D");
        AssertClose.ToPrinted(ScalingFigures.S11.LearningRate, a.LearningRate!.Value, HalfUnit(ScalingFigures.S11.LearningRate, 4), "η");
        AssertClose.ToPrinted(ScalingFigures.S11.BatchSize, a.BatchSizeTokens!.Value, HalfUnit(ScalingFigures.S11.BatchSize, 4), "B");
        AssertClose.Relative(ScalingFigures.S11.ModelTimesTokensOverCompute, a.ModelFlopPerToken.Value * a.Tokens / ScalingFigures.S11.Compute, 1e-12, "M·D/C");
        AssertClose.Relative(a.ModelFlopPerToken.Value / 6, a.Parameters, 1e-15, "N = M/6");
        Assert.True(a.ParametersAreApproximate);
    }

    [Fact]
    public void S12_DataConstrainedLoss_MatchesReadmeTo1e12()
    {
        ScalingLaw law = Law("muennighoff");

        AssertClose.Relative(ScalingFigures.S12.LossAt6p34e9, DataConstrained.Loss(law, 6.34e9, 242e9, 25e9), ScalingFigures.S12.LossRelativeTolerance);
        AssertClose.Relative(ScalingFigures.S12.LossAt8p67e9, DataConstrained.Loss(law, 8.67e9, 178e9, 25e9), ScalingFigures.S12.LossRelativeTolerance);
    }

    [Fact]
    public void S12_GridSearch_FromReadmeStart_Gives226p5BTokens9p06Epochs6p81B()
    {
        DataConstrainedAllocation a = DataConstrained.GridSearch(Law("muennighoff"), ScalingFigures.S12.StartParameters, ScalingFigures.S12.StartTokens, ScalingFigures.S12.UniqueTokens);

        AssertClose.ToPrinted(ScalingFigures.S12.GridTokens, a.Tokens, HalfUnit(ScalingFigures.S12.GridTokens, 4), "tokens");
        AssertClose.ToPrinted(ScalingFigures.S12.GridEpochs, a.Epochs, HalfUnit(ScalingFigures.S12.GridEpochs, 3), "epochs");
        AssertClose.ToPrinted(ScalingFigures.S12.GridParameters, a.Parameters, HalfUnit(ScalingFigures.S12.GridParameters, 3), "parameters");
        AssertClose.Relative(ScalingFigures.S12.ReadmeTokens, a.Tokens, ScalingFigures.S12.GridRelativeTolerance, "README tokens");
        AssertClose.Relative(ScalingFigures.S12.ReadmeEpochs, a.Epochs, ScalingFigures.S12.GridRelativeTolerance, "README epochs");
        AssertClose.Relative(ScalingFigures.S12.ReadmeParameters, a.Parameters, ScalingFigures.S12.GridRelativeTolerance, "README parameters");
        Assert.False(a.AtGridEdge);
    }

    [Fact]
    public void S12_OptimalFromChinchillaStart_AtTheReadmeBudget_MatchesTheReadmeToItsPrintedFigures()
    {
        // Given: the README example's budget 6 · 8.67e9 · 178e9, started from the Chinchilla-optimal split instead
        double compute = 6 * ScalingFigures.S12.StartParameters * ScalingFigures.S12.StartTokens;

        DataConstrainedAllocation a = DataConstrained.Optimal(Law("muennighoff"), compute, ScalingFigures.S12.UniqueTokens);

        // Then: "227B tokens, 9.1 epochs, 6.8B parameters" to the README's printed figures
        AssertClose.ToPrinted(ScalingFigures.S12.ReadmeTokens, a.Tokens, HalfUnit(ScalingFigures.S12.ReadmeTokens, 3), "tokens");
        AssertClose.ToPrinted(ScalingFigures.S12.ReadmeEpochs, a.Epochs, HalfUnit(ScalingFigures.S12.ReadmeEpochs, 2), "epochs");
        AssertClose.ToPrinted(ScalingFigures.S12.ReadmeParameters, a.Parameters, HalfUnit(ScalingFigures.S12.ReadmeParameters, 2), "parameters");
        AssertClose.Relative(compute, 6 * a.Parameters * a.Tokens, 1e-12, "6·N·D = C");
    }

    [Fact]
    public void Table3_Approach1Fit_AtEachRowsFlop_IsNearTheRowsParameters()
    {
        ScalingLaw law = Law("hoffmann-approach1");
        foreach ((double parameters, double flop, _) in ScalingFigures.Table3)
        {
            double tolerance = parameters == 67e9 ? Table3ParametersTolerance67B : Table3ParametersTolerance;
            AssertClose.Relative(parameters, OptimalAllocation.Compute(law, flop).Parameters, tolerance, $"row {parameters:G3}");
        }
    }

    [Fact]
    public void AppendixD4_Approach1Fit_At1e21_Is2p86B()
    {
        Allocation a = OptimalAllocation.Compute(Law("hoffmann-approach1"), AppendixD4Compute);

        AssertClose.ToPrinted(AppendixD4Parameters, a.Parameters, HalfUnit(AppendixD4Parameters, 3));
    }

    [Theory]
    [InlineData("hoffmann", TokensPerParameterAtChinchilla.Hoffmann, 1)]
    [InlineData("hoffmann-unrounded", TokensPerParameterAtChinchilla.Unrounded, 1)]
    [InlineData("epoch", TokensPerParameterAtChinchilla.Epoch, 1)]
    [InlineData("hoffmann-approach1", TokensPerParameterAtChinchilla.Approach1, 1)]
    [InlineData("hoffmann-approach2", TokensPerParameterAtChinchilla.Approach2, 1)]
    [InlineData("tokens-per-parameter-20", TokensPerParameterAtChinchilla.RuleOfThumb, 12)]
    [InlineData("kaplan", TokensPerParameterAtChinchilla.Kaplan, 2)]
    public void Section6p6_TokensPerParameterAtChinchillaCompute_MatchesPrinted(string id, double printed, int decimals)
    {
        Allocation a = OptimalAllocation.Compute(Law(id), ChinchillaCompute);

        AssertClose.ToPrinted(printed, a.TokensPerParameter, HalfUnitOfDecimals(decimals));
    }

    [Theory]
    [InlineData("hoffmann", TokensPerParameterAtChinchilla.HoffmannAtGopher)]
    [InlineData("hoffmann-unrounded", TokensPerParameterAtChinchilla.UnroundedAtGopher)]
    public void Section6p6_TokensPerParameterAtGopherCompute_MatchesPrinted(string id, double printed)
    {
        Allocation a = OptimalAllocation.Compute(Law(id), GopherCompute);

        AssertClose.ToPrinted(printed, a.TokensPerParameter, HalfUnitOfDecimals(1));
    }

    [Fact]
    public void Figure4_GopherBudgetOptimum_Unrounded40p4B_Printed32p2B_Published40B()
    {
        double unrounded = Law("hoffmann-unrounded").ChinchillaOptimal(GopherCompute).Parameters;
        double printed = Law("hoffmann").ChinchillaOptimal(GopherCompute).Parameters;

        AssertClose.ToPrinted(Figure4.PublishedParameters, unrounded, HalfUnit(Figure4.PublishedParameters, Figure4.PublishedFigures), "published 40B");
        AssertClose.ToPrinted(Figure4.UnroundedParameters, unrounded, HalfUnit(Figure4.UnroundedParameters, Figure4.Figures), "unrounded");
        AssertClose.ToPrinted(Figure4.PrintedParameters, printed, HalfUnit(Figure4.PrintedParameters, Figure4.Figures), "printed");
    }
}
