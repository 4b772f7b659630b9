using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Architectures;

/// <summary>The shape flags of a model given on the command line, and the resolution of a <see cref="ModelChoice"/>.</summary>
public static class ModelChoices
{
    /// <summary>Layers L.</summary>
    public static InputSpec Layers { get; } = Count("layers", "Layers L", "Transformer layers.", null);

    /// <summary>Model width h.</summary>
    public static InputSpec DModel { get; } = Count("d-model", "Width h", "Residual-stream width d_model.", null);

    /// <summary>Query heads a.</summary>
    public static InputSpec Heads { get; } = Count("heads", "Query heads a", "Attention (query) heads.", null);

    /// <summary>Key/value heads k; default a.</summary>
    public static InputSpec KvHeads { get; } = Count("kv-heads", "KV heads k", "Key/value heads (GQA; 1 = MQA); default the query heads.", null);

    /// <summary>Head width d; default h/a.</summary>
    public static InputSpec DHead { get; } = Count("d-head", "Head width d", "Width of one head; default d-model ÷ heads.", null);

    /// <summary>MLP width f; default 4h (GELU) or Llama's rule (SwiGLU).</summary>
    public static InputSpec DFf { get; } = Count("d-ff", "MLP width f", "Inner width of the MLP (per expert); default 4·h for GELU, 256·⌈(8h/3)/256⌉ for SwiGLU (Llama's rule).", null);

    /// <summary>Vocabulary V; default 32,000.</summary>
    public static InputSpec Vocab { get; } = Count("vocab", "Vocabulary V", "Vocabulary size.", 32_000) with
    {
        Source = "the LLaMA/Llama-2 tokenizer's 32,000 tokens, a common size; give --vocab for yours",
    };

    /// <summary>Experts E; default 1 (dense).</summary>
    public static InputSpec Experts { get; } = Count("experts", "Experts E", "Experts per MoE layer; 1 = dense.", 1) with { Source = "dense unless given" };

    /// <summary>Active experts e; default 1, or 2 for MoE.</summary>
    public static InputSpec ActiveExperts { get; } = Count("active-experts", "Active experts e", "Experts each token is routed to; default 1 (dense) or 2 with --experts (Mixtral's top-2).", null);

    /// <summary>Context length; default 2048.</summary>
    public static InputSpec Context { get; } = Count("context", "Context length", "Training context of a shape given with flags (the default --seq).", 2048) with
    {
        Source = "GPT-3 and LLaMA's 2,048-token training context",
    };

    /// <summary>Gets every shape flag, in help order.</summary>
    public static IReadOnlyList<InputSpec> ShapeInputs { get; } = [Layers, DModel, Heads, KvHeads, DHead, DFf, Vocab, Experts, ActiveExperts, Context];

    /// <summary>Resolves the choice against a catalog.</summary>
    /// <param name="choice">How the user named the model.</param>
    /// <param name="catalog">The preset catalog.</param>
    /// <returns>The model, or the errors (including "no model given").</returns>
    public static Outcome<ResolvedModel> Resolve(ModelChoice choice, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(catalog);
        int ways = (choice.Preset is null ? 0 : 1) + (choice.HfConfigJson is null ? 0 : 1) + (choice.HasShapeFlags ? 1 : 0);
        if (ways == 0)
        {
            return Fail(new FieldError("model", Messages.Missing, Messages.Nothing, Expected));
        }

        if (ways > 1)
        {
            string given = string.Join(" and ", new[]
            {
                choice.Preset is null ? null : "--model",
                choice.HfConfigJson is null ? null : "--hf-config",
                choice.HasShapeFlags ? "shape flags" : null,
            }.Where(w => w is not null));
            return Fail(new FieldError("model", "is given more than one way", given, "one of " + Expected));
        }

        if (choice.Preset is not null)
        {
            ModelMatch match = catalog.Resolve(choice.Preset);
            if (match.Preset is null)
            {
                return Fail(match.Error!);
            }

            ModelPreset preset = match.Preset;
            var notes = new List<Assumption>
            {
                new()
                {
                    Name = "model",
                    Label = "Model",
                    Text = preset.Id,
                    Description = $"{preset.DisplayName}: {preset.Shape}" + (match.Note is null ? "." : $" ({match.Note})."),
                    Source = preset.Source,
                    IsDefault = false,
                },
            };
            return Outcome<ResolvedModel>.Success(new ResolvedModel(preset.Shape, preset, notes));
        }

        if (choice.HfConfigJson is not null)
        {
            Outcome<ModelShape> parsed = HfConfig.Parse(choice.HfConfigJson, choice.HfConfigFile);
            if (parsed.Value is null)
            {
                return Fail(parsed.Errors[0]);
            }

            Assumption note = new()
            {
                Name = "model",
                Label = "Model",
                Text = choice.HfConfigFile,
                Description = $"Hugging Face config: {parsed.Value}.",
                IsDefault = false,
            };
            return Outcome<ResolvedModel>.Success(new ResolvedModel(parsed.Value, null, [note]));
        }

        return FromFlags(choice);
    }

