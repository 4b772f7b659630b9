using System.Globalization;
using System.Text.Json;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>Imports a <see cref="ModelShape"/> from a Hugging Face <c>config.json</c>.</summary>
/// <remarks>
/// <para>Supported <c>model_type</c> values and the keys read:</para>
/// <list type="bullet">
/// <item><c>llama</c>, <c>mistral</c>, <c>mixtral</c>, <c>qwen2</c>: <c>hidden_size</c>, <c>num_hidden_layers</c>,
/// <c>num_attention_heads</c>, <c>intermediate_size</c>, <c>vocab_size</c> (required); <c>num_key_value_heads</c>
/// (default: the heads), <c>head_dim</c> (default h/a), <c>tie_word_embeddings</c> (default false),
/// <c>max_position_embeddings</c> (default as in transformers: llama 2048, mistral and mixtral 131072, qwen2
/// 32768). SwiGLU, RMSNorm, rotary, no biases. <c>mixtral</c> also requires <c>num_local_experts</c> and
/// <c>num_experts_per_tok</c>. <c>qwen2</c> has biases on the query, key and value projections only
/// (<see cref="ModelShape.QkvBiases"/>). A llama config with <c>attention_bias</c> or <c>mlp_bias</c> true is
/// rejected rather than miscounted.</item>
/// <item><c>gpt2</c>: <c>n_embd</c>, <c>n_layer</c>, <c>n_head</c>, <c>vocab_size</c> (required), <c>n_inner</c>
/// (default 4·n_embd), <c>n_positions</c> (default 1024): tied, learned positions, LayerNorm, biases, GELU.</item>
/// <item><c>gpt_neox</c>: <c>hidden_size</c>, <c>num_hidden_layers</c>, <c>num_attention_heads</c>,
/// <c>intermediate_size</c>, <c>vocab_size</c> (required), <c>tie_word_embeddings</c> (default false),
/// <c>max_position_embeddings</c> (default 2048): rotary, LayerNorm (two per layer, even with the parallel
/// residual), biases, GELU.</item>
/// </list>
/// <para>The shape's name is <c>_name_or_path</c> when present, else the file name. Thread-safe.</para>
/// </remarks>
public static class HfConfig
{
    private const string Field = "hf-config";

    /// <summary>Gets the supported <c>model_type</c> values.</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } = ["llama", "mistral", "mixtral", "qwen2", "gpt2", "gpt_neox"];

