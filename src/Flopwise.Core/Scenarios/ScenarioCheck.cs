namespace Flopwise.Scenarios;

/// <summary>The outcome of reading a scenario file: the scenario, or every problem found, in file order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Scenario">The scenario, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">The problems; empty when the file is valid.</param>
public sealed record ScenarioCheck(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>Gets a value indicating whether the file is valid.</summary>
    public bool IsValid => Scenario is not null;
}
