using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>The outcome of <see cref="ModelCatalog.Resolve"/>: a preset (and an optional note) or an error.</summary>
/// <param name="Preset">The preset, or <see langword="null"/> on error.</param>
/// <param name="Note">How the name was resolved when it was not an exact id (e.g. <c>'gpt3' is gpt-3-175b</c>), for the assumptions.</param>
/// <param name="Error">The error (unknown or ambiguous name, with suggestions), or <see langword="null"/>.</param>
public sealed record ModelMatch(ModelPreset? Preset, string? Note, FieldError? Error);
