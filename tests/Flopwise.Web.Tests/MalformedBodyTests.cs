using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// Bodies that are broken in themselves (a malformed multipart form, bytes that are not UTF-8, a JSON key given
/// twice, an empty uploaded config) answer 400 problem+json naming the field, never 500, and nothing is silently lost.
/// </summary>
public sealed class MalformedBodyTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/api/serve", "garbage")]
    [InlineData("/api/serve", "--XYZ\r\nContent-Disposition: form-data; name=\"gpu\"\r\n\r\na100")]
    [InlineData("/api/serve/plot", "--XYZ\r\nContent-Disposition: form-data; name=\"gpu\"\r\n\r\na100")]
    [InlineData("/api/fit", "garbage")]
    [InlineData("/api/fit", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"runs.csv\"\r\n\r\nparams,tokens,loss\r\n1e9,2e10,3")]
    public async Task MalformedMultipart_IsAProblemOfTheBody(string path, string body)
    {
        using HttpClient client = factory.CreateClient();
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
        JsonElement error = Http.For(await Http.Problem(await client.PostAsync(new Uri(path, UriKind.Relative), content)), "body");
        Assert.Contains("multipart", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/serve", "{\"gpu\":\"\xff\"}")]
    [InlineData("/api/budget", "{\"\xff\":1}")]
    [InlineData("/api/copies", "{\"compute\":\"3e25\",\"k\":[\"\xc3\"]}")]
    public async Task InvalidUtf8_IsAProblemOfTheBody(string path, string latin1)
    {
        using HttpClient client = factory.CreateClient();
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(latin1));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        JsonElement error = Http.For(await Http.Problem(await client.PostAsync(new Uri(path, UriKind.Relative), content)), "body");
        Assert.Equal("is not valid UTF-8", error.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task LoneSurrogateEscape_IsAProblemOfTheBody()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.PostJson(client, "/api/serve", "{\"gpu\":\"\\ud800\"}")), "body");
        Assert.Contains("surrogate", error.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadedConfigNotUtf8_IsAProblemOfHfConfig()
    {
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("a100"), "gpu" } };
        var file = new ByteArrayContent([(byte)'{', 0xff, (byte)'}']);
        form.Add(file, "hfConfig", "config.json");
        JsonElement error = Http.For(await Http.Problem(await client.PostAsync(new Uri("/api/serve", UriKind.Relative), form)), "hfConfig");
        Assert.Equal("is not valid UTF-8", error.GetProperty("problem").GetString());
    }

    [Theory]
    [InlineData("/api/budget", "{\"usd\":1e6,\"usd\":5e9,\"gpu\":\"h100\"}", "usd")]
    [InlineData("/api/copies", "{\"compute\":\"3e25\",\"compute\":null}", "compute")]
    [InlineData("/api/compare", "{\"plan\":[\"10B:200B\"],\"plan\":\"3B:600B\",\"inferenceTokens\":\"1T\"}", "plan")]
    public async Task RepeatedJsonKey_IsGivenMoreThanOnce(string path, string json, string field)
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.PostJson(client, path, json)), field);
        Assert.Equal("is given more than once", error.GetProperty("problem").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public async Task EmptyUploadedConfig_IsAProblemOfHfConfig(string config)
    {
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("a100"), "gpu" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(config));
        form.Add(file, "hfConfig", "config.json");
        JsonElement error = Http.For(await Http.Problem(await client.PostAsync(new Uri("/api/serve", UriKind.Relative), form)), "hfConfig");
        Assert.Equal("is empty", error.GetProperty("problem").GetString());
        Assert.Equal("config.json", error.GetProperty("value").GetString());
    }
}
