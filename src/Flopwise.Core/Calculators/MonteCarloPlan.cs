using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Calculators;

/// <summary>
/// A Monte Carlo run a calculator asks for when an input is a distribution: the fixed values, the uncertain inputs, the
/// very function the calculator evaluates for a point, and the run's settings. The front end runs it
/// (<see cref="Run"/>) where and when it chooses: the CLI at once, the web under its limit on concurrent runs.
/// </summary>
/// <remarks>Immutable; <see cref="Run"/> is thread-safe as long as <see cref="Evaluate"/> is (Core's calculators are).</remarks>
public sealed record MonteCarloPlan
{
    /// <summary>Gets the inputs given as numbers.</summary>
    public required InputValues Fixed { get; init; }

    /// <summary>Gets the inputs given as distributions (at least one).</summary>
    public required IReadOnlyList<UncertainInput> Uncertain { get; init; }

    /// <summary>Gets the calculation of one sample.</summary>
    public required Func<InputValues, Outcome<ICalculationResult>> Evaluate { get; init; }

    /// <summary>Gets the number of joint samples.</summary>
    public required int Samples { get; init; }

    /// <summary>Gets the seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the JSON key of the output whose sensitivity is reported, or <see langword="null"/>.</summary>
    public string? Sensitivity { get; init; }

    /// <summary>Runs the samples (<see cref="MonteCarlo.Run"/>).</summary>
    /// <param name="maxDegreeOfParallelism">Cores to use; <see langword="null"/> for all (the result does not depend on it).</param>
    /// <param name="maxStoredValues">The most values the run may hold (samples × outputs); <see langword="null"/> for no limit.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>The summary, or the errors that stopped it.</returns>
    public Outcome<MonteCarloResult> Run(int? maxDegreeOfParallelism = null, long? maxStoredValues = null, CancellationToken cancellationToken = default) =>
        MonteCarlo.Run(Fixed, Uncertain, Evaluate, Samples, Seed, maxDegreeOfParallelism, Sensitivity, maxStoredValues, cancellationToken);
}
