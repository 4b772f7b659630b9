using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>
/// The accounting of a training run: FLOP, time, GPU-hours, utilisation, cost, energy and CO2e, each present only
/// when it can be derived from what was given (see <see cref="Missing"/> for the others and why).
/// </summary>
/// <remarks>
/// Each output is a typed property (<see langword="null"/> when it could not be derived) and a field of
/// <see cref="Fields"/> with the same value. Energies and emissions are kept in the fields' units (kWh, kg CO2e)
/// rather than as <see cref="Energy"/>, whose joules would not give back the field's kWh bit for bit.
/// Immutable and thread-safe; every present value is finite.
/// </remarks>
public sealed record TrainingResult : ICalculationResult
{
    /// <inheritdoc/>
    public required IReadOnlyList<ResultField> Fields { get; init; }

    /// <summary>Gets the outputs that could not be derived, with the reason.</summary>
    public required IReadOnlyList<MissingField> Missing { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the parameter count N (given, or from the model), or <see langword="null"/> (field <c>parameters</c>).</summary>
    public double? Parameters { get; init; }

    /// <summary>Gets the training tokens D, or <see langword="null"/> (field <c>tokens</c>).</summary>
    public double? Tokens { get; init; }

    /// <summary>Gets the training FLOP under the chosen convention, or <see langword="null"/> (field <c>trainingFlop</c>).</summary>
    public FlopCount? TrainingFlop { get; init; }

    /// <summary>Gets the hardware FLOP, with recomputation, or <see langword="null"/> (field <c>hardwareFlop</c>).</summary>
    public FlopCount? HardwareFlop { get; init; }

    /// <summary>Gets the GPU count, given or derived, or <see langword="null"/> (field <c>gpus</c>).</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the wall time of the run, or <see langword="null"/> (fields <c>wallTimeSeconds</c>, <c>wallTimeDays</c>).</summary>
    public WallTime? WallTime { get; init; }

    /// <summary>Gets the GPU-hours (field <c>gpuHours</c>).</summary>
    public double GpuHours { get; init; }

    /// <summary>Gets the model FLOP utilisation, or <see langword="null"/> (field <c>mfu</c>).</summary>
    public double? Mfu { get; init; }

    /// <summary>Gets the hardware FLOP utilisation with recomputation, or <see langword="null"/> (field <c>hfu</c>, present only with recomputation).</summary>
    public double? Hfu { get; init; }

    /// <summary>Gets the achieved hardware FLOP/s per GPU, or <see langword="null"/> (field <c>achievedFlopPerSecondPerGpu</c>).</summary>
    public FlopRate? AchievedRatePerGpu { get; init; }

    /// <summary>Gets the tokens per second per GPU, or <see langword="null"/> (field <c>tokensPerSecondPerGpu</c>).</summary>
    public double? TokensPerSecondPerGpu { get; init; }

    /// <summary>Gets the cost in USD, or <see langword="null"/> (field <c>costUsd</c>).</summary>
    public Money? Cost { get; init; }

    /// <summary>Gets the IT energy of the GPUs in kWh, or <see langword="null"/> (field <c>itEnergyKwh</c>).</summary>
    public double? ItEnergyKwh { get; init; }

    /// <summary>Gets the facility energy (IT × PUE) in kWh, or <see langword="null"/> (field <c>facilityEnergyKwh</c>).</summary>
    public double? FacilityEnergyKwh { get; init; }

    /// <summary>Gets the emissions in kg CO2e, or <see langword="null"/> (field <c>co2Kg</c>).</summary>
    public double? Co2Kg { get; init; }

    /// <summary>Gets a field's value by JSON key, or <see langword="null"/> when it is absent; code should use the typed properties.</summary>
    /// <param name="key">The JSON key, e.g. <c>wallTimeDays</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}