    private const string Expected = "--model P (see flopwise models), --hf-config FILE, or --layers --d-model --heads [--kv-heads --d-head --d-ff --vocab --mlp --tied --experts --active-experts]";

    private static Outcome<ResolvedModel> FromFlags(ModelChoice choice)
    {
        var inputs = new ResolvedInputs();
        double layers = inputs.Use(Layers, choice.Shape.Get(Layers));
        double h = inputs.Use(DModel, choice.Shape.Get(DModel));
        double heads = inputs.Use(Heads, choice.Shape.Get(Heads));
        double? kv = inputs.UseOptional(KvHeads, choice.Shape.Get(KvHeads));
        double? dHead = inputs.UseOptional(DHead, choice.Shape.Get(DHead));
        double? dFf = inputs.UseOptional(DFf, choice.Shape.Get(DFf));
        double vocab = inputs.Use(Vocab, choice.Shape.Get(Vocab));
        double experts = inputs.Use(Experts, choice.Shape.Get(Experts));
        double? active = inputs.UseOptional(ActiveExperts, choice.Shape.Get(ActiveExperts));
        double context = inputs.Use(Context, choice.Shape.Get(Context));
        if (inputs.HasErrors)
        {
            return Outcome<ResolvedModel>.Failure(inputs.Errors);
        }

        MlpKind mlp = choice.Mlp ?? MlpKind.SwiGlu;
        double ff = dFf ?? (mlp == MlpKind.Gelu ? 4 * h : 256 * Math.Ceiling(Math.Floor(8 * h / 3) / 256));
        double activeExperts = active ?? (experts > 1 ? Math.Min(2, experts) : 1);
        var shape = new ModelShape
        {
            Name = "custom",
            Layers = (int)layers,
            DModel = (int)h,
            Heads = (int)heads,
            KvHeads = (int)(kv ?? heads),
            DHead = dHead is null ? (int)h / (int)heads : (int)dHead.Value,
            DFf = (int)ff,
            Mlp = mlp,
            Norm = mlp == MlpKind.Gelu ? NormKind.LayerNorm : NormKind.RmsNorm,
            Position = PositionKind.Rotary,
            TiedEmbeddings = choice.Tied,
            Vocab = (int)vocab,
            ContextLength = (int)context,
            Experts = (int)experts,
            ActiveExperts = (int)activeExperts,
        };
        if (dHead is null && h % heads != 0)
        {
            return Fail(new FieldError("d-head", "is needed because heads do not divide d-model", Messages.Nothing, "--d-head d"));
        }

        IReadOnlyList<FieldError> errors = shape.Validate();
        if (errors.Count > 0)
        {
            return Outcome<ResolvedModel>.Failure(errors);
        }

        inputs.Note(new Assumption
        {
            Name = "model",
            Label = "Model",
            Text = shape.ToString(),
            Description = $"Shape from flags: {(mlp == MlpKind.Gelu ? "GELU MLP with LayerNorm" : "SwiGLU MLP with RMSNorm")}, rotary positions, no biases, "
                + (choice.Tied ? "tied embeddings" : "untied embeddings")
                + (dFf is null ? string.Create(CultureInfo.InvariantCulture, $"; d-ff {ff} by default") : string.Empty) + ".",
            IsDefault = false,
        });
        return Outcome<ResolvedModel>.Success(new ResolvedModel(shape, null, inputs.Assumptions));
    }

    private static Outcome<ResolvedModel> Fail(FieldError error) => Outcome<ResolvedModel>.Failure([error]);

    private static InputSpec Count(string name, string label, string description, double? fallback) =>
        InputSpec.Count(name, label, description, 1e7, fallback);
}
