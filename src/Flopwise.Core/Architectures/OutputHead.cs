using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>The output head: the final norm and the V·h projection to logits, which may share the input table.</summary>
/// <remarks>
/// A tied head holds no parameters of its own (the table is counted once, in <see cref="Embedding"/>), but its matmul
/// still reads V·h weights. Tensor parallelism shards the projection by vocabulary; the norm is replicated. Immutable
/// and thread-safe.
/// </remarks>
public sealed record OutputHead : ModelComponent
{
    /// <summary>Gets V, the vocabulary.</summary>
    public required int Vocab { get; init; }

    /// <summary>Gets h, the model width.</summary>
    public required int DModel { get; init; }

    /// <summary>Gets the final norm (one norm of this kind; <see cref="Norms.PerLayer"/> does not apply).</summary>
    public required Norms FinalNorm { get; init; }

    /// <summary>Gets a value indicating whether the projection shares the input embedding table.</summary>
    public bool Tied { get; init; }

    /// <summary>Gets the parameters of the projection: V·h, or 0 when tied.</summary>
    public long OutputParameters => Tied ? 0 : (long)Vocab * DModel;

    /// <inheritdoc/>
    public override long Parameters => FinalNorm.ParametersPerNorm + OutputParameters;

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors)
    {
    }

    /// <summary>Gets the bytes of the projection's V/t rows on one GPU, 0 when tied (the table is the embedding's).</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    internal double OutputBytesPerGpu(OperationSizes sizes) => Tied ? 0 : Vocab / sizes.TensorParallel * DModel * sizes.PlainBytes;

    /// <summary>Gets the bytes of the final norm on one GPU (replicated).</summary>
    /// <param name="sizes">The element sizes.</param>
    /// <returns>Bytes.</returns>
    internal double NormBytesPerGpu(OperationSizes sizes) => FinalNorm.ParametersPerNorm * sizes.PlainBytes;

    /// <summary>Adds the final norm and the logits of one position in each of b sequences (V/t columns per GPU).</summary>
    /// <param name="sink">The step.</param>
    /// <param name="batch">b.</param>
    internal void AddOperations(OperationSink sink, double batch)
    {
        double b = batch;
        double h = DModel;
        double vocab = Vocab / sink.Sizes.TensorParallel;
        double x = sink.Sizes.ActivationBytes;
        FinalNorm.AddNorm(sink, b);
        sink.Add(2 * b * h * vocab, h * vocab * sink.Sizes.PlainBytes, (b * h * x) + (b * vocab * x), 0);
    }

    /// <summary>Gets the fp32 logits of b positions on one GPU: 4·b·V/t bytes.</summary>
    /// <param name="positions">b, the positions whose logits are held.</param>
    /// <param name="tensorParallel">t.</param>
    /// <returns>Bytes.</returns>
    internal double LogitsBytesPerGpu(double positions, double tensorParallel) => 4 * positions * (Vocab / tensorParallel);
}
