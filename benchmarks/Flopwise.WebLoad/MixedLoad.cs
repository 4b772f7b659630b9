using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Flopwise.WebLoad;

/// <summary>
/// The mixed run: a steady open-loop stream of point requests (one every 1/rate seconds, whatever the answers' latency,
/// so a stall shows in full) alone, then beside N clients that each send Monte Carlo requests back to back (each with
/// its own seed, so none is answered from the cache; a 503 is counted and retried after its Retry-After), then alone
/// again. Prints the point latencies of each phase, the Monte Carlo outcomes, and the server's resident memory (from
/// /proc/PID/status) before, during (peak and last) and after the load, after a pause.
/// </summary>
internal static class MixedLoad
{
    public static async Task<int> Run(HttpClient client, Options options)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"mixed run: point stream {options.PointRate} req/s to {options.PointUrl}; {options.MonteCarloClients} Monte Carlo clients to {options.MonteCarloUrl}"));
        long startRss = Rss(options.ServerPid);
        Console.WriteLine($"  server memory at start: {Mb(startRss)}");

        List<double> before = await PointStream(client, options.PointUrl, options.PointRate, options.Before, CancellationToken.None);
        Report("before (points alone)", before, options.Before);
        long beforeRss = Rss(options.ServerPid);

        using var stop = new CancellationTokenSource();
        long peak = 0;
        Task sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(options.ServerPid));
                try
                {
                    await Task.Delay(200, stop.Token).ConfigureAwait(false);
                }
                catch (TaskCanceledException)
                {
                    break;
                }
            }
        });
        var monteCarlo = new MonteCarloTally();
        Task[] clients = [.. Enumerable.Range(0, options.MonteCarloClients).Select(i => MonteCarloClient(client, options.MonteCarloUrl, i, monteCarlo, stop.Token))];

        // Let the Monte Carlo clients start before the stream is timed.
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        List<double> during = await PointStream(client, options.PointUrl, options.PointRate, options.During, CancellationToken.None);
        long duringRss = Rss(options.ServerPid);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(clients).ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        Report("during (beside Monte Carlo)", during, options.During);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Monte Carlo: {monteCarlo.Completed} answered 200 (median {Median(monteCarlo.Latencies):F0} ms, max {(monteCarlo.Latencies.Count == 0 ? 0 : monteCarlo.Latencies.Max()):F0} ms), {monteCarlo.Busy} answered 503, {monteCarlo.Failed} other"));
        Console.WriteLine($"  server memory: before the load {Mb(beforeRss)}, peak during {Mb(peak)}, at the end of the load {Mb(duringRss)}");

        await Task.Delay(options.Pause).ConfigureAwait(false);
        long afterRss = Rss(options.ServerPid);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  server memory {options.Pause.TotalSeconds:F0} s after the load: {Mb(afterRss)} ({100.0 * (afterRss - beforeRss) / beforeRss:+0;-0}% against just before the load, {100.0 * (afterRss - startRss) / startRss:+0;-0}% against the server's start)"));
        List<double> after = await PointStream(client, options.PointUrl, options.PointRate, options.Before, CancellationToken.None);
        Report("after (points alone)", after, options.Before);
        Console.WriteLine($"  server memory at the end: {Mb(Rss(options.ServerPid))}");
        return 0;
    }

    private static async Task<List<double>> PointStream(HttpClient client, Uri url, int rate, TimeSpan duration, CancellationToken token)
    {
        var latencies = new List<double>();
        var pending = new List<Task>();
        int errors = 0;
        long interval = Stopwatch.Frequency / rate;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (long due = start; due < end; due += interval)
        {
            long wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), token).ConfigureAwait(false);
            }

            long scheduled = due;
            pending.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        using HttpResponseMessage response = await client.GetAsync(url, token).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    // From when the request was due, not when it was sent: a client that fell behind counts too.
                    double ms = (Stopwatch.GetTimestamp() - scheduled) * 1000.0 / Stopwatch.Frequency;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                },
                token));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        if (errors > 0)
        {
            Console.WriteLine($"  {errors} point requests did not answer 200");
        }

        return latencies;
    }

    private static async Task MonteCarloClient(HttpClient client, string template, int index, MonteCarloTally tally, CancellationToken token)
    {
        for (int round = 0; !token.IsCancellationRequested; round++)
        {
            var url = new Uri(template.Replace("{seed}", ((index * 100_000) + round).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            long start = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage response = await client.GetAsync(url, token).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                double ms = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        tally.Add(ms);
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        Interlocked.Increment(ref tally.Busy);
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                        break;
                    default:
                        Interlocked.Increment(ref tally.Failed);
                        break;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref tally.Failed);
            }
        }
    }

    private static void Report(string phase, List<double> ms, TimeSpan duration)
    {
        ms.Sort();
        double Percentile(double p) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  points {phase}: {ms.Count} requests in {duration.TotalSeconds:F0} s, p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms, max {(ms.Count == 0 ? double.NaN : ms[^1]):F2} ms"));
    }

    private static double Median(List<double> values)
    {
        lock (values)
        {
            return values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
        }
    }

    /// <summary>The resident set of a process in bytes (VmRSS), or 0 when it cannot be read.</summary>
    private static long Rss(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F0} MB");

    /// <summary>What the mixed run sends and for how long.</summary>
    internal sealed record Options(Uri PointUrl, string MonteCarloUrl, int ServerPid)
    {
        public int PointRate { get; init; } = 50;

        public int MonteCarloClients { get; init; } = 20;

        public TimeSpan Before { get; init; } = TimeSpan.FromSeconds(10);

        public TimeSpan During { get; init; } = TimeSpan.FromSeconds(30);

        public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(60);
    }

    private sealed class MonteCarloTally
    {
        public int Busy;
        public int Failed;

        public List<double> Latencies { get; } = [];

        public int Completed
        {
            get
            {
                lock (Latencies)
                {
                    return Latencies.Count;
                }
            }
        }

        public void Add(double ms)
        {
            lock (Latencies)
            {
                Latencies.Add(ms);
            }
        }
    }
}
