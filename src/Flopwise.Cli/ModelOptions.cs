using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>
/// The options that name a model, the same in every command: <c>--model P</c>, <c>--hf-config FILE</c>, or shape
/// flags (<c>--layers --d-model --heads [--kv-heads --d-head --d-ff --vocab --mlp --tied --experts --active-experts]</c>).
/// </summary>
internal sealed class ModelOptions
{
    private readonly Option<string> _model = new("--model") { Description = "A model preset (see flopwise models), e.g. llama-2-70b.", HelpName = "preset" };
    private readonly Option<string> _hfConfig = new("--hf-config") { Description = "A Hugging Face config.json (llama, mistral, mixtral, qwen2, gpt2, gpt_neox).", HelpName = "FILE" };
    private readonly Option<bool> _tied = new("--tied") { Description = "With shape flags: the output layer shares the input embedding table." };
    private readonly ChoiceOption<MlpKind> _mlp;
    private readonly InputOptions _shape;

    public ModelOptions(Command command)
    {
        command.Add(_model);
        command.Add(_hfConfig);
        _shape = new InputOptions(command, ModelChoices.ShapeInputs);
        _mlp = new ChoiceOption<MlpKind>(command, "--mlp", "With shape flags: the MLP kind (default swiglu).", ["gelu", "swiglu"], Flopwise.Calculators.ModelFields.TryParseMlp);
        command.Add(_tied);
    }

    /// <summary>Gets the model the user named, or <see langword="null"/> when none was named.</summary>
    public ResolvedModel? Resolve(ParseResult parse, string? positionalPreset = null)
    {
        string? preset = parse.GetValue(_model);
        if (positionalPreset is not null && preset is not null)
        {
            throw new UsageException(ErrorText.ForOption("--model", "is given twice (positionally and with --model)", preset, "one model"));
        }

        string? hfPath = parse.GetValue(_hfConfig);
        var choice = new ModelChoice
        {
            Preset = preset ?? positionalPreset,
            HfConfigJson = hfPath is null ? null : TextFiles.Read("--hf-config", hfPath),
            HfConfigFile = hfPath ?? "config.json",
            Shape = _shape.Collect(parse),
            Mlp = _mlp.Get(parse),
            Tied = parse.GetValue(_tied),
        };
        if (choice.IsEmpty)
        {
            return null;
        }

        Outcome<ResolvedModel> outcome = ModelChoices.Resolve(choice, ModelCatalog.Default);
        return outcome.Value ?? throw UsageException.From(outcome.Errors[0]);
    }
}
