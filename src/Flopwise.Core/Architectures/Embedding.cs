using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>The input embedding: a V·h token table, and a learned position table when the model has one (GPT-2/3).</summary>
/// <remarks>
/// Tensor parallelism shards the token table by vocabulary (Megatron); the position table is replicated. A step
/// gathers one row per token, so serving reads n rows, not the table. Immutable and thread-safe.
/// </remarks>
public sealed record Embedding : ModelComponent
{
    /// <summary>Gets V, the vocabulary.</summary>
    public required int Vocab { get; init; }

    /// <summary>Gets h, the width of a row.</summary>
    public required int DModel { get; init; }

    /// <summary>Gets the rows of the learned position table; 0 when positions have no parameters (rotary, relative).</summary>
    public int PositionRows { get; init; }

    /// <summary>Gets the parameters of the token table: V·h.</summary>
    public long TableParameters => (long)Vocab * DModel;

    /// <summary>Gets the parameters of the position table: rows·h.</summary>
    public long PositionParameters => (long)PositionRows * DModel;

    /// <inheritdoc/>
    public override long Parameters => TableParameters + PositionParameters;

    /// <summary>Gets a value indicating whether <see cref="PositionRows"/> was given by a learned table (validated).</summary>
    internal bool LearnedPositions { get; init; }

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors)
    {
        CheckCount(errors, "vocab", Vocab, ModelShape.MaxVocab);
        if (LearnedPositions)
        {
            CheckCount(errors, "max-positions", PositionRows, ModelShape.MaxContext);
        }
    }

    /// <summary>Gets the bytes of the token table's V/t rows on one GPU.</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    internal double TableBytesPerGpu(OperationSizes sizes) => Vocab / sizes.TensorParallel * DModel * sizes.PlainBytes;

    /// <summary>Gets the bytes of the position table on one GPU.</summary>
    /// <param name="sizes">The element sizes.</param>
    /// <returns>Bytes.</returns>
    internal double PositionBytesPerGpu(OperationSizes sizes) => LearnedPositions ? (double)PositionRows * DModel * sizes.PlainBytes : 0;

    /// <summary>Adds the gather of n rows (and of n position rows, added in).</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n.</param>
    internal void AddGather(OperationSink sink, double tokens)
    {
        double n = tokens;
        double h = DModel;
        double gathered = LearnedPositions ? 2 : 1;
        sink.Add(LearnedPositions ? n * h : 0, gathered * n * h * sink.Sizes.PlainBytes, n * h * sink.Sizes.ActivationBytes, 0);
    }
}
