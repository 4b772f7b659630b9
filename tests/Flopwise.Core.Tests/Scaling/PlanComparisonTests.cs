using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Inputs;
using Flopwise.Scaling;
using static Flopwise.Core.Tests.Reference.PlanningFigures;

namespace Flopwise.Core.Tests.Scaling;

public class PlanComparisonTests
{
    private static ScalingLaw Hoffmann => PlanContourTests.Hoffmann;

    private static PlanCandidate Plan(string text) => PlanCandidate.Parse(text, out FieldError? error) ?? throw new ArgumentException(error!.ToString());

    private static PlanComparisonResult Compare(PlanComparisonRequest request) => PlanComparison.Compute(request);

    [Fact]
    public void Compare_Seed003Plans_ReproduceS6()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B"), Plan("3B:600B")] });

        PlanComparisonRow large = result.Rows[0];
        PlanComparisonRow small = result.Rows[1];
        AssertClose.ToPrinted(S6LargeTrainingFlop, large.TrainingFlop, S6TrainingFlopHalfUnit, "10B@200B FLOP");
        AssertClose.ToPrinted(S6SmallTrainingFlop, small.TrainingFlop, S6TrainingFlopHalfUnit, "3B@600B FLOP");
        AssertClose.ToPrinted(S6LargeLoss, large.Loss!.Value, S6LossHalfUnit, "10B@200B loss");
        AssertClose.ToPrinted(S6SmallLoss, small.Loss!.Value, S6LossHalfUnit, "3B@600B loss");
        Assert.Equal(S6LargeInferenceFlopPerToken, large.InferenceFlopPerToken);
        Assert.Equal(S6SmallInferenceFlopPerToken, small.InferenceFlopPerToken);
        Assert.True(small.Loss > large.Loss, "the over-trained 3B plan is slightly worse");
        Assert.False(result.IsPriced);
        Assert.Equal(2, result.CheapestPlan);
        AssertClose.Relative(1.2e22 / 1.08e22, large.TotalRatioToCheapest, 1e-12);
    }

    [Fact]
    public void Compare_Seed003Prices_ReproduceS7()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest
        {
            Law = Hoffmann,
            Plans = [Plan("10B:200B:training-usd=500K:usd-per-request=1e-4"), Plan("3B:600B:training-usd=600K:usd-per-request=3e-5")],
            Requests = Seed003Requests,
        });

        PlanComparisonRow large = result.Rows[0];
        PlanComparisonRow small = result.Rows[1];
        Assert.True(result.IsPriced);
        AssertClose.Relative(S7LargeInferenceUsd, large.InferenceCostUsd!.Value, 1e-15);
        AssertClose.Relative(S7SmallInferenceUsd, small.InferenceCostUsd!.Value, 1e-15);
        AssertClose.ToPrinted(S7LargeTotalUsd, large.TotalCostUsd!.Value, S7TotalHalfUnit, "10B total");
        AssertClose.ToPrinted(S7SmallTotalUsd, small.TotalCostUsd!.Value, S7TotalHalfUnit, "3B total");
        AssertClose.ToPrinted(S7Savings, large.TotalCostUsd!.Value - small.TotalCostUsd!.Value, S7SavingsHalfUnit, "savings");
        Assert.Equal(2, result.CheapestPlan);
        AssertClose.Relative(10.5 / 3.6, large.TotalRatioToCheapest, 1e-12);
        Assert.Equal(1, small.TotalRatioToCheapest);
        Assert.Null(large.InferenceFlop);
        Assert.DoesNotContain(large.Fields, f => f.Key is "inferenceFlop" or "totalFlop");
        Assert.Contains(result.Assumptions, a => a.Name == "inferenceFlop" && a.Text == "not derived");
    }

    [Fact]
    public void Compare_Seed003_TrainingClaimDisagreesWithSixNd()
    {
        // Seed 003: the 3B run costs "+20%" to train ($600K vs $500K); under C = 6·N·D it needs 10% less compute.
        Assert.Equal(Seed003ClaimedTrainingChange, (Seed003SmallTrainingUsd / Seed003LargeTrainingUsd) - 1, 12);
        AssertClose.Absolute(SixNdTrainingChange, (6 * Seed003SmallParameters * Seed003SmallTokens / (6 * Seed003LargeParameters * Seed003LargeTokens)) - 1, 1e-12);
    }

    [Fact]
    public void Compare_Llama3TokensPerParameter_FitsSeventyNotEight()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest
        {
            Law = Hoffmann,
            Plans =
            [
                new PlanCandidate { Text = "70.55B:15T", Parameters = Llama3SeventyParameters, Tokens = Llama3Tokens },
                new PlanCandidate { Text = "8.03B:15T", Parameters = Llama3EightParameters, Tokens = Llama3Tokens },
            ],
        });

        double seventy = result.Rows[0].Fields.Single(f => f.Key == "tokensPerParameter").Value;
        double eight = result.Rows[1].Fields.Single(f => f.Key == "tokensPerParameter").Value;
        AssertClose.ToPrinted(Llama3SeventyTokensPerParameterDerived, seventy, Llama3SeventyDerivedHalfUnit, "70B D/N");
        Assert.Equal(Llama3SeventyTokensPerParameterPrinted, Math.Floor(seventy));
        AssertClose.ToPrinted(Llama3EightTokensPerParameter, eight, Llama3EightHalfUnit, "8B D/N");
    }

    [Fact]
    public void Compare_MatchLoss_ExtendsLaterPlansToTheFirstPlansLoss()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest
        {
            Law = Hoffmann,
            Plans = [Plan("10B:200B"), Plan("3B:600B"), Plan("20B:1T")],
            InferenceTokens = 1e12,
            MatchLoss = true,
        });

        double target = Hoffmann.ChinchillaLoss(10e9, 200e9);
        Assert.All(result.Rows, r => AssertClose.Relative(target, r.Loss!.Value, 1e-12));
        Assert.True(result.Rows[1].Tokens > 600e9, "3B needs more than its 600B tokens to match 10B@200B");
        Assert.True(result.Rows[2].Tokens < 1e12, "20B needs fewer than 1T tokens");
        Assert.Contains(result.Rows[1].Fields, f => f.Key == "givenTokens" && f.Value == 600e9);
        AssertClose.Relative(2 * 3e9 * 1e12, result.Rows[1].InferenceFlop!.Value, 1e-15);
        Assert.Contains(result.Assumptions, a => a.Name == "matchLoss" && a.Value == target);
    }

    [Fact]
    public void Compare_RequestsWithTokensPerRequest_CountInferenceFlopAndGlobalPrices()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest
        {
            Law = Hoffmann,
            Plans = [Plan("10B:200B"), Plan("3B:600B")],
            Requests = 1e9,
            TokensPerRequest = 1000,
            UsdPerTrainingFlop = 1e-18,
            UsdPerMillionTokens = 0.5,
        });

        // 0.5 $/Mtoken quoted for the first plan's 10B; the 3B plan serves at 3/10 of that per token.
        AssertClose.Relative(2 * 10e9 * 1e12, result.Rows[0].InferenceFlop!.Value, 1e-15);
        AssertClose.Relative(0.5 * 1e12 / 1e6, result.Rows[0].InferenceCostUsd!.Value, 1e-14);
        AssertClose.Relative(0.3 * 0.5 * 1e12 / 1e6, result.Rows[1].InferenceCostUsd!.Value, 1e-14);
        AssertClose.Relative(1e-18 * 1.2e22, result.Rows[0].TrainingCostUsd!.Value, 1e-14);
        Assert.Contains(result.Assumptions, a => a.Name == "quotedParams" && a.IsDefault && a.Value == 10e9);
    }

    [Fact]
    public void Compare_NoWorkload_ComparesTrainingAlone()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B"), Plan("3B:600B")] });

        Assert.Equal(0, result.Rows[0].InferenceFlop);
        Assert.Equal(result.Rows[0].TrainingFlop, result.Rows[0].TotalFlop);
        Assert.Contains(result.Assumptions, a => a.Name == "inference" && a.Text == "none");
    }

    public static TheoryData<PlanComparisonRequest, string> BadRequests() => new()
    {
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [] }, "plan: is required (got nothing;" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B"), Plan("1M:600B")], MatchLoss = true }, "plan: cannot reach the first plan's loss 2.13313 with --match-loss: under hoffmann a model needs more than N_min = 5.16412e+08 parameters for it (got 1M:600B; expected a plan with more than 5.16412e+08 parameters, or no --match-loss)" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B")], InferenceTokens = 1e12, Requests = 1e9 }, "inference-tokens: cannot be combined with --requests" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B")], TokensPerRequest = 1e3 }, "tokens-per-request: needs --requests" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B")], Requests = 1e9 }, "tokens-per-request: is needed to count inference FLOP from --requests when no prices are given" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B:training-usd=500K:usd-per-request=1e-4"), Plan("3B:600B")], Requests = 1e9 }, "plan: has no training price while other plans have one (got 3B:600B;" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B:training-usd=500K:usd-per-request=1e-4"), Plan("3B:600B:training-usd=600K")], Requests = 1e9 }, "plan: has no inference price while other plans have one (got 3B:600B:training-usd=600K;" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B:training-usd=500K:usd-per-request=1e-4")], InferenceTokens = 1e12 }, "plan: has usd-per-request, which needs --requests" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B:usd-per-request=1e-4")], Requests = 1e9 }, "usd-per-training-flop: is needed with an inference price" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B:training-usd=1M")], InferenceTokens = 1e12 }, "usd-per-inference-flop: is needed with a training price" },
        { new PlanComparisonRequest { Law = Hoffmann, Plans = [Plan("10B:200B")], Requests = 0 }, "requests: must be greater than 0 (got 0;" },
        {
            new PlanComparisonRequest { Law = new ScalingLaw { Id = "rule", DisplayName = "r", Form = LawForm.Power, Source = "s", ParametersCoefficient = 0.1, ParametersExponent = 0.5, TokensCoefficient = 1.7, TokensExponent = 0.5 }, Plans = [Plan("10B:200B")], MatchLoss = true },
            "law: has no loss of the form E + A/N^α + B/D^β, which --match-loss needs (got rule;"
        },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Evaluate_BadRequest_OneClearError(PlanComparisonRequest request, string expectedStart)
    {
        Outcome<PlanComparisonResult> outcome = PlanComparison.Evaluate(request);

        Assert.False(outcome.IsValid);
        string message = outcome.Errors[0].ToString();
        Assert.True(message.StartsWith(expectedStart, StringComparison.Ordinal), message);
    }

    [Theory]
    [InlineData("muennighoff")]
    [InlineData("kaplan")]
    public void Compare_LawWithANonChinchillaLoss_GivesEachPlansLoss(string id)
    {
        ScalingLaw law = LawCatalog.Default.Find(id)!;

        PlanComparisonResult result = Compare(new PlanComparisonRequest { Law = law, Plans = [Plan("10B:200B"), Plan("3B:600B")] });

        Assert.Equal(LossCalculator.Loss(law, 10e9, 200e9), result.Rows[0].Loss);
        Assert.Equal(LossCalculator.Loss(law, 3e9, 600e9), result.Rows[1].Loss);
        Assert.Contains(result.Rows[0].Fields, f => f.Key == "loss");
        Assert.DoesNotContain(result.Assumptions, a => a.Name == "loss");
    }

    [Fact]
    public void Compare_MuennighoffAboveNStar_SaysWhichPlansDecay()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest { Law = LawCatalog.Default.Find("muennighoff")!, Plans = [Plan("10B:200B"), Plan("100B:100B")] });

        Assert.Equal("excess parameters decay: plan 2", Assert.Single(result.Assumptions, a => a.Name == "withoutRepetition").Text);
        Assert.Equal(2.16913, result.Rows[1].Loss!.Value, 0.000005);
    }

    [Fact]
    public void Compare_MatchLossWithKaplan_IsStillAnErrorOnLaw()
    {
        Outcome<PlanComparisonResult> outcome = PlanComparison.Evaluate(new PlanComparisonRequest
        {
            Law = LawCatalog.Default.Find("kaplan")!,
            Plans = [Plan("10B:200B"), Plan("3B:600B")],
            MatchLoss = true,
        });

        Assert.StartsWith("law: has no loss of the form E + A/N^α + B/D^β, which --match-loss needs (got kaplan", outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_FrontierOnlyLaw_HasNoLossAndSaysWhy()
    {
        PlanComparisonResult result = Compare(new PlanComparisonRequest { Law = LawCatalog.Default.Find("deepseek")!, Plans = [Plan("10B:200B"), Plan("3B:600B")] });

        Assert.Null(result.Rows[0].Loss);
        Assert.Contains("predicts no loss", Assert.Single(result.Assumptions, a => a.Name == "loss").Description, StringComparison.Ordinal);
    }
}
