using Flopwise.Hardware;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Hardware;

/// <summary>User catalogs (<c>--catalog my.json</c>): parsing, errors naming file, entry and key, and merging.</summary>
public partial class GpuCatalogTests
{
    private const string UserCatalog = """
        {
          "gpus": [
            {
              "id": "h100-sxm5-80gb",
              "name": "H100 SXM (our cluster)",
              "vendor": "NVIDIA",
              "aliases": ["our-h100"],
              "dense": { "bf16": 989.4, "fp8": 1978.9 },
              "memory": { "value": 80, "unit": "GB" },
              "bandwidthTBps": 3.35,
              "tdpWatts": 700,
              "interconnect": { "name": "NVLink 4", "gbps": 900 },
              "source": "https://example.com/h100",
              "price": { "usdPerHour": 1.85, "source": "https://example.com/contract", "date": "2026-11", "volatile": false }
            },
            {
              "id": "x1",
              "name": "Example accelerator X1",
              "vendor": "Example",
              "aliases": ["xone"],
              "dense": { "fp16": 100 },
              "sparse": { "fp16": 200 },
              "memory": { "value": 64, "unit": "GiB" },
              "bandwidthTBps": 1.5,
              "source": "https://example.com/x1",
            },
          ],
        }
        """;

    private static Outcome<GpuCatalog> ParseEntry(string entryBody) =>
        GpuCatalog.Parse($$"""{ "gpus": [ { {{entryBody}} } ] }""", "my.json");

    private const string ValidBody = """
        "id": "x1", "name": "X1", "vendor": "Example", "dense": { "bf16": 100 },
        "memory": { "value": 16, "unit": "GB" }, "bandwidthTBps": 1.0, "source": "https://example.com/x1"
        """;

    private static FieldError SingleError(Outcome<GpuCatalog> outcome)
    {
        Assert.False(outcome.IsValid);
        return Assert.Single(outcome.Errors);
    }

    [Fact]
    public void Parse_UserCatalog_ReadsEveryKey()
    {
        GpuCatalog user = GpuCatalog.Parse(UserCatalog, "my.json").GetValueOrThrow();

        Assert.Equal(["h100-sxm5-80gb", "x1"], user.All.Select(s => s.Id));
        GpuSpec x1 = user.All[1];
        Assert.Equal(64.0 * 1024 * 1024 * 1024, x1.Memory.Bytes);
        Assert.Equal("GiB", x1.MemoryUnit);
        Assert.Equal(1.5e12, x1.MemoryBandwidth.BytesPerSecond);
        Assert.Null(x1.Tdp);
        Assert.Null(x1.InterconnectBandwidth);
        Assert.Null(x1.Price);
        Assert.Equal(200e12, x1.SparsePeaks[DataType.Fp16].FlopPerSecond);
        Assert.Equal(DataType.Fp16, x1.DefaultTrainingType);
        GpuPrice price = user.All[0].Price!;
        Assert.Equal(1.85, price.PerHour.Usd);
        Assert.Equal("2026-11", price.Date);
        Assert.False(price.IsVolatile);
        Assert.Equal(900e9, user.All[0].InterconnectBandwidth!.Value.BytesPerSecond);
    }

    [Fact]
    public void MergedWith_UserCatalog_ReplacesOneEntryInPlaceAndAddsOne()
    {
        GpuCatalog user = GpuCatalog.Parse(UserCatalog, "my.json").GetValueOrThrow();
        GpuCatalog defaults = GpuCatalog.Default;

        GpuCatalog merged = defaults.MergedWith(user);

        Assert.Equal(defaults.All.Count + 1, merged.All.Count);
        int h100Index = defaults.All.ToList().FindIndex(s => s.Id == "h100-sxm5-80gb");
        Assert.Equal("H100 SXM (our cluster)", merged.All[h100Index].Name);
        Assert.Equal(1.85, merged.All[h100Index].Price!.PerHour.Usd);
        Assert.Equal("x1", merged.All[^1].Id);
        Assert.Equal(defaults.All.Select(s => s.Id).Append("x1"), merged.All.Select(s => s.Id));

        // The replaced entry keeps its built-in alias and gains the user's; the new entry resolves by alias.
        Assert.Equal("H100 SXM (our cluster)", merged.Resolve("h100").Spec!.Name);
        Assert.Equal("h100-sxm5-80gb", merged.Resolve("our-h100").Spec!.Id);
        Assert.Equal("x1", merged.Resolve("xone").Spec!.Id);
        Assert.Equal("x1", merged.Resolve("x1").Spec!.Id);

        // Neither input changes.
        Assert.Equal(19, defaults.All.Count);
        Assert.NotEqual("H100 SXM (our cluster)", defaults.Resolve("h100").Spec!.Name);
        Assert.False(defaults.Resolve("x1").IsFound);
    }

