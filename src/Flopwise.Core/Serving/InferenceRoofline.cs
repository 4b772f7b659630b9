using Flopwise.Architectures;

namespace Flopwise.Serving;

/// <summary>
/// The per-operation roofline of one model replica on t tensor-parallel GPUs: every operation of a step takes
/// max(FLOP ÷ compute rate, bytes ÷ bandwidth), a step is the sum of its operations plus the all-reduces, and every
/// figure is per GPU.
/// </summary>
/// <remarks>
/// <para>
/// Per layer: norm, fused QKV projection (writing K and V to the cache), attention (one fused kernel, or scores,
/// softmax and weighted sum), output projection, all-reduce, residual add, norm, MoE router, MLP up (and gate), its
/// activation, MLP down, all-reduce, residual add. Per step: the embedding gather, and the final norm and logits of
/// the last position of each sequence. Sizes: a/t query heads, max(1, k/t) KV heads, f/t MLP width, V/t vocabulary
/// rows per GPU.
/// </para>
/// <para>
/// Bytes: layer matrices in the weight dtype; norms, biases, router, embeddings and output head unquantised (16-bit,
/// or 32-bit with fp32 weights); activations between operations 16-bit (32-bit with fp32 weights); the KV cache in
/// its own dtype. An MoE layer whose step routes n tokens reads E·(1 − (1 − e/E)^n) distinct experts, the expectation
/// under uniform independent routing (e at n = 1). Ring all-reduce: 2·(t−1)/t × the message over the one-way link
/// bandwidth (half the catalog's bidirectional figure), not overlapped with compute.
/// </para>
/// </remarks>
internal sealed class InferenceRoofline
{
    private readonly Embedding _embedding;
    private readonly Attention _attention;
    private readonly MlpBlock _mlp;
    private readonly Norms _norms;
    private readonly OutputHead _head;
    private readonly double _layers;
    private readonly double _h;
    private readonly OperationSizes _sizes;
    private readonly bool _fused;
    private readonly double _computeRate;
    private readonly double _matrixRate;
    private readonly double _bandwidth;
    private readonly double _linkBytesPerSecond;
    private readonly double _tensorParallel;

    public InferenceRoofline(ModelShape model, RooflineHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(model);
        _embedding = model.Embedding;
        _attention = model.Attention;
        _mlp = model.MlpBlock;
        _norms = model.Norms;
        _head = model.Head;
        _layers = model.Layers;
        _h = model.DModel;
        _sizes = hardware.Sizes;
        _tensorParallel = hardware.TensorParallel;
        _fused = hardware.Attention == AttentionKernel.Fused;
        _computeRate = hardware.ComputeRate;
        _matrixRate = hardware.MatrixComputeRate;
        _bandwidth = hardware.Bandwidth;
        _linkBytesPerSecond = hardware.LinkBytesPerSecond;
    }

    /// <summary>Gets the KV heads each GPU holds: k/t, at least 1 (replicated when k &lt; t).</summary>
    public double KvHeadsPerGpu => _attention.KvHeadsPerGpu(_tensorParallel);

    /// <summary>Gets the weight bytes one GPU holds: L layers (attention, MLP, norms), the embedding and the head.</summary>
    public double WeightsBytesPerGpu
    {
        get
        {
            double layer = _attention.WeightBytesPerGpu(_sizes) + _mlp.WeightBytesPerGpu(_sizes) + _norms.WeightBytesPerGpu(_sizes);
            double embeddings = _embedding.TableBytesPerGpu(_sizes) + _head.OutputBytesPerGpu(_sizes) + _embedding.PositionBytesPerGpu(_sizes);
            return (_layers * layer) + embeddings + _head.NormBytesPerGpu(_sizes);
        }
    }

    /// <summary>Gets the KV-cache bytes one GPU holds per token of context of one sequence: L × the attention's (2·max(1, k/t)·d·bytes).</summary>
    public double KvBytesPerTokenPerGpu => _layers * _attention.KvBytesPerTokenPerGpu(_sizes);

    /// <summary>Gets the KV-cache bytes one GPU holds for b sequences of c tokens each: b × L × the attention's bytes at c.</summary>
    /// <param name="sequences">b.</param>
    /// <param name="context">c.</param>
    /// <returns>Bytes per GPU.</returns>
    public double KvBytesPerGpu(double sequences, double context) => sequences * (_layers * _attention.KvBytesPerGpu(context, _sizes));

