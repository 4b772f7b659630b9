using CsCheck;
using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>
/// CsCheck properties of the planner over random Chinchilla-form laws, targets whose compute-optimal budget spans
/// 1e15 to 1e35 FLOP, inference volumes from 1e-8 to 1e4 times the compute-optimal training tokens, and prices.
/// </summary>
public sealed class InferencePlannerPropertyTests
{
    private static readonly Gen<ScalingLaw> Laws =
        from e in Gen.Double[0.5, 3]
        from a in Gen.Double[10, 5000]
        from b in Gen.Double[10, 5000]
        from alpha in Gen.Double[0.15, 0.7]
        from beta in Gen.Double[0.15, 0.7]
        select new ScalingLaw { Id = "random", DisplayName = "random", Form = LawForm.Chinchilla, Source = "test", E = e, A = a, B = b, Alpha = alpha, Beta = beta };

    /// <summary>A law, a loss contour (the loss of the compute-optimal model at 10^logC FLOP) and I as a multiple of D_co.</summary>
    private static readonly Gen<(ScalingLaw Law, PlanContour Contour, double Inference)> Cases =
        from law in Laws
        from logCompute in Gen.Double[15, 35]
        from logInference in Gen.Double[-8, 4]
        let contour = PlanContour.Create(law, law.ChinchillaOptimal(Math.Pow(10, logCompute)).Loss!.Value)
        let inference = Math.Pow(10, logInference) * contour.ComputeOptimalTokens
        where contour.Loss <= PlanInputs.TargetLoss.Maximum && inference <= PlanInputs.InferenceTokens.Maximum
        select (law, contour, inference);

    private static readonly Gen<PlanPricing?> Prices =
        from priced in Gen.Int[0, 2]
        from training in Gen.Double[-21, -15]
        from serving in Gen.Double[-21, -15]
        select priced == 0 ? null : new PlanPricing { TrainingUsdPerFlop = Math.Pow(10, training), InferenceUsdPerFlop = Math.Pow(10, serving) };

    private static double Objective(PlanContour contour, double n, double inference, PlanPricing? pricing) =>
        PlanPoint.Create(n, contour.TokensAt(n), inference, pricing).Objective;

    [Fact]
    public void Optimize_Random_LossEqualsTargetWithin1e9()
    {
        Gen.Select(Cases, Prices).Sample((c, pricing) =>
        {
            PlanPoint plan = InferencePlanner.Optimize(c.Contour, c.Inference, pricing);
            AssertClose.Relative(c.Contour.Loss, c.Law.ChinchillaLoss(plan.Parameters, plan.TrainingTokens), PlanningFigures.LossTolerance, "L(N, D)");
        });
    }

    [Fact]
    public void Optimize_Random_TotalAtMostThatOfNeighboursOnTheContour()
    {
        Gen.Select(Cases, Prices).Sample((c, pricing) =>
        {
            PlanPoint plan = InferencePlanner.Optimize(c.Contour, c.Inference, pricing);
            Assert.True(plan.Objective <= Objective(c.Contour, plan.Parameters * 1.1, c.Inference, pricing) * (1 + 1e-12), "N × 1.1 is cheaper");
            if (plan.Parameters * 0.9 > c.Contour.MinimumParameters)
            {
                Assert.True(plan.Objective <= Objective(c.Contour, plan.Parameters * 0.9, c.Inference, pricing) * (1 + 1e-12), "N × 0.9 is cheaper");
            }

            Assert.True(plan.Parameters > c.Contour.MinimumParameters && plan.Parameters <= c.Contour.ComputeOptimalParameters * (1 + 1e-12), "N outside (N_min, N_co]");
        });
    }

    [Fact]
    public void Evaluate_Random_SavingFractionIsNonNegative()
    {
        Gen.Select(Cases, Prices).Sample((c, pricing) =>
        {
            PlanResult result = InferencePlanner.Compute(new PlanRequest
            {
                Law = c.Law,
                TargetLoss = c.Contour.Loss,
                InferenceTokens = c.Inference,
                UsdPerTrainingFlop = pricing?.TrainingUsdPerFlop,
                UsdPerInferenceFlop = pricing?.InferenceUsdPerFlop,
            });
            Assert.True(result.SavingFraction >= 0 && result.SavingFraction < 1, $"saving {result.SavingFraction}");
            Assert.True(result.Plan.Objective <= result.ComputeOptimal.Objective * (1 + 1e-12));
        });
    }

    [Fact]
    public void Evaluate_Random_SavingTendsToZeroAsInferenceVanishes()
    {
        Gen.Select(Laws, Gen.Double[15, 35]).Where((law, logCompute) => law.ChinchillaOptimal(Math.Pow(10, logCompute)).Loss <= PlanInputs.TargetLoss.Maximum).Sample((law, logCompute) =>
        {
            double loss = law.ChinchillaOptimal(Math.Pow(10, logCompute)).Loss!.Value;
            double tokens = PlanContour.Create(law, loss).ComputeOptimalTokens;
            double previous = double.PositiveInfinity;
            foreach (double fraction in new[] { 1.0, 1e-3, 1e-6, 1e-9 })
            {
                double saving = InferencePlanner.Compute(new PlanRequest { Law = law, TargetLoss = loss, InferenceTokens = fraction * tokens }).SavingFraction;
                Assert.True(saving <= previous, $"saving {saving} grew at {fraction}");
                previous = saving;
            }

            Assert.True(previous < 1e-12, $"saving {previous} at I = 1e-9·D_co");
        });
    }
}
