using System.Globalization;

namespace Flopwise.Architectures;

/// <summary>
/// The shape of a decoder-only transformer: layers, widths, heads, MLP, norms, positions, embeddings and experts;
/// enough to count its parameters, its FLOP per token and its KV cache exactly.
/// </summary>
/// <remarks>
/// <para>
/// Notation (docs/formulas.md): L <see cref="Layers"/>, h <see cref="DModel"/>, a <see cref="Heads"/>, k
/// <see cref="KvHeads"/>, d <see cref="DHead"/>, f <see cref="DFf"/>, V <see cref="Vocab"/>, E <see cref="Experts"/>,
/// e <see cref="ActiveExperts"/>, T the sequence length. Every count is derived from one general per-layer count
/// (see <see cref="ParametersPerLayer"/>), so GPT-3, PaLM, LLaMA and Mixtral differ only in their flags.
/// </para>
/// <para>
/// Defaults describe a Llama-style model: SwiGLU, RMSNorm, rotary positions, no biases, untied embeddings, one
/// expert; <see cref="KvHeads"/> defaults to <see cref="Heads"/>, <see cref="DHead"/> to h/a and
/// <see cref="MaxPositions"/> to <see cref="ContextLength"/>. Counts left at 0 are reported by
/// <see cref="Validate"/>; the derived counts assume a valid shape. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial record ModelShape
{
    private readonly int? _kvHeads;
    private readonly int? _dHead;
    private readonly int? _maxPositions;

    /// <summary>Gets the name of the shape, e.g. a preset id such as <c>llama-2-7b</c>; default <c>custom</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Gets L, the number of transformer layers (1 to <see cref="MaxLayers"/>).</summary>
    public int Layers { get; init; }

    /// <summary>Gets h, the model (residual stream) width d_model (1 to <see cref="MaxDModel"/>).</summary>
    public int DModel { get; init; }

    /// <summary>Gets a, the number of query heads (1 to <see cref="MaxHeads"/>).</summary>
    public int Heads { get; init; }

    /// <summary>Gets k, the number of key/value heads: a for multi-head, 1 for multi-query, else grouped-query attention.</summary>
    /// <remarks>Defaults to <see cref="Heads"/>; must divide <see cref="Heads"/>.</remarks>
    public int KvHeads
    {
        get => _kvHeads ?? Heads;
        init => _kvHeads = value;
    }

    /// <summary>Gets d, the width of one attention head (1 to <see cref="MaxDHead"/>).</summary>
    /// <remarks>
    /// Defaults to h/a (integer division; <see cref="Validate"/> asks for an explicit value when a does not divide
    /// h). Usually a·d = h; PaLM-540B has 48 × 256 ≠ 18,432.
    /// </remarks>
    public int DHead
    {
        get => _dHead ?? (Heads > 0 ? DModel / Heads : 0);
        init => _dHead = value;
    }

    /// <summary>Gets f, the inner width of the MLP d_ff, per expert (1 to <see cref="MaxDFf"/>).</summary>
    public int DFf { get; init; }

    /// <summary>Gets the MLP kind: 2 matrices (GELU) or 3 (SwiGLU); default <see cref="MlpKind.SwiGlu"/>.</summary>
    public MlpKind Mlp { get; init; } = MlpKind.SwiGlu;

    /// <summary>Gets the norm kind: 2·h (LayerNorm) or h (RMSNorm) parameters per norm; default <see cref="NormKind.RmsNorm"/>.</summary>
    public NormKind Norm { get; init; } = NormKind.RmsNorm;

    /// <summary>Gets the position encoding; default <see cref="PositionKind.Rotary"/>.</summary>
    public PositionKind Position { get; init; } = PositionKind.Rotary;

    /// <summary>
    /// Gets a value indicating whether every linear layer has a bias (GPT-2/3, GPT-NeoX): a·d + 2·k·d + h in
    /// attention and f + h (GELU) or 2·f + h (SwiGLU) in each MLP.
    /// </summary>
    public bool Biases { get; init; }

    /// <summary>
    /// Gets a value indicating whether only the query, key and value projections have biases (Qwen2): a·d + 2·k·d
    /// per layer. Ignored when <see cref="Biases"/> is set, which already includes them.
    /// </summary>
    public bool QkvBiases { get; init; }

    /// <summary>
    /// Gets a value indicating whether attention and MLP share one norm per layer (PaLM's parallel block) instead of
    /// having one each.
    /// </summary>
    /// <remarks>
    /// Only the parameter count depends on it. GPT-NeoX's parallel residual keeps two norms, so it is not a parallel
    /// block in this sense.
    /// </remarks>
    public bool ParallelBlock { get; init; }

    /// <summary>Gets a value indicating whether the output head shares the input embedding table (counted once, V·h).</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>Gets V, the vocabulary size (1 to <see cref="MaxVocab"/>).</summary>
    public int Vocab { get; init; }

    /// <summary>Gets the context length the model was trained for, in tokens (1 to <see cref="MaxContext"/>).</summary>
    public int ContextLength { get; init; }

    /// <summary>
    /// Gets the sequence length of most of pre-training, when it is shorter than <see cref="ContextLength"/> and
    /// known (Llama 3.1: 8,192 before long-context training to 131,072); otherwise <see langword="null"/>.
    /// </summary>
    public int? PretrainingContext { get; init; }

    /// <summary>Gets the rows of a learned position table; defaults to <see cref="ContextLength"/>.</summary>
    /// <remarks>Counts only when <see cref="Position"/> is <see cref="PositionKind.Learned"/> (GPT-2's n_positions).</remarks>
    public int MaxPositions
    {
        get => _maxPositions ?? ContextLength;
        init => _maxPositions = value;
    }

    /// <summary>Gets E, the experts per MLP (1 = dense, up to <see cref="MaxExperts"/>); default 1.</summary>
    public int Experts { get; init; } = 1;

    /// <summary>Gets e, the experts each token is routed to (1 to <see cref="Experts"/>); default 1.</summary>
    public int ActiveExperts { get; init; } = 1;

    /// <summary>Gets a value indicating whether the MLP is a mixture of experts (E &gt; 1).</summary>
    public bool IsMixtureOfExperts => Experts > 1;

    /// <summary>
    /// Gets the sequence length T to use for attention FLOP when none is given: <see cref="PretrainingContext"/>
    /// when known, else <see cref="ContextLength"/>.
    /// </summary>
    public int DefaultSequenceLength => PretrainingContext ?? ContextLength;

    /// <summary>Describes the shape in one line, invariant culture, e.g. <c>llama-2-7b: L 32, h 4096, a 32, k 32, d 128, f 11008 swiglu, V 32000, ctx 4096</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string experts = IsMixtureOfExperts
            ? string.Create(CultureInfo.InvariantCulture, $", {ActiveExperts} of {Experts} experts")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: L {Layers}, h {DModel}, a {Heads}, k {KvHeads}, d {DHead}, f {DFf} {ArchitectureKinds.Name(Mlp)}, V {Vocab}, ctx {ContextLength}{experts}");
    }
}
