using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// <c>/api/serve</c>, <c>/api/budget</c> and <c>/api/history</c> beyond their CLI parity (<see cref="CliParityTests"/>):
/// their plots, their bad input as problem+json naming each field, and the CLI's combination rules.
/// </summary>
public sealed class ServingBudgetHistoryTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/api/serve/plot?model=llama-2-7b&gpu=a100&promptTokens=1024&outputTokens=256&sweepBatch=1:512")]
    [InlineData("/api/history/plot?compute=3e25")]
    public async Task Plots_AreSvg(string pathAndQuery)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string svg = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {svg}");
        XDocument document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.True(document.Descendants().Count(e => e.Name.LocalName is "path" or "rect" or "circle") > 5, "the plot draws nothing");
    }

    [Theory]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&batch=0", "batch")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&computeEfficiency=1.5", "computeEfficiency")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&latencyClass=instant", "latencyClass")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&attention=flash", "attention")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&weightDtype=int3", "weightDtype")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&sweepBatch=1:64&batch=8", "batch")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&sweepBatch=1.5:6", "sweepBatch")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&sweepBatch=1:2&tokens=5", "tokens")]
    [InlineData("/api/serve/plot?model=llama-2-7b&gpu=a100", "plot")]
    [InlineData("/api/serve?model=llama-2-70b&gpu=h100&gpus=2&maxTtftMs=1", "maxTtftMs")]
    [InlineData("/api/budget?usd=1M", "gpu")]
    [InlineData("/api/budget?gpu=h100&usd=1M&gpuHours=5", "usd")]
    [InlineData("/api/budget?gpu=h100&usd=1M&grid=france&gridIntensity=0.1", "grid")]
    [InlineData("/api/budget?gpu=h100&usd=1M&law=nolaw", "law")]
    [InlineData("/api/budget/plot?gpu=h100&usd=1M", "plot")]
    [InlineData("/api/history?compute=-1", "compute")]
    [InlineData("/api/history?compute=1e25&top=3", "top")]
    [InlineData("/api/history?top=500", "top")]
    [InlineData("/api/history/plot?top=3", "plot")]
    public async Task BadInput_IsAProblemOfItsField(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        List<JsonElement> fields = await Http.Problem(response);
        Assert.Contains(fields, f => f.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task Serve_PostJson_AnswersAsGet()
    {
        using HttpClient client = factory.CreateClient();
        string get = await Http.Ok(await Http.Get(client, "/api/serve?model=llama-2-7b&gpu=a100&promptTokens=3000&outputTokens=500"));
        string post = await Http.Ok(await Http.PostJson(client, "/api/serve", """{"model": "llama-2-7b", "gpu": "a100", "promptTokens": 3000, "outputTokens": "500"}"""));
        Assert.Equal(get, post);
    }

    [Fact]
    public async Task Inputs_ListTheNewCalculators()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/inputs", UriKind.Relative)));
        foreach ((string calc, string field) in new[] { ("serve", "promptTokens"), ("budget", "usd"), ("history", "top") })
        {
            Assert.Contains(document.RootElement.GetProperty(calc).EnumerateArray(), s => s.GetProperty("name").GetString() == field);
        }
    }
}