    /// <summary>Reads a model shape from the text of a Hugging Face <c>config.json</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name, used in every message.</param>
    /// <returns>
    /// The validated shape, or errors with field <c>hf-config</c> that name the file and the key, e.g.
    /// <c>config.json: key 'hidden_size' is missing</c>; an unknown <c>model_type</c> lists the supported ones and
    /// malformed JSON gives the line.
    /// </returns>
    public static Outcome<ModelShape> Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return Fail(new FieldError(Field, ArchitectureMessages.MalformedJson(fileName, ex.LineNumber, ex.BytePositionInLine), fileName, "a Hugging Face config.json"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(new FieldError(Field, $"{fileName}: is not a JSON object", document.RootElement.ValueKind.ToString().ToLowerInvariant(), "a Hugging Face config.json"));
            }

            var errors = new List<FieldError>();
            var read = new JsonObjectReader(document.RootElement, Field, fileName, errors);
            string modelType = read.RequiredString("model_type");
            if (errors.Count > 0)
            {
                return Outcome<ModelShape>.Failure(errors);
            }

            string name = read.String("_name_or_path") is { Length: > 0 } path ? path : fileName;
            (ModelShape Shape, Dictionary<string, string> Keys)? imported = modelType switch
            {
                "llama" or "mistral" or "mixtral" or "qwen2" => LlamaFamily(read, modelType, name),
                "gpt2" => Gpt2(read, name),
                "gpt_neox" => GptNeoX(read, name),
                _ => null,
            };

            if (imported is null)
            {
                return Fail(new FieldError(Field, $"{fileName}: model_type '{modelType}' is not supported", modelType, "one of " + string.Join(", ", SupportedModelTypes)));
            }

            if (errors.Count > 0)
            {
                return Outcome<ModelShape>.Failure(errors);
            }

            (ModelShape shape, Dictionary<string, string> keys) = imported.Value;
            foreach (FieldError error in shape.Validate())
            {
                string key = keys.GetValueOrDefault(error.Field, error.Field);
                if (error.Field == "d-head" && key != "head_dim")
                {
                    // gpt2 and gpt_neox have no head_dim key: d = h/a needs a to divide h.
                    read.Reject(
                        key,
                        ArchitectureMessages.MustDivide(keys["d-model"], shape.DModel),
                        shape.Heads.ToString(CultureInfo.InvariantCulture),
                        ArchitectureMessages.DivisorOf(keys["d-model"], shape.DModel));
                }
                else
                {
                    read.Reject(key, error.Problem, error.Got, error.Expected);
                }
            }

            return errors.Count == 0 ? Outcome<ModelShape>.Success(shape) : Outcome<ModelShape>.Failure(errors);
        }
    }

    private static (ModelShape, Dictionary<string, string>) LlamaFamily(JsonObjectReader read, string modelType, string name)
    {
        int defaultContext = modelType switch
        {
            "llama" => 2048,
            "qwen2" => 32768,
            _ => 4096 * 32,
        };

        foreach (string key in new[] { "attention_bias", "mlp_bias" })
        {
            if (read.Bool(key, false))
            {
                read.Reject(key, "is true, which Flopwise does not model for this model_type", "true", "false or absent");
            }
        }

        bool mixtral = modelType == "mixtral";
        var shape = new ModelShape
        {
            Name = name,
            Layers = read.RequiredInt("num_hidden_layers"),
            DModel = read.RequiredInt("hidden_size"),
            Heads = read.RequiredInt("num_attention_heads"),
            DFf = read.RequiredInt("intermediate_size"),
            Vocab = read.RequiredInt("vocab_size"),
            ContextLength = read.Int("max_position_embeddings") ?? defaultContext,
            TiedEmbeddings = read.Bool("tie_word_embeddings", false),
            Mlp = MlpKind.SwiGlu,
            Norm = NormKind.RmsNorm,
            Position = PositionKind.Rotary,
            QkvBiases = modelType == "qwen2",
            Experts = mixtral ? read.RequiredInt("num_local_experts") : 1,
            ActiveExperts = mixtral ? read.RequiredInt("num_experts_per_tok") : 1,
        };
        shape = read.Int("num_key_value_heads") is int kvHeads ? shape with { KvHeads = kvHeads } : shape;
        shape = read.Int("head_dim") is int dHead ? shape with { DHead = dHead } : shape;

        return (shape, new Dictionary<string, string>
        {
            ["layers"] = "num_hidden_layers",
            ["d-model"] = "hidden_size",
            ["heads"] = "num_attention_heads",
            ["kv-heads"] = "num_key_value_heads",
            ["d-head"] = "head_dim",
            ["d-ff"] = "intermediate_size",
            ["vocab"] = "vocab_size",
            ["context"] = "max_position_embeddings",
            ["experts"] = "num_local_experts",
            ["active-experts"] = "num_experts_per_tok",
        });
    }

    private static (ModelShape, Dictionary<string, string>) Gpt2(JsonObjectReader read, string name)
    {
        int dModel = read.RequiredInt("n_embd");
        int positions = read.Int("n_positions") ?? 1024;
        var shape = new ModelShape
        {
            Name = name,
            Layers = read.RequiredInt("n_layer"),
            DModel = dModel,
            Heads = read.RequiredInt("n_head"),
            DFf = read.Int("n_inner") ?? (dModel <= int.MaxValue / 4 ? 4 * dModel : int.MaxValue),
            Vocab = read.RequiredInt("vocab_size"),
            ContextLength = positions,
            MaxPositions = positions,
            TiedEmbeddings = true,
            Mlp = MlpKind.Gelu,
            Norm = NormKind.LayerNorm,
            Position = PositionKind.Learned,
            Biases = true,
        };

        return (shape, new Dictionary<string, string>
        {
            ["layers"] = "n_layer",
            ["d-model"] = "n_embd",
            ["heads"] = "n_head",
            ["d-head"] = "n_head",
            ["d-ff"] = "n_inner",
            ["vocab"] = "vocab_size",
            ["context"] = "n_positions",
            ["max-positions"] = "n_positions",
        });
    }

    private static (ModelShape, Dictionary<string, string>) GptNeoX(JsonObjectReader read, string name)
    {
        var shape = new ModelShape
        {
            Name = name,
            Layers = read.RequiredInt("num_hidden_layers"),
            DModel = read.RequiredInt("hidden_size"),
            Heads = read.RequiredInt("num_attention_heads"),
            DFf = read.RequiredInt("intermediate_size"),
            Vocab = read.RequiredInt("vocab_size"),
            ContextLength = read.Int("max_position_embeddings") ?? 2048,
            TiedEmbeddings = read.Bool("tie_word_embeddings", false),
            Mlp = MlpKind.Gelu,
            Norm = NormKind.LayerNorm,
            Position = PositionKind.Rotary,
            Biases = true,
        };

        return (shape, new Dictionary<string, string>
        {
            ["layers"] = "num_hidden_layers",
            ["d-model"] = "hidden_size",
            ["heads"] = "num_attention_heads",
            ["d-head"] = "num_attention_heads",
            ["d-ff"] = "intermediate_size",
            ["vocab"] = "vocab_size",
            ["context"] = "max_position_embeddings",
        });
    }

    private static Outcome<ModelShape> Fail(FieldError error) => Outcome<ModelShape>.Failure([error]);
}
