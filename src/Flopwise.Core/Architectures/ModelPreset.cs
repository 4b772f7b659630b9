namespace Flopwise.Architectures;

/// <summary>
/// A published model: its shape, the parameter count and training tokens its authors printed, the training
/// compute they reported, and where each figure comes from.
/// </summary>
/// <remarks>
/// Loaded from the embedded <c>models.json</c> (see <see cref="ModelCatalog"/>) or from a user catalog in the same
/// schema. Published figures are kept as printed so that tests can check the formula against them to half a unit of
/// the last printed digit. Immutable and thread-safe.
/// </remarks>
public sealed record ModelPreset
{
    /// <summary>Gets the lowercase-hyphenated id, e.g. <c>llama-2-7b</c>; also <see cref="ModelShape.Name"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets a human-readable name, e.g. <c>Llama 2 7B</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets other names that resolve to this preset, e.g. <c>gpt3</c>; they never equal an id.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the architecture.</summary>
    public required ModelShape Shape { get; init; }

    /// <summary>Gets the parameter count as published, e.g. 6.7e9 for "6.7B" (the total, for a mixture of experts).</summary>
    public required double PublishedParameters { get; init; }

    /// <summary>Gets the parameter count as printed, e.g. <c>6.7B</c>; its last digit sets the tolerance of checks.</summary>
    public required string PublishedParametersText { get; init; }

    /// <summary>Gets the published active parameters of a mixture of experts (Mixtral: 13e9), or <see langword="null"/>.</summary>
    public double? PublishedActiveParameters { get; init; }

    /// <summary>Gets the active parameters as printed, e.g. <c>13B</c>, or <see langword="null"/>.</summary>
    public string? PublishedActiveParametersText { get; init; }

    /// <summary>Gets the published training tokens D (GPT-3 300e9), or <see langword="null"/> when undisclosed.</summary>
    public double? TrainingTokens { get; init; }

    /// <summary>Gets the published training compute in FLOP (GPT-3 3.14e23), or <see langword="null"/> when unpublished.</summary>
    public double? ReportedTrainingFlop { get; init; }

    /// <summary>Gets the source of the figures: paper, table and URL.</summary>
    public required string Source { get; init; }

    /// <summary>Gets notes: inferences, caveats and how the published figure was rounded.</summary>
    public string Notes { get; init; } = string.Empty;
}
