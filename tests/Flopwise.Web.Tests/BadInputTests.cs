using System.Net;
using System.Text.Json;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// Bad input answers 400 problem+json with one entry per field (field, problem, value, expected) from the same Core
/// validation as the CLI, and never 500.
/// </summary>
public sealed class BadInputTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task NegativeCompute_NamesTheFieldValueAndRange()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=-5")), "compute");
        Assert.Equal("-5", error.GetProperty("value").GetString());
        Assert.Equal("a number > 0 (FLOP)", error.GetProperty("expected").GetString());
        Assert.Contains("greater than 0", error.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", Messages.NotANumber)]
    [InlineData("1e400", Messages.OutOfDoubleRange)]
    [InlineData("1,000", Messages.NotANumber)]
    [InlineData("nan", Messages.NotFinite)]
    public async Task NonNumbers_AreRejectedAsTheCliRejectsThem(string value, string problem)
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=" + Uri.EscapeDataString(value))), "compute");
        Assert.Equal(value, error.GetProperty("value").GetString());
        Assert.Equal(problem, error.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task SeveralBadFields_AreAllListed()
    {
        using HttpClient client = factory.CreateClient();
        List<JsonElement> fields = await Http.Problem(await Http.Get(client, "/api/copies?compute=-5&k=abc&horizon=1e400"));
        Assert.Equal(new[] { "compute", "horizon", "k" }, fields.Select(f => f.GetProperty("field").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task MissingRequiredField_IsNamed()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies")), "compute");
        Assert.Equal("nothing", error.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("/api/train?model=llama-9-1b&tokens=2T", "model")]
    [InlineData("/api/train?params=70B&tokens=2T&gpu=h900&gpus=8", "gpu")]
    [InlineData("/api/optimal?compute=1e24&law=chinchila", "law")]
    [InlineData("/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&grid=mars", "grid")]
    [InlineData("/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&dtype=fp7", "dtype")]
    [InlineData("/api/memory?model=llama-2-7b&gpu=h100&optimizer=lion", "optimizer")]
    public async Task UnknownNames_AreErrorsOfTheirField(string pathAndQuery, string field)
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, pathAndQuery)), field);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("expected").GetString()));
    }

    [Fact]
    public async Task UnknownField_SuggestsTheClosest()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement error = Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=3e25&horizn=2")), "horizn");
        Assert.Contains("horizon", error.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedField_IsAnError()
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=3e25&compute=1e26")), "compute");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"3e25\"")]
    public async Task BodyThatIsNotAJsonObject_IsAnError(string body)
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.PostJson(client, "/api/copies", body)), "body");
    }

    [Fact]
    public async Task CombinationRules_OfTheCli_Apply()
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.Get(client, "/api/copies?compute=3e25&sweep=1e24:1e30")), "sweep");
        Http.For(await Http.Problem(await Http.Get(client, "/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&grid=france&gridIntensity=0.1")), "grid");
        Http.For(await Http.Problem(await Http.Get(client, "/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&sweepGpus=8:64")), "sweepGpus");
    }

    [Fact]
    public async Task Train_DeclaredMessages_UseTheWebSpelling()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement grid = Http.For(await Http.Problem(await Http.Get(client, "/api/train?params=70B&tokens=2T&gpu=h100&gpus=8&grid=france&gridIntensity=0.1")), "grid");
        Assert.Equal("cannot be combined with gridIntensity", grid.GetProperty("problem").GetString());
        Assert.Equal("one of grid or gridIntensity", grid.GetProperty("expected").GetString());
        JsonElement plot = Http.For(await Http.Problem(await Http.Get(client, "/api/train/plot?params=70B&tokens=2T&gpu=h100&gpus=8")), "plot");
        Assert.Equal("needs sweepGpus", plot.GetProperty("problem").GetString());
        Assert.Equal("sweepGpus FROM:TO with plot", plot.GetProperty("expected").GetString());
    }

    [Fact]
    public async Task Problem_ErrorsMapEachFieldToItsMessage()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, "/api/optimal?compute=0");
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string message = document.RootElement.GetProperty("errors").GetProperty("compute")[0].GetString()!;
        Assert.Contains("(got 0; expected", message, StringComparison.Ordinal);
    }

    /// <summary>Every numeric input of every calculator, given each kind of bad value: 400, never 500.</summary>
    [Fact]
    public async Task EveryNumericInput_BadValues_Answer400()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument inputs = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/inputs", UriKind.Relative)));
        int checkedCount = 0;
        foreach (JsonProperty calculator in inputs.RootElement.EnumerateObject().Where(p => p.Name is not ("names" or "calculators")))
        {
            foreach (JsonElement spec in calculator.Value.EnumerateArray())
            {
                string name = spec.GetProperty("name").GetString()!;
                foreach (string bad in new[] { "-5", "abc", "1e400", "-1e400", "Infinity" })
                {
                    HttpResponseMessage response = await Http.Get(client, $"/api/{calculator.Name}?{name}={Uri.EscapeDataString(bad)}");
                    string body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{calculator.Name} {name}={bad}: {(int)response.StatusCode} {body}");
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 200, $"only {checkedCount} cases");
    }

    /// <summary>Awkward but well-formed inputs to each calculator: an answer or a 400, never a 500.</summary>
    [Theory]
    [InlineData("/api/copies?compute=1e308")]
    [InlineData("/api/copies?compute=1e-300")]
    [InlineData("/api/copies?sweep=1e300:1e308")]
    [InlineData("/api/copies?sweep=abc")]
    [InlineData("/api/copies/plot?sweep=1e24:1e24")]
    [InlineData("/api/human")]
    [InlineData("/api/train")]
    [InlineData("/api/train?params=1e300&tokens=1e300&gpu=h100&gpus=1")]
    [InlineData("/api/train?flop=1e308&gpu=h100&gpus=1&mfu=1e-300")]
    [InlineData("/api/train?params=70B&tokens=2T&gpu=h100&sweepGpus=1:1e300")]
    [InlineData("/api/train/plot?params=70B&tokens=2T&gpu=h100&gpus=8")]
    [InlineData("/api/memory")]
    [InlineData("/api/memory?layers=1e9&dModel=1e9&heads=3&gpu=h100")]
    [InlineData("/api/model")]
    [InlineData("/api/model?layers=2&dModel=7&heads=3")]
    [InlineData("/api/loss")]
    [InlineData("/api/loss?params=1e-300&tokens=1e300")]
    [InlineData("/api/loss?law=E=1,A=2")]
    [InlineData("/api/optimal?compute=1e300&law=kaplan")]
    [InlineData("/api/plan")]
    [InlineData("/api/plan?targetLoss=0.1")]
    [InlineData("/api/plan?law=kaplan&targetLoss=2")]
    [InlineData("/api/compare")]
    [InlineData("/api/compare?plan=1:2:3")]
    [InlineData("/api/compare?plan=abc&plan=1e400:1")]
    [InlineData("/api/laws?law=epoch")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/serve")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&batch=1..1e300&samples=100")]
    [InlineData("/api/serve?model=llama-2-7b&gpu=a100&sweepBatch=1:1e300")]
    [InlineData("/api/serve?layers=1e9&dModel=1e9&heads=3&gpu=a100")]
    [InlineData("/api/serve?hfConfig={}&gpu=a100")]
    [InlineData("/api/budget")]
    [InlineData("/api/budget?usd=1e300..1e308&gpu=h100&samples=100")]
    [InlineData("/api/budget?usd=1e308&gpu=h100&law=kaplan")]
    [InlineData("/api/history?compute=1e300")]
    [InlineData("/api/history?top=1e300")]
    [InlineData("/api/copies?compute=normal(1e25,1e30)&samples=100")]
    [InlineData("/api/copies?compute=uniform(0,0)&samples=100")]
    [InlineData("/api/copies?compute=loguniform(1e-300,1e300)&samples=100")]
    [InlineData("/api/copies?compute=triangular(3,2,1)")]
    [InlineData("/api/plan?law=epoch|hoffmann&targetLoss=0.1..1&samples=100")]
    [InlineData("/api/compare?law=epoch|hoffmann&plan=1e400:1&samples=100")]
    public async Task AwkwardInputs_NeverAnswer500(string pathAndQuery)
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await Http.Get(client, pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await Http.Problem(response);
        }
    }
}
