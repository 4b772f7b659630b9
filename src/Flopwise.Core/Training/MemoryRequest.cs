using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>A training layout whose per-GPU memory to estimate: a model on n GPUs with TP, PP, ZeRO and recomputation.</summary>
/// <remarks>Numeric values left <see langword="null"/> take the defaults in <see cref="MemoryInputs"/>. Immutable and thread-safe.</remarks>
public sealed record MemoryRequest
{
    /// <summary>Gets the architecture (required).</summary>
    public ModelShape? Model { get; init; }

    /// <summary>Gets the accelerator (required).</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the number of GPUs.</summary>
    public double? Gpus { get; init; }

    /// <summary>Gets the tensor-parallel degree t.</summary>
    public double? TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree p.</summary>
    public double? PipelineParallel { get; init; }

    /// <summary>Gets the interleaved chunks per stage m.</summary>
    public double? Interleave { get; init; }

    /// <summary>Gets the ZeRO stage 0–3.</summary>
    public double? Zero { get; init; }

    /// <summary>Gets the micro-batch size b.</summary>
    public double? MicroBatch { get; init; }

    /// <summary>Gets the sequence length s.</summary>
    public double? Seq { get; init; }

    /// <summary>Gets the recomputation scheme (default none).</summary>
    public Recompute Recompute { get; init; } = Recompute.None;

    /// <summary>Gets a value indicating whether sequence parallelism is on (default off).</summary>
    public bool SequenceParallel { get; init; }

    /// <summary>Gets a value indicating whether FlashAttention is used (default off).</summary>
    public bool FlashAttention { get; init; }

    /// <summary>Gets the optimizer (default AdamW).</summary>
    public Optimizer Optimizer { get; init; } = Optimizer.AdamW;

    /// <summary>Gets the training dtype of weights and gradients (default bf16).</summary>
    public DataType? DataType { get; init; }

    /// <summary>Gets notes from resolving names, added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Creates a request from the numeric values a front end collected; set the others with <c>with</c>.</summary>
    /// <param name="values">The given inputs.</param>
    /// <returns>The request.</returns>
    public static MemoryRequest From(InputValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new MemoryRequest
        {
            Gpus = values.Get(MemoryInputs.Gpus),
            TensorParallel = values.Get(MemoryInputs.TensorParallel),
            PipelineParallel = values.Get(MemoryInputs.PipelineParallel),
            Interleave = values.Get(MemoryInputs.Interleave),
            Zero = values.Get(MemoryInputs.Zero),
            MicroBatch = values.Get(MemoryInputs.MicroBatch),
            Seq = values.Get(MemoryInputs.Seq),
        };
    }
}
