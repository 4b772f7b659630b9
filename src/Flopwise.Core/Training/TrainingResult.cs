using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>
/// The accounting of a training run: FLOP, time, GPU-hours, utilisation, cost, energy and CO2e, each present only
/// when it can be derived from what was given (see <see cref="Missing"/> for the others and why).
/// </summary>
/// <remarks>Immutable and thread-safe; every present value is finite.</remarks>
public sealed record TrainingResult : ICalculationResult
{
    /// <inheritdoc/>
    public required IReadOnlyList<ResultField> Fields { get; init; }

    /// <summary>Gets the outputs that could not be derived, with the reason.</summary>
    public required IReadOnlyList<MissingField> Missing { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets a field's value by JSON key, or <see langword="null"/> when it is absent.</summary>
    /// <param name="key">The JSON key, e.g. <c>wallTimeDays</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
