using Flopwise.Architectures;
using Flopwise.Hardware;
using static Flopwise.Core.Tests.Architectures.ModelShapeParameterTests;
using static Flopwise.Core.Tests.Reference.ModelFigures;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>Weight and KV-cache bytes (Reference/ModelFigures.cs, Reference/ServingFigures.cs).</summary>
public sealed class ModelShapeMemoryTests
{
    [Theory]
    [InlineData("llama-2-7b", Llama2_7BKvBytes)]
    [InlineData("llama-2-70b", Llama2_70BKvBytes)]
    [InlineData("llama-3-70b", Llama2_70BKvBytes)]
    [InlineData("llama-3-8b", Llama3_8BKvBytes)]
    [InlineData("mistral-7b", Llama3_8BKvBytes)]
    [InlineData("mixtral-8x7b", Llama3_8BKvBytes)]
    [InlineData("llama-3.1-405b", Llama31_405BKvBytes)]
    [InlineData("gpt-3-175b", Gpt3KvBytes)]
    [InlineData("palm-540b", PalmKvBytes)]
    [InlineData("chinchilla-70b", ChinchillaKvBytes)]
    public void KvBytesPerToken_Bf16_IsExactReferenceValue(string id, double expected)
    {
        Assert.Equal(expected, Preset(id).KvBytesPerToken(DataType.Bf16));
    }

    [Fact]
    public void KvBytesPerToken_OtherTypes_ScaleWithBytesPerElement()
    {
        ModelShape llama = Preset("llama-2-7b");

        Assert.Equal(2 * Llama2_7BKvBytes, llama.KvBytesPerToken(DataType.Fp32));
        Assert.Equal(Llama2_7BKvBytes / 2, llama.KvBytesPerToken(DataType.Fp8));
        Assert.Equal(Llama2_7BKvBytes / 4, llama.KvBytesPerToken(DataType.Int4));
    }

    [Fact]
    public void WeightsBytes_Llama2_7BBf16_IsTwoBytesPerParameter()
    {
        ModelShape llama = Preset("llama-2-7b");

        Assert.Equal(Llama2_7BWeightsBytesBf16, llama.WeightsBytes(DataType.Bf16));
        Assert.Equal(Llama7BParameters / 2.0, llama.WeightsBytes(DataType.Int4));
    }

    [Fact]
    public void WeightsBytes_Mixtral_CountsEveryExpert()
    {
        Assert.Equal(2.0 * MixtralTotalParameters, Preset("mixtral-8x7b").WeightsBytes(DataType.Bf16));
    }
}
