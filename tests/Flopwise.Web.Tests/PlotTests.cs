using System.Net;
using System.Xml.Linq;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>Plots are SVG drawn by the Plotting project from the same inputs as the JSON.</summary>
public sealed class PlotTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/api/copies/plot?compute=3e25")]
    [InlineData("/api/copies/plot?sweep=1e24:1e30")]
    [InlineData("/api/train/plot?params=70B&tokens=2T&gpu=h100&sweepGpus=256:65536")]
    [InlineData("/api/optimal/plot?compute=5.88e23")]
    [InlineData("/api/loss/plot?params=70B&tokens=1.4T")]
    [InlineData("/api/loss/plot?law=hoffmann")]
    [InlineData("/api/loss/plot?law=hoffmann&computeRange=1e20:1e23")]
    [InlineData("/api/plan/plot?law=hoffmann&referenceParams=70B&referenceTokens=1.4T&sweepInference=1e10:1e14")]
    public async Task Plot_IsAnSvgWithData(string pathAndQuery)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string svg = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, svg);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        XDocument document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.True(document.Descendants().Count(e => e.Name.LocalName == "path") > 5, "the plot has no drawn paths");
    }

    [Fact]
    public async Task Plot_PostTakesTheSameJsonBody()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.PostJson(client, "/api/copies/plot", """{"compute": 3e25}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<?xml", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/train/plot?params=70B&tokens=2T&gpu=h100&gpus=8", "plot")]
    [InlineData("/api/plan/plot?law=hoffmann&referenceParams=70B&referenceTokens=1.4T&inferenceTokens=1T", "plot")]
    [InlineData("/api/copies/plot?compute=-1", "compute")]
    public async Task Plot_WithoutWhatItNeeds_IsAProblem(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, pathAndQuery)), field);
    }
}