    /// <summary>
    /// Returns whether, in a decode step of b sequences, the MLP up-projection (the largest weight matmul) is
    /// compute-bound: the point past which batching stops being free (the ridge, about dense peak ÷ bandwidth × bytes
    /// per weight ÷ 2 sequences).
    /// </summary>
    /// <param name="batch">b.</param>
    /// <returns><see langword="true"/> when its FLOP take longer than its bytes.</returns>
    public bool DecodeMatmulsComputeBound(double batch)
    {
        var probe = new Step(this);
        _mlp.AddUpProjection(probe, batch);
        return probe.Cost.ComputeBoundSeconds > 0;
    }

    /// <summary>Evaluates the prefill of b prompts of p tokens: the logits of the last position only.</summary>
    /// <param name="batch">b.</param>
    /// <param name="promptTokens">p.</param>
    /// <returns>The step.</returns>
    public StepCost Prefill(double batch, double promptTokens)
    {
        var acc = default(StepCost);
        var scratch = new Step(this);
        AddFixed(ref acc, scratch, batch, promptTokens);
        AddAttention(ref acc, scratch, batch, promptTokens, 0);
        return acc;
    }

    /// <summary>Evaluates one decode step of b sequences at a context of c tokens: it attends c keys, its own among them.</summary>
    /// <param name="batch">b.</param>
    /// <param name="context">c, the tokens each sequence attends (≥ 1).</param>
    /// <returns>The step.</returns>
    public StepCost Decode(double batch, double context)
    {
        var acc = default(StepCost);
        var scratch = new Step(this);
        AddFixed(ref acc, scratch, batch, 1);
        AddAttention(ref acc, scratch, batch, 1, context - 1);
        return acc;
    }

    /// <summary>Evaluates the mean of o decode steps at contexts p, p+1, …, p+o−1 (see <see cref="Decode"/>).</summary>
    /// <param name="batch">b.</param>
    /// <param name="promptTokens">p.</param>
    /// <param name="outputTokens">o (≥ 1).</param>
    /// <returns>The mean step.</returns>
    public StepCost MeanDecode(double batch, double promptTokens, double outputTokens)
    {
        var fixedPart = default(StepCost);
        var scratch = new Step(this);
        AddFixed(ref fixedPart, scratch, batch, 1);
        var attention = default(StepCost);
        long steps = (long)outputTokens;
        for (long i = 0; i < steps; i++)
        {
            AddAttention(ref attention, scratch, batch, 1, promptTokens + i - 1);
        }

        attention.Scale(1.0 / steps);
        attention.WorkspaceBytes = 0;
        fixedPart.Add(attention);
        return fixedPart;
    }

    /// <summary>Gets the activation workspace one GPU needs: the largest operation's inputs and outputs in a prefill of b × p tokens, plus the fp32 logits.</summary>
    /// <param name="batch">b.</param>
    /// <param name="promptTokens">p.</param>
    /// <returns>Bytes per GPU.</returns>
    public double WorkspaceBytes(double batch, double promptTokens) =>
        Prefill(batch, promptTokens).WorkspaceBytes + _head.LogitsBytesPerGpu(batch, _tensorParallel);

    /// <summary>
    /// The operations whose size does not depend on the context. Per layer: norm, attention projections, all-reduce,
    /// residual add, norm (unless a parallel block), MLP, all-reduce, residual add; then the embedding gather and the head.
    /// </summary>
    private void AddFixed(ref StepCost acc, Step layer, double b, double q)
    {
        double n = b * q;
        double h = _h;
        double x = _sizes.ActivationBytes;

        layer.Cost = default;
        _norms.AddNorm(layer, n);
        _attention.AddProjections(layer, n);
        AllReduce(ref layer.Cost, n * h * x);
        Op(ref layer.Cost, n * h, 0, 3 * n * h * x, 0);
        if (_norms.PerLayer == 2)
        {
            _norms.AddNorm(layer, n);
        }

        _mlp.AddOperations(layer, n);
        AllReduce(ref layer.Cost, n * h * x);
        Op(ref layer.Cost, n * h, 0, 3 * n * h * x, 0);

        double workspace = layer.Cost.WorkspaceBytes;
        layer.Cost.Scale(_layers);
        layer.Cost.WorkspaceBytes = workspace;
        acc.Add(layer.Cost);

        layer.Cost = acc;
        _embedding.AddGather(layer, n);
        _head.AddOperations(layer, b);
        acc = layer.Cost;
    }

    /// <summary>The attention of q new tokens per sequence over c0 cached tokens plus themselves, in every layer.</summary>
    private void AddAttention(ref StepCost acc, Step layer, double b, double q, double cached)
    {
        layer.Cost = default;
        _attention.AddContext(layer, b, q, cached, _fused);
        double workspace = layer.Cost.WorkspaceBytes;
        layer.Cost.Scale(_layers);
        layer.Cost.WorkspaceBytes = workspace;
        acc.Add(layer.Cost);
    }

