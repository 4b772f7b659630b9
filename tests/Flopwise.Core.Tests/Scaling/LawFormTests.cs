using System.Text.Json.Nodes;
using Flopwise.Core.Tests.Support;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>
/// Each law form on its own: its loss (or that it has none), its compute-optimal frontier, and its constants written
/// as JSON (<see cref="LawJson.LawObject"/>) and read back as a law file (<see cref="LawCatalog.ParseLawFile"/>).
/// </summary>
public sealed class LawFormTests
{
    private const double PetaflopDay = 8.64e19;

    public static TheoryData<string> CatalogIds => [.. LawCatalog.Default.Ids];

    [Fact]
    public void All_ListsEachFormOnce_FoundByItsJsonName()
    {
        Assert.Equal(["chinchilla", "power", "kaplan", "deepseek", "muennighoff"], LawForm.All.Select(f => f.JsonName));
        Assert.Equal(["Chinchilla", "Power", "Kaplan", "DeepSeek", "Muennighoff"], LawForm.All.Select(f => f.ToString()));
        Assert.All(LawForm.All, f => Assert.Same(f, LawForm.Find(" " + f.JsonName.ToUpperInvariant() + " ")));
        Assert.Null(LawForm.Find("hoffmann"));
        Assert.All(LawCatalog.Default.All, l => Assert.Contains(l.Form, LawForm.All));
    }

    [Fact]
    public void Chinchilla_Loss_IsEPlusTheTwoPowerTerms()
    {
        ScalingLaw law = Law("hoffmann");
        double n = 70e9;
        double d = 1.4e12;

        Assert.IsType<ChinchillaForm>(law.Form);
        Assert.True(law.Form.HasLoss);
        AssertClose.Relative(1.69 + (406.4 / Math.Pow(n, 0.34)) + (410.7 / Math.Pow(d, 0.28)), law.Form.Loss(law, n, d), 1e-15);
        Assert.Equal(law.Form.Loss(law, n, d), law.Loss(n, d));
    }

    [Fact]
    public void Chinchilla_Frontier_SpendsTheBudget_AtTheLowestLossOfItsIsoFlopCurve()
    {
        ScalingLaw law = Law("epoch");
        double c = 5.88e23;

        Allocation best = law.Form.Optimal(law, c);

        AssertClose.Relative(c, 6 * best.Parameters * best.Tokens, 1e-12);
        Assert.Equal(law.Loss(best.Parameters, best.Tokens), best.Loss);
        foreach (double factor in (double[])[0.99, 1.01])
        {
            double n = best.Parameters * factor;
            Assert.True(law.Loss(n, c / (6 * n)) > best.Loss, $"N × {factor} should lose more");
        }
    }

    [Fact]
    public void Power_HasNoLoss_AndItsFrontierIsTheTwoPowers()
    {
        ScalingLaw law = Law("hoffmann-approach1");
        double c = 1e24;

        Allocation at = law.Form.Optimal(law, c);

        Assert.IsType<PowerForm>(law.Form);
        Assert.False(law.Form.HasLoss);
        Assert.Throws<InvalidOperationException>(() => law.Form.Loss(law, 1e9, 1e10));
        Assert.Null(at.Loss);
        AssertClose.Relative(0.0992 * Math.Pow(c, 0.4981), at.Parameters, 1e-14);
        AssertClose.Relative(1.696 * Math.Pow(c, 0.5019), at.Tokens, 1e-14);
    }

    [Fact]
    public void Power_RuleOfThumb_KeepsItsRatio_AndSpendsTheBudget()
    {
        ScalingLaw law = Law("tokens-per-parameter-20");

        Allocation at = law.Optimal(1e24);

        AssertClose.Relative(20, at.TokensPerParameter, 1e-14);
        AssertClose.Relative(1e24, 6 * at.Parameters * at.Tokens, 1e-14);
    }

    [Fact]
    public void Kaplan_Loss_IsTheJointLawOfTable2_AndTendsToTheParameterTerm()
    {
        ScalingLaw law = Law("kaplan");
        double n = 1e9;
        double d = 2e10;

        Assert.IsType<KaplanForm>(law.Form);
        AssertClose.Relative(Math.Pow(Math.Pow(6.4e13 / n, 0.076 / 0.103) + (1.8e13 / d), 0.103), law.Form.Loss(law, n, d), 1e-14);
        AssertClose.Relative(Math.Pow(6.4e13 / n, 0.076), law.Form.Loss(law, n, 1e300), 1e-12);
    }

    [Fact]
    public void Kaplan_Frontier_IsTable6InPetaflopDays_WithTheLossOfEquation13()
    {
        ScalingLaw law = Law("kaplan");
        double c = 1e23;
        double pfDays = c / PetaflopDay;

        Allocation at = law.Form.Optimal(law, c);

        AssertClose.Relative(1.3e9 * Math.Pow(pfDays, 0.73), at.Parameters, 1e-14);
        AssertClose.Relative(2e10 * Math.Pow(pfDays, 0.27), at.Tokens, 1e-14);
        AssertClose.Relative(Math.Pow(3.1e8 / pfDays, 0.05), at.Loss!.Value, 1e-14);
        Assert.True(at.ParametersAreNonEmbedding);
        AssertClose.Relative(1.81, 6 * at.Parameters * at.Tokens / c, 0.01, "separate fits: 6·N·D ≈ 1.81·C");
    }

