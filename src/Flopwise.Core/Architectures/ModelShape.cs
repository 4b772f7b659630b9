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
/// (see <see cref="ParametersPerLayer"/>), so GPT-3, PaLM, LLaMA and Mixtral differ only in their flags. The shape is
/// built from its components (<see cref="Embedding"/>, <see cref="Attention"/>, <see cref="MlpBlock"/>,
/// <see cref="Norms"/>, <see cref="Head"/>), made from these fields on each read; every count is a sum over them.
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
    private ComponentCache _components;

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

    /// <summary>Gets the input embedding: the V·h token table and a learned position table (<see cref="PositionKind.Learned"/>).</summary>
    public Embedding Embedding => Built.Embedding;

    /// <summary>Gets the attention of one layer.</summary>
    public Attention Attention => Built.Attention;

    /// <summary>Gets the MLP of one layer: a <see cref="DenseMlp"/>, or a <see cref="MixtureOfExperts"/> unless E = e = 1.</summary>
    public MlpBlock MlpBlock => Built.Mlp;

    /// <summary>Gets the norms of one layer.</summary>
    public Norms Norms => Built.Norms;

    /// <summary>Gets the output head: the final norm and the projection to logits.</summary>
    public OutputHead Head => Built.Head;

    /// <summary>Gets the components: the embedding, the per-layer attention, MLP and norms, and the head.</summary>
    /// <remarks><see cref="TotalParameters"/> = L × (attention + MLP + norms) + embedding + head.</remarks>
    public IReadOnlyList<ModelComponent> Components => [Embedding, Attention, MlpBlock, Norms, Head];

    /// <summary>Gets the components, made from the fields on first read and kept (see <see cref="ComponentCache"/>).</summary>
    private BuiltComponents Built
    {
        get
        {
            if (_components.For(this) is BuiltComponents built)
            {
                return built;
            }

            var norms = new Norms { DModel = DModel, Kind = Norm, ParallelBlock = ParallelBlock };
            built = new BuiltComponents(
                this,
                new Embedding
                {
                    Vocab = Vocab,
                    DModel = DModel,
                    PositionRows = Position == PositionKind.Learned ? MaxPositions : 0,
                    LearnedPositions = Position == PositionKind.Learned,
                },
                new GroupedQueryAttention
                {
                    DModel = DModel,
                    Heads = Heads,
                    KvHeads = KvHeads,
                    DHead = DHead,
                    Biases = Biases,
                    QkvBiases = QkvBiases,
                    RelativePositions = Position == PositionKind.Relative,
                    KvHeadsGiven = _kvHeads is not null,
                    DHeadGiven = _dHead is not null,
                },
                Experts == 1 && ActiveExperts == 1
                    ? new DenseMlp { DModel = DModel, DFf = DFf, Kind = Mlp, Biases = Biases }
                    : new MixtureOfExperts { DModel = DModel, DFf = DFf, Kind = Mlp, Biases = Biases, Experts = Experts, ActiveExperts = ActiveExperts },
                norms,
                new OutputHead { Vocab = Vocab, DModel = DModel, FinalNorm = norms, Tied = TiedEmbeddings });
            _components = new ComponentCache(built);
            return built;
        }
    }

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

    /// <summary>The components of one shape instance, with the instance they were made for.</summary>
    private sealed record BuiltComponents(ModelShape Owner, Embedding Embedding, Attention Attention, MlpBlock Mlp, Norms Norms, OutputHead Head);

    /// <summary>
    /// Holds the components once made. A <c>with</c> copy starts with its original's cache, whose owner is not the
    /// copy, so the copy makes its own. One reference, so a read on another thread sees either nothing or a whole
    /// set. Equal to every other cache, so the record's equality and hash code compare the shape's fields only.
    /// </summary>
    private readonly struct ComponentCache(BuiltComponents built) : IEquatable<ComponentCache>
    {
        private readonly BuiltComponents? _built = built;

        public BuiltComponents? For(ModelShape shape) => ReferenceEquals(_built?.Owner, shape) ? _built : null;

        public bool Equals(ComponentCache other) => true;

        public override bool Equals(object? obj) => obj is ComponentCache;

        public override int GetHashCode() => 0;
    }
}
