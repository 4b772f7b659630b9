using Flopwise.Reporting;

namespace Flopwise.Architectures;

/// <summary>A model resolved from a <see cref="ModelChoice"/>: its shape, the preset if any, and the notes for the assumptions.</summary>
/// <param name="Shape">The architecture.</param>
/// <param name="Preset">The preset it came from, or <see langword="null"/>.</param>
/// <param name="Notes">How it was resolved (preset and source, config file, defaults of a flag-given shape).</param>
public sealed record ResolvedModel(ModelShape Shape, ModelPreset? Preset, IReadOnlyList<Assumption> Notes);