    [Fact]
    public void DeepSeek_HasNoLoss_AndItsFrontierIsModelScaleAndData()
    {
        ScalingLaw law = Law("deepseek");
        double c = 1e24;

        Allocation at = law.Form.Optimal(law, c);

        Assert.IsType<DeepSeekForm>(law.Form);
        Assert.False(law.HasLoss);
        Assert.Throws<InvalidOperationException>(() => law.Loss(1e9, 1e10));
        AssertClose.Relative(0.1715 * Math.Pow(c, 0.5243), at.ModelFlopPerToken!.Value, 1e-14);
        AssertClose.Relative(at.ModelFlopPerToken!.Value / 6, at.Parameters, 1e-15);
        AssertClose.Relative(5.8316 * Math.Pow(c, 0.4757), at.Tokens, 1e-14);
        AssertClose.Relative(1, at.ModelFlopPerToken!.Value * at.Tokens / c, 1e-3, "C = M·D");
        AssertClose.Relative(0.3118 * Math.Pow(c, -0.125), at.LearningRate!.Value, 1e-14);
        AssertClose.Relative(0.292 * Math.Pow(c, 0.3271), at.BatchSizeTokens!.Value, 1e-14);
        Assert.True(at.ParametersAreApproximate);
    }

    [Fact]
    public void Muennighoff_Loss_IsTheChinchillaFormUpToNStar_AndAboveItHigher()
    {
        ScalingLaw law = Law("muennighoff");
        ScalingLaw plain = law.AsChinchilla();
        double d = 1e11;
        double nStar = DataConstrained.OptimalParametersForTokens(law, d);

        Assert.IsType<MuennighoffForm>(law.Form);
        AssertClose.Relative(plain.Loss(nStar / 2, d), law.Form.Loss(law, nStar / 2, d), 1e-14);
        Assert.True(law.Form.Loss(law, nStar * 4, d) > plain.Loss(nStar * 4, d), "excess parameters decay above N*(D)");
    }

    [Fact]
    public void Muennighoff_Frontier_IsTheChinchillaFormsOfItsConstants()
    {
        ScalingLaw law = Law("muennighoff");

        Assert.Equal(law.AsChinchilla().Optimal(1e22), law.Form.Optimal(law, 1e22));
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void EveryPreset_WrittenAsJson_ReadsBackAsTheSameLaw(string id)
    {
        ScalingLaw law = Law(id);
        string json = LawJson.LawObject(law, null).ToJsonString();

        ScalingLaw back = LawCatalog.ParseLawFile(json, "law.json").Value!;

        Assert.Same(law.Form, back.Form);
        Assert.Equal(law.Id, back.Id);
        Assert.Equal(law.Source, back.Source);
        Assert.Equal(law.IsDerived, back.IsDerived);
        Assert.Equal(Constants(law), Constants(back));
        foreach (double c in (double[])[1e18, 5.88e23, 1e28])
        {
            Allocation expected = law.Optimal(c);
            Allocation actual = back.Optimal(c);
            AssertClose.Relative(expected.Parameters, actual.Parameters, 1e-13, $"{id} N at {c}");
            AssertClose.Relative(expected.Tokens, actual.Tokens, 1e-13, $"{id} D at {c}");
            Assert.Equal(expected.Loss, actual.Loss);
        }

        if (law.HasLoss)
        {
            Assert.Equal(law.Loss(7e10, 1.4e12), back.Loss(7e10, 1.4e12));
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void EveryPreset_WritesOnlyItsFormsConstants_ThenDerived(string id)
    {
        ScalingLaw law = Law(id);
        string[] keys = LawConstants.Fields(law, string.Empty).Select(f => f.Key).ToArray();
        string[] expected = law.Form.JsonName switch
        {
            "chinchilla" => ["E", "A", "B", "alpha", "beta", .. Frontier],
            "muennighoff" => ["E", "A", "B", "alpha", "beta", "repeatedTokensDecay", "repeatedParametersDecay", .. Frontier],
            "kaplan" => ["alphaN", "alphaD", "criticalParameters", "criticalTokens", "lossComputeScale", "lossComputeExponent", .. Frontier, "computeUnitFlop"],
            "deepseek" => ["modelFlopPerTokenCoefficient", "modelFlopPerTokenExponent", "tokensCoefficient", "tokensExponent", "learningRateCoefficient", "learningRateExponent", "batchSizeCoefficient", "batchSizeExponent"],
            _ => law.RuleTokensPerParameter is null ? Frontier : [.. Frontier, "ruleTokensPerParameter"],
        };

        Assert.Equal([.. expected, "derived"], keys);
    }

    private static string[] Frontier => ["parametersCoefficient", "parametersExponent", "tokensCoefficient", "tokensExponent"];

    private static ScalingLaw Law(string id) => LawCatalog.Default.Find(id)!;

    /// <summary>The constants a law file can carry, as the reader sees them (the fields' own values, written and read as JSON).</summary>
    private static string Constants(ScalingLaw law) => new JsonArray(
        law.E, law.A, law.B, law.Alpha, law.Beta, law.RepeatedTokensDecay, law.RepeatedParametersDecay, law.AlphaN, law.AlphaD,
        law.CriticalParameters, law.CriticalTokens, law.LossComputeScale, law.LossComputeExponent, law.ModelFlopPerTokenCoefficient,
        law.ModelFlopPerTokenExponent, law.LearningRateCoefficient, law.LearningRateExponent, law.BatchSizeCoefficient,
        law.BatchSizeExponent, law.ComputeUnitFlop).ToJsonString();
}
