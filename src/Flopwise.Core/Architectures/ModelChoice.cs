using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// How a user named a model, the same way in every command: a preset (<c>--model</c>), a Hugging Face
/// <c>config.json</c> (<c>--hf-config</c>, its text read by the front end), or a shape given with flags
/// (<c>--layers --d-model --heads …</c>).
/// </summary>
/// <remarks>Exactly one of the three may be given; <see cref="ModelChoices.Resolve"/> turns it into a <see cref="ModelShape"/>.
/// Immutable and thread-safe.</remarks>
public sealed record ModelChoice
{
    /// <summary>Gets the preset name as typed, or <see langword="null"/>.</summary>
    public string? Preset { get; init; }

    /// <summary>Gets the text of a Hugging Face config.json, or <see langword="null"/>.</summary>
    public string? HfConfigJson { get; init; }

    /// <summary>Gets the file name of <see cref="HfConfigJson"/>, for messages.</summary>
    public string HfConfigFile { get; init; } = "config.json";

    /// <summary>Gets the numeric shape flags given (see <see cref="ModelChoices.ShapeInputs"/>).</summary>
    public InputValues Shape { get; init; } = InputValues.Empty;

    /// <summary>Gets the MLP kind of a shape given with flags, or <see langword="null"/> for the default (SwiGLU).</summary>
    public MlpKind? Mlp { get; init; }

    /// <summary>Gets a value indicating whether a shape given with flags ties its input and output embeddings.</summary>
    public bool Tied { get; init; }

    /// <summary>Gets a value indicating whether no model was named at all.</summary>
    public bool IsEmpty => Preset is null && HfConfigJson is null && !HasShapeFlags;

    /// <summary>Gets a value indicating whether any shape flag was given.</summary>
    public bool HasShapeFlags => Shape.Count > 0 || Mlp is not null || Tied;
}
