using System.Text.Json;
using Flopwise.Inputs;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary><c>GET /api/inputs</c>: the page's labels, units and defaults come from Core's input specs and catalogs.</summary>
public sealed class InputsListingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Inputs_AreCoreSpecsByTheirJsonNames()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await Http.Ok(await Http.Get(client, "/api/inputs")));
        JsonElement compute = document.RootElement.GetProperty("copies").EnumerateArray().First(e => e.GetProperty("name").GetString() == "compute");
        InputSpec spec = Forecasting.CopiesInputs.Compute;
        Assert.Equal(spec.Label, compute.GetProperty("label").GetString());
        Assert.Equal(spec.Unit, compute.GetProperty("unit").GetString());
        Assert.Equal(spec.Expected, compute.GetProperty("expected").GetString());
        Assert.True(compute.GetProperty("required").GetBoolean());
        string[] train = [.. document.RootElement.GetProperty("train").EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
        Assert.Contains("pricePerGpuHour", train);
    }

    [Theory]
    [InlineData("model", "llama-2-70b")]
    [InlineData("gpu", "h100-sxm5-80gb")]
    [InlineData("law", "hoffmann")]
    [InlineData("grid", "france")]
    public async Task Names_ListTheCatalogs(string field, string name)
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await Http.Ok(await Http.Get(client, "/api/inputs")));
        Assert.Contains(name, document.RootElement.GetProperty("names").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }
}
