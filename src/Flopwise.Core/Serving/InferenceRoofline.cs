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
    private readonly double _h;
    private readonly double _d;
    private readonly double _queryHeads;
    private readonly double _kvHeads;
    private readonly double _ffn;
    private readonly double _upMatrices;
    private readonly double _layers;
    private readonly double _vocab;
    private readonly double _experts;
    private readonly double _activeExperts;
    private readonly double _normParameters;
    private readonly double _normFlopPerElement;
    private readonly double _normsPerLayer;
    private readonly double _qkvBiases;
    private readonly double _outputBias;
    private readonly double _upBiases;
    private readonly double _downBias;
    private readonly double _relativePositions;
    private readonly bool _learnedPositions;
    private readonly bool _tied;
    private readonly bool _moe;
    private readonly bool _swiglu;
    private readonly bool _fused;
    private readonly double _matrixBytes;
    private readonly double _plainBytes;
    private readonly double _activationBytes;
    private readonly double _kvBytes;
    private readonly double _computeRate;
    private readonly double _matrixRate;
    private readonly double _bandwidth;
    private readonly double _linkBytesPerSecond;
    private readonly double _tensorParallel;
    private readonly double _maxPositions;

    public InferenceRoofline(ModelShape model, RooflineHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(model);
        double t = hardware.TensorParallel;
        _tensorParallel = t;
        _h = model.DModel;
        _d = model.DHead;
        _queryHeads = model.Heads / t;
        _kvHeads = Math.Max(1, model.KvHeads / t);
        _ffn = model.DFf / t;
        _upMatrices = model.Mlp == MlpKind.SwiGlu ? 2 : 1;
        _swiglu = model.Mlp == MlpKind.SwiGlu;
        _layers = model.Layers;
        _vocab = model.Vocab / t;
        _experts = model.Experts;
        _activeExperts = model.ActiveExperts;
        _moe = model.IsMixtureOfExperts;
        _normParameters = model.ParametersPerNorm;
        _normFlopPerElement = model.Norm == NormKind.LayerNorm ? 7 : 4;
        _normsPerLayer = model.ParallelBlock ? 1 : 2;
        double q = _queryHeads * _d;
        double kv = _kvHeads * _d;
        _qkvBiases = model.Biases || model.QkvBiases ? q + (2 * kv) : 0;
        _outputBias = model.Biases ? _h : 0;
        _upBiases = model.Biases ? _upMatrices * _ffn : 0;
        _downBias = model.Biases ? _h : 0;
        _relativePositions = model.Position == PositionKind.Relative ? _h * q : 0;
        _learnedPositions = model.Position == PositionKind.Learned;
        _maxPositions = model.MaxPositions;
        _tied = model.TiedEmbeddings;
        _fused = hardware.Attention == AttentionKernel.Fused;
        _matrixBytes = hardware.MatrixBytes;
        _plainBytes = hardware.PlainBytes;
        _activationBytes = hardware.ActivationBytes;
        _kvBytes = hardware.KvBytes;
        _computeRate = hardware.ComputeRate;
        _matrixRate = hardware.MatrixComputeRate;
        _bandwidth = hardware.Bandwidth;
        _linkBytesPerSecond = hardware.LinkBytesPerSecond;
    }

    /// <summary>Gets the KV heads each GPU holds: k/t, at least 1 (replicated when k &lt; t).</summary>
    public double KvHeadsPerGpu => _kvHeads;

    /// <summary>Gets the weight bytes one GPU holds.</summary>
    public double WeightsBytesPerGpu
    {
        get
        {
            double q = _queryHeads * _d;
            double kv = _kvHeads * _d;
            double attention = ((_h * (q + (2 * kv))) + (q * _h) + _relativePositions) * _matrixBytes
                + ((_qkvBiases + _outputBias) * _plainBytes);
            double expert = (((_upMatrices + 1) * _h * _ffn) * _matrixBytes) + ((_upBiases + _downBias) * _plainBytes);
            double router = _moe ? _h * _experts * _plainBytes : 0;
            double norms = _normsPerLayer * _normParameters * _plainBytes;
            double layer = attention + (_experts * expert) + router + norms;
            double table = _vocab * _h * _plainBytes;
            double embeddings = table + (_tied ? 0 : table) + (_learnedPositions ? _maxPositions * _h * _plainBytes : 0);
            return (_layers * layer) + embeddings + (_normParameters * _plainBytes);
        }
    }

    /// <summary>Gets the KV-cache bytes one GPU holds per token of context of one sequence: 2·L·max(1, k/t)·d·bytes.</summary>
    public double KvBytesPerTokenPerGpu => 2 * _layers * _kvHeads * _d * _kvBytes;

    /// <summary>
    /// Returns whether, in a decode step of b sequences, the MLP up-projection (the largest weight matmul) is
    /// compute-bound: the point past which batching stops being free (the ridge, about dense peak ÷ bandwidth × bytes
    /// per weight ÷ 2 sequences).
    /// </summary>
    /// <param name="batch">b.</param>
    /// <returns><see langword="true"/> when its FLOP take longer than its bytes.</returns>
    public bool DecodeMatmulsComputeBound(double batch)
    {
        double expertsRead = _moe ? _experts * (1 - Math.Pow(1 - (_activeExperts / _experts), batch)) : 1;
        double assignments = _moe ? batch * _activeExperts : batch;
        double flop = 2 * assignments * _h * _ffn * _upMatrices;
        double bytes = (expertsRead * ((_h * _ffn * _upMatrices * _matrixBytes) + (_upBiases * _plainBytes)))
            + (assignments * _h * _activationBytes) + (assignments * _ffn * _upMatrices * _activationBytes);
        return flop / _matrixRate > bytes / _bandwidth;
    }

    /// <summary>Evaluates the prefill of b prompts of p tokens: the logits of the last position only.</summary>
    /// <param name="batch">b.</param>
    /// <param name="promptTokens">p.</param>
    /// <returns>The step.</returns>
    public StepCost Prefill(double batch, double promptTokens)
    {
        var acc = default(StepCost);
        AddFixed(ref acc, batch, promptTokens);
        AddAttention(ref acc, batch, promptTokens, 0);
        return acc;
    }

    /// <summary>Evaluates one decode step of b sequences at a context of c tokens: it attends c keys, its own among them.</summary>
    /// <param name="batch">b.</param>
    /// <param name="context">c, the tokens each sequence attends (≥ 1).</param>
    /// <returns>The step.</returns>
    public StepCost Decode(double batch, double context)
    {
        var acc = default(StepCost);
        AddFixed(ref acc, batch, 1);
        AddAttention(ref acc, batch, 1, context - 1);
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
        AddFixed(ref fixedPart, batch, 1);
        var attention = default(StepCost);
        long steps = (long)outputTokens;
        for (long i = 0; i < steps; i++)
        {
            AddAttention(ref attention, batch, 1, promptTokens + i - 1);
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
    public double WorkspaceBytes(double batch, double promptTokens) => Prefill(batch, promptTokens).WorkspaceBytes + (4 * batch * _vocab);

    /// <summary>The operations whose size does not depend on the context: projections, MLP, norms, adds, embedding and logits.</summary>
    private void AddFixed(ref StepCost acc, double b, double q)
    {
        double n = b * q;
        double h = _h;
        double x = _activationBytes;
        double qWidth = _queryHeads * _d;
        double kvWidth = _kvHeads * _d;

        var layer = default(StepCost);
        Norm(ref layer, n);

        double qkvColumns = qWidth + (2 * kvWidth);
        Op(
            ref layer,
            (2 * n * h * qkvColumns) + (2 * n * _relativePositions),
            (((h * qkvColumns) + _relativePositions) * _matrixBytes) + (_qkvBiases * _plainBytes),
            (n * h * x) + (n * qWidth * x),
            2 * n * kvWidth * _kvBytes,
            matrix: true);

        Op(ref layer, 2 * n * qWidth * h, (qWidth * h * _matrixBytes) + (_outputBias * _plainBytes), (n * qWidth * x) + (n * h * x), 0, matrix: true);
        AllReduce(ref layer, n * h * x);
        Op(ref layer, n * h, 0, 3 * n * h * x, 0);
        if (_normsPerLayer == 2)
        {
            Norm(ref layer, n);
        }

        double expertsRead = 1;
        double assignments = n;
        if (_moe)
        {
            Op(ref layer, 2 * n * h * _experts, h * _experts * _plainBytes, (n * h * x) + (n * _experts * x), 0);
            expertsRead = _experts * (1 - Math.Pow(1 - (_activeExperts / _experts), n));
            assignments = n * _activeExperts;
        }

        double f = _ffn;
        double u = _upMatrices;
        Op(ref layer, 2 * assignments * h * f * u, expertsRead * ((h * f * u * _matrixBytes) + (_upBiases * _plainBytes)), (assignments * h * x) + (assignments * f * u * x), 0, matrix: true);
        if (_swiglu)
        {
            Op(ref layer, 5 * assignments * f, 0, 3 * assignments * f * x, 0);
        }
        else
        {
            Op(ref layer, 8 * assignments * f, 0, 2 * assignments * f * x, 0);
        }

        Op(ref layer, 2 * assignments * f * h, expertsRead * ((f * h * _matrixBytes) + (_downBias * _plainBytes)), (assignments * f * x) + (assignments * h * x), 0, matrix: true);
        AllReduce(ref layer, n * h * x);
        Op(ref layer, n * h, 0, 3 * n * h * x, 0);

        double workspace = layer.WorkspaceBytes;
        layer.Scale(_layers);
        layer.WorkspaceBytes = workspace;
        acc.Add(layer);

        // The embedding gather reads n rows of the table (and of a learned position table, added in).
        double gathered = _learnedPositions ? 2 : 1;
        Op(ref acc, _learnedPositions ? n * h : 0, gathered * n * h * _plainBytes, n * h * x, 0);

        // Final norm and logits for the last position of each sequence.
        Op(ref acc, _normFlopPerElement * b * h, _normParameters * _plainBytes, 2 * b * h * x, 0);
        Op(ref acc, 2 * b * h * _vocab, h * _vocab * _plainBytes, (b * h * x) + (b * _vocab * x), 0);
    }

    /// <summary>The attention of q new tokens per sequence over c0 cached tokens plus themselves.</summary>
    private void AddAttention(ref StepCost acc, double b, double q, double cached)
    {
        double x = _activationBytes;
        double qWidth = _queryHeads * _d;
        double kvWidth = _kvHeads * _d;
        double n = b * q;
        double keys = cached + q;
        var layer = default(StepCost);
        if (_fused)
        {
            double pairs = (q * cached) + (q * (q + 1) / 2);
            Op(ref layer, b * _queryHeads * pairs * ((4 * _d) + 5), 0, 2 * n * qWidth * x, 2 * b * keys * kvWidth * _kvBytes);
        }
        else
        {
            double pairs = q * keys;
            double scores = b * _queryHeads * pairs * x;
            Op(ref layer, 2 * b * _queryHeads * _d * pairs, 0, (n * qWidth * x) + scores, b * keys * kvWidth * _kvBytes);
            Op(ref layer, 5 * b * _queryHeads * pairs, 0, 2 * scores, 0);
            Op(ref layer, 2 * b * _queryHeads * _d * pairs, 0, scores + (n * qWidth * x), b * keys * kvWidth * _kvBytes);
        }

        double workspace = layer.WorkspaceBytes;
        layer.Scale(_layers);
        layer.WorkspaceBytes = workspace;
        acc.Add(layer);
    }

    private void Norm(ref StepCost acc, double n) =>
        Op(ref acc, _normFlopPerElement * n * _h, _normParameters * _plainBytes, 2 * n * _h * _activationBytes, 0);

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
    AttentionKernel Attention);

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
