namespace Flopwise.Architectures;

/// <content>The components the shape is built from; every count of the shape is a sum over them.</content>
public sealed partial record ModelShape
{
    /// <summary>Gets the input embedding: the V·h token table and a learned position table (<see cref="PositionKind.Learned"/>).</summary>
    public Embedding Embedding => new()
    {
        Vocab = Vocab,
        DModel = DModel,
        PositionRows = Position == PositionKind.Learned ? MaxPositions : 0,
        LearnedPositions = Position == PositionKind.Learned,
    };

    /// <summary>Gets the attention of one layer.</summary>
    public Attention Attention => new GroupedQueryAttention
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
    };

    /// <summary>Gets the MLP of one layer: a <see cref="DenseMlp"/>, or a <see cref="MixtureOfExperts"/> unless E = e = 1.</summary>
    public MlpBlock MlpBlock => Experts == 1 && ActiveExperts == 1
        ? new DenseMlp { DModel = DModel, DFf = DFf, Kind = Mlp, Biases = Biases }
        : new MixtureOfExperts { DModel = DModel, DFf = DFf, Kind = Mlp, Biases = Biases, Experts = Experts, ActiveExperts = ActiveExperts };

    /// <summary>Gets the norms of one layer.</summary>
    public Norms Norms => new() { DModel = DModel, Kind = Norm, ParallelBlock = ParallelBlock };

    /// <summary>Gets the output head: the final norm and the projection to logits.</summary>
    public OutputHead Head => new() { Vocab = Vocab, DModel = DModel, FinalNorm = Norms, Tied = TiedEmbeddings };

    /// <summary>Gets the components: the embedding, the per-layer attention, MLP and norms, and the head.</summary>
    /// <remarks><see cref="TotalParameters"/> = L × (attention + MLP + norms) + embedding + head.</remarks>
    public IReadOnlyList<ModelComponent> Components => [Embedding, Attention, MlpBlock, Norms, Head];
}
