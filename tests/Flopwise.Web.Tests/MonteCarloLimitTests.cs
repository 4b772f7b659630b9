using System.Text.Json;
using Flopwise.Web.Api;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// The web's Monte Carlo work is bounded: samples × outputs has a cap, runs go through a limit on concurrent runs with
/// a bounded queue, and the page's plot and tornado of an answer come from a small cache instead of a new run.
/// </summary>
public sealed class MonteCarloLimitTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ManyOutputsTimesManySamples_IsAProblemOfSamples()
    {
        using HttpClient client = factory.CreateClient();
        var fields = new List<KeyValuePair<string, string>>();
        for (int i = 1; i <= 60; i++)
        {
            fields.Add(new("plan", $"{i}B:{20 * i}B"));
        }

        fields.Add(new("inferenceTokens", "1T..10T"));
        fields.Add(new("samples", "100000"));
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/compare", fields)), "samples");
        Assert.Equal("100000", error.GetProperty("value").GetString());
        Assert.StartsWith("at most ", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.Contains("10,000,000", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlotAndTornado_OfTheAnswerJustGiven_ComeFromTheCache()
    {
        using HttpClient client = factory.CreateClient();
        const string Query = "compute=1e25..1e27&k=1..4&samples=500&seed=913571&sensitivity=parallelTasks";
        const string Reordered = "sensitivity=parallelTasks&seed=913571&samples=500&k=1..4&compute=1e25..1e27";

        HttpResponseMessage first = await Http.Get(client, "/api/copies?" + Query);
        await Http.Ok(first);
        HttpResponseMessage plot = await Http.Get(client, "/api/copies/plot?" + Reordered);
        HttpResponseMessage tornado = await Http.Get(client, "/api/copies/tornado?" + Query);
        HttpResponseMessage again = await Http.Get(client, "/api/copies?" + Query);
        HttpResponseMessage otherSeed = await Http.Get(client, "/api/copies?" + Query.Replace("seed=913571", "seed=913572", StringComparison.Ordinal));

        Assert.Equal("flopwise; fwd=miss; stored", Status(first));
        Assert.Equal("flopwise; hit", Status(plot));
        Assert.Equal("flopwise; hit", Status(tornado));
        Assert.Equal("flopwise; hit", Status(again));
        Assert.Equal("flopwise; fwd=miss; stored", Status(otherSeed));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Contains("<svg", await plot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<svg", await tornado.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointAnswer_HasNoCacheStatus()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, "/api/copies?compute=3e25");
        await Http.Ok(response);
        Assert.False(response.Headers.Contains(MonteCarloRuns.CacheStatusHeader));
    }

    [Fact]
    public async Task Runs_BeyondTheLimitWait_AndBeyondTheQueueAreRefused()
    {
        var runs = new MonteCarloRuns(maxRunning: 1, maxWaiting: 1, TimeSpan.FromSeconds(30), new AnswerCache(0, 0, TimeSpan.Zero, TimeProvider.System));
        using var release = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        int running = 0;
        int most = 0;
        Answer Blocking(CancellationToken token)
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            started.Release();
            release.Wait(token);
            Interlocked.Decrement(ref running);
            return new Answer("{}");
        }

        Task<Answer> first = Task.Run(() => runs.CompleteAsync(Answer.Deferred(Blocking), () => "a", null, CancellationToken.None));
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)));
        Task<Answer> second = Task.Run(() => runs.CompleteAsync(Answer.Deferred(Blocking), () => "b", null, CancellationToken.None));
        await WaitUntil(() => runs.Waiting == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, runs.Waiting);

        // A point answer never waits, even with every slot taken.
        Answer point = await runs.CompleteAsync(new Answer("{\"point\": 1}"), () => throw new InvalidOperationException("a point answer needs no key"), null, CancellationToken.None);
        Assert.Equal("{\"point\": 1}", point.Json);

        await Assert.ThrowsAsync<BusyException>(() => runs.CompleteAsync(Answer.Deferred(Blocking), () => "c", null, CancellationToken.None));
        release.Set();
        Assert.Equal("{}", (await first).Json);
        Assert.Equal("{}", (await second).Json);
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task WaitingRun_GivesUpAfterTheWait_AndGetsTheRequestsToken()
    {
        var runs = new MonteCarloRuns(maxRunning: 1, maxWaiting: 4, TimeSpan.FromMilliseconds(200), new AnswerCache(0, 0, TimeSpan.Zero, TimeProvider.System));
        using var release = new ManualResetEventSlim();
        using var aborted = new CancellationTokenSource();
        CancellationToken seen = default;
        Answer Blocking(CancellationToken token)
        {
            seen = token;
            release.Wait(TimeSpan.FromSeconds(10));
            return new Answer("{}");
        }

        Task<Answer> first = Task.Run(() => runs.CompleteAsync(Answer.Deferred(Blocking), () => "a", null, aborted.Token));
        await WaitUntil(() => seen != default, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<BusyException>(() => runs.CompleteAsync(Answer.Deferred(Blocking), () => "b", null, CancellationToken.None));
        release.Set();
        await first;
        Assert.Equal(aborted.Token, seen);
    }

    [Fact]
    public void Cache_KeepsFewEntries_WithinItsValueBudget_ForItsLifetime()
    {
        var clock = new ManualClock();
        var cache = new AnswerCache(maxEntries: 2, maxValues: 100, TimeSpan.FromSeconds(60), clock);
        Assert.True(cache.Add("a", new Answer("a") { HeldValues = 40 }));
        Assert.True(cache.Add("b", new Answer("b") { HeldValues = 40 }));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.Add("c", new Answer("c") { HeldValues = 40 }));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.Add("d", new Answer("d") { HeldValues = 70 }));
        Assert.Equal(1, cache.Count);
        Assert.False(cache.Add("huge", new Answer("huge") { HeldValues = 101 }));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(cache.TryGet("d", out _));
        Assert.Equal(0, cache.Count);
    }

    private static string? Status(HttpResponseMessage response) =>
        response.Headers.TryGetValues(MonteCarloRuns.CacheStatusHeader, out IEnumerable<string>? values) ? string.Join(", ", values) : null;

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan most)
    {
        DateTime end = DateTime.UtcNow + most;
        while (!condition() && DateTime.UtcNow < end)
        {
            await Task.Delay(10);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