    /// <summary>Adds one operation: layer-matrix matmuls (<paramref name="matrix"/>) run at the compute dtype's peak, the rest (attention, head, router, elementwise) at the 16-bit peak.</summary>
    private void Op(ref StepCost acc, double flop, double weightBytes, double activationBytes, double kvBytes, bool matrix = false)
    {
        double bytes = weightBytes + activationBytes + kvBytes;
        double computeSeconds = flop / (matrix ? _matrixRate : _computeRate);
        double memorySeconds = bytes / _bandwidth;
        double seconds = Math.Max(computeSeconds, memorySeconds);
        acc.Seconds += seconds;
        acc.Flop += flop;
        acc.Bytes += bytes;
        if (computeSeconds > memorySeconds)
        {
            acc.ComputeBoundSeconds += seconds;
        }

        acc.WorkspaceBytes = Math.Max(acc.WorkspaceBytes, activationBytes);
    }

    private void AllReduce(ref StepCost acc, double messageBytes)
    {
        if (_tensorParallel <= 1)
        {
            return;
        }

        double seconds = 2 * (_tensorParallel - 1) / _tensorParallel * messageBytes / _linkBytesPerSecond;
        acc.Seconds += seconds;
        acc.CommunicationSeconds += seconds;
    }

    /// <summary>The components' operations, timed into one <see cref="StepCost"/>; one per evaluation, reset before each use.</summary>
    private sealed class Step(InferenceRoofline roofline) : OperationSink(roofline._sizes)
    {
        public StepCost Cost;

        public override void Add(double flop, double weightBytes, double activationBytes, double kvBytes, bool matrix = false) =>
            roofline.Op(ref Cost, flop, weightBytes, activationBytes, kvBytes, matrix);
    }
}

/// <summary>The hardware side of a roofline: rates and element sizes.</summary>
/// <param name="TensorParallel">t.</param>
/// <param name="ComputeRate">Dense 16-bit peak × ηc, FLOP/s per GPU: attention, output head, router, elementwise work.</param>
/// <param name="MatrixComputeRate">Dense peak of the compute dtype × ηc: the layer matrices' matmuls (fp8 with fp8 weights).</param>
/// <param name="Bandwidth">Memory bandwidth × ηm, B/s per GPU.</param>
/// <param name="LinkBytesPerSecond">One-way interconnect bandwidth, B/s (unused when t = 1).</param>
/// <param name="MatrixBytes">Bytes per element of the layer matrices.</param>
/// <param name="PlainBytes">Bytes per element of the unquantised weights.</param>
/// <param name="ActivationBytes">Bytes per activation element.</param>
/// <param name="KvBytes">Bytes per KV-cache element.</param>
/// <param name="Attention">The attention kernel.</param>
internal readonly record struct RooflineHardware(
    double TensorParallel,
    double ComputeRate,
    double MatrixComputeRate,
    double Bandwidth,
    double LinkBytesPerSecond,
    double MatrixBytes,
    double PlainBytes,
    double ActivationBytes,
    double KvBytes,
    AttentionKernel Attention)
{
    /// <summary>Gets t and the element sizes, as the model's components size their operations.</summary>
    public OperationSizes Sizes => new(TensorParallel, MatrixBytes, PlainBytes, ActivationBytes, KvBytes);
}

/// <summary>The cost of one step on one GPU.</summary>
internal struct StepCost
{
    public double Seconds;
    public double Flop;
    public double Bytes;
    public double ComputeBoundSeconds;
    public double CommunicationSeconds;
    public double WorkspaceBytes;

    /// <summary>Gets the phase's bound: compute when compute-bound operations take most of its roofline time.</summary>
    public readonly bool IsComputeBound => ComputeBoundSeconds > 0.5 * (Seconds - CommunicationSeconds);

    public void Scale(double factor)
    {
        Seconds *= factor;
        Flop *= factor;
        Bytes *= factor;
        ComputeBoundSeconds *= factor;
        CommunicationSeconds *= factor;
    }

    public void Add(in StepCost other)
    {
        Seconds += other.Seconds;
        Flop += other.Flop;
        Bytes += other.Bytes;
        ComputeBoundSeconds += other.ComputeBoundSeconds;
        CommunicationSeconds += other.CommunicationSeconds;
        WorkspaceBytes = Math.Max(WorkspaceBytes, other.WorkspaceBytes);
    }
}
