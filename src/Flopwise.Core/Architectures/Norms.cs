using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>The norms of one transformer layer: two (before attention and before the MLP), or one shared by a parallel block.</summary>
/// <remarks>
/// A LayerNorm has a gain and a bias (2·h parameters) and takes about 7 FLOP per element; an RMSNorm a gain only (h)
/// and about 4 FLOP per element. Tensor parallelism replicates norms. Immutable and thread-safe.
/// </remarks>
public sealed record Norms : ModelComponent
{
    /// <summary>Gets h, the width each norm normalises.</summary>
    public required int DModel { get; init; }

    /// <summary>Gets the norm kind.</summary>
    public required NormKind Kind { get; init; }

    /// <summary>Gets a value indicating whether attention and MLP share one norm (PaLM's parallel block).</summary>
    public bool ParallelBlock { get; init; }

    /// <summary>Gets the norms per layer: 1 with <see cref="ParallelBlock"/>, else 2.</summary>
    public int PerLayer => ParallelBlock ? 1 : 2;

    /// <summary>Gets the parameters of one norm: 2·h for LayerNorm, h for RMSNorm.</summary>
    public long ParametersPerNorm => Kind == NormKind.LayerNorm ? 2L * DModel : DModel;

    /// <summary>Gets the FLOP per element of one norm: 7 for LayerNorm (mean, variance, scale and shift), 4 for RMSNorm.</summary>
    public double FlopPerElement => Kind == NormKind.LayerNorm ? 7 : 4;

    /// <inheritdoc/>
    public override long Parameters => PerLayer * ParametersPerNorm;

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors)
    {
    }

    /// <summary>Gets the weight bytes of one layer's norms on one GPU (replicated).</summary>
    /// <param name="sizes">The element sizes.</param>
    /// <returns>Bytes.</returns>
    internal double WeightBytesPerGpu(OperationSizes sizes) => PerLayer * ParametersPerNorm * sizes.PlainBytes;

    /// <summary>Adds one norm over n tokens.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n.</param>
    internal void AddNorm(OperationSink sink, double tokens)
    {
        double h = DModel;
        sink.Add(FlopPerElement * tokens * h, ParametersPerNorm * sink.Sizes.PlainBytes, 2 * tokens * h * sink.Sizes.ActivationBytes, 0);
    }
}
