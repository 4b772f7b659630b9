using System.Diagnostics;
using System.Globalization;
using System.Net;

// A bounded loopback load: exactly N requests to each URL, at most C in flight, after a short warm-up; prints the
// throughput, latency percentiles (of every request, not sampled) and the count of errors (any status but 200, or a
// failed request). With --mixed, the mixed run of MixedLoad instead. Used by benchmarks/web-load.sh; never run by CI.
int requests = 10_000;
int concurrency = 32;
var urls = new List<string>();
string? monteCarloUrl = null;
int serverPid = 0;
int pointRate = 50;
int monteCarloClients = 20;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--mixed":
            monteCarloUrl = args[++i];
            break;
        case "--server-pid":
            serverPid = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--point-rate":
            pointRate = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--monte-carlo-clients":
            monteCarloClients = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--requests":
            requests = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--concurrency":
            concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            urls.Add(args[i]);
            break;
    }
}

if (urls.Count == 0)
{
    Console.Error.WriteLine("usage: Flopwise.WebLoad [--requests N] [--concurrency C] URL...");
    Console.Error.WriteLine("       Flopwise.WebLoad --mixed MONTE_CARLO_URL_WITH_{seed} --server-pid PID [--point-rate R] [--monte-carlo-clients N] POINT_URL");
    return 2;
}

if (monteCarloUrl is not null)
{
    using var mixedHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var mixedClient = new HttpClient(mixedHandler) { Timeout = TimeSpan.FromMinutes(2) };
    return await Flopwise.WebLoad.MixedLoad.Run(mixedClient, new Flopwise.WebLoad.MixedLoad.Options(new Uri(urls[0]), monteCarloUrl, serverPid)
    {
        PointRate = pointRate,
        MonteCarloClients = monteCarloClients,
    });
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
foreach (string url in urls)
{
    await Run(client, url, Math.Min(500, requests), concurrency, report: false);
    await Run(client, url, requests, concurrency, report: true);
}

return 0;

static async Task Run(HttpClient client, string url, int requests, int concurrency, bool report)
{
    var uri = new Uri(url);
    long[] ticks = new long[requests];
    int next = -1;
    int errors = 0;
    var wall = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < requests)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage response = await client.GetAsync(uri).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
            }

            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
    }).ToArray();
    await Task.WhenAll(workers).ConfigureAwait(false);
    wall.Stop();
    if (!report)
    {
        return;
    }

    double[] ms = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    double Percentile(double p) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(p * ms.Length) - 1)];
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{uri.AbsolutePath}: {requests} requests, concurrency {concurrency}, {wall.Elapsed.TotalSeconds:F2} s, "
        + $"{requests / wall.Elapsed.TotalSeconds:F0} req/s, p50 {Percentile(0.50):F2} ms, p90 {Percentile(0.90):F2} ms, "
        + $"p99 {Percentile(0.99):F2} ms, max {ms[^1]:F2} ms, errors {errors}"));
}
