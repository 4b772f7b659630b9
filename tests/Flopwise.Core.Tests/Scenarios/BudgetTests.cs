using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Scaling;
using Flopwise.Scenarios;

namespace Flopwise.Core.Tests.Scenarios;

public class BudgetTests
{
    private static readonly GpuSpec H100 = GpuCatalog.Default.Resolve("h100").Spec!;
    private static readonly ScalingLaw Epoch = LawCatalog.Default.Resolve("epoch").Law!;

    private static BudgetRequest Request() => new() { Gpu = H100, Law = Epoch };

    private static FieldError Error(BudgetRequest request)
    {
        Outcome<BudgetResult> outcome = Budget.Evaluate(request);
        Assert.Null(outcome.Value);
        return outcome.Errors[0];
    }

    [Fact]
    public void Dollars_BuyGpuHoursTimesPeakTimesMfu_AndEachStepEqualsItsOwnCalculator()
    {
        BudgetResult result = Budget.Compute(Request() with { Usd = 100e6, PricePerGpuHour = 2.5, Mfu = 0.4, InferenceTokens = 1e13 });

        double gpuHours = 100e6 / 2.5;
        double flop = gpuHours * 3600 * 989.4e12 * 0.4;
        AssertClose.Relative(gpuHours, result.GpuHours, 1e-12);
        AssertClose.Relative(flop, result.TrainingFlop, 1e-12);
        AssertClose.Relative(100e6, result.Get("costUsd")!.Value, 1e-12);

        OptimalResult optimal = OptimalAllocation.Evaluate(new OptimalRequest { Compute = flop, Law = Epoch }).Value!;
        Assert.Equal(optimal.Fields.Single(f => f.Key == "parameters").Value, result.Get("parameters"));
        Assert.Equal(optimal.Fields.Single(f => f.Key == "loss").Value, result.Get("loss"));
        Assert.Equal(CopiesModel.Compute(new CopiesRequest { Compute = flop }).ParallelTasks, result.Get("copies.parallelTasks"));

        PlanResult plan = InferencePlanner.Evaluate(new PlanRequest { Law = Epoch, TargetLoss = result.Get("loss"), InferenceTokens = 1e13 }).Value!;
        Assert.Equal(plan.Plan.Parameters, result.Get("inferenceAware.parameters"));
        Assert.True(result.Get("inferenceAware.parameters") < result.Get("parameters"), "serving 1e13 tokens favours a smaller model");
    }

    [Fact]
    public void ClusterForDays_GivesTheWallTimeAndGpuHours()
    {
        BudgetResult result = Budget.Compute(Request() with { Gpus = 16384, Days = 90 });

        Assert.Equal(16384 * 90 * 24.0, result.GpuHours);
        AssertClose.Relative(90, result.Get("wallTimeDays")!.Value, 1e-12);
        Assert.NotNull(result.Get("co2Kg"));

        // The copies after training reallocate this cluster: T is the run's 90 days, not the copies model's 1e7 s.
        AssertClose.Relative(result.TrainingFlop / (90 * 86_400.0), result.Copies.Fields.Single(f => f.Key == "clusterFlopPerSecond").Value, 1e-12);
        Assert.Contains(result.Assumptions, a => a.Name == "durationSeconds" && a.Label.EndsWith("(the run's wall time)", StringComparison.Ordinal));
    }

    [Fact]
    public void GpuHoursWithoutACluster_CopiesKeepTheDefaultDuration()
    {
        BudgetResult result = Budget.Compute(Request() with { GpuHours = 1e6 });

        AssertClose.Relative(result.TrainingFlop / 1e7, result.Copies.Fields.Single(f => f.Key == "clusterFlopPerSecond").Value, 1e-12);
    }

    [Theory]
    [InlineData(null, null, null, null, "usd", "is missing: the budget is needed")]
    [InlineData(1e6, 1e5, null, null, "usd", "is given with another budget; give one")]
    [InlineData(null, null, null, 30.0, "days", "needs --gpus (the cluster that runs for those days)")]
    public void BudgetForms_ExactlyOne(double? usd, double? gpuHours, double? gpus, double? days, string field, string problem)
    {
        FieldError error = Error(Request() with { Usd = usd, GpuHours = gpuHours, Gpus = gpus, Days = days });

        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Dollars_OnAGpuWithoutAPrice_NeedPricePerGpuHour()
    {
        FieldError error = Error(Request() with { Gpu = GpuCatalog.Default.Resolve("v100").Spec, Usd = 1e6 });

        Assert.Equal("price-per-gpu-hour", error.Field);
    }
}
