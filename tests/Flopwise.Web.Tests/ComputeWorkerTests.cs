using Flopwise.Fitting;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Tests.Shared;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Tests;

/// <summary>
/// Monte Carlo runs and fits execute on the server's own worker threads, never on the thread pool's, which serve the
/// requests: on two cores two runs had taken the pool's minimum threads and stalled point requests for seconds.
/// </summary>
public sealed class ComputeWorkerTests
{
    /// <summary>Core's Monte Carlo runner, run on a worker, keeps its parallel loop on the workers (the caller's scheduler).</summary>
    [Fact]
    public async Task MonteCarloRun_AndItsParallelLoop_StayOffThePool()
    {
        Assert.True(DistributionText.TryParse("1e24..1e28", out Distribution? compute, out _));
        var onPool = new System.Collections.Concurrent.ConcurrentBag<bool>();
        var names = new System.Collections.Concurrent.ConcurrentBag<string?>();
        Outcome<ICalculationResult> Evaluate(InputValues values)
        {
            onPool.Add(Thread.CurrentThread.IsThreadPoolThread);
            names.Add(Thread.CurrentThread.Name);
            return CalculationOutcome.Widen(CopiesModel.Evaluate(CopiesRequest.From(values)));
        }

        Outcome<MonteCarloResult> result = await ComputeWorkers.Shared.Run(() =>
            MonteCarlo.Run(InputValues.Empty, [new UncertainInput(CopiesInputs.Compute, compute!, "1e24..1e28")], Evaluate, 20_000, 0, maxDegreeOfParallelism: 4));
        Assert.NotNull(result.Value);
        Assert.True(onPool.Count >= 20_000);
        Assert.DoesNotContain(true, onPool);
        Assert.All(names, n => Assert.StartsWith("flopwise-compute-", n, StringComparison.Ordinal));
    }

    /// <summary>A fit's grid, run on a worker, keeps its parallel loop there too (its progress is reported from the loop).</summary>
    [Fact]
    public async Task Fit_AndItsParallelLoop_StayOffThePool()
    {
        FitData data = RunTable.Parse(new StringReader(File.ReadAllText(RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"))), "runs.csv", new RunTableOptions()).Value!.ToFitData();
        var progress = new ThreadRecorder();
        ChinchillaFit fit = await ComputeWorkers.Shared.Run(() => Fit.Huber(data, progress: progress));
        Assert.True(double.IsFinite(fit.E));
        Assert.NotEmpty(progress.OnPool);
        Assert.DoesNotContain(true, progress.OnPool);
    }

    [Fact]
    public async Task MonteCarloRun_RunsOnAWorker()
    {
        var runs = new MonteCarloRuns(maxRunning: 2, maxWaiting: 2, TimeSpan.FromSeconds(30), new AnswerCache(0, 0, TimeSpan.Zero, TimeProvider.System));
        string? thread = null;
        bool pool = true;
        Answer answer = await runs.CompleteAsync(
            Answer.Deferred(_ =>
            {
                thread = Thread.CurrentThread.Name;
                pool = Thread.CurrentThread.IsThreadPoolThread;
                return new Answer("{}");
            }),
            () => "key",
            null,
            CancellationToken.None);
        Assert.Equal("{}", answer.Json);
        Assert.False(pool);
        Assert.StartsWith("flopwise-compute-", thread, StringComparison.Ordinal);
        Assert.Equal(0, runs.Running);
    }

    [Fact]
    public async Task WorkThatThrows_PassesItsExceptionToTheRequest()
    {
        await Assert.ThrowsAsync<InputException>(() => ComputeWorkers.Shared.Run<int>(() => throw new InputException("bad input")));
    }

    [Fact]
    public void ExpiredRuns_AreRemovedWithoutARequest()
    {
        var clock = new ManualClock();
        var cache = new AnswerCache(maxEntries: 4, maxValues: 1000, TimeSpan.FromSeconds(30), clock);
        Assert.True(cache.Add("a", new Answer("a") { HeldValues = 400 }));
        Assert.True(cache.Add("b", new Answer("b") { HeldValues = 100 }));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, cache.RemoveExpired());
        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(500, cache.RemoveExpired());
        Assert.Equal(0, cache.Count);
    }

    /// <summary>Records, for each report, whether it came from a thread-pool thread (reported synchronously, not through a context).</summary>
    private sealed class ThreadRecorder : IProgress<double>
    {
        public System.Collections.Concurrent.ConcurrentBag<bool> OnPool { get; } = [];

        public void Report(double value) => OnPool.Add(Thread.CurrentThread.IsThreadPoolThread);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
