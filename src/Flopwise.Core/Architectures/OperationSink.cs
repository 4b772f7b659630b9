namespace Flopwise.Architectures;

/// <summary>
/// Receives the operations of one step on one GPU from the model's components (the serving roofline times each):
/// FLOP, bytes of weights, of activations read and written, and of the KV cache.
/// </summary>
/// <remarks>Components size their operations for the GPU: <see cref="Sizes"/> gives the tensor-parallel degree and element sizes.</remarks>
internal abstract class OperationSink
{
    /// <summary>Initializes a new instance of the <see cref="OperationSink"/> class.</summary>
    /// <param name="sizes">The tensor-parallel degree and element sizes.</param>
    protected OperationSink(OperationSizes sizes) => Sizes = sizes;

    /// <summary>Gets the tensor-parallel degree and element sizes.</summary>
    public OperationSizes Sizes { get; }

    /// <summary>Adds one operation.</summary>
    /// <param name="flop">FLOP on this GPU.</param>
    /// <param name="weightBytes">Weight bytes read.</param>
    /// <param name="activationBytes">Activation bytes read and written.</param>
    /// <param name="kvBytes">KV-cache bytes read or written.</param>
    /// <param name="matrix">Whether it is a matmul with a layer matrix (it runs at the compute dtype's peak).</param>
    public abstract void Add(double flop, double weightBytes, double activationBytes, double kvBytes, bool matrix = false);
}

/// <summary>How a replica is laid out for the roofline: t and the bytes per element of each kind of tensor.</summary>
/// <param name="TensorParallel">t: heads, MLP width and vocabulary are split t ways; norms are replicated.</param>
/// <param name="MatrixBytes">Bytes per element of the layer matrices (the weight dtype).</param>
/// <param name="PlainBytes">Bytes per element of the unquantised weights: norms, biases, router, embeddings, output head.</param>
/// <param name="ActivationBytes">Bytes per activation element.</param>
/// <param name="KvBytes">Bytes per KV-cache element.</param>
internal readonly record struct OperationSizes(double TensorParallel, double MatrixBytes, double PlainBytes, double ActivationBytes, double KvBytes);
