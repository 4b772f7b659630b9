namespace Flopwise.Web.Api;

/// <summary>
/// Where the web's Monte Carlo runs happen: at most <see cref="MaxRunning"/> at once, each on
/// <see cref="CoresPerRun"/> cores; up to <see cref="MaxWaiting"/> more wait (asynchronously, holding no thread) at most
/// <see cref="MaxWait"/>, and past that the API answers 503 with <c>Retry-After</c> (<see cref="BusyException"/>). A
/// finished run is kept a short while in a small cache keyed by the calculator and its exact inputs, so that the page's
/// follow-up requests for the histogram (<c>/plot</c>) and the tornado (<c>/tornado</c>) of the answer it has just shown
/// draw the same samples instead of drawing them again; the <c>Cache-Status</c> header (RFC 9211) says which happened.
/// Point requests (no input given as a distribution) never come here, so they are neither queued nor slowed.
/// </summary>
internal sealed class MonteCarloRuns
{
    /// <summary>The most Monte Carlo runs at once.</summary>
    public const int MaxRunning = 2;

    /// <summary>The most runs waiting for a free slot; one more answers 503 at once.</summary>
    public const int MaxWaiting = 16;

    /// <summary>The most numbers a run may hold: samples × the calculation's numeric outputs (80 MB of doubles, held by sample and again sorted).</summary>
    public const long MaxStoredValues = 10_000_000;

    /// <summary>The most runs the cache keeps.</summary>
    public const int CacheEntries = 8;

    /// <summary>The most numbers (sorted samples) the cache keeps over all its runs.</summary>
    public const long CacheValues = 20_000_000;

    /// <summary>The numbers (1 million doubles: 8 MB) whose release from the cache is worth a full collection once idle.</summary>
    public const long SweepCollectValues = 1_000_000;

    /// <summary>The cache status header of RFC 9211.</summary>
    public const string CacheStatusHeader = "Cache-Status";

    private const string CacheName = "flopwise";

    private readonly SemaphoreSlim _running;
    private readonly int _maxWaiting;
    private readonly TimeSpan _maxWait;
    private readonly AnswerCache _cache;
    private int _waiting;
    private int _inProgress;
    private ITimer? _sweeper;

    public MonteCarloRuns(int maxRunning, int maxWaiting, TimeSpan maxWait, AnswerCache cache)
    {
        _running = new SemaphoreSlim(maxRunning, maxRunning);
        _maxWaiting = maxWaiting;
        _maxWait = maxWait;
        _cache = cache;
    }

    /// <summary>The longest a run waits for a free slot before the API answers 503.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(20);

    /// <summary>The cores one run uses: together the runs at once use the machine's cores, no more.</summary>
    public static int CoresPerRun { get; } = Math.Max(1, Environment.ProcessorCount / MaxRunning);

    /// <summary>Gets the number of runs waiting for a slot.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How long the cache keeps a run: long enough for the page's follow-up plot and tornado requests, short enough that the memory of a burst of runs is soon given back.</summary>
    public static TimeSpan CacheLifetime { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The server's runs and cache.</summary>
    public static MonteCarloRuns Shared { get; } = CreateShared();

    /// <summary>Gets the number of runs in progress.</summary>
    public int Running => Volatile.Read(ref _inProgress);

    /// <summary>
    /// Completes <paramref name="answer"/>: a computed answer as it is; a pending Monte Carlo run from the cache or, once
    /// a slot is free, by running it (then cached). Sets <c>Cache-Status</c> on a Monte Carlo answer.
    /// </summary>
    /// <param name="answer">The calculator's answer.</param>
    /// <param name="key">The calculator and its exact inputs (<see cref="WebInputs.CacheKey"/>), computed only for a pending run.</param>
    /// <param name="response">The response whose header says whether the cache answered, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The request's abort token: a run stops when the client goes away.</param>
    public async Task<Answer> CompleteAsync(Answer answer, Func<string> key, HttpResponse? response, CancellationToken cancellationToken)
    {
        if (answer.Pending is not { } run)
        {
            return answer;
        }

        string cacheKey = key();
        if (_cache.TryGet(cacheKey, out Answer? cached))
        {
            SetStatus(response, "hit");
            return cached;
        }

        if (!_running.Wait(0, cancellationToken))
        {
            if (Interlocked.Increment(ref _waiting) > _maxWaiting)
            {
                Interlocked.Decrement(ref _waiting);
                throw new BusyException(_maxWait);
            }

            try
            {
                if (!await _running.WaitAsync(_maxWait, cancellationToken).ConfigureAwait(false))
                {
                    throw new BusyException(_maxWait);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        try
        {
            // A request for the same inputs may have finished while this one waited.
            if (_cache.TryGet(cacheKey, out cached))
            {
                SetStatus(response, "hit");
                return cached;
            }

            // On a worker thread, not this request thread: the pool's threads serve the point requests.
            Interlocked.Increment(ref _inProgress);
            Answer done;
            try
            {
                done = await ComputeWorkers.Shared.Run(() => run(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inProgress);
            }

            bool stored = _cache.Add(cacheKey, done);
            SetStatus(response, stored ? "fwd=miss; stored" : "fwd=miss");
            return done;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// Removes the expired runs from the cache; when that empties a cache that held large runs and no run is in
    /// progress, collects the garbage with compaction and decommit, so that the server's memory returns to its idle size
    /// after a burst of runs instead of staying at its peak until the next request happens to trigger a collection.
    /// </summary>
    public void Sweep()
    {
        long freed = _cache.RemoveExpired();
        if (freed >= SweepCollectValues && _cache.Count == 0 && Running == 0)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private static MonteCarloRuns CreateShared()
    {
        var runs = new MonteCarloRuns(MaxRunning, MaxWaiting, MaxWait, new AnswerCache(CacheEntries, CacheValues, CacheLifetime, TimeProvider.System));
        TimeSpan every = CacheLifetime / 3;
        runs._sweeper = TimeProvider.System.CreateTimer(_ => runs.Sweep(), null, every, every);
        return runs;
    }

    private static void SetStatus(HttpResponse? response, string status)
    {
        if (response is not null)
        {
            response.Headers[CacheStatusHeader] = CacheName + "; " + status;
        }
    }
}
