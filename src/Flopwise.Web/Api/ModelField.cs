using Flopwise.Architectures;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Web.Api;

/// <summary>
/// The fields that name a model, as the CLI's: <c>model</c> (a preset), <c>hfConfig</c> (the text of a Hugging Face
/// config.json: an uploaded file in a multipart form, or a text or object field of a JSON body, at most
/// <see cref="CalculatorEndpoints.MaxFileBytes"/>), or shape fields (<c>layers</c>, <c>dModel</c>, <c>heads</c>, …
/// <c>mlp</c>, <c>tied</c>), resolved by Core's <see cref="ModelChoices"/>. The config is named in messages by the
/// uploaded file's own name, or <c>config.json</c>; the server never opens a file.
/// </summary>
internal static class ModelField
{
    private static readonly string[] MlpNames = ["gelu", "swiglu"];

    /// <summary>
    /// Reads the model fields; <see langword="null"/> when none was given or the model could not be resolved (the error
    /// is recorded). How the model was named goes to <paramref name="notes"/>.
    /// </summary>
    public static ResolvedModel? Read(WebInputs inputs, List<Assumption> notes)
    {
        string? preset = inputs.Text("model");
        string? hfConfig = inputs.Text("hfConfig");
        var choice = new ModelChoice
        {
            Preset = preset,
            HfConfigJson = hfConfig,
            HfConfigFile = inputs.FileName("hfConfig") ?? "config.json",
            Shape = inputs.Numbers(ModelChoices.ShapeInputs),
            Mlp = inputs.Choice<MlpKind>("mlp", MlpNames, Flopwise.Calculators.ModelFields.TryParseMlp),
            Tied = inputs.Flag("tied"),
        };
        if (choice.IsEmpty)
        {
            return null;
        }

        Outcome<ResolvedModel> outcome = ModelChoices.Resolve(choice, ModelCatalog.Default);
        foreach (FieldError error in outcome.Errors)
        {
            inputs.Add(error);
        }

        if (outcome.Value is not null)
        {
            notes.AddRange(outcome.Value.Notes);
        }

        return outcome.Value;
    }

}
