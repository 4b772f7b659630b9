using Flopwise.Hardware;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// The attention of one transformer layer: its projections, the score and weighted-sum matmuls over the context,
/// and the KV cache they read. <see cref="GroupedQueryAttention"/> is multi-head, multi-query and grouped-query
/// attention; a variant (latent or sliding-window attention) is another subclass.
/// </summary>
/// <remarks>Notation as <see cref="ModelShape"/>: h <see cref="DModel"/>, a <see cref="Heads"/>, T the context. Immutable and thread-safe.</remarks>
public abstract record Attention : ModelComponent
{
    /// <summary>Gets h, the model width the projections read and write.</summary>
    public required int DModel { get; init; }

    /// <summary>Gets a, the query heads.</summary>
    public required int Heads { get; init; }

    /// <summary>
    /// Gets the forward FLOP per token of the score (Q·Kᵀ) and weighted-sum matmuls when the token sees
    /// <paramref name="context"/> keys (non-causal), in one layer; the projections are in <see cref="ModelComponent.ForwardFlopPerToken"/>.
    /// </summary>
    /// <param name="context">T, the keys each query sees.</param>
    /// <returns>FLOP per token per layer, e.g. 4·a·d·T for <see cref="GroupedQueryAttention"/>.</returns>
    public abstract double ContextFlopPerToken(double context);

    /// <summary>Gets the KV-cache bytes one token of context holds in one layer.</summary>
    /// <param name="type">The cache data type.</param>
    /// <returns>Bytes per token per layer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is undefined.</exception>
    public abstract double KvBytesPerToken(DataType type);

    /// <summary>Gets the KV-cache bytes one sequence of a given context holds in one layer: context × <see cref="KvBytesPerToken"/>.</summary>
    /// <param name="context">The tokens of the sequence.</param>
    /// <param name="type">The cache data type.</param>
    /// <returns>Bytes per layer (a variant whose layers hold at most a window overrides it, averaging over its layers).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is undefined.</exception>
    public virtual double KvBytes(double context, DataType type) => context * KvBytesPerToken(type);

    /// <summary>Gets the KV heads one of t tensor-parallel GPUs holds (replicated when there are fewer than t).</summary>
    /// <param name="tensorParallel">t.</param>
    /// <returns>KV heads per GPU.</returns>
    public abstract double KvHeadsPerGpu(double tensorParallel);

    /// <summary>
    /// Gets the bytes of the attention scores one layer stores for the backward pass, per element of s·b·h, without
    /// FlashAttention or selective recomputation: 5·a·s/h (Korthikanti et al. 2022, arXiv 2205.05198, Table 2: 2 bytes of
    /// softmax input and output each, 1 byte of dropout mask per score).
    /// </summary>
    /// <param name="seq">s, the sequence length.</param>
    /// <returns>The factor of s·b·h.</returns>
    public virtual double StoredScoresPerElement(double seq) => StoredScoresPerElement(Heads, seq, DModel);

    /// <summary>Gets 5·a·s/h (see the instance method).</summary>
    /// <param name="heads">a.</param>
    /// <param name="seq">s.</param>
    /// <param name="hidden">h.</param>
    /// <returns>The factor of s·b·h.</returns>
    internal static double StoredScoresPerElement(double heads, double seq, double hidden) => 5 * heads * seq / hidden;

    /// <summary>Returns the error when t tensor-parallel GPUs cannot split the heads evenly; <see langword="null"/> when they can.</summary>
    /// <param name="field">The field that sets t.</param>
    /// <param name="tensorParallel">t.</param>
    /// <param name="modelName">The model's name, for the message.</param>
    /// <returns>The error, or <see langword="null"/>.</returns>
    internal abstract FieldError? CheckTensorParallel(string field, double tensorParallel, string modelName);

    /// <summary>Gets the weight bytes of one layer's attention on one GPU.</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    internal abstract double WeightBytesPerGpu(OperationSizes sizes);

    /// <summary>Gets the KV-cache bytes one GPU holds per token of context in one layer.</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    internal abstract double KvBytesPerTokenPerGpu(OperationSizes sizes);

    /// <summary>Gets the KV-cache bytes one GPU holds for one sequence of a given context in one layer.</summary>
    /// <param name="context">The tokens of the sequence.</param>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes (see <see cref="KvBytes"/>).</returns>
    internal virtual double KvBytesPerGpu(double context, OperationSizes sizes) => context * KvBytesPerTokenPerGpu(sizes);

    /// <summary>Adds the operations whose size does not depend on the context: the input and output projections of n tokens.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n, the tokens of the step.</param>
    internal abstract void AddProjections(OperationSink sink, double tokens);

    /// <summary>Adds the attention of q new tokens per sequence over the cached tokens plus themselves.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="batch">b, the sequences.</param>
    /// <param name="newTokens">q, the new tokens per sequence.</param>
    /// <param name="cached">The cached tokens per sequence.</param>
    /// <param name="fused">Whether one fused kernel (FlashAttention) computes it; else scores, softmax and weighted sum.</param>
    internal abstract void AddContext(OperationSink sink, double batch, double newTokens, double cached, bool fused);
}
