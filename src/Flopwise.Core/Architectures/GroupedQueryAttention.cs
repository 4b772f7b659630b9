using System.Globalization;
using Flopwise.Hardware;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// Multi-head attention with k key/value heads: multi-head (k = a), multi-query (k = 1) or grouped-query attention.
/// </summary>
/// <remarks>
/// <para>
/// Parameters (docs/formulas.md, "Parameters from an architecture"), with q = a·d and kv = k·d: Q and O 2·h·q, K and V 2·h·kv; biases q + 2·kv + h
/// (<see cref="Biases"/>) or q + 2·kv (<see cref="QkvBiases"/>); Transformer-XL relative positions one h·q projection
/// (<see cref="PositionKind.Relative"/>). KV cache: 2·k·d elements per token per layer (k, not a, heads). Tensor
/// parallelism gives each GPU a/t query heads and max(1, k/t) KV heads. A variant that keeps these projections and
/// changes what a layer attends (a sliding window) derives from this record. Immutable and thread-safe.
/// </para>
/// </remarks>
public record GroupedQueryAttention : Attention
{
    /// <summary>Gets k, the key/value heads (divides <see cref="Attention.Heads"/>).</summary>
    public required int KvHeads { get; init; }

    /// <summary>Gets d, the width of one head.</summary>
    public required int DHead { get; init; }

    /// <summary>Gets a value indicating whether every projection has a bias (GPT-2/3, GPT-NeoX).</summary>
    public bool Biases { get; init; }

    /// <summary>Gets a value indicating whether only Q, K and V have biases (Qwen2); ignored with <see cref="Biases"/>.</summary>
    public bool QkvBiases { get; init; }

    /// <summary>Gets a value indicating whether the layer projects relative position encodings (Transformer-XL: one h·q matrix).</summary>
    public bool RelativePositions { get; init; }

    /// <summary>Gets a value indicating whether k was given (validated) rather than defaulted to a.</summary>
    internal bool KvHeadsGiven { get; init; }

    /// <summary>Gets a value indicating whether d was given (validated) rather than defaulted to h/a.</summary>
    internal bool DHeadGiven { get; init; }

    /// <inheritdoc/>
    public override long Parameters
    {
        get
        {
            long h = DModel;
            long q = (long)Heads * DHead;
            long kv = (long)KvHeads * DHead;
            long matrices = (2 * h * q) + (2 * h * kv);
            long biases = Biases ? q + (2 * kv) + h : QkvBiases ? q + (2 * kv) : 0;
            long relativePositions = RelativePositions ? h * q : 0;
            return matrices + biases + relativePositions;
        }
    }

    /// <inheritdoc/>
    /// <remarks>4·a·d·T: 2·d·T for the scores and 2·d·T for the weighted sum, per head.</remarks>
    public override double ContextFlopPerToken(double context) => 4.0 * Heads * DHead * context;

    /// <inheritdoc/>
    /// <remarks>2·k·d × bytes per element (K and V). At bf16 and d 128: 512 bytes per KV head.</remarks>
    public override double KvBytesPerToken(DataType type) => 2.0 * KvHeads * DHead * DataTypes.BytesPerElement(type);

