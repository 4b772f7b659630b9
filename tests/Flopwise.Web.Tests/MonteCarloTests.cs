using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// Inputs given as distributions: the answer is Core's Monte Carlo run in the CLI's <c>--json</c> shape (checked
/// against the CLI in <see cref="CliParityTests"/>), its plot the histogram and, with a sensitivity, the tornado; bad
/// distributions, law mixtures and sample counts are 400 problems naming the field.
/// </summary>
public sealed class MonteCarloTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/api/copies?compute=1e25..1e27&samples=500", "parallelTasks")]
    [InlineData("/api/human?taskHours=loguniform(1e3,1e6)&samples=500", "taskFlop")]
    [InlineData("/api/train?params=30B..70B&tokens=2T&gpu=h100&gpus=4096&mfu=uniform(0.3,0.5)&samples=500", "wallTimeDays")]
    [InlineData("/api/optimal?compute=triangular(1e23,1e24,1e25)&samples=500", "parameters")]
    [InlineData("/api/plan?law=hoffmann&referenceParams=70B&referenceTokens=1.4T&inferenceTokens=1T..100T&samples=500", "parameters")]
    [InlineData("/api/compare?law=hoffmann&inferenceTokens=1T..10T&plan=70B:1.4T&plan=30B:3T&samples=500", "plan1")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&batch=normal(16,2)&samples=500", "requestSeconds")]
    [InlineData("/api/budget?usd=50M..200M&gpu=h100&samples=500", "trainingFlop")]
    public async Task Distribution_AnswersTheMonteCarloShape(string pathAndQuery, string output)
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await Http.Ok(await Http.Get(client, pathAndQuery)));
        JsonElement root = document.RootElement;
        Assert.Equal(500, root.GetProperty("samples").GetInt32());
        Assert.True(root.TryGetProperty("infeasibleSamples", out _));
        Assert.True(root.TryGetProperty("redraws", out _));
        JsonElement percentiles = root.GetProperty("distribution").GetProperty(output);
        JsonElement median = root.GetProperty(output);

        // A compared plan's outputs nest under planN, as the CLI writes them.
        IEnumerable<(JsonElement Percentiles, JsonElement Median)> outputs = percentiles.TryGetProperty("p50", out _)
            ? [(percentiles, median)]
            : percentiles.EnumerateObject().Select(p => (p.Value, median.GetProperty(p.Name))).ToList();
        Assert.NotEmpty(outputs);
        foreach ((JsonElement p, JsonElement m) in outputs)
        {
            double p5 = p.GetProperty("p5").GetDouble();
            double p50 = p.GetProperty("p50").GetDouble();
            double p95 = p.GetProperty("p95").GetDouble();
            Assert.True(p5 <= p50 && p50 <= p95, $"{p5} {p50} {p95}");
            Assert.Equal(p50, m.GetDouble());
        }

        Assert.True(outputs.Any(o => o.Percentiles.GetProperty("p95").GetDouble() > o.Percentiles.GetProperty("p5").GetDouble()), "the distribution does not spread");
    }

    [Fact]
    public async Task SameSeed_SameAnswer_OtherSeed_OtherAnswer()
    {
        using HttpClient client = factory.CreateClient();
        string a = await Http.Ok(await Http.Get(client, "/api/copies?compute=1e25..1e27&samples=1000&seed=5"));
        string b = await Http.Ok(await Http.Post(client, "/api/copies", [new("compute", "1e25..1e27"), new("samples", "1000"), new("seed", "5")]));
        string c = await Http.Ok(await Http.Get(client, "/api/copies?compute=1e25..1e27&samples=1000&seed=6"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task ReversedRange_IsAProblemOfItsField()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=1e27..1e25")), "compute");
        Assert.Equal("1e27..1e25", error.GetProperty("value").GetString());
        Assert.Contains("range a..b", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute=normal(1e25)", "compute")]
    [InlineData("compute=1e25..", "compute")]
    [InlineData("compute=uniform(abc,1)", "compute")]
    public async Task MalformedDistributions_AreProblemsOfTheirField(string query, string field)
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, "/api/copies?" + query)), field);
    }

    [Fact]
    public async Task SamplesOverTheWebCap_SayWhy()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=1e25..1e27&samples=200000")), "samples");
        Assert.Equal("is over the web's limit", error.GetProperty("problem").GetString());
        Assert.StartsWith("at most 100,000", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
        await Http.Ok(await Http.Get(client, "/api/copies?compute=1e25..1e27&samples=100000"));
    }

    [Theory]
    [InlineData("/api/copies?compute=3e25&samples=1000", "samples")]
    [InlineData("/api/copies?compute=3e25&seed=1", "seed")]
    [InlineData("/api/copies?compute=3e25&sensitivity=parameters", "sensitivity")]
    [InlineData("/api/copies?compute=1e25..1e27&sensitivity=nothing", "sensitivity")]
    [InlineData("/api/copies?compute=1e25..1e27&samples=0", "samples")]
    [InlineData("/api/copies?compute=1e25..1e27&seed=-1", "seed")]
    [InlineData("/api/copies?k=1..3&sweep=1e24:1e30", "sweep")]
    [InlineData("/api/train?params=30B..70B&tokens=2T&gpu=h100&sweepGpus=8:64", "sweepGpus")]
    [InlineData("/api/loss?law=epoch|hoffmann&params=70B&tokens=1.4T", "law")]
    [InlineData("/api/optimal?compute=1e24&law=epoch|nolaw", "law")]
    [InlineData("/api/optimal?compute=1e24&law=epoch:0.7|hoffmann:0.7", "law")]
    [InlineData("/api/memory?model=llama-2-7b&gpu=h100&gpus=1..8", "gpus")]
    public async Task MonteCarloRules_AreProblemsOfTheirField(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, pathAndQuery)), field);
    }

    [Fact]
    public async Task LawMixture_DrawsEachSamplesLaw()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await Http.Ok(await Http.Get(client, "/api/optimal?compute=1e24&law=epoch:0.5|hoffmann:0.5&samples=2000")));
        JsonElement parameters = document.RootElement.GetProperty("distribution").GetProperty("parameters");
        Assert.True(parameters.GetProperty("p95").GetDouble() > parameters.GetProperty("p5").GetDouble() * 1.05, "the two laws' answers differ, so the draws must spread");
        Assert.Contains(
            document.RootElement.GetProperty("assumptions").EnumerateArray(),
            a => a.GetProperty("name").GetString() == "lawMixture");
    }

    [Theory]
    [InlineData("/api/copies/plot?compute=1e25..1e27&samples=500")]
    [InlineData("/api/budget/plot?usd=50M..200M&gpu=h100&samples=500")]
    [InlineData("/api/human/plot?taskHours=1e3..1e6&samples=500")]
    [InlineData("/api/copies/tornado?compute=1e25..1e27&k=1..4&samples=500&sensitivity=parallelTasks")]
    public async Task MonteCarloPlots_AreSvg(string pathAndQuery)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string svg = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {svg}");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        XDocument document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.True(document.Descendants().Count(e => e.Name.LocalName is "path" or "rect") > 5, "the plot draws nothing");
    }

    [Fact]
    public async Task Tornado_WithoutSensitivity_IsAProblem()
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, "/api/copies/tornado?compute=1e25..1e27&samples=500")), "sensitivity");
    }
}
