using Flopwise.Reporting;

namespace Flopwise.Scenarios;

/// <summary>One stage of a scenario chain: its name, title and the result of its calculator.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Key">The stage's prefix in the result's keys: <c>budget</c>, <c>optimal</c>, <c>inferenceAware</c>, <c>train</c>, <c>copies</c>, <c>serving</c>, <c>human</c>.</param>
/// <param name="Title">The stage's title for tables.</param>
/// <param name="Result">The calculator's own result, exactly as its command prints it.</param>
/// <param name="Fields">The fields reported for the stage, keys prefixed with <paramref name="Key"/> and a dot.</param>
public sealed record ScenarioStage(string Key, string Title, ICalculationResult Result, IReadOnlyList<ResultField> Fields);
