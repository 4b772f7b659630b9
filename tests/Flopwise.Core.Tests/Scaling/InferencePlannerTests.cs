using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

public class InferencePlannerTests
{
    private static ScalingLaw Hoffmann => PlanContourTests.Hoffmann;

    /// <summary>An independent check: golden-section search of the total over ln N on the contour (function values only).</summary>
    internal static double GoldenSectionParameters(PlanContour contour, double inferenceTokens, double weight = 1)
    {
        double Total(double u)
        {
            double n = Math.Exp(u);
            return (6 * n * contour.TokensAt(n)) + (weight * 2 * n * inferenceTokens);
        }

        double a = Math.Log(contour.MinimumParameters) + 1e-9;
        double b = Math.Log(contour.ComputeOptimalParameters) + Math.Log(10);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - (ratio * (b - a));
        double d = a + (ratio * (b - a));
        while (b - a > 1e-9)
        {
            if (Total(c) < Total(d))
            {
                b = d;
            }
            else
            {
                a = c;
            }

            c = b - (ratio * (b - a));
            d = a + (ratio * (b - a));
        }

        return Math.Exp((a + b) / 2);
    }

    private static double Total(PlanContour contour, double n, double inferenceTokens) => (6 * n * contour.TokensAt(n)) + (2 * n * inferenceTokens);

