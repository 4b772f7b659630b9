using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>Per-GPU training memory of the most loaded GPU, by kind, and whether it fits.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MemoryResult : ICalculationResult
{
    /// <summary>Gets the parameters held by the reported GPU (after tensor and pipeline sharding, before ZeRO).</summary>
    public required double ParametersPerGpu { get; init; }

    /// <summary>Gets the data-parallel degree n / (t·p).</summary>
    public required double DataParallel { get; init; }

    /// <summary>Gets the weight bytes.</summary>
    public required ByteCount Weights { get; init; }

    /// <summary>Gets the gradient bytes.</summary>
    public required ByteCount Gradients { get; init; }

    /// <summary>Gets the optimizer-state bytes.</summary>
    public required ByteCount Optimizer { get; init; }

    /// <summary>Gets the activation bytes (including fp32 logits on the GPU holding the output layer).</summary>
    public required ByteCount Activations { get; init; }

    /// <summary>Gets the GPU's memory.</summary>
    public required ByteCount GpuMemory { get; init; }

    /// <summary>Gets which pipeline stage is reported: <c>first</c>, <c>last</c>, or <c>only</c> when p = 1.</summary>
    public required string Stage { get; init; }

    /// <summary>Gets the total bytes.</summary>
    public ByteCount Total => Weights + Gradients + Optimizer + Activations;

    /// <summary>Gets a value indicating whether the total fits in the GPU's memory.</summary>
    public bool Fits => Total <= GpuMemory;

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields =>
    [
        new("parametersPerGpu", "Parameters on this GPU", ParametersPerGpu, "parameters"),
        new("dataParallel", "Data-parallel degree", DataParallel, string.Empty),
        new("weightsBytes", "Weights", Weights.Bytes, "B"),
        new("gradientsBytes", "Gradients", Gradients.Bytes, "B"),
        new("optimizerBytes", "Optimizer state", Optimizer.Bytes, "B"),
        new("activationBytes", "Activations", Activations.Bytes, "B"),
        new("totalBytes", "Total", Total.Bytes, "B"),
        new("totalGibibytes", "Total", Total.Gibibytes, "GiB"),
        new("gpuMemoryBytes", "GPU memory", GpuMemory.Bytes, "B"),
        ResultField.Boolean("fits", "Fits", Fits),
    ];
}
