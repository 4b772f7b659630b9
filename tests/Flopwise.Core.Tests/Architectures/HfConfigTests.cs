using Flopwise.Architectures;
using Flopwise.Inputs;
using static Flopwise.Core.Tests.Reference.ModelFigures;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>Hugging Face <c>config.json</c> import, with the keys of real configs.</summary>
public sealed class HfConfigTests
{
    private const string Llama2_7B = """
        {
          "_name_or_path": "meta-llama/Llama-2-7b-hf",
          "architectures": ["LlamaForCausalLM"],
          "bos_token_id": 1,
          "eos_token_id": 2,
          "hidden_act": "silu",
          "hidden_size": 4096,
          "initializer_range": 0.02,
          "intermediate_size": 11008,
          "max_position_embeddings": 4096,
          "model_type": "llama",
          "num_attention_heads": 32,
          "num_hidden_layers": 32,
          "num_key_value_heads": 32,
          "pretraining_tp": 1,
          "rms_norm_eps": 1e-05,
          "rope_scaling": null,
          "tie_word_embeddings": false,
          "torch_dtype": "float16",
          "transformers_version": "4.31.0.dev0",
          "use_cache": true,
          "vocab_size": 32000
        }
        """;

    private const string Mixtral = """
        {
          "architectures": ["MixtralForCausalLM"],
          "attention_dropout": 0.0,
          "hidden_act": "silu",
          "hidden_size": 4096,
          "intermediate_size": 14336,
          "max_position_embeddings": 32768,
          "model_type": "mixtral",
          "num_attention_heads": 32,
          "num_experts_per_tok": 2,
          "num_hidden_layers": 32,
          "num_key_value_heads": 8,
          "num_local_experts": 8,
          "rms_norm_eps": 1e-05,
          "rope_theta": 1e6,
          "sliding_window": null,
          "tie_word_embeddings": false,
          "vocab_size": 32000
        }
        """;

    private const string Gpt2 = """
        {
          "activation_function": "gelu_new",
          "architectures": ["GPT2LMHeadModel"],
          "layer_norm_epsilon": 1e-05,
          "model_type": "gpt2",
          "n_ctx": 1024,
          "n_embd": 768,
          "n_head": 12,
          "n_inner": null,
          "n_layer": 12,
          "n_positions": 1024,
          "vocab_size": 50257
        }
        """;

    [Fact]
    public void Parse_Llama2_7BConfig_Gives6738415616()
    {
        ModelShape shape = HfConfig.Parse(Llama2_7B, "config.json").GetValueOrThrow();

        Assert.Equal(Llama7BParameters, shape.TotalParameters);
        Assert.Equal("meta-llama/Llama-2-7b-hf", shape.Name);
        Assert.Equal(4096, shape.ContextLength);
        Assert.Equal(128, shape.DHead);
    }

    [Fact]
    public void Parse_MixtralConfig_GivesTotalAndActive()
    {
        ModelShape shape = HfConfig.Parse(Mixtral, "mixtral.json").GetValueOrThrow();

        Assert.Equal(MixtralTotalParameters, shape.TotalParameters);
        Assert.Equal(MixtralActiveParameters, shape.ActiveParameters);
        Assert.Equal("mixtral.json", shape.Name);
    }

    [Fact]
    public void Parse_Gpt2Config_GivesGpt2Small124439808()
    {
        ModelShape shape = HfConfig.Parse(Gpt2, "gpt2.json").GetValueOrThrow();

        Assert.Equal(Gpt2SmallParameters, shape.TotalParameters);
        Assert.Equal(3072, shape.DFf);
        Assert.True(shape.TiedEmbeddings);
        Assert.Equal(PositionKind.Learned, shape.Position);
    }

    [Fact]
    public void Parse_Qwen2_0_5BConfig_CountsQkvBiasesAndTiedTable()
    {
        // Qwen2-0.5B: 494,032,768 parameters (the Hugging Face model page's "494M"); q, k, v biases, tied embeddings.
        const string json = """
            { "model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864, "num_attention_heads": 14,
              "num_hidden_layers": 24, "num_key_value_heads": 2, "vocab_size": 151936, "tie_word_embeddings": true,
              "max_position_embeddings": 131072 }
            """;

        ModelShape shape = HfConfig.Parse(json, "qwen.json").GetValueOrThrow();

        Assert.True(shape.QkvBiases);
        Assert.False(shape.Biases);
        Assert.Equal(494_032_768, shape.TotalParameters);
    }

    [Fact]
    public void Parse_GptNeoXPythia160M_GivesPublishedCounts()
    {
        // Pythia-160M (Biderman et al. 2023, Table 1): 162,322,944 total, 85,056,000 non-embedding.
        const string json = """
            { "model_type": "gpt_neox", "hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12,
              "num_hidden_layers": 12, "vocab_size": 50304, "max_position_embeddings": 2048, "rotary_pct": 0.25,
              "use_parallel_residual": true, "tie_word_embeddings": false }
            """;

        ModelShape shape = HfConfig.Parse(json, "pythia.json").GetValueOrThrow();

        Assert.Equal(162_322_944, shape.TotalParameters);
        Assert.Equal(85_056_000, shape.NonEmbeddingParameters);
    }

