using Flopwise.Architectures;
using Flopwise.Hardware;
using static Flopwise.Core.Tests.Architectures.ModelShapeParameterTests;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>
/// The components a <see cref="ModelShape"/> is built from: each one's parameters, FLOP, KV bytes and roofline
/// operations, and their sums against the shape's totals (and the per-layer formula the shape used before them).
/// </summary>
public sealed class ModelComponentTests
{
    private static readonly OperationSizes OneGpuBf16 = new(1, 2, 2, 2, 2);

    public static TheoryData<string> PresetIds()
    {
        var data = new TheoryData<string>();
        foreach (ModelPreset preset in ModelCatalog.Default.All)
        {
            data.Add(preset.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Sums_EveryPreset_EqualTheShapeTotals(string id)
    {
        ModelShape m = Preset(id);
        long perLayer = m.Attention.Parameters + m.MlpBlock.Parameters + m.Norms.Parameters;
        long activePerLayer = m.Attention.ActiveParameters + m.MlpBlock.ActiveParameters + m.Norms.ActiveParameters;

        Assert.Equal(m.ParametersPerLayer, perLayer);
        Assert.Equal(m.TotalParameters, (m.Layers * perLayer) + m.Embedding.Parameters + m.Head.Parameters);
        Assert.Equal(m.ActiveParameters, (m.Layers * activePerLayer) + m.Embedding.Parameters + m.Head.Parameters);
        Assert.Equal(m.EmbeddingParameters, m.Embedding.Parameters + m.Head.OutputParameters);
        Assert.Equal(m.KvBytesPerToken(DataType.Bf16), m.Layers * m.Attention.KvBytesPerToken(DataType.Bf16));
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Sums_EveryPreset_EqualTheOnePerLayerFormulaTheComponentsReplaced(string id)
    {
        ModelShape m = Preset(id);
        (long perLayer, long activePerLayer, long embedding) = OldCounts(m);
        long norm = m.Norm == NormKind.LayerNorm ? 2L * m.DModel : m.DModel;
        double attentionWidthTimesLayers = (double)m.Layers * m.Heads * m.DHead;
        int seq = m.DefaultSequenceLength;

        Assert.Equal(perLayer, m.ParametersPerLayer);
        Assert.Equal(activePerLayer, m.ActiveParametersPerLayer);
        Assert.Equal((m.Layers * perLayer) + norm + embedding, m.TotalParameters);
        Assert.Equal((m.Layers * activePerLayer) + norm + embedding, m.ActiveParameters);
        Assert.Equal(embedding, m.EmbeddingParameters);
        Assert.Equal(2.0 * m.Layers * m.KvHeads * m.DHead * 2, m.KvBytesPerToken(DataType.Bf16));
        double sixN = 6.0 * m.ActiveParameters;
        Assert.Equal(sixN + (12.0 * attentionWidthTimesLayers * seq), m.TrainingFlopPerToken(FlopConvention.Model, seq));
        Assert.Equal(sixN + (6.0 * attentionWidthTimesLayers * seq), m.TrainingFlopPerToken(FlopConvention.Causal, seq));
        Assert.Equal(sixN + (4.0 * attentionWidthTimesLayers * seq), m.HardwareFlopPerToken(FlopConvention.SixN, seq, Recompute.Selective));
    }

    [Fact]
    public void Attention_Llama2_70B_CountsGroupedQueryProjectionsAndKvHeads()
    {
        var attention = Assert.IsType<GroupedQueryAttention>(Preset("llama-2-70b").Attention);

        Assert.Equal((2L * 8192 * 8192) + (2L * 8192 * 8 * 128), attention.Parameters);
        Assert.Equal(2.0 * 8 * 128 * 2, attention.KvBytesPerToken(DataType.Bf16));
        Assert.Equal(4.0 * 64 * 128 * 4096, attention.ContextFlopPerToken(4096));
        Assert.Equal(2.0 * attention.Parameters, attention.ForwardFlopPerToken);
        Assert.Equal(1, attention.KvHeadsPerGpu(16));
        Assert.Equal(2, attention.KvHeadsPerGpu(4));
    }

    [Fact]
    public void Attention_Gpt3_CountsEveryBias()
    {
        ModelShape gpt3 = Preset("gpt-3-175b");
        long h = gpt3.DModel;

        Assert.Equal((4 * h * h) + (4 * h), gpt3.Attention.Parameters);
    }

    [Fact]
    public void Attention_RelativePositions_AddOneProjection()
    {
        ModelShape chinchilla = Preset("chinchilla-70b");
        long h = chinchilla.DModel;
        long q = (long)chinchilla.Heads * chinchilla.DHead;

        Assert.Equal((4 * h * q) + (h * q), chinchilla.Attention.Parameters);
    }

    [Fact]
    public void Attention_TensorParallelSplit_NamesTheFirstHeadCountItBreaks()
    {
        Attention attention = Preset("llama-2-70b").Attention;

        Assert.Null(attention.CheckTensorParallel("gpus", 16, "llama-2-70b"));
        Assert.Equal(
            "gpus: does not divide the 64 query heads of llama-2-70b (got 3; expected a divisor of 64)",
            attention.CheckTensorParallel("gpus", 3, "llama-2-70b")!.ToString());
        Assert.Equal(
            "gpus: is not a multiple of the 8 key/value heads of x, so they cannot be replicated evenly (got 12; expected a multiple of 8)",
            (attention with { Heads = 96 }).CheckTensorParallel("gpus", 12, "x")!.ToString());
    }

    [Fact]
    public void Mlp_DenseModel_IsOneExpert()
    {
        var mlp = Assert.IsType<DenseMlp>(Preset("llama-2-7b").MlpBlock);

        Assert.Equal(3L * 4096 * 11008, mlp.Parameters);
        Assert.Equal(mlp.Parameters, mlp.ActiveParameters);
        Assert.Equal(2L * 4 * 12288 * 12288 + (4 * 12288) + 12288, Preset("gpt-3-175b").MlpBlock.Parameters);
    }

    [Fact]
    public void Mlp_Mixtral_CountsEveryExpertAndTheRouter_ActiveTwo()
    {
        var moe = Assert.IsType<MixtureOfExperts>(Preset("mixtral-8x7b").MlpBlock);
        long expert = 3L * 4096 * 14336;

        Assert.Equal(expert, moe.ParametersPerExpert);
        Assert.Equal(4096L * 8, moe.RouterParameters);
        Assert.Equal((8 * expert) + (4096L * 8), moe.Parameters);
        Assert.Equal((2 * expert) + (4096L * 8), moe.ActiveParameters);
        Assert.Equal(2.0 * moe.ActiveParameters, moe.ForwardFlopPerToken);
    }

    [Fact]
    public void Norms_KindAndParallelBlock_SetTheirCount()
    {
        Assert.Equal(2L * 4096, Preset("llama-2-7b").Norms.Parameters);
        Assert.Equal(2L * 2 * 12288, Preset("gpt-3-175b").Norms.Parameters);
        Assert.Equal(18432L, Preset("palm-540b").Norms.Parameters);
        Assert.Equal(1, Preset("palm-540b").Norms.PerLayer);
    }

    [Fact]
    public void EmbeddingAndHead_CountTablesOnceWhenTied()
    {
        ModelShape gpt3 = Preset("gpt-3-175b");
        ModelShape llama = Preset("llama-2-7b");

        Assert.Equal((50257L * 12288) + (2048L * 12288), gpt3.Embedding.Parameters);
        Assert.Equal(32000L * 4096, llama.Head.OutputParameters);
        Assert.Equal(4096L + (32000L * 4096), llama.Head.Parameters);
        Assert.Equal(0, (llama with { TiedEmbeddings = true }).Head.OutputParameters);
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Operations_OneTokenOnOneGpu_SumToTheComponentsCounts(string id)
    {
        ModelShape m = Preset(id);

        var attention = new RecordingSink(OneGpuBf16);
        m.Attention.AddProjections(attention, 1);
        Assert.Equal(2.0 * m.Attention.Parameters, attention.WeightBytes);
        Assert.Equal(m.Attention.KvBytesPerToken(DataType.Bf16), attention.KvBytes);
        Assert.Equal(m.Attention.WeightBytesPerGpu(OneGpuBf16), attention.WeightBytes);

        var mlp = new RecordingSink(OneGpuBf16);
        m.MlpBlock.AddOperations(mlp, 1);
        Assert.Equal(2.0 * m.MlpBlock.ActiveParameters, mlp.WeightBytes, 1e-9);

        var norms = new RecordingSink(OneGpuBf16);
        for (int i = 0; i < m.Norms.PerLayer; i++)
        {
            m.Norms.AddNorm(norms, 1);
        }

        Assert.Equal(2.0 * m.Norms.Parameters, norms.WeightBytes);
        Assert.Equal(m.Norms.WeightBytesPerGpu(OneGpuBf16), norms.WeightBytes);

        var head = new RecordingSink(OneGpuBf16);
        m.Head.AddOperations(head, 1);
        Assert.Equal(2.0 * (m.Head.FinalNorm.ParametersPerNorm + ((long)m.Vocab * m.DModel)), head.WeightBytes);
    }

    [Theory]
    [InlineData("llama-2-7b")]
    [InlineData("mistral-7b")]
    [InlineData("mixtral-8x7b")]
    public void Operations_WithoutBiases_MatmulFlopAreTwicePerParameter(string id)
    {
        ModelShape m = Preset(id);
        var attention = new RecordingSink(OneGpuBf16);
        m.Attention.AddProjections(attention, 1);
        var mlp = new RecordingSink(OneGpuBf16);
        m.MlpBlock.AddOperations(mlp, 1);

        Assert.Equal(m.Attention.ForwardFlopPerToken, attention.Flop);
        Assert.Equal(m.MlpBlock.ForwardFlopPerToken, mlp.FlopWithWeights);
    }

    [Theory]
    [InlineData("llama-2-70b", 8)]
    [InlineData("mixtral-8x7b", 4)]
    [InlineData("gpt-3-175b", 8)]
    public void Operations_TensorParallel_SplitTheWeightsAsTheWeightCountsDo(string id, double t)
    {
        ModelShape m = Preset(id);
        var sizes = new OperationSizes(t, 2, 2, 2, 2);
        var attention = new RecordingSink(sizes);
        m.Attention.AddProjections(attention, 1);
        var mlp = new RecordingSink(sizes);
        // Enough tokens that a mixture of experts reads every expert: E·(1 − (1 − e/E)^n) = E.
        m.MlpBlock.AddOperations(mlp, m.MlpBlock is MixtureOfExperts ? double.PositiveInfinity : 1);

        Assert.Equal(m.Attention.WeightBytesPerGpu(sizes), attention.WeightBytes);
        Assert.Equal(m.Attention.KvBytesPerTokenPerGpu(sizes), attention.KvBytes);
        Assert.Equal(m.MlpBlock.WeightBytesPerGpu(sizes), mlp.WeightBytes);
    }

    [Fact]
    public void Context_FusedDecodeAtContextC_IsTheContextFlopPlusTheSoftmax()
    {
        ModelShape m = Preset("llama-3-8b");
        var sink = new RecordingSink(OneGpuBf16);
        m.Attention.AddContext(sink, 1, 1, 4095, fused: true);

        Assert.Equal(m.Attention.ContextFlopPerToken(4096) + (5.0 * m.Heads * 4096), sink.Flop);
        Assert.Equal(4096 * m.Attention.KvBytesPerToken(DataType.Bf16), sink.KvBytes);
    }

    [Fact]
    public void Validate_ComponentsReportTheirOwnFields()
    {
        var errors = new List<Flopwise.Inputs.FieldError>();
        new MixtureOfExperts { DModel = 8, DFf = 0, Kind = MlpKind.SwiGlu, Experts = 4, ActiveExperts = 5 }.Validate(errors);
        new Embedding { Vocab = 0, DModel = 8 }.Validate(errors);

        Assert.Equal(["d-ff", "active-experts", "vocab"], errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Components_ACopyWithAChangedField_MakesItsOwn_AndEqualityComparesFieldsOnly()
    {
        ModelShape llama = Preset("llama-2-7b");
        long before = llama.TotalParameters;
        ModelShape deeper = llama with { Layers = 64 };
        ModelShape gqa = llama with { KvHeads = 8 };

        Assert.Equal(before + (32 * llama.ParametersPerLayer), deeper.TotalParameters);
        Assert.Equal(8, Assert.IsType<GroupedQueryAttention>(gqa.Attention).KvHeads);
        Assert.Equal(32, Assert.IsType<GroupedQueryAttention>(llama.Attention).KvHeads);
        Assert.Equal(llama, llama with { });
        Assert.Equal(llama.GetHashCode(), (llama with { }).GetHashCode());
        Assert.Equal(new ModelShape { Layers = 2 }, (new ModelShape { Layers = 2 }) with { });
        Assert.Same(llama.Attention, llama.Attention);
    }

    /// <summary>The per-layer count the shape used before its components (docs/formulas.md, "Parameters from an architecture"), kept here as the reference.</summary>
    private static (long PerLayer, long ActivePerLayer, long Embedding) OldCounts(ModelShape m)
    {
        long h = m.DModel;
        long q = (long)m.Heads * m.DHead;
        long kv = (long)m.KvHeads * m.DHead;
        long f = m.DFf;
        long attention = (2 * h * q) + (2 * h * kv);
        long attentionBiases = m.Biases ? q + (2 * kv) + h : m.QkvBiases ? q + (2 * kv) : 0;
        long upProjections = m.Mlp == MlpKind.SwiGlu ? 2 : 1;
        long mlpPerExpert = ((upProjections + 1) * h * f) + (m.Biases ? (upProjections * f) + h : 0);
        long router = m.IsMixtureOfExperts ? h * m.Experts : 0;
        long norm = m.Norm == NormKind.LayerNorm ? 2 * h : h;
        long norms = (m.ParallelBlock ? 1 : 2) * norm;
        long relativePositions = m.Position == PositionKind.Relative ? h * q : 0;
        long Layer(int experts) => attention + attentionBiases + (experts * mlpPerExpert) + router + norms + relativePositions;
        long embedding = ((long)m.Vocab * m.DModel * (m.TiedEmbeddings ? 1 : 2)) + (m.Position == PositionKind.Learned ? (long)m.MaxPositions * m.DModel : 0);
        return (Layer(m.Experts), Layer(m.ActiveExperts), embedding);
    }

    private sealed class RecordingSink(OperationSizes sizes) : OperationSink(sizes)
    {
        public double Flop { get; private set; }

        public double FlopWithWeights { get; private set; }

        public double WeightBytes { get; private set; }

        public double KvBytes { get; private set; }

        public override void Add(double flop, double weightBytes, double activationBytes, double kvBytes, bool matrix = false)
        {
            Flop += flop;
            FlopWithWeights += weightBytes > 0 ? flop : 0;
            WeightBytes += weightBytes;
            KvBytes += kvBytes;
        }
    }
}
