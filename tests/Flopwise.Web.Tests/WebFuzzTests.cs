using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// Fuzzes the API's bodies and query strings with CsCheck (a fixed seed and a bounded count, so the run is the same
/// every time and takes seconds): known and unknown fields, numbers, distributions, huge and control-character values,
/// arrays, nested objects, broken JSON and other media types. The error contract holds for every request: never 500,
/// never a stack trace, a 400/413/415 body of at most 16 KB, and a 200 that is a JSON object.
/// </summary>
public sealed class WebFuzzTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const int Requests = 400;
    private const int MaxErrorBytes = 16 * 1024;

    private static readonly string[] Paths =
    [
        "/api/copies", "/api/human", "/api/history", "/api/train", "/api/memory", "/api/model", "/api/loss", "/api/optimal",
        "/api/plan", "/api/compare", "/api/laws", "/api/serve", "/api/budget", "/api/copies/plot", "/api/loss/plot",
        "/api/serve/tornado",
    ];

    private static readonly string[] FieldNames =
    [
        "compute", "horizon", "k", "sweep", "params", "tokens", "gpu", "gpus", "model", "law", "dtype", "samples", "seed",
        "sensitivity", "computeRange", "plan", "inferenceTokens", "usd", "hfConfig", "catalog", "lawFile", "top",
        "tokensPerSecond", "batch", "mfu", "grid", "gridIntensity", "tied", "layers", "dModel", "heads", "mlp",
    ];

    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.OneOf("3e25", "70B", "2T", "h100", "a100", "epoch", "hoffmann", "llama-2-70b", "1e24..1e28", "normal(0.4, 0.05)",
            "1e20:1e24", "10B:200B", "bf16", "true", "false", "0", "-1", "1e400", "nan", "inf", "1,000", "", " ", "100000",
            "1000001", "epoch|hoffmann", "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28"),
        Gen.String[Gen.Char.AlphaNumeric, 0, 40],
        Gen.String[Gen.Char, 0, 200],
        Gen.Char[(char)0, (char)0x9f].Array[0, 30].Select(c => new string(c)),
        Gen.Int[1, 400_000].Select(n => new string('7', n)),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.OneOf(FieldNames),
        Gen.String[Gen.Char.AlphaNumeric, 1, 30],
        Gen.String[Gen.Char, 0, 50],
        Gen.Int[1, 200_000].Select(n => new string('n', n)));

    private static readonly Gen<string> JsonValues = Gen.Frequency(
        (6, Values.Select(v => JsonSerializer.Serialize(v))),
        (2, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e308")),
        (1, Gen.OneOf("null", "true", "false", "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[[[[[[[[1]]]]]]]]")),
        (2, Values.Array[0, 5].Select(a => "[" + string.Join(',', a.Select(v => JsonSerializer.Serialize(v))) + "]")));

    private static readonly Gen<string> JsonBodies = Gen.Frequency(
        (8, Gen.Select(Names, JsonValues).Array[0, 12].Select(pairs =>
            "{" + string.Join(',', pairs.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}")),
        (1, Gen.Int[1, 30_000].Select(n => "{" + string.Join(',', Enumerable.Range(0, n).Select(i => "\"f" + i + "\":" + i)) + "}")),
        (1, Gen.OneOf("", "{", "[1,2]", "\"x\"", "{\"compute\":}", "{\"a\":1}}", "nul", "{\"\\ud800\":1}", new string('[', 5000))),
        (1, Gen.String[Gen.Char, 0, 300]));

    private static readonly Gen<string?> MediaTypes = Gen.Frequency(
        (8, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf<string?>(null, "text/plain", "application/xml", "application/merge-patch+json", "application/json; charset=latin1")));

    private static readonly Gen<Case> Cases = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf(Paths), Gen.Select(Names, Values).Array[0, 10]).Select(t => new Case(t.Item1, Query(t.Item2), null, null))),
        (7, Gen.Select(Gen.OneOf(Paths), JsonBodies, MediaTypes).Select(t => new Case(t.Item1, null, t.Item2, t.Item3))));

    [Fact]
    public async Task FuzzedRequests_KeepTheErrorContract()
    {
        Case[] cases = Cases.Array[Requests].Generate(new PCG(25, 2026_12_07), null, out _);
        using HttpClient client = factory.CreateClient();
        var statuses = new SortedDictionary<int, int>();
        foreach (Case c in cases)
        {
            using HttpResponseMessage response = c.Body is null
                ? await client.GetAsync(new Uri(c.Path + "?" + c.Query, UriKind.Relative))
                : await Post(client, c);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            string shown = c.ToString();
            string text = Encoding.UTF8.GetString(body);
            Assert.True(status is 200 or 400 or 413 or 415 or 503, $"{status} for {shown}: {Short(text)}");
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            if (status != 200)
            {
                Assert.True(body.Length <= MaxErrorBytes, $"{status} of {body.Length} bytes for {shown}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            if (status == 200 && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using JsonDocument document = JsonDocument.Parse(body);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            }
        }

        // The generator reaches both sides of the contract.
        Assert.True(statuses.GetValueOrDefault(400) > Requests / 4, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(200) > 0, string.Join(", ", statuses));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, Case c)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body!));
        if (c.MediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.MediaType);
        }

        return await client.PostAsync(new Uri(c.Path, UriKind.Relative), content);
    }

    private static string Query((string Name, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Case(string Path, string? Query, string? Body, string? MediaType)
    {
        public override string ToString() =>
            Short(Path + (Query is null ? string.Empty : "?" + Query) + (Body is null ? string.Empty : " [" + (MediaType ?? "no type") + "] " + Body));
    }
}
