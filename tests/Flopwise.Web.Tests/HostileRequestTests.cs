using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// The web refuses what the CLI refuses (<c>computeRange</c> without the plot, a blank value), parses JSON only when it
/// is sent as JSON (415 otherwise), and sends the security headers on every answer.
/// </summary>
public sealed class HostileRequestTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ComputeRange_WithoutThePlot_IsRefused_AsTheCliRefusesIt()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/loss?law=epoch&params=70B&tokens=1.4T&computeRange=1e20:1e24")), "computeRange");
        Assert.Equal("needs plot", error.GetProperty("problem").GetString());
        Http.For(await Http.Problem(await Http.Get(client, "/api/loss?law=epoch&computeRange=1e20:1e24")), "computeRange");
    }

    [Fact]
    public async Task ComputeRange_WithThePlot_DrawsIt()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, "/api/loss/plot?law=epoch&params=70B&tokens=1.4T&computeRange=1e20:1e24");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/copies?compute=", "compute")]
    [InlineData("/api/copies?compute=%20%20", "compute")]
    [InlineData("/api/train?params=70B&tokens=2T&gpus=8&gpu=", "gpu")]
    [InlineData("/api/copies?compute=3e25&compute=", "compute")]
    public async Task BlankValue_IsAnError_NotAbsent(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, pathAndQuery)), field);
    }

    [Fact]
    public async Task BlankValue_InAJsonBody_IsAnError()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.PostJson(client, "/api/copies", "{\"compute\":\"3e25\",\"horizon\":\" \"}")), "horizon");
        Assert.Equal("is empty", error.GetProperty("problem").GetString());

        // A JSON null still means "not given".
        await Http.Ok(await Http.PostJson(client, "/api/copies", "{\"compute\":\"3e25\",\"horizon\":null}"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded-not")]
    [InlineData(null)]
    public async Task JsonBody_WithoutTheJsonMediaType_Is415(string? mediaType)
    {
        using HttpClient client = factory.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"compute\":\"3e25\"}"));
        content.Headers.ContentType = mediaType is null ? null : MediaTypeHeaderValue.Parse(mediaType);
        HttpResponseMessage response = await client.PostAsync(new Uri("/api/copies", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length <= 16 * 1024);
    }

    [Fact]
    public async Task JsonBody_WithTheJsonMediaType_IsRead()
    {
        using HttpClient client = factory.CreateClient();
        await Http.Ok(await Http.PostJson(client, "/api/copies", "{\"compute\":\"3e25\"}"));
        using var content = new StringContent("{\"compute\":\"3e25\"}", Encoding.UTF8, "application/problem+json");
        await Http.Ok(await client.PostAsync(new Uri("/api/copies", UriKind.Relative), content));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/copies?compute=3e25")]
    [InlineData("/api/copies?compute=-1")]
    [InlineData("/api/copies/plot?compute=3e25")]
    [InlineData("/api/nothing-here")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string pathAndQuery)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        AssertSecurityHeaders(response);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        string csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"), "a Server banner");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;
}
