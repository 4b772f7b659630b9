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

    [Fact]
    public void UnknownSensitivityOutput_IsRefusedBeforeTheSamplesAreEvaluated()
    {
        int evaluations = 0;
        Outcome<ICalculationResult> Counted(InputValues v)
        {
            Interlocked.Increment(ref evaluations);
            return Copies(v);
        }

        Assert.True(DistributionText.TryParse("1e25..1e27", out Distribution? d, out _));
        Outcome<MonteCarloResult> outcome = MonteCarlo.Run(InputValues.Empty, [new UncertainInput(CopiesInputs.Compute, d!, "1e25..1e27")], Counted, 10_000, 0, sensitivityOutput: "paralelTasks");

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("sensitivity", error.Field);
        Assert.Contains("did you mean parallelTasks?", error.Expected, StringComparison.Ordinal);
        Assert.Equal(1, evaluations);
    }

    [Fact]
    public void MoreValuesThanTheLimit_IsAnErrorOfSamples_AndTheLimitChangesNoResult()
    {
        Assert.True(DistributionText.TryParse("1e25..1e27", out Distribution? d, out _));
        UncertainInput[] uncertain = [new UncertainInput(CopiesInputs.Compute, d!, "1e25..1e27")];
        MonteCarloResult free = MonteCarlo.Run(InputValues.Empty, uncertain, Copies, 1000, 3).Value!;
        int outputs = free.Outputs.Count;

        MonteCarloResult atLimit = MonteCarlo.Run(InputValues.Empty, uncertain, Copies, 1000, 3, maxStoredValues: 1000L * outputs).Value!;
        Outcome<MonteCarloResult> over = MonteCarlo.Run(InputValues.Empty, uncertain, Copies, 1001, 3, maxStoredValues: 1000L * outputs);

        Assert.Equal(free.Outputs, atLimit.Outputs);
        FieldError error = Assert.Single(over.Errors);
        Assert.Equal("samples", error.Field);
        Assert.Equal("1001", error.Got);
        Assert.StartsWith("at most 1,000 samples", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationDuringTheSamples_StopsTheRunAtTheNextChunk()
    {
        Assert.True(DistributionText.TryParse("1e25..1e27", out Distribution? d, out _));
        using var cancel = new CancellationTokenSource();
        int evaluations = 0;
        Outcome<ICalculationResult> Cancelling(InputValues v)
        {
            if (Interlocked.Increment(ref evaluations) == 100)
            {
                cancel.Cancel();
            }

            return Copies(v);
        }

        Assert.ThrowsAny<OperationCanceledException>(() => MonteCarlo.Run(InputValues.Empty, [new UncertainInput(CopiesInputs.Compute, d!, "1e25..1e27")], Cancelling, 100_000, 0, maxDegreeOfParallelism: 1, cancellationToken: cancel.Token));
        Assert.True(evaluations < 50_000, $"{evaluations} samples evaluated after the cancellation");
    }
}

public class SensitivityTests
{
    private static Outcome<ICalculationResult> Train(InputValues values)
    {
        Outcome<Flopwise.Training.TrainingResult> outcome = Flopwise.Training.TrainingAccounting.Evaluate(
            Flopwise.Training.TrainingRequest.From(values) with { Gpu = Flopwise.Hardware.GpuCatalog.Default.Resolve("h100").Spec });
        return outcome.Value is { } result ? Outcome<ICalculationResult>.Success(result) : Outcome<ICalculationResult>.Failure(outcome.Errors);
    }

    [Fact]
    public void Tornado_SwingsEachInputBetweenItsP5AndP95_LargestFirst()
    {
        InputValues fixedValues = InputValues.Empty.With(Flopwise.Training.TrainingInputs.Parameters, 70e9).With(Flopwise.Training.TrainingInputs.Tokens, 2e12);
        UncertainInput[] uncertain =
        [
            new(Flopwise.Training.TrainingInputs.Gpus, new LogNormalRange(1024, 4096), "1024..4096"),
            new(Flopwise.Training.TrainingInputs.Mfu, new LogNormalRange(0.3, 0.5), "0.3..0.5"),
            new(Flopwise.Training.TrainingInputs.PricePerGpuHour, new LogNormalRange(2, 3), "2..3"),
        ];

        MonteCarloResult result = MonteCarlo.Run(fixedValues, uncertain, Train, 10_000, 0, sensitivityOutput: "costUsd").Value!;

        Assert.Equal(["mfu", "pricePerGpuHour", "gpus"], result.Sensitivity.Select(s => s.Input));
        InputSensitivity mfu = result.Sensitivity[0];
        InputSensitivity price = result.Sensitivity[1];

        // Cost = 6·N·D ÷ (peak · MFU) ÷ 3600 × price, so the swings follow in closed form at the other inputs' medians.
        double gpuSeconds(double m) => 6 * 70e9 * 2e12 / (989.4e12 * m);
        double medianPrice = Math.Sqrt(2.0 * 3.0); // a lognormal 2..3 has its median at the geometric mean
        AssertClose.Relative(gpuSeconds(mfu.InputLow) / 3600 * medianPrice, mfu.OutputAtLow!.Value, 0.01);
        AssertClose.Relative(gpuSeconds(mfu.InputHigh) / 3600 * medianPrice, mfu.OutputAtHigh!.Value, 0.01);
        AssertClose.Relative(3.0 / 2.0, price.OutputAtHigh!.Value / price.OutputAtLow!.Value, 0.01);
        Assert.Equal(0, result.Sensitivity[2].Swing);
        Assert.True(mfu.RankCorrelation < -0.5 && price.RankCorrelation > 0.4, $"ρ mfu {mfu.RankCorrelation}, price {price.RankCorrelation}");
        Assert.InRange(result.Sensitivity[2].RankCorrelation, -0.05, 0.05);
    }

    [Fact]
    public void UnknownSensitivityOutput_IsAnErrorListingTheOutputs()
    {
        InputValues fixedValues = InputValues.Empty.With(Flopwise.Training.TrainingInputs.Parameters, 70e9).With(Flopwise.Training.TrainingInputs.Tokens, 2e12).With(Flopwise.Training.TrainingInputs.Gpus, 1024);
        Outcome<MonteCarloResult> outcome = MonteCarlo.Run(
            fixedValues, [new UncertainInput(Flopwise.Training.TrainingInputs.Mfu, new LogNormalRange(0.3, 0.5), "0.3..0.5")], Train, 100, 0, sensitivityOutput: "costUSD");

        Assert.Null(outcome.Value);
        Assert.Equal("sensitivity", outcome.Errors[0].Field);
        Assert.Contains("did you mean costUsd?", outcome.Errors[0].Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 10, 20, 30, 40 }, 1)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 4, 3, 2, 1 }, -1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 1, 4, 9, 16, double.NaN }, 1)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 5, 5, 5, 5 }, 0)]
    public void Spearman_RanksAndSkipsInfeasible(double[] x, double[] y, double expected)
    {
        Assert.Equal(expected, MonteCarlo.SpearmanOverFeasible(x, y), 12);
    }
}
