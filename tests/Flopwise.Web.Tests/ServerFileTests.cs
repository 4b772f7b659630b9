using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>No input names a file on the server: the CLI's file options are refused, and names (and hfConfig, which is the config's text) are never paths.</summary>
public sealed class ServerFileTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/api/optimal?compute=1e24&lawFile=/etc/passwd", "lawFile")]
    [InlineData("/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&catalog=/etc/passwd", "catalog")]
    [InlineData("/api/plan?catalog=../../appsettings.json&targetLoss=2", "catalog")]
    public async Task FileOptions_AreRefused(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        System.Text.Json.JsonElement error = Http.For(await Http.Problem(response), field);
        Assert.Contains("reads no file on the server", error.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/train?model=/etc/passwd&tokens=2T", "model")]
    [InlineData("/api/train?model=../../../../etc/passwd&tokens=2T", "model")]
    [InlineData("/api/train?params=70B&tokens=2T&gpus=8&gpu=/etc/passwd", "gpu")]
    [InlineData("/api/optimal?compute=1e24&law=/etc/passwd", "law")]
    [InlineData("/api/train?hfConfig=/etc/passwd&tokens=2T&gpu=h100&gpus=8", "hfConfig")]
    [InlineData("/api/serve?hfConfig=../../appsettings.json&gpu=a100", "hfConfig")]
    public async Task Names_AreNeverPaths(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        Http.For(await Http.Problem(response), field);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_StayInsideWwwroot()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, "/..%2F..%2FFlopwise.Web.csproj");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        HttpResponseMessage settings = await Http.Get(client, "/appsettings.json");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, settings.StatusCode);
    }
}
