using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// An error answer never grows with the request: at most 20 field errors then "and K more", the known fields listed
/// once, every echoed value cut to 80 characters with its control characters escaped, no closest-name search for a
/// huge value, and a 400 or 413 body of at most 16 KB whatever was sent.
/// </summary>
public sealed class BoundedErrorTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const int MaxErrorBytes = 16 * 1024;

    /// <summary>An 810 KB body with 30,000 unknown fields answered 45 MB (each error repeated the field list three times).</summary>
    [Fact]
    public async Task ThirtyThousandUnknownFields_AnswerAtMost20Errors_In16KB()
    {
        using HttpClient client = factory.CreateClient();
        var json = new StringBuilder("{\"compute\":\"3e25\"");
        for (int i = 0; i < 30_000; i++)
        {
            json.Append(",\"unknownField").Append(i).Append("\":\"").Append(i).Append('"');
        }

        json.Append('}');
        Assert.True(json.Length > 700_000);
        (HttpResponseMessage response, byte[] body) = await Send(client, "/api/copies", json.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length <= MaxErrorBytes, $"{body.Length} bytes");
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        Assert.Equal(20, root.GetProperty("fields").GetArrayLength());
        Assert.Equal(29_980, root.GetProperty("moreErrors").GetInt32());
        Assert.EndsWith("; and 29,980 more", root.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The known fields once, as a list; no entry repeats them.
        string[] known = [.. root.GetProperty("knownFields").EnumerateArray().Select(f => f.GetString()!)];
        Assert.Contains("compute", known);
        Assert.Contains("horizon", known);
        string text = Encoding.UTF8.GetString(body);
        Assert.Equal(1, Count(text, "\"horizon\""));
        Assert.All(root.GetProperty("fields").EnumerateArray(), f => Assert.Equal("is not a field of this calculator", f.GetProperty("problem").GetString()));
    }

    /// <summary>A 900 KB gpu value cost 0.9 s of closest-name search and answered 2.7 MB.</summary>
    [Fact]
    public async Task HugeGpuValue_IsRefusedFast_WithoutSuggestion_AndCut()
    {
        using HttpClient client = factory.CreateClient();
        string huge = "h100" + new string('x', 900_000);
        string json = "{\"params\":\"70B\",\"tokens\":\"2T\",\"gpus\":\"8\",\"gpu\":\"" + huge + "\"}";
        await Send(client, "/api/train", json);
        var clock = Stopwatch.StartNew();
        (HttpResponseMessage response, byte[] body) = await Send(client, "/api/train", json);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length <= MaxErrorBytes, $"{body.Length} bytes");
        JsonElement error = Http.For(await Http.Problem(Again(response, body)), "gpu");
        string value = error.GetProperty("value").GetString()!;
        Assert.True(value.Length <= 80, value);
        Assert.StartsWith("h100xxx", value, StringComparison.Ordinal);
        Assert.EndsWith("(900,004 characters)", value, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Control bytes and newlines of the input came back raw (a value could set a terminal's title).</summary>
    [Fact]
    public async Task ControlCharacters_AreEscapedInTheEcho()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=" + Uri.EscapeDataString("3e25\u001b]0;owned\u0007\nx"))), "compute");
        Assert.Equal("3e25\\u001B]0;owned\\u0007\\nx", error.GetProperty("value").GetString());
    }

    [Fact]
    public async Task ShortValues_AreEchoedAsGiven()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=" + new string('9', 80) + "x")), "compute");
        Assert.Equal(new string('9', 63) + "… (81 characters)", error.GetProperty("value").GetString());
        JsonElement shortOne = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=abc")), "compute");
        Assert.Equal("abc", shortOne.GetProperty("value").GetString());
    }

    [Fact]
    public async Task AFieldRepeated30000Times_IsOneShortError()
    {
        using HttpClient client = factory.CreateClient();
        string json = "{\"compute\":[" + string.Join(',', Enumerable.Range(0, 30_000).Select(i => "\"" + i + "e20\"")) + "]}";
        (HttpResponseMessage response, byte[] body) = await Send(client, "/api/copies", json);
        Assert.True(body.Length <= MaxErrorBytes, $"{body.Length} bytes");
        JsonElement error = Http.For(await Http.Problem(Again(response, body)), "compute");
        Assert.Equal("is given more than once", error.GetProperty("problem").GetString());
        Assert.True(error.GetProperty("value").GetString()!.Length <= 80);
    }

    [Fact]
    public async Task HugeFieldName_IsCut()
    {
        using HttpClient client = factory.CreateClient();
        string json = "{\"compute\":\"3e25\",\"" + new string('k', 500_000) + "\":1}";
        (HttpResponseMessage response, byte[] body) = await Send(client, "/api/copies", json);
        Assert.True(body.Length <= MaxErrorBytes, $"{body.Length} bytes");
        List<JsonElement> fields = await Http.Problem(Again(response, body));
        Assert.True(Assert.Single(fields).GetProperty("field").GetString()!.Length <= 80);
    }

    [Fact]
    public async Task OversizedBody_Is413_Within16KB()
    {
        using HttpClient client = factory.CreateClient();
        string json = "{\"compute\":\"" + new string('1', 1_200_000) + "\"}";
        (HttpResponseMessage response, byte[] body) = await Send(client, "/api/copies", json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.Length <= MaxErrorBytes, $"{body.Length} bytes");
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> Send(HttpClient client, string path, string json)
    {
        HttpResponseMessage response = await Http.PostJson(client, path, json);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A response whose body was read, with the body again (for <see cref="Http.Problem"/>).</summary>
    private static HttpResponseMessage Again(HttpResponseMessage response, byte[] body)
    {
        var copy = new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(body) };
        copy.Content.Headers.ContentType = response.Content.Headers.ContentType;
        return copy;
    }
}
