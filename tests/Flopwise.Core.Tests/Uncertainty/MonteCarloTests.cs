using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Core.Tests.Uncertainty;

public class MonteCarloTests
{
    private static Outcome<ICalculationResult> Copies(InputValues values)
    {
        Outcome<CopiesResult> outcome = CopiesModel.Evaluate(CopiesRequest.From(values));
        return outcome.Value is CopiesResult result ? Outcome<ICalculationResult>.Success(result) : Outcome<ICalculationResult>.Failure(outcome.Errors);
    }

    private static MonteCarloResult RunCopies(string compute, int samples = MonteCarlo.DefaultSamples, int seed = 0, int? cores = null)
    {
        Assert.True(DistributionText.TryParse(compute, out Distribution? d, out _));
        return MonteCarlo.Run(InputValues.Empty, [new UncertainInput(CopiesInputs.Compute, d!, compute)], Copies, samples, seed, cores).Value!;
    }

    [Fact]
    public void Copies_ParallelTaskPercentiles_MapThroughTheSquareRoot()
    {
        // Tasks grow as √C, so the 5th, 50th and 95th percentiles are the point results at 1e25, 1e26 and 1e27.
        MonteCarloResult result = RunCopies("1e25..1e27");
        OutputDistribution tasks = result.Get("parallelTasks")!;

        double Point(double c) => CopiesModel.Compute(new CopiesRequest { Compute = c }).ParallelTasks;
        AssertClose.Relative(Point(1e25), tasks.P5, 0.02);
        AssertClose.Relative(Point(1e26), tasks.P50, 0.02);
        AssertClose.Relative(Point(1e27), tasks.P95, 0.02);
    }

    [Fact]
    public void Result_IsIdenticalWhateverTheCoreCount()
    {
        MonteCarloResult one = RunCopies("1e24..1e28", 20_000, seed: 5, cores: 1);
        MonteCarloResult two = RunCopies("1e24..1e28", 20_000, seed: 5, cores: 2);
        MonteCarloResult four = RunCopies("1e24..1e28", 20_000, seed: 5, cores: 4);

        Assert.Equal(one.Outputs, two.Outputs);
        Assert.Equal(one.Outputs, four.Outputs);
    }

    [Fact]
    public void TopLevelFields_AreTheMedians_AndDistributionHoldsThePercentiles()
    {
        MonteCarloResult result = RunCopies("1e25..1e27", 2000);
        OutputDistribution tasks = result.Get("parallelTasks")!;

        Assert.Equal(tasks.P50, result.Fields.Single(f => f.Key == "parallelTasks").Value);
        Assert.Equal(tasks.P5, result.Fields.Single(f => f.Key == "distribution.parallelTasks.p5").Value);
        Assert.Equal(tasks.Mean, result.Fields.Single(f => f.Key == "distribution.parallelTasks.mean").Value);
        Assert.True(tasks.P5 < tasks.P25 && tasks.P25 < tasks.P50 && tasks.P50 < tasks.P75 && tasks.P75 < tasks.P95);
        Assert.Equal(2000, result.Samples);
        Assert.Contains(result.Assumptions, a => a.Name == "compute" && a.Text == "1e+25..1e+27 (lognormal, 90% interval)");
    }

    [Fact]
    public void InfeasibleSamples_AreCountedWithTheReason_NotDroppedSilently()
    {
        // Compute below the copies model's floor makes a sample invalid only through the evaluator; a fake evaluator
        // rejects half the draws to check the bookkeeping.
        Outcome<ICalculationResult> HalfInfeasible(InputValues v) => v.Get(CopiesInputs.Compute) < 1e26
            ? Outcome<ICalculationResult>.Failure([new FieldError("compute", "is too small for this test", "x", "more")])
            : Copies(v);
        Assert.True(DistributionText.TryParse("1e25..1e27", out Distribution? d, out _));

        MonteCarloResult result = MonteCarlo.Run(InputValues.Empty, [new UncertainInput(CopiesInputs.Compute, d!, "1e25..1e27")], HalfInfeasible, 10_000, 0).Value!;

        Assert.InRange(result.InfeasibleSamples, 4_900, 5_100);
        Assert.Equal("--compute: is too small for this test", result.InfeasibleReason);
        Assert.Equal(10_000 - result.InfeasibleSamples, result.Get("parallelTasks")!.Count);
        Assert.Contains(result.Assumptions, a => a.Name == "infeasibleSamples");
    }

    [Fact]
    public void EverySampleInfeasible_IsAnError()
    {
        Assert.True(DistributionText.TryParse("1e25..1e27", out Distribution? d, out _));
        Outcome<MonteCarloResult> outcome = MonteCarlo.Run(
            InputValues.Empty,
            [new UncertainInput(CopiesInputs.Compute, d!, "1e25..1e27")],
            _ => Outcome<ICalculationResult>.Failure([new FieldError("compute", "is never feasible", "x", "y")]),
            100,
            0);

        Assert.Null(outcome.Value);
        Assert.Equal("makes every sample infeasible: is never feasible", outcome.Errors[0].Problem);
    }

    [Fact]
    public void Percentile_InterpolatesBetweenOrderStatistics()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(1, MonteCarlo.Percentile(sorted, 0));
        Assert.Equal(3, MonteCarlo.Percentile(sorted, 0.5));
        Assert.Equal(4.5, MonteCarlo.Percentile(sorted, 0.875));
        Assert.Equal(5, MonteCarlo.Percentile(sorted, 1));
    }
}
