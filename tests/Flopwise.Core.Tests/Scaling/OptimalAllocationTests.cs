using Flopwise.Core.Tests.Support;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>Compute-optimal allocation: every form, defaults, flags, data-constrained, sweeps and charts.</summary>
public sealed class OptimalAllocationTests
{
    private static ScalingLaw Law(string id) => LawCatalog.Default.Find(id)!;

    [Fact]
    public void Evaluate_NoLaw_UsesEpochAsADefault()
    {
        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Compute = 1e24 }).GetValueOrThrow();

        Assert.Equal("epoch", result.Law.Id);
        Assert.True(Assert.Single(result.Assumptions, a => a.Name == "law").IsDefault);
        Assert.Equal(Law("epoch").ChinchillaOptimal(1e24), result.Allocation);
    }

    [Fact]
    public void Evaluate_PowerLaw_HasNoLossAndSaysWhy()
    {
        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Law = Law("hoffmann-approach1"), Compute = 1e21 }).GetValueOrThrow();

        Assert.Null(result.Allocation.Loss);
        Assert.DoesNotContain(result.Fields, f => f.Key == "loss");
        Assert.Equal("loss", Assert.Single(result.Missing).Key);
    }

    [Fact]
    public void Evaluate_DeepSeek_ReportsModelFlopPerTokenAndFlagsTheApproximation()
    {
        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Law = Law("deepseek"), Compute = 1e24 }).GetValueOrThrow();

        Assert.Contains(result.Fields, f => f.Key == "modelFlopPerToken");
        Assert.Contains(result.Fields, f => f.Key == "parametersAreApproximate" && f.IsBoolean && f.Value == 1);
        Assert.Contains(result.Fields, f => f.Key == "learningRate");
        Assert.Contains(result.Fields, f => f.Key == "batchSizeTokens");
    }

    [Fact]
    public void Evaluate_Kaplan_FlagsNonEmbeddingAndTheRatio()
    {
        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Law = Law("kaplan"), Compute = 1e24 }).GetValueOrThrow();

        Assert.Contains(result.Fields, f => f.Key == "parametersAreNonEmbedding" && f.Value == 1);
        AssertClose.Relative(1.3e9 * 2e10 * 6 / 8.64e19, result.FrontierFlopRatio, 1e-12);
        Assert.Contains(result.Assumptions, a => a.Name == "lawConvention" && a.Text!.Contains("non-embedding", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UniqueTokens_StartsFromTheChinchillaOptimalSplitAndSaysSo()
    {
        double c = 6 * 8.67e9 * 178e9;

        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Compute = c, UniqueTokens = 25e9 }).GetValueOrThrow();

        Assert.Equal("muennighoff", result.Law.Id);
        Allocation start = Law("muennighoff").AsChinchilla().ChinchillaOptimal(c);
        Assert.Equal(start.Parameters, result.DataConstrained!.StartParameters);
        Assert.Contains(result.Assumptions, a => a.Name == "dataConstrainedSearch");
        Assert.Contains(result.Fields, f => f.Key == "epochs" && Math.Abs(f.Value - 9.08) < 0.005);
    }

    [Fact]
    public void Evaluate_UniqueTokensWithPowerLaw_IsAnErrorOnUniqueTokens()
    {
        Outcome<OptimalResult> outcome = OptimalAllocation.Evaluate(new OptimalRequest { Law = Law("deepseek"), Compute = 1e24, UniqueTokens = 1e12 });

        Assert.Equal("unique-tokens", Assert.Single(outcome.Errors).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1e24)]
    [InlineData(1e41)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_BadCompute_IsAnErrorOnCompute(double c)
    {
        Assert.Equal("compute", new OptimalRequest { Compute = c }.Validate()[0].Field);
    }

    [Fact]
    public void Compute_MuennighoffWithoutUniqueTokens_IsItsChinchillaClosedForm()
    {
        Assert.Equal(Law("muennighoff").AsChinchilla().ChinchillaOptimal(1e23), OptimalAllocation.Compute(Law("muennighoff"), 1e23));
    }

    [Fact]
    public void Sweep_OneRowPerDecade_WithChartsOfFrontierAndLoss()
    {
        GeometricSweep sweep = GeometricSweep.Parse("sweep", "1e18:1e28", out _)!;

        OptimalSweep swept = OptimalAllocation.Sweep(new OptimalRequest { Law = Law("hoffmann") }, sweep).GetValueOrThrow();
        Chart frontier = OptimalAllocation.FrontierChart(swept.Rows);
        Chart? loss = OptimalAllocation.LossChart(swept.Rows);

        Assert.Equal(11, swept.Rows.Count);
        Assert.True(frontier.XLogarithmic && frontier.YLogarithmic);
        Assert.Equal(["Parameters N_opt", "Tokens D_opt"], frontier.Series.Select(s => s.Name));
        Assert.NotNull(loss);
        Assert.DoesNotContain(swept.Assumptions, a => a.Name == "compute");
    }

    [Fact]
    public void LossChart_PowerLaw_IsNull()
    {
        GeometricSweep sweep = GeometricSweep.Parse("sweep", "1e18:1e20", out _)!;
        OptimalSweep swept = OptimalAllocation.Sweep(new OptimalRequest { Law = Law("hoffmann-approach2") }, sweep).GetValueOrThrow();

        Assert.Null(OptimalAllocation.LossChart(swept.Rows));
    }

    [Fact]
    public void LawConstants_ChinchillaFrontierInFlop_ReproducesTheClosedForm()
    {
        ScalingLaw law = Law("hoffmann-unrounded");
        IReadOnlyList<ResultField> fields = LawConstants.Fields(law, string.Empty);
        double g = fields.Single(f => f.Key == "parametersCoefficient").Value;
        double a = fields.Single(f => f.Key == "parametersExponent").Value;

        AssertClose.Relative(law.ChinchillaOptimal(3e25).Parameters, g * Math.Pow(3e25, a), 1e-12);
    }

    [Fact]
    public void Compute_DeepSeek_ParametersAreNonEmbeddingAndApproximate()
    {
        OptimalResult result = OptimalAllocation.Evaluate(new OptimalRequest { Law = Law("deepseek"), Compute = 1e24 }).GetValueOrThrow();

        Assert.True(result.Allocation.ParametersAreNonEmbedding);
        Assert.True(result.Allocation.ParametersAreApproximate);
        Assert.Equal("Parameters N ≈ M/6 (non-embedding, approximate)", result.Fields.Single(f => f.Key == "parameters").Label);
        Assert.Contains(result.Fields, f => f.Key == "parametersAreNonEmbedding" && f.Value == 1);
    }

    [Fact]
    public void Sweep_ComputeAboveTheMaximum_IsAnErrorOnTheSweep()
    {
        GeometricSweep sweep = GeometricSweep.Parse("sweep", "1e10:1e41", out _)!;

        Outcome<OptimalSweep> outcome = OptimalAllocation.Sweep(new OptimalRequest { Law = Law("epoch") }, sweep);

        Assert.Equal(
            "sweep: has a compute of 1e+41 FLOP, which must be at most 1e+40 (got 1e+10:1e+41; expected FROM:TO with every compute a number > 0 and <= 1e+40 (FLOP))",
            outcome.Errors[0].ToString());
    }
}
