namespace Flopwise.Forecasting;

/// <summary>One model of a model table (such as Epoch AI's): its name, developer, publication date and training compute.</summary>
/// <remarks>
/// Only rows with a training compute become models. <see cref="Name"/> has its runs of white space (including the
/// line breaks some names hold inside their quoted CSV cell) collapsed to single spaces. Immutable and thread-safe.
/// </remarks>
public sealed record HistoricalModel
{
    /// <summary>Gets the model's name, e.g. <c>GPT-3 175B (davinci)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the developer(s), comma-separated as in the table; empty when the table gives none.</summary>
    public string Organization { get; init; } = string.Empty;

    /// <summary>Gets the date of publication or announcement.</summary>
    public required DateOnly PublicationDate { get; init; }

    /// <summary>Gets the total training compute as the table states it (pre-training; fine-tuning not added).</summary>
    public required FlopCount TrainingCompute { get; init; }

    /// <summary>
    /// Gets the model's rank by training compute among the models known when it was published (1 = largest), or
    /// <see langword="null"/> when the table does not give one.
    /// </summary>
    public int? ComputeRankWhenPublished { get; init; }

    /// <summary>Gets the physical line of the CSV on which the model's row starts (the header is line 1).</summary>
    public required int Line { get; init; }
}