    [Fact]
    public void Parse_HeadDimKey_OverridesHiddenOverHeads()
    {
        // Mistral-NeMo style: h 5120, 32 heads of 128 (a·d = 4096 ≠ h).
        string json = Llama2_7B.Replace("\"hidden_size\": 4096", "\"hidden_size\": 5120, \"head_dim\": 128", StringComparison.Ordinal);

        ModelShape shape = HfConfig.Parse(json, "config.json").GetValueOrThrow();

        Assert.Equal(128, shape.DHead);
        Assert.Equal(5120, shape.DModel);
    }

    [Fact]
    public void Parse_MissingKvHeads_DefaultsToHeads()
    {
        string json = Llama2_7B.Replace("\"num_key_value_heads\": 32,", string.Empty, StringComparison.Ordinal);

        Assert.Equal(32, HfConfig.Parse(json, "config.json").GetValueOrThrow().KvHeads);
    }

    [Fact]
    public void Parse_MissingHiddenSize_NamesFileAndKey()
    {
        string json = Llama2_7B.Replace("\"hidden_size\": 4096,", string.Empty, StringComparison.Ordinal);

        FieldError error = Assert.Single(HfConfig.Parse(json, "config.json").Errors);

        Assert.Equal("hf-config", error.Field);
        Assert.Equal("config.json: key 'hidden_size' is missing", error.Problem);
        Assert.Equal("nothing", error.Got);
    }

    [Fact]
    public void Parse_MixtralWithoutExperts_NamesTheKeys()
    {
        string json = Mixtral.Replace("\"num_local_experts\": 8,", string.Empty, StringComparison.Ordinal)
            .Replace("\"num_experts_per_tok\": 2,", string.Empty, StringComparison.Ordinal);

        string[] problems = HfConfig.Parse(json, "mixtral.json").Errors.Select(e => e.Problem).ToArray();

        Assert.Equal(["mixtral.json: key 'num_local_experts' is missing", "mixtral.json: key 'num_experts_per_tok' is missing"], problems);
    }

    [Fact]
    public void Parse_UnknownModelType_ListsSupportedOnes()
    {
        FieldError error = Assert.Single(HfConfig.Parse("""{ "model_type": "bert", "hidden_size": 768 }""", "bert.json").Errors);

        Assert.Equal("hf-config: bert.json: model_type 'bert' is not supported (got bert; expected one of llama, mistral, mixtral, qwen2, gpt2, gpt_neox)", error.ToString());
    }

    [Fact]
    public void Parse_MissingModelType_IsAnError()
    {
        FieldError error = Assert.Single(HfConfig.Parse("""{ "hidden_size": 768 }""", "config.json").Errors);

        Assert.Equal("config.json: key 'model_type' is missing", error.Problem);
    }

    [Theory]
    [InlineData("{ \"model_type\": \"llama\", ")]
    [InlineData("not json")]
    public void Parse_MalformedJson_NamesTheFile(string json)
    {
        FieldError error = Assert.Single(HfConfig.Parse(json, "broken.json").Errors);

        Assert.Equal("hf-config", error.Field);
        Assert.StartsWith("broken.json: is not valid JSON", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonArray_IsNotAConfig()
    {
        Assert.Equal("cfg.json: is not a JSON object", Assert.Single(HfConfig.Parse("[1, 2]", "cfg.json").Errors).Problem);
    }

    [Fact]
    public void Parse_WrongTypeOfValue_NamesKeyAndValue()
    {
        string json = Llama2_7B.Replace("\"num_hidden_layers\": 32", "\"num_hidden_layers\": \"32\"", StringComparison.Ordinal);

        FieldError error = Assert.Single(HfConfig.Parse(json, "config.json").Errors);

        Assert.Equal("config.json: key 'num_hidden_layers' is not valid", error.Problem);
        Assert.Equal("32", error.Got);
        Assert.Equal("a whole number", error.Expected);
    }

    [Fact]
    public void Parse_InvalidShape_ReportsItWithTheHfKey()
    {
        string json = Llama2_7B.Replace("\"num_key_value_heads\": 32", "\"num_key_value_heads\": 5", StringComparison.Ordinal)
            .Replace("\"num_hidden_layers\": 32", "\"num_hidden_layers\": 0", StringComparison.Ordinal);

        string[] problems = HfConfig.Parse(json, "config.json").Errors.Select(e => e.Problem).ToArray();

        Assert.Equal(["config.json: key 'num_hidden_layers' must be at least 1", "config.json: key 'num_key_value_heads' must divide heads (32)"], problems);
    }

    [Fact]
    public void Parse_Gpt2HeadsNotDividingWidth_NamesNHead()
    {
        string json = Gpt2.Replace("\"n_head\": 12", "\"n_head\": 7", StringComparison.Ordinal);

        FieldError error = Assert.Single(HfConfig.Parse(json, "gpt2.json").Errors);

        Assert.Equal("gpt2.json: key 'n_head' must divide n_embd (768)", error.Problem);
        Assert.Equal("7", error.Got);
    }

    [Theory]
    [InlineData("attention_bias")]
    [InlineData("mlp_bias")]
    public void Parse_LlamaWithBiases_IsRejectedRatherThanMiscounted(string key)
    {
        string json = Llama2_7B.Replace("\"use_cache\": true", $"\"use_cache\": true, \"{key}\": true", StringComparison.Ordinal);

        FieldError error = Assert.Single(HfConfig.Parse(json, "config.json").Errors);

        Assert.StartsWith($"config.json: key '{key}' is true", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedModelTypes_AreTheSixDocumentedOnes()
    {
        Assert.Equal(["llama", "mistral", "mixtral", "qwen2", "gpt2", "gpt_neox"], HfConfig.SupportedModelTypes);
    }
}
