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

    [Fact]
    public async Task LossAndLaws_AreDeclaredCalculators_WithTheLawFields()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument document = JsonDocument.Parse(await Http.Ok(await Http.Get(client, "/api/inputs")));
        JsonElement[] calculators = [.. document.RootElement.GetProperty("calculators").EnumerateArray()];
        JsonElement loss = calculators.Single(c => c.GetProperty("name").GetString() == "loss");
        Assert.Equal("always", loss.GetProperty("plot").GetString());
        string[] fields = [.. loss.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(["law", "lawFile", "params", "tokens", "uniqueTokens", "computeRange"], fields);
        JsonElement laws = calculators.Single(c => c.GetProperty("name").GetString() == "laws");
        Assert.Equal("never", laws.GetProperty("plot").GetString());
        Assert.Empty(laws.GetProperty("fields").EnumerateArray());
    }
}
