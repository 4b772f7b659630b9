using Flopwise.Inputs;

namespace Flopwise.Training;

/// <summary>The numeric inputs of the training-memory estimate, with defaults and ranges.</summary>
public static class MemoryInputs
{
    /// <summary>Number of GPUs; must be a multiple of t·p.</summary>
    public static InputSpec Gpus { get; } = TrainingInputs.Gpus with { IsRequired = true };

    /// <summary>Tensor-parallel degree t; default 1.</summary>
    public static InputSpec TensorParallel { get; } = Count("tp", "Tensor-parallel degree t", "GPUs that split each layer's matrices (Megatron); must divide the query heads.", 1);

    /// <summary>Pipeline-parallel degree p; default 1.</summary>
    public static InputSpec PipelineParallel { get; } = Count("pp", "Pipeline-parallel degree p", "Pipeline stages, each holding L/p layers (1F1B schedule).", 1);

    /// <summary>Interleaved model chunks per pipeline stage m; default 1.</summary>
    public static InputSpec Interleave { get; } = Count("interleave", "Interleaved chunks m", "Model chunks per pipeline stage (interleaved 1F1B); 1 = not interleaved.", 1);

    /// <summary>ZeRO stage 0–3; default 0.</summary>
    public static InputSpec Zero { get; } = new()
    {
        Name = "zero",
        Label = "ZeRO stage",
        Description = "0: none; 1: shard optimizer state; 2: also gradients; 3: also weights, across the data-parallel group.",
        Minimum = 0,
        MinimumInclusive = true,
        Maximum = 3,
        IsInteger = true,
        Default = 0,
        Source = "Rajbhandari et al. 2019, ZeRO, arXiv 1910.02054 (stage 0 = plain data parallelism)",
    };

    /// <summary>Micro-batch size b; default 1.</summary>
    public static InputSpec MicroBatch { get; } = Count("micro-batch", "Micro-batch size b", "Sequences per micro-batch on each GPU.", 1);

    /// <summary>Sequence length s; default the model's training context.</summary>
    public static InputSpec Seq { get; } = TrainingInputs.Seq with
    {
        Description = "Sequence length s of each training sample; default the model's training context.",
    };

    /// <summary>Gets every numeric input, in help order.</summary>
    public static IReadOnlyList<InputSpec> All { get; } = [Gpus, TensorParallel, PipelineParallel, Interleave, Zero, MicroBatch, Seq];

    private static InputSpec Count(string name, string label, string description, double fallback) =>
        InputSpec.Count(name, label, description, 1e6, fallback) with { Source = "no parallelism unless given" };
}