    /// <inheritdoc/>
    public override double KvHeadsPerGpu(double tensorParallel) => Math.Max(1, KvHeads / tensorParallel);

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors)
    {
        bool headsValid = CheckCount(errors, "heads", Heads, ModelShape.MaxHeads);
        if (KvHeadsGiven && CheckCount(errors, "kv-heads", KvHeads, ModelShape.MaxHeads) && headsValid && Heads % KvHeads != 0)
        {
            errors.Add(new FieldError("kv-heads", ArchitectureMessages.MustDivideHeads(Heads), Format(KvHeads), ArchitectureMessages.DivisorOf(Heads)));
        }

        if (DHeadGiven)
        {
            CheckCount(errors, "d-head", DHead, ModelShape.MaxDHead);
        }
        else if (headsValid && DModel > 0 && DModel % Heads != 0)
        {
            errors.Add(new FieldError("d-head", Messages.Missing, Messages.Nothing, ArchitectureMessages.DHeadNeeded(DModel, Heads)));
        }
    }

    /// <inheritdoc/>
    internal override FieldError? CheckTensorParallel(string field, double tensorParallel, string modelName)
    {
        double t = tensorParallel;
        string tp = InputSpec.Format(t);
        string heads = Heads.ToString(CultureInfo.InvariantCulture);
        string kvHeads = KvHeads.ToString(CultureInfo.InvariantCulture);
        if (Heads % t != 0)
        {
            return new FieldError(field, $"does not divide the {heads} query heads of {modelName}", tp, "a divisor of " + heads);
        }

        if (KvHeads >= t && KvHeads % t != 0)
        {
            return new FieldError(field, $"does not divide the {kvHeads} key/value heads of {modelName}", tp, "a divisor of " + kvHeads + " or a multiple of it");
        }

        if (KvHeads < t && t % KvHeads != 0)
        {
            return new FieldError(field, $"is not a multiple of the {kvHeads} key/value heads of {modelName}, so they cannot be replicated evenly", tp, "a multiple of " + kvHeads);
        }

        return null;
    }

    /// <inheritdoc/>
    internal override double WeightBytesPerGpu(OperationSizes sizes)
    {
        (double h, double q, double kv) = Widths(sizes.TensorParallel);
        double relativePositions = RelativePositions ? h * q : 0;
        return ((h * (q + (2 * kv))) + (q * h) + relativePositions) * sizes.MatrixBytes
            + ((QkvBiasElements(q, kv) + OutputBiasElements) * sizes.PlainBytes);
    }

    /// <inheritdoc/>
    internal override double KvBytesPerTokenPerGpu(OperationSizes sizes) => 2 * KvHeadsPerGpu(sizes.TensorParallel) * DHead * sizes.KvBytes;

    /// <inheritdoc/>
    internal override void AddProjections(OperationSink sink, double tokens)
    {
        OperationSizes s = sink.Sizes;
        (double h, double qWidth, double kvWidth) = Widths(s.TensorParallel);
        double n = tokens;
        double x = s.ActivationBytes;
        double relativePositions = RelativePositions ? h * qWidth : 0;
        double qkvColumns = qWidth + (2 * kvWidth);
        sink.Add(
            (2 * n * h * qkvColumns) + (2 * n * relativePositions),
            (((h * qkvColumns) + relativePositions) * s.MatrixBytes) + (QkvBiasElements(qWidth, kvWidth) * s.PlainBytes),
            (n * h * x) + (n * qWidth * x),
            2 * n * kvWidth * s.KvBytes,
            matrix: true);
        sink.Add(2 * n * qWidth * h, (qWidth * h * s.MatrixBytes) + (OutputBiasElements * s.PlainBytes), (n * qWidth * x) + (n * h * x), 0, matrix: true);
    }

    /// <inheritdoc/>
    internal override void AddContext(OperationSink sink, double batch, double newTokens, double cached, bool fused)
    {
        OperationSizes s = sink.Sizes;
        double b = batch;
        double q = newTokens;
        double queryHeads = Heads / s.TensorParallel;
        double d = DHead;
        double x = s.ActivationBytes;
        double qWidth = queryHeads * d;
        double kvWidth = KvHeadsPerGpu(s.TensorParallel) * d;
        double n = b * q;
        double keys = cached + q;
        if (fused)
        {
            double pairs = (q * cached) + (q * (q + 1) / 2);
            sink.Add(b * queryHeads * pairs * ((4 * d) + 5), 0, 2 * n * qWidth * x, 2 * b * keys * kvWidth * s.KvBytes);
        }
        else
        {
            double pairs = q * keys;
            double scores = b * queryHeads * pairs * x;
            sink.Add(2 * b * queryHeads * d * pairs, 0, (n * qWidth * x) + scores, b * keys * kvWidth * s.KvBytes);
            sink.Add(5 * b * queryHeads * pairs, 0, 2 * scores, 0);
            sink.Add(2 * b * queryHeads * d * pairs, 0, scores + (n * qWidth * x), b * keys * kvWidth * s.KvBytes);
        }
    }

    private double OutputBiasElements => Biases ? DModel : 0;

    private double QkvBiasElements(double qWidth, double kvWidth) => Biases || QkvBiases ? qWidth + (2 * kvWidth) : 0;

    /// <summary>h, and the query and KV widths one GPU holds: (a/t)·d and max(1, k/t)·d.</summary>
    private (double H, double Query, double Kv) Widths(double t) => (DModel, Heads / t * DHead, KvHeadsPerGpu(t) * DHead);
}
