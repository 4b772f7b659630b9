using Flopwise.Architectures;
using Flopwise.Core.Tests.Support;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>The embedded presets (models.json, each with its source), name resolution and user catalogs.</summary>
public sealed class ModelCatalogTests
{
    private static readonly string[] ExpectedIds =
    [
        "gpt-3-175b", "chinchilla-70b", "gopher-280b", "palm-540b", "llama-7b", "llama-65b", "llama-2-7b", "llama-2-13b",
        "llama-2-70b", "llama-3-8b", "llama-3-70b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b", "mixtral-8x7b",
    ];

    [Fact]
    public void Default_Loads_EveryPresetInFileOrder()
    {
        Assert.Equal(ExpectedIds, ModelCatalog.Default.Ids);
        Assert.Same(ModelCatalog.Default, ModelCatalog.Default);
    }

    [Fact]
    public void Default_EveryPreset_HasSourceNameAndShapeNamedAfterId()
    {
        Assert.All(ModelCatalog.Default.All, p =>
        {
            Assert.Equal(p.Id, p.Shape.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.Contains("http", p.Source, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(p.DisplayName));
        });
    }

    [Fact]
    public void Default_PublishedText_ParsesToPublishedValue()
    {
        foreach (ModelPreset preset in ModelCatalog.Default.All)
        {
            Assert.True(NumberText.TryParse(preset.PublishedParametersText, out double parsed, out _), preset.Id);
            AssertClose.Relative(preset.PublishedParameters, parsed, 1e-12, preset.Id);
        }
    }

    [Theory]
    [InlineData("gpt-3-175b", 300e9, 3.14e23)]
    [InlineData("chinchilla-70b", 1.4e12, 5.76e23)]
    [InlineData("gopher-280b", 300e9, 5.76e23)]
    [InlineData("palm-540b", 780e9, 2.56e24)]
    [InlineData("llama-7b", 1.0e12, null)]
    [InlineData("llama-65b", 1.4e12, null)]
    [InlineData("llama-2-70b", 2e12, null)]
    [InlineData("llama-3.1-8b", 15e12, null)]
    [InlineData("llama-3.1-405b", 15.6e12, 3.8e25)]
    [InlineData("mistral-7b", null, null)]
    [InlineData("mixtral-8x7b", null, null)]
    public void Default_TokensAndReportedFlop_AreThePublishedOnes(string id, double? tokens, double? flop)
    {
        ModelPreset preset = ModelCatalog.Default.Find(id)!;

        Assert.Equal(tokens, preset.TrainingTokens);
        Assert.Equal(flop, preset.ReportedTrainingFlop);
    }

    [Theory]
    [InlineData("gpt-3-175b", 2048, null)]
    [InlineData("palm-540b", 2048, null)]
    [InlineData("llama-65b", 2048, null)]
    [InlineData("llama-2-13b", 4096, null)]
    [InlineData("llama-3-70b", 8192, null)]
    [InlineData("llama-3.1-70b", 131072, 8192)]
    [InlineData("mistral-7b", 8192, null)]
    [InlineData("mixtral-8x7b", 32768, null)]
    public void Default_Contexts_AreTrainingContexts(string id, int context, int? pretraining)
    {
        ModelShape shape = ModelCatalog.Default.Find(id)!.Shape;

        Assert.Equal(context, shape.ContextLength);
        Assert.Equal(pretraining, shape.PretrainingContext);
    }

    [Fact]
    public void Default_ChinchillaAndGopherNotes_StateTheInference()
    {
        Assert.Contains("Inferred", ModelCatalog.Default.Find("chinchilla-70b")!.Notes, StringComparison.Ordinal);
        Assert.Contains("Inferred", ModelCatalog.Default.Find("gopher-280b")!.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llama-2-7b", "llama-2-7b", null)]
    [InlineData("LLaMA-2-7B", "llama-2-7b", null)]
    [InlineData("gpt3", "gpt-3-175b", "'gpt3' is gpt-3-175b")]
    [InlineData("llama-3.1-405", "llama-3.1-405b", "'llama-3.1-405' is llama-3.1-405b")]
    [InlineData("chinchilla", "chinchilla-70b", "'chinchilla' is chinchilla-70b")]
    [InlineData("mixtral", "mixtral-8x7b", "'mixtral' is mixtral-8x7b")]
    [InlineData("llama3-8b", "llama-3-8b", "'llama3-8b' is llama-3-8b")]
    public void Resolve_IdAliasOrUniquePrefix_FindsPreset(string typed, string id, string? note)
    {
        ModelMatch match = ModelCatalog.Default.Resolve(typed);

        Assert.Null(match.Error);
        Assert.Equal(id, match.Preset!.Id);
        Assert.Equal(note, match.Note);
    }

    [Fact]
    public void Resolve_AmbiguousPrefix_ListsChoices()
    {
        ModelMatch match = ModelCatalog.Default.Resolve("llama-3.1");

        Assert.Null(match.Preset);
        Assert.Equal("model: is ambiguous (got llama-3.1; expected one of llama-3.1-405b, llama-3.1-70b, llama-3.1-8b)", match.Error!.ToString());
    }

    [Fact]
    public void Resolve_Typo_SuggestsClosestAndUsesGivenField()
    {
        ModelMatch match = ModelCatalog.Default.Resolve("mistrel-7b", "base-model");

        Assert.Null(match.Preset);
        Assert.Equal("base-model", match.Error!.Field);
        Assert.Equal("is unknown", match.Error.Problem);
        Assert.Contains("mistral-7b", match.Error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UserCatalog_ReadsEntryWithDefaults()
    {
        const string json = """
            { "models": [ { "id": "Tiny", "name": "Tiny", "aliases": ["t"], "layers": 2, "dModel": 64, "heads": 4, "dFf": 256,
              "vocab": 1000, "contextLength": 128, "publishedParameters": { "value": 1e5, "text": "0.1M" },
              "source": "made up", "trainingTokens": null } ] }
            """;

        Outcome<ModelCatalog> outcome = ModelCatalog.Parse(json, "my.json");

        ModelPreset tiny = Assert.Single(outcome.GetValueOrThrow().All);
        Assert.Equal("tiny", tiny.Id);
        Assert.Equal(16, tiny.Shape.DHead);
        Assert.Equal(MlpKind.SwiGlu, tiny.Shape.Mlp);
        Assert.Null(tiny.TrainingTokens);
        Assert.Equal("tiny", outcome.Value!.Resolve("t").Preset!.Id);
    }

    [Fact]
    public void Parse_MissingAndInvalidKeys_NameFileEntryAndKey()
    {
        const string json = """
            [ { "id": "tiny", "name": "Tiny", "dModel": 64.5, "heads": 4, "dFf": 256, "vocab": 1000, "contextLength": 128,
                "mlp": "relu", "publishedParameters": { "value": 1e5, "text": "0.1M" }, "source": "made up" } ]
            """;

        IReadOnlyList<FieldError> errors = ModelCatalog.Parse(json, "my.json").Errors;

        Assert.All(errors, e => Assert.Equal("catalog", e.Field));
        Assert.Contains(errors, e => e.Problem == "my.json: model 'tiny': key 'layers' is missing");
        Assert.Contains(errors, e => e.Problem == "my.json: model 'tiny': key 'dModel' is not valid" && e.Got == "64.5");
        Assert.Contains(errors, e => e.Problem == "my.json: model 'tiny': key 'mlp' is not valid" && e.Expected == "one of gelu, swiglu");
    }

    [Fact]
    public void Parse_InvalidShape_ReportsShapeErrorWithJsonKey()
    {
        const string json = """
            [ { "id": "tiny", "name": "Tiny", "layers": 2, "dModel": 64, "heads": 4, "kvHeads": 3, "dFf": 256, "vocab": 1000,
                "contextLength": 128, "publishedParameters": { "value": 1e5, "text": "0.1M" }, "source": "made up" } ]
            """;

        FieldError error = Assert.Single(ModelCatalog.Parse(json, "my.json").Errors);

        Assert.Equal("my.json: model 'tiny': key 'kvHeads' must divide heads (4)", error.Problem);
    }

    [Fact]
    public void Parse_ZeroContext_NamesTheJsonKey()
    {
        const string json = """
            [ { "id": "tiny", "name": "Tiny", "layers": 2, "dModel": 64, "heads": 4, "dFf": 256, "vocab": 1000,
                "contextLength": 0, "publishedParameters": { "value": 1e5, "text": "0.1M" }, "source": "made up" } ]
            """;

        FieldError error = Assert.Single(ModelCatalog.Parse(json, "my.json").Errors);

        Assert.Equal("catalog: my.json: model 'tiny': key 'contextLength' must be at least 1 (got 0; expected a whole number from 1 to 100000000)", error.ToString());
    }

    [Theory]
    [InlineData("{ \"models\": [ ", "my.json: is not valid JSON")]
    [InlineData("{ \"gpus\": [] }", "my.json: has no 'models' array")]
    [InlineData("[ 3 ]", "my.json: models[0] is not an object")]
    public void Parse_MalformedFile_NamesTheFile(string json, string problemStart)
    {
        FieldError error = Assert.Single(ModelCatalog.Parse(json, "my.json").Errors);

        Assert.StartsWith(problemStart, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateIdAndAliasClash_AreErrors()
    {
        const string entry = """
            { "id": "tiny", "name": "Tiny", "aliases": ["small"], "layers": 2, "dModel": 64, "heads": 4, "dFf": 256, "vocab": 1000,
              "contextLength": 128, "publishedParameters": { "value": 1e5, "text": "0.1M" }, "source": "made up" }
            """;

        IReadOnlyList<FieldError> errors = ModelCatalog.Parse($"[{entry}, {entry.Replace("\"aliases\": [\"small\"]", "\"aliases\": [\"tiny\"]", StringComparison.Ordinal)}]", "my.json").Errors;

        Assert.Contains(errors, e => e.Problem == "my.json: model id 'tiny' appears more than once");
        Assert.Contains(errors, e => e.Problem == "my.json: alias 'tiny' of 'tiny' is also a model id");
    }

    [Fact]
    public void WithOverrides_UserEntries_ReplaceByIdAndAppendNew()
    {
        const string json = """
            [ { "id": "llama-2-7b", "name": "Llama 2 7B (long)", "layers": 32, "dModel": 4096, "heads": 32, "dFf": 11008, "vocab": 32000,
                "contextLength": 32768, "publishedParameters": { "value": 6.74e9, "text": "6.74B" }, "source": "mine" },
              { "id": "tiny", "name": "Tiny", "aliases": ["gpt3"], "layers": 2, "dModel": 64, "heads": 4, "dFf": 256, "vocab": 1000,
                "contextLength": 128, "publishedParameters": { "value": 1e5, "text": "0.1M" }, "source": "made up" } ]
            """;
        ModelCatalog user = ModelCatalog.Parse(json, "my.json").GetValueOrThrow();

        ModelCatalog merged = ModelCatalog.Default.WithOverrides(user);

        Assert.Equal([.. ExpectedIds, "tiny"], merged.Ids);
        Assert.Equal(32768, merged.Find("llama-2-7b")!.Shape.ContextLength);
        Assert.Equal("llama-2-7b", merged.Resolve("llama2-7b").Preset!.Id);
        Assert.Equal("tiny", merged.Resolve("gpt3").Preset!.Id);
        Assert.Equal(4096, ModelCatalog.Default.Find("llama-2-7b")!.Shape.ContextLength);
    }

    [Fact]
    public void Create_DuplicateIds_Throws()
    {
        ModelPreset preset = ModelCatalog.Default.All[0];

        Assert.Throws<ArgumentException>(() => ModelCatalog.Create([preset, preset]));
        Assert.Equal(["gpt-3-175b"], ModelCatalog.Create([preset]).Ids);
    }

    [Fact]
    public void EmbeddedResource_HasTheDocumentedName()
    {
        Assert.Contains(ModelCatalog.ResourceName, typeof(ModelCatalog).Assembly.GetManifestResourceNames());
    }
}
