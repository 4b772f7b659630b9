using Flopwise.Architectures;
using Flopwise.Inputs;

namespace Flopwise.Calculators;

/// <summary>
/// The fields that name a model, the same in every calculator: <c>model</c> (a preset), <c>hf-config</c> (the text of a
/// Hugging Face config.json), or shape fields (<c>layers</c>, <c>d-model</c>, <c>heads</c>, … <c>mlp</c>, <c>tied</c>),
/// and the one resolver that turns them into a model (<see cref="ModelChoices.Resolve"/>).
/// </summary>
public static class ModelFields
{
    /// <summary>Gets the preset field.</summary>
    public static Field Preset { get; } = new()
    {
        Name = "model",
        Kind = FieldKind.Name,
        Label = "Model preset",
        Description = "A model preset (see flopwise models), e.g. llama-2-70b.",
        HelpName = "preset",
    };

    /// <summary>Gets the Hugging Face config.json field (a file's text).</summary>
    public static Field HfConfig { get; } = new()
    {
        Name = "hf-config",
        Kind = FieldKind.File,
        Label = "Hugging Face config.json (instead of a preset)",
        Description = "A Hugging Face config.json (llama, mistral, mixtral, qwen2, gpt2, gpt_neox).",
        HelpName = "FILE",
        Advanced = true,
    };

    /// <summary>Gets the MLP kind of a shape given with fields.</summary>
    public static Field Mlp { get; } = new()
    {
        Name = "mlp",
        Kind = FieldKind.Choice,
        Label = "MLP kind (with shape fields)",
        Description = "With shape flags: the MLP kind (default swiglu).",
        Choices = ["gelu", "swiglu"],
        Advanced = true,
    };

    /// <summary>Gets the tied-embedding flag of a shape given with fields.</summary>
    public static Field Tied { get; } = new()
    {
        Name = "tied",
        Kind = FieldKind.Flag,
        Label = "Tied embeddings (with shape fields)",
        Description = "With shape flags: the output layer shares the input embedding table.",
        Advanced = true,
    };

    /// <summary>Gets every model field, in the order the help lists them.</summary>
    public static IReadOnlyList<Field> All { get; } =
        [Preset, HfConfig, .. ModelChoices.ShapeInputs.Select(s => Field.Number(s, advanced: true)), Mlp, Tied];

    /// <summary>Resolves the model the fields name; records an error (and returns <see langword="null"/>) when it cannot.</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <returns>The model, or <see langword="null"/> when none was named or it could not be resolved.</returns>
    public static ResolvedModel? Read(CalculatorInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var choice = new ModelChoice
        {
            Preset = inputs.Text(Preset.Name),
            HfConfigJson = inputs.Text(HfConfig.Name),
            HfConfigFile = inputs.FileName(HfConfig.Name) ?? "config.json",
            Shape = ShapeValues(inputs),
            Mlp = inputs.Choice<MlpKind>(Mlp.Name, TryParseMlp),
            Tied = inputs.Flag(Tied.Name),
        };
        if (choice.IsEmpty)
        {
            return null;
        }

        Outcome<ResolvedModel> outcome = ModelChoices.Resolve(choice, ModelCatalog.Default);
        inputs.AddRange(outcome.Errors);
        if (outcome.Value is not null)
        {
            foreach (Reporting.Assumption note in outcome.Value.Notes)
            {
                inputs.AddNote(note);
            }
        }

        return outcome.Value;
    }

    /// <summary>Parses an MLP kind: <c>gelu</c> or <c>swiglu</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the text names one.</returns>
    public static bool TryParseMlp(string? text, out MlpKind kind)
    {
        kind = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "gelu":
                kind = MlpKind.Gelu;
                return true;
            case "swiglu":
                kind = MlpKind.SwiGlu;
                return true;
            default:
                return false;
        }
    }

    private static InputValues ShapeValues(CalculatorInputs inputs)
    {
        InputValues shape = InputValues.Empty;
        foreach (InputSpec spec in ModelChoices.ShapeInputs)
        {
            if (inputs.Values.Get(spec) is double value)
            {
                shape = shape.With(spec, value);
            }
        }

        return shape;
    }
}