    [Fact]
    public void MergedWith_OverrideClaimsAnAlias_AliasMovesToTheOverride()
    {
        GpuCatalog user = ParseEntry(ValidBody + """, "aliases": ["h100"]""").GetValueOrThrow();

        GpuCatalog merged = GpuCatalog.Default.MergedWith(user);

        Assert.Equal("x1", merged.Resolve("h100").Spec!.Id);
        Assert.DoesNotContain("h100", merged.All.Single(s => s.Id == "h100-sxm5-80gb").Aliases);
    }

    [Fact]
    public void Parse_DefaultCatalogText_RoundTrips()
    {
        using Stream stream = typeof(GpuCatalog).Assembly.GetManifestResourceStream("Flopwise.Hardware.gpus.json")!;
        using var reader = new StreamReader(stream);

        Outcome<GpuCatalog> outcome = GpuCatalog.Parse(reader.ReadToEnd(), "gpus.json");

        Assert.Empty(outcome.Errors);
        Assert.Equal(GpuCatalog.Default.All.Select(s => s.Id), outcome.Value!.All.Select(s => s.Id));
    }

    [Fact]
    public void Parse_MalformedJson_ErrorNamesTheFileAndPosition()
    {
        FieldError error = SingleError(GpuCatalog.Parse("{ \"gpus\": [ { \"id\": \"x1\", } ", "my.json"));

        Assert.Equal("catalog", error.Field);
        Assert.StartsWith("my.json: is not valid JSON (line 1, position ", error.Problem, StringComparison.Ordinal);
        Assert.Equal("malformed JSON", error.Got);
        Assert.StartsWith("catalog: my.json: is not valid JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingKey_ErrorNamesFileEntryAndKey()
    {
        FieldError error = SingleError(ParseEntry("""
            "id": "x1", "name": "X1", "vendor": "Example", "dense": { "bf16": 100 },
            "memory": { "value": 16, "unit": "GB" }, "source": "https://example.com/x1"
            """));

        Assert.Equal("catalog", error.Field);
        Assert.Equal("my.json: entry 'x1': 'bandwidthTBps' is missing", error.Problem);
        Assert.Equal("nothing", error.Got);
        Assert.Equal("catalog: my.json: entry 'x1': 'bandwidthTBps' is missing (got nothing; expected a number > 0 (TB/s))", error.ToString());
    }

    [Fact]
    public void Parse_MissingId_NamesTheEntryByPosition()
    {
        Outcome<GpuCatalog> outcome = GpuCatalog.Parse(
            """{ "gpus": [ { "name": "X", "vendor": "V", "dense": { "bf16": 1 }, "memory": { "value": 1, "unit": "GB" }, "bandwidthTBps": 1, "source": "https://example.com" } ] }""",
            "my.json");

        Assert.Equal("my.json: entry #1: 'id' is missing", SingleError(outcome).Problem);
    }

    [Theory]
    [InlineData(""" "bandwidthTBps": "fast" """, "my.json: entry 'x1': 'bandwidthTBps' is not a number", "fast")]
    [InlineData(""" "bandwidthTBps": -1 """, "my.json: entry 'x1': 'bandwidthTBps' must be greater than 0", "-1")]
    [InlineData(""" "bandwidthTBps": 1e400 """, "my.json: entry 'x1': 'bandwidthTBps' is too large to represent", "1e400")]
    [InlineData(""" "bandwidthTBps": 1, "bandwithTBps": 1 """, "my.json: entry 'x1': 'bandwithTBps' is not a catalog key", "bandwithTBps")]
    public void Parse_BadBandwidth_ErrorNamesTheKey(string bandwidth, string problem, string got)
    {
        string body = ValidBody.Replace("\"bandwidthTBps\": 1.0", bandwidth.Trim(), StringComparison.Ordinal);

        FieldError error = SingleError(ParseEntry(body));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(got, error.Got);
    }

    [Theory]
    [InlineData("\"dense\": { \"bf16\": 100 }", "\"dense\": { \"fp4\": 100 }", "my.json: entry 'x1': 'dense.fp4' is not a data type with a peak")]
    [InlineData("\"dense\": { \"bf16\": 100 }", "\"dense\": { \"fp32\": 100 }", "my.json: entry 'x1': 'dense' has no bf16 or fp16 peak")]
    [InlineData("\"dense\": { \"bf16\": 100 }", "\"dense\": { \"bf16\": 100 }, \"sparse\": { \"fp8\": 200 }", "my.json: entry 'x1': 'sparse.fp8' has no dense peak")]
    [InlineData("\"dense\": { \"bf16\": 100 }", "\"dense\": { \"bf16\": 100 }, \"sparse\": { \"bf16\": 50 }", "my.json: entry 'x1': 'sparse.bf16' is below the dense peak")]
    [InlineData("\"unit\": \"GB\"", "\"unit\": \"gigs\"", "my.json: entry 'x1': 'memory.unit' is unknown")]
    [InlineData("\"value\": 16,", "", "my.json: entry 'x1': 'memory.value' is missing")]
    [InlineData("\"https://example.com/x1\"", "\"example.com/x1\"", "my.json: entry 'x1': 'source' is not an http(s) URL")]
    [InlineData("\"id\": \"x1\"", "\"id\": \"X_1\"", "my.json: entry 'X_1': 'id' is not lowercase-hyphenated")]
    public void Parse_BadEntry_ErrorNamesFileEntryAndKey(string from, string to, string problem)
    {
        string body = ValidBody.Replace(from, to, StringComparison.Ordinal);

        FieldError error = SingleError(ParseEntry(body));

        Assert.Equal("catalog", error.Field);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Parse_BadPrice_ErrorNamesTheKey()
    {
        FieldError error = SingleError(ParseEntry(ValidBody + """, "price": { "usdPerHour": 2, "source": "https://example.com", "date": "Nov 2026" }"""));

        Assert.Equal("my.json: entry 'x1': 'price.date' is not a month", error.Problem);
        Assert.Equal("Nov 2026", error.Got);
    }

    [Fact]
    public void Parse_RepeatedIdAndAliasCollisions_AreErrors()
    {
        string entry = "{ " + ValidBody + " }";
        string other = "{ " + ValidBody.Replace("\"x1\"", "\"x2\"", StringComparison.Ordinal) + """, "aliases": ["x1"] }""";

        Outcome<GpuCatalog> outcome = GpuCatalog.Parse($$"""{ "gpus": [ {{entry}}, {{entry}}, {{other}} ] }""", "my.json");

        Assert.Equal(
            ["my.json: entry 'x1': 'id' is repeated", "my.json: entry 'x2': alias 'x1' is the id of an entry"],
            outcome.Errors.Select(e => e.Problem));
    }

    [Theory]
    [InlineData("", "my.json: is empty")]
    [InlineData("   ", "my.json: is empty")]
    [InlineData("[]", "my.json: 'gpus' is empty")]
    [InlineData("{ \"gpus\": [] }", "my.json: 'gpus' is empty")]
    [InlineData("{ \"gpu\": [] }", "my.json: has no 'gpus' array")]
    [InlineData("{ \"gpus\": [ 42 ] }", "my.json: entry #1: is not an object")]
    public void Parse_BadShape_IsAnError(string json, string problem)
    {
        Assert.Equal(problem, SingleError(GpuCatalog.Parse(json, "my.json")).Problem);
    }

    [Fact]
    public void Parse_BareArray_IsAccepted()
    {
        GpuCatalog catalog = GpuCatalog.Parse("[ { " + ValidBody + " } ]", "my.json").GetValueOrThrow();

        Assert.Equal("x1", Assert.Single(catalog.All).Id);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        Outcome<GpuCatalog> outcome = ParseEntry("""
            "id": "x1", "name": "X1", "vendor": "Example", "dense": { "bf16": 100 },
            "memory": { "value": 16, "unit": "GB" }
            """);

        Assert.Equal(
            ["my.json: entry 'x1': 'bandwidthTBps' is missing", "my.json: entry 'x1': 'source' is missing"],
            outcome.Errors.Select(e => e.Problem));
    }
}