    [Fact]
    public void Optimize_ZeroInference_IsTheComputeOptimalModel()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.1);

        PlanPoint plan = InferencePlanner.Optimize(contour, 0);

        Assert.Equal(contour.ComputeOptimalParameters, plan.Parameters);
        Assert.Equal(contour.ComputeOptimalTokens, plan.TrainingTokens);
    }

    [Theory]
    [InlineData(1e18)]
    [InlineData(1e32)]
    public void Optimize_TargetWhoseOptimumIsAtExtremeBudgets_MatchesGoldenSectionAndStaysOnContour(double compute)
    {
        // Given a target loss whose compute-optimal model needs `compute` FLOP, and inference equal to its training tokens
        double loss = Hoffmann.ChinchillaOptimal(compute).Loss!.Value;
        PlanContour contour = PlanContour.Create(Hoffmann, loss);
        double inference = contour.ComputeOptimalTokens;

        // When
        PlanPoint plan = InferencePlanner.Optimize(contour, inference);

        // Then the optimum is on the contour, smaller than N_co, and agrees with an independent golden-section search
        AssertClose.Relative(compute, 6 * contour.ComputeOptimalParameters * contour.ComputeOptimalTokens, 1e-12, "C of N_co");
        AssertClose.Relative(loss, Hoffmann.ChinchillaLoss(plan.Parameters, plan.TrainingTokens), PlanningFigures.LossTolerance, "loss");
        Assert.InRange(plan.Parameters, contour.MinimumParameters, contour.ComputeOptimalParameters);
        AssertClose.Relative(GoldenSectionParameters(contour, inference), plan.Parameters, 1e-6, "golden section");
        Assert.InRange(plan.TotalFlop, compute, 2 * compute);
        Assert.True(plan.TotalFlop <= Total(contour, plan.Parameters * 0.9, inference));
        Assert.True(plan.TotalFlop <= Total(contour, plan.Parameters * 1.1, inference));
    }

    [Theory]
    [InlineData(1e18)]
    [InlineData(1e25)]
    [InlineData(1e32)]
    public void Optimize_FirstOrderCondition_HoldsToRelative1e10(double compute)
    {
        PlanContour contour = PlanContour.Create(Hoffmann, Hoffmann.ChinchillaOptimal(compute).Loss!.Value);
        double inference = 10 * contour.ComputeOptimalTokens;

        PlanPoint plan = InferencePlanner.Optimize(contour, inference);

        // d total / d ln N by central differences at ±1e-5 in ln N: zero at the optimum up to O(h²) and rounding.
        const double H = 1e-5;
        double up = Total(contour, plan.Parameters * Math.Exp(H), inference);
        double down = Total(contour, plan.Parameters * Math.Exp(-H), inference);
        double slope = (up - down) / (2 * H * plan.TotalFlop);
        Assert.True(Math.Abs(slope) < 1e-8, $"relative slope {slope}");

        // A step of 1e-10 relative in N changes the total by under 1e-19 relative (second order); the optimum is
        // below both neighbours at 1e-4.
        Assert.True(plan.TotalFlop <= Total(contour, plan.Parameters * (1 + 1e-4), inference));
        Assert.True(plan.TotalFlop <= Total(contour, plan.Parameters * (1 - 1e-4), inference));
    }

    [Fact]
    public void Optimize_InferenceShrinkingToZero_TendsToComputeOptimal()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.0);
        double previous = 0;
        foreach (double fraction in new[] { 1e2, 1, 1e-2, 1e-4, 1e-6, 1e-9, 1e-12 })
        {
            PlanPoint plan = InferencePlanner.Optimize(contour, fraction * contour.ComputeOptimalTokens);
            double gap = 1 - (plan.Parameters / contour.ComputeOptimalParameters);
            Assert.True(gap >= 0, $"N above N_co at {fraction}");
            if (previous > 0)
            {
                Assert.True(gap < previous, $"gap {gap} not shrinking at {fraction}");
            }

            previous = gap;
        }

        Assert.True(previous < 1e-10, $"gap {previous} at I = 1e-12 D_co");
    }

    [Fact]
    public void Optimize_Dollars_EqualsFlopOptimumWithInferenceWeightedByPriceRatio()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.05);
        var pricing = new PlanPricing { TrainingUsdPerFlop = 2e-18, InferenceUsdPerFlop = 7e-18 };

        PlanPoint dollars = InferencePlanner.Optimize(contour, 1e12, pricing);
        PlanPoint flop = InferencePlanner.Optimize(contour, 1e12 * 3.5);

        AssertClose.Relative(flop.Parameters, dollars.Parameters, 1e-13);
        AssertClose.Relative((2e-18 * dollars.TrainingFlop) + (7e-18 * dollars.InferenceFlop), dollars.TotalCostUsd!.Value, 1e-15);
    }

    [Fact]
    public void Optimize_HugeInferenceWeight_StaysJustAboveMinimumAndOnContour()
    {
        PlanContour contour = PlanContour.Create(Hoffmann, 2.0);

        PlanPoint plan = InferencePlanner.Optimize(contour, 1e30, new PlanPricing { TrainingUsdPerFlop = 1e-20, InferenceUsdPerFlop = 1e-10 });

        Assert.True(plan.Parameters > contour.MinimumParameters);
        Assert.True(plan.Parameters < contour.MinimumParameters * 1.01);
        AssertClose.Relative(2.0, Hoffmann.ChinchillaLoss(plan.Parameters, plan.TrainingTokens), 1e-12);
    }

    [Fact]
    public void Evaluate_TargetLoss_ReportsPlanComputeOptimalAndSaving()
    {
        PlanResult result = InferencePlanner.Compute(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1, InferenceTokens = 1e13 });

        PlanContour contour = PlanContour.Create(Hoffmann, 2.1);
        Assert.Equal(contour.ComputeOptimalParameters, result.ComputeOptimal.Parameters);
        Assert.Equal(1e13, result.Plan.InferenceTokens);
        Assert.True(result.Plan.Parameters < result.ComputeOptimal.Parameters);
        Assert.True(result.Plan.TokensPerParameter > result.ComputeOptimal.TokensPerParameter);
        AssertClose.Relative(1 - (result.Plan.TotalFlop / result.ComputeOptimal.TotalFlop), result.SavingFraction, 1e-12);
        Assert.True(result.SavingFraction > 0);
        string[] keys = result.Fields.Select(f => f.Key).TakeWhile(k => !k.StartsWith("law.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            ["loss", "inferenceTokens", "parameters", "trainingTokens", "tokensPerParameter", "trainingFlop", "inferenceFlop", "totalFlop",
             "computeOptimal.parameters", "computeOptimal.trainingTokens", "computeOptimal.tokensPerParameter", "computeOptimal.trainingFlop",
             "computeOptimal.inferenceFlop", "computeOptimal.totalFlop", "savingFraction"],
            keys);
        Assert.Contains(result.Assumptions, a => a.Name == "objective" && a.IsDefault);
        Assert.Contains(result.Assumptions, a => a.Name == "inferenceFlopPerToken" && a.Text == "2·N");
        Assert.Equal([1.69, 406.4, 410.7, 0.34, 0.28], result.Fields.Where(f => f.Key is "law.E" or "law.A" or "law.B" or "law.alpha" or "law.beta").Select(f => f.Value).ToArray());
    }

    [Fact]
    public void Evaluate_ReferenceModel_TargetsItsLoss()
    {
        PlanResult result = InferencePlanner.Compute(new PlanRequest { Law = Hoffmann, ReferenceParameters = 70e9, ReferenceTokens = 1.4e12, InferenceTokens = 1e9 });

        AssertClose.Relative(Hoffmann.ChinchillaLoss(70e9, 1.4e12), result.Loss, 1e-15);
        Assert.Contains(result.Assumptions, a => a.Name == "targetLoss" && a.Value == result.Loss);
    }

    [Fact]
    public void Evaluate_FixedParameters_SolvesTokensAndSavingMayBeNegative()
    {
        PlanResult result = InferencePlanner.Compute(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1, InferenceTokens = 1e6, Parameters = 400e9 });

        Assert.True(result.IsFixedSize);
        Assert.Equal(400e9, result.Plan.Parameters);
        AssertClose.Relative(2.1, Hoffmann.ChinchillaLoss(400e9, result.Plan.TrainingTokens), 1e-12);
        Assert.True(result.SavingFraction < 0);
        Assert.Contains(result.Assumptions, a => a.Name == "savingFraction" && a.Text == "may be negative");
    }

    [Fact]
    public void Evaluate_GpuPrices_OptimisesInDollarsWithStatedDefaults()
    {
        GpuSpec h100 = GpuCatalog.Default.Resolve("h100").Spec!;
        double peak = h100.DensePeak(h100.DefaultTrainingType)!.Value.FlopPerSecond;
        PlanResult result = InferencePlanner.Compute(new PlanRequest
        {
            Law = Hoffmann,
            TargetLoss = 2.1,
            InferenceTokens = 1e13,
            Gpu = h100,
            PricePerGpuHour = 2,
            UsdPerInferenceFlop = 1e-17,
        });

        double pt = 2 / (3600 * peak * 0.375);
        AssertClose.Relative(pt * result.Plan.TrainingFlop, result.Plan.TrainingCostUsd!.Value, 1e-14);
        AssertClose.Relative(1e-17 * result.Plan.InferenceFlop, result.Plan.InferenceCostUsd!.Value, 1e-14);
        AssertClose.Relative(1 - (result.Plan.TotalCostUsd!.Value / result.ComputeOptimal.TotalCostUsd!.Value), result.SavingFraction, 1e-12);
        Assert.Contains(result.Assumptions, a => a.Name == "mfu" && a.IsDefault && a.Value == 0.375);
        Assert.Contains(result.Fields, f => f.Key == "computeOptimal.totalCostUsd");
        AssertClose.Relative(InferencePlanner.Optimize(PlanContour.Create(Hoffmann, 2.1), 1e13 * 1e-17 / pt).Parameters, result.Plan.Parameters, 1e-12);
    }

    [Fact]
    public void Evaluate_UsdPerMillionTokens_ScalesWithTheQuotedSize()
    {
        PlanResult result = InferencePlanner.Compute(new PlanRequest
        {
            Law = Hoffmann,
            ReferenceParameters = 7e9,
            ReferenceTokens = 2e12,
            InferenceTokens = 1e13,
            UsdPerTrainingFlop = 1e-18,
            UsdPerMillionTokens = 0.2,
        });

        double perFlop = 0.2 / (1e6 * 2 * 7e9);
        AssertClose.Relative(perFlop * result.Plan.InferenceFlop, result.Plan.InferenceCostUsd!.Value, 1e-14);
        Assert.Contains(result.Assumptions, a => a.Name == "quotedParams" && a.IsDefault && a.Value == 7e9);
    }

    [Theory]
    [InlineData(1.69, "target-loss: is at or below the irreducible loss E = 1.69 of law hoffmann, which no model reaches (got 1.69; expected a loss greater than 1.69 (nats/token))")]
    [InlineData(1.5, "target-loss: is at or below the irreducible loss E = 1.69 of law hoffmann")]
    [InlineData(-1, "target-loss: must be greater than 0 (got -1;")]
    [InlineData(0, "target-loss: must be greater than 0 (got 0;")]
    public void Evaluate_TargetAtOrBelowE_ErrorNamesE(double target, string expectedStart)
    {
        IReadOnlyList<FieldError> errors = new PlanRequest { Law = Hoffmann, TargetLoss = target, InferenceTokens = 1e12 }.Validate();

        Assert.StartsWith(expectedStart, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<PlanRequest, string> BadRequests() => new()
    {
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, Parameters = 1e8 }, "params: is too small to reach loss 2 under hoffmann: that needs more than N_min = 1.477e+09 parameters (got 100000000; expected more than 1.477e+09 parameters, or no --params)" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0 }, "inference-tokens: is required (got nothing;" },
        { new PlanRequest { Law = Hoffmann, InferenceTokens = 1e12 }, "target-loss: is required (got nothing; expected --target-loss X, or --reference-params N with --reference-tokens D)" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, ReferenceParameters = 7e9, ReferenceTokens = 1e12, InferenceTokens = 1e12 }, "target-loss: cannot be combined with --reference-params" },
        { new PlanRequest { Law = Hoffmann, ReferenceParameters = 7e9, InferenceTokens = 1e12 }, "reference-tokens: is needed with --reference-params" },
        { new PlanRequest { Law = Hoffmann, ReferenceTokens = 7e9, InferenceTokens = 1e12 }, "reference-params: is needed with --reference-tokens" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = -5 }, "inference-tokens: must be greater than 0 (got -5;" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 0 }, "inference-tokens: must be greater than 0 (got 0;" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, UsdPerTrainingFlop = 1e-18 }, "usd-per-inference-flop: is needed with a training price" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, UsdPerInferenceFlop = 1e-18 }, "usd-per-training-flop: is needed with an inference price" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, Mfu = 0.5, UsdPerInferenceFlop = 1e-18 }, "mfu: needs --gpu" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, UsdPerTrainingFlop = 1e-18, UsdPerMillionTokens = 0.2 }, "quoted-params: is needed with --usd-per-million-tokens" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, UsdPerTrainingFlop = 1e-18, UsdPerInferenceFlop = 1e-18, UsdPerMillionTokens = 0.2 }, "usd-per-million-tokens: cannot be combined with --usd-per-inference-flop" },
        { new PlanRequest { Law = Hoffmann, TargetLoss = 2.0, InferenceTokens = 1e12, UsdPerTrainingFlop = 1e-18, UsdPerInferenceFlop = 1e-18, QuotedParameters = 7e9 }, "quoted-params: needs --usd-per-million-tokens" },
        { new PlanRequest { Law = Hoffmann with { Alpha = 0.05, Beta = 0.05 }, TargetLoss = 1.690001, InferenceTokens = 1e12 }, "target-loss: puts the target loss 1.690001 so close to E = 1.69 that the compute-optimal model's FLOP overflow (got 1.690001; expected a loss further above E)" },
        {
            new PlanRequest { Law = new ScalingLaw { Id = "rule", DisplayName = "20 tokens", Form = LawForm.Power, Source = "s", ParametersCoefficient = 0.1, ParametersExponent = 0.5, TokensCoefficient = 1.7, TokensExponent = 0.5 }, TargetLoss = 2.0, InferenceTokens = 1e12 },
            "law: has no loss of the form E + A/N^α + B/D^β, which planning needs (got rule;"
        },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Evaluate_BadRequest_OneClearError(PlanRequest request, string expectedStart)
    {
        Outcome<PlanResult> outcome = InferencePlanner.Evaluate(request);

        Assert.False(outcome.IsValid);
        string message = outcome.Errors[0].ToString();
        Assert.True(message.StartsWith(expectedStart, StringComparison.Ordinal), message);
    }

    [Fact]
    public void Sweep_Decades_OneRowPerDecadeWithShrinkingOptimalSize()
    {
        GeometricSweep points = GeometricSweep.Parse("sweep-inference", "1e9:1e15", out _)!;

        PlanSweep sweep = InferencePlanner.Sweep(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1 }, points).GetValueOrThrow();

        Assert.Equal(7, sweep.Rows.Count);
        for (int i = 1; i < sweep.Results.Count; i++)
        {
            Assert.True(sweep.Results[i].Plan.Parameters < sweep.Results[i - 1].Plan.Parameters);
            Assert.True(sweep.Results[i].Plan.TokensPerParameter > sweep.Results[i - 1].Plan.TokensPerParameter);
        }

        Assert.Equal("inferenceTokens", sweep.Rows[0].Fields[0].Key);
        Assert.Contains(sweep.Assumptions, a => a.Name == "inferenceTokens" && a.Text == "1e+09 to 1e+15, one row per decade");
        Reporting.Chart chart = InferencePlanner.Chart(sweep);
        Assert.True(chart.XLogarithmic && chart.YLogarithmic);
        Assert.Equal(["Optimal parameters N", "Compute-optimal N (same loss)", "Tokens per parameter D/N"], chart.Series.Select(s => s.Name).ToArray());
        Assert.Equal(sweep.Results.Select(r => r.Plan.Parameters), chart.Series[0].Y);
    }

    [Fact]
    public void Sweep_WithFixedParametersOrInferenceTokens_IsAnError()
    {
        GeometricSweep points = GeometricSweep.Parse("sweep-inference", "1e9:1e12", out _)!;

        FieldError withParams = InferencePlanner.Sweep(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1, Parameters = 1e10 }, points).Errors[0];
        FieldError withTokens = InferencePlanner.Sweep(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1, InferenceTokens = 1e10 }, points).Errors[0];
        FieldError tooLarge = InferencePlanner.Sweep(new PlanRequest { Law = Hoffmann, TargetLoss = 2.1 }, GeometricSweep.Parse("sweep-inference", "1e29:1e31", out _)!).Errors[0];

        Assert.StartsWith("sweep-inference: cannot be combined with --params", withParams.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("sweep-inference: cannot be combined with --inference-tokens", withTokens.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("sweep-inference: has an inference volume that must be at most 1e+30 (got 1e+29:1e+31;", tooLarge.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReferenceLossAboveTheTargetLossBound_IsAnErrorOnReferenceParams()
    {
        // Given: a 1-parameter, 1-token reference model, whose loss under hoffmann is 818.79 (--target-loss stops at 100)
        Outcome<PlanResult> outcome = InferencePlanner.Evaluate(new PlanRequest { Law = Hoffmann, ReferenceParameters = 1, ReferenceTokens = 1, InferenceTokens = 1e12 });

        Assert.Equal(
            "reference-params: gives a reference loss L(1, 1) = 818.79 under hoffmann, which as a target loss must be at most 100 (got 1; expected a reference model whose loss is a valid --target-loss: a number > 0 and <= 100 (nats/token))",
            outcome.Errors[0].ToString());
    }
}
