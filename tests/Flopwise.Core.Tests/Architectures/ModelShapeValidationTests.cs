using Flopwise.Architectures;
using Flopwise.Inputs;
using static Flopwise.Core.Tests.Architectures.ModelShapeParameterTests;

namespace Flopwise.Core.Tests.Architectures;

/// <summary><see cref="ModelShape.Validate"/>: ranges, divisibility and field names (the CLI option names).</summary>
public sealed class ModelShapeValidationTests
{
    private static readonly ModelShape Valid = new()
    {
        Layers = 32,
        DModel = 4096,
        Heads = 32,
        KvHeads = 8,
        DFf = 14336,
        Vocab = 32000,
        ContextLength = 8192,
    };

    [Fact]
    public void Validate_EveryPreset_HasNoErrors()
    {
        Assert.All(ModelCatalog.Default.All, p => Assert.Empty(p.Shape.Validate()));
    }

    [Fact]
    public void Validate_DefaultShape_NamesEveryMissingCount()
    {
        IReadOnlyList<FieldError> errors = new ModelShape().Validate();

        Assert.Equal(["layers", "d-model", "heads", "d-ff", "vocab", "context"], errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Equal("must be at least 1", e.Problem));
        Assert.Equal("layers: must be at least 1 (got 0; expected a whole number from 1 to 10000)", errors[0].ToString());
    }

    [Theory]
    [InlineData("layers", 10_001, "must be at most 10000")]
    [InlineData("d-model", -5, "must be at least 1")]
    [InlineData("heads", 100_001, "must be at most 100000")]
    [InlineData("d-head", 0, "must be at least 1")]
    [InlineData("d-ff", 10_000_001, "must be at most 10000000")]
    [InlineData("vocab", 0, "must be at least 1")]
    [InlineData("context", 0, "must be at least 1")]
    [InlineData("pretraining-context", 0, "must be at least 1")]
    [InlineData("experts", 100_001, "must be at most 100000")]
    public void Validate_CountOutOfRange_NamesTheField(string field, int value, string problem)
    {
        ModelShape shape = field switch
        {
            "layers" => Valid with { Layers = value },
            "d-model" => Valid with { DModel = value },
            "heads" => Valid with { Heads = value, KvHeads = 1 },
            "d-head" => Valid with { DHead = value },
            "d-ff" => Valid with { DFf = value },
            "vocab" => Valid with { Vocab = value },
            "context" => Valid with { ContextLength = value },
            "pretraining-context" => Valid with { PretrainingContext = value },
            "experts" => Valid with { Experts = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        FieldError error = Assert.Single(shape.Validate());

        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Got);
    }

    [Fact]
    public void Validate_KvHeadsNotDividingHeads_IsAnError()
    {
        FieldError error = Assert.Single((Valid with { KvHeads = 5 }).Validate());

        Assert.Equal("kv-heads: must divide heads (32) (got 5; expected a divisor of 32 (1 for multi-query, 32 for multi-head attention))", error.ToString());
    }

    [Fact]
    public void Validate_ActiveExpertsAboveExperts_IsAnError()
    {
        FieldError error = Assert.Single((Valid with { Experts = 8, ActiveExperts = 9 }).Validate());

        Assert.Equal("active-experts", error.Field);
        Assert.Equal("a whole number from 1 to 8", error.Expected);
    }

    [Fact]
    public void Validate_HeadsNotDividingDModelWithoutDHead_AsksForDHead()
    {
        FieldError error = Assert.Single((Valid with { Heads = 48, KvHeads = 48 }).Validate());

        Assert.Equal("d-head", error.Field);
        Assert.Equal("is required", error.Problem);
        Assert.Empty((Valid with { Heads = 48, KvHeads = 48, DHead = 128 }).Validate());
    }

    [Fact]
    public void Validate_LearnedPositionsWithBadTable_NamesMaxPositions()
    {
        ModelShape shape = Valid with { Position = PositionKind.Learned, MaxPositions = 0 };

        Assert.Equal("max-positions", Assert.Single(shape.Validate()).Field);
        Assert.Empty((Valid with { MaxPositions = 0 }).Validate());
    }

    [Fact]
    public void Validate_ShapeTooLargeForLong_ReportsInsteadOfThrowing()
    {
        ModelShape huge = Valid with { Layers = 10_000, DModel = 1_000_000, DFf = 10_000_000, Experts = 100_000, Heads = 100_000, KvHeads = 1, DHead = 1_000_000 };

        FieldError error = Assert.Single(huge.Validate());

        Assert.Equal("d-model", error.Field);
        Assert.Contains("1e18", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_KvHeadsDHeadAndMaxPositions_FollowOtherFields()
    {
        var shape = new ModelShape { DModel = 4096, Heads = 32, ContextLength = 2048 };

        Assert.Equal(32, shape.KvHeads);
        Assert.Equal(128, shape.DHead);
        Assert.Equal(2048, shape.MaxPositions);
        Assert.Equal(1, shape.Experts);
        Assert.Equal(1, shape.ActiveExperts);
        Assert.Equal(MlpKind.SwiGlu, shape.Mlp);
        Assert.Equal(NormKind.RmsNorm, shape.Norm);
        Assert.Equal(PositionKind.Rotary, shape.Position);
        Assert.Equal("custom", shape.Name);
    }

    [Fact]
    public void ToString_Preset_DescribesShapeInvariantly()
    {
        Assert.Equal("mixtral-8x7b: L 32, h 4096, a 32, k 8, d 128, f 14336 swiglu, V 32000, ctx 32768, 2 of 8 experts", Preset("mixtral-8x7b").ToString());
        Assert.Equal("custom: L 0, h 0, a 0, k 0, d 0, f 0 swiglu, V 0, ctx 0", new ModelShape().ToString());
    }

    [Fact]
    public void ParametersPerLayer_MoreLayers_DoesNotChangePerLayerCount()
    {
        ModelShape shape = Preset("llama-2-7b");

        Assert.Equal(shape.ParametersPerLayer, (shape with { Layers = 64 }).ParametersPerLayer);
        Assert.Equal(32 * shape.ParametersPerLayer, (shape with { Layers = 64 }).TotalParameters - shape.TotalParameters);
    }
}
