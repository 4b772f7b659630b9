using CsCheck;
using Flopwise.Architectures;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>CsCheck properties over random valid shapes.</summary>
public sealed class ModelShapePropertyTests
{
    private static readonly Gen<ModelShape> Shapes =
        from layers in Gen.Int[1, 100]
        from heads in Gen.Int[1, 64]
        from dHead in Gen.Int[1, 256]
        from kvDivisor in Gen.Int[1, 8]
        from ffMultiple in Gen.Int[1, 8]
        from vocab in Gen.Int[1, 300_000]
        from context in Gen.Int[1, 131_072]
        from experts in Gen.Int[1, 16]
        from activeFraction in Gen.Double[0, 1]
        from mlp in Gen.Enum<MlpKind>()
        from norm in Gen.Enum<NormKind>()
        from position in Gen.Enum<PositionKind>()
        from flags in Gen.Int[0, 15]
        select new ModelShape
        {
            Layers = layers,
            Heads = heads,
            DHead = dHead,
            DModel = heads * dHead,
            KvHeads = heads % kvDivisor == 0 ? heads / kvDivisor : heads,
            DFf = ffMultiple * heads * dHead,
            Vocab = vocab,
            ContextLength = context,
            Experts = experts,
            ActiveExperts = 1 + (int)Math.Floor(activeFraction * (experts - 1)),
            Mlp = mlp,
            Norm = norm,
            Position = position,
            Biases = (flags & 1) != 0,
            QkvBiases = (flags & 2) != 0,
            ParallelBlock = (flags & 4) != 0,
            TiedEmbeddings = (flags & 8) != 0,
        };

    [Fact]
    public void Generator_ProducesValidShapes()
    {
        Shapes.Sample(shape => Assert.Empty(shape.Validate()));
    }

    [Fact]
    public void TrainingFlopPerToken_AnyValidShapeAndSeq_OrdersSixNCausalModel()
    {
        Gen.Select(Shapes, Gen.Int[1, 1_000_000]).Sample((shape, seq) =>
        {
            double sixN = shape.TrainingFlopPerToken(FlopConvention.SixN, seq);
            double causal = shape.TrainingFlopPerToken(FlopConvention.Causal, seq);
            double model = shape.TrainingFlopPerToken(FlopConvention.Model, seq);

            Assert.True(sixN < causal, $"{shape}: 6n {sixN} !< causal {causal} at T {seq}");
            Assert.True(causal < model, $"{shape}: causal {causal} !< model {model} at T {seq}");
        });
    }

    [Fact]
    public void HardwareFlopPerToken_AnyValidShape_NoneLeSelectiveLeFull()
    {
        Gen.Select(Shapes, Gen.Int[1, 100_000], Gen.Enum<FlopConvention>()).Sample((shape, seq, convention) =>
        {
            double none = shape.HardwareFlopPerToken(convention, seq, Recompute.None);
            double selective = shape.HardwareFlopPerToken(convention, seq, Recompute.Selective);
            double full = shape.HardwareFlopPerToken(convention, seq, Recompute.Full);

            Assert.Equal(shape.TrainingFlopPerToken(convention, seq), none);
            Assert.True(none < selective);
            Assert.True(none < full);
        });
    }

    [Fact]
    public void TotalParameters_MoreLayers_Increases()
    {
        Gen.Select(Shapes, Gen.Int[1, 50]).Sample((shape, extra) =>
        {
            ModelShape deeper = shape with { Layers = shape.Layers + extra };

            Assert.True(deeper.TotalParameters > shape.TotalParameters);
            Assert.True(deeper.ActiveParameters > shape.ActiveParameters);
            Assert.Equal(shape.EmbeddingParameters, deeper.EmbeddingParameters);
        });
    }

    [Fact]
    public void Parameters_AnyValidShape_PartsAreConsistent()
    {
        Shapes.Sample(shape =>
        {
            Assert.True(shape.ActiveParameters <= shape.TotalParameters);
            Assert.Equal(shape.TotalParameters, shape.NonEmbeddingParameters + shape.EmbeddingParameters);
            Assert.True(shape.NonEmbeddingParameters > 0);
        });
    }
}
