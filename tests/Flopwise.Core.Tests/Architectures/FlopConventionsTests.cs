using Flopwise.Architectures;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>Names of conventions, recompute modes and architecture kinds.</summary>
public sealed class FlopConventionsTests
{
    [Theory]
    [InlineData(FlopConvention.SixN, "6n")]
    [InlineData(FlopConvention.Model, "model")]
    [InlineData(FlopConvention.Causal, "causal")]
    public void NameAndParse_EveryConvention_RoundTrip(FlopConvention convention, string name)
    {
        Assert.Equal(name, FlopConventions.Name(convention));
        Assert.Equal(convention, FlopConventions.Parse(name));
        Assert.Equal(convention, FlopConventions.Parse(" " + name.ToUpperInvariant() + " "));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("sixn")]
    [InlineData("6N-ish")]
    public void TryParse_UnknownName_IsFalse(string? text)
    {
        Assert.False(FlopConventions.TryParse(text, out FlopConvention convention));
        Assert.Equal(FlopConvention.SixN, convention);
    }

    [Fact]
    public void Parse_UnknownName_ThrowsListingNames()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => FlopConventions.Parse("palm"));

        Assert.Contains("6n, model, causal", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["6n", "model", "causal"], FlopConventions.Names);
    }

    [Theory]
    [InlineData(Recompute.None, "none")]
    [InlineData(Recompute.Selective, "selective")]
    [InlineData(Recompute.Full, "full")]
    public void RecomputeModes_NameAndParse_RoundTrip(Recompute recompute, string name)
    {
        Assert.Equal(name, RecomputeModes.Name(recompute));
        Assert.Equal(recompute, RecomputeModes.Parse(name.ToUpperInvariant()));
        Assert.False(RecomputeModes.TryParse("1", out _));
        Assert.Throws<ArgumentException>(() => RecomputeModes.Parse("partial"));
    }

    [Fact]
    public void ArchitectureKinds_Names_AreLowercaseEnumNames()
    {
        Assert.Equal("swiglu", ArchitectureKinds.Name(MlpKind.SwiGlu));
        Assert.Equal("rmsnorm", ArchitectureKinds.Name(NormKind.RmsNorm));
        Assert.Equal("relative", ArchitectureKinds.Name(PositionKind.Relative));
        Assert.True(ArchitectureKinds.TryParse("GELU", out MlpKind mlp));
        Assert.Equal(MlpKind.Gelu, mlp);
        Assert.True(ArchitectureKinds.TryParse("layernorm", out NormKind norm));
        Assert.Equal(NormKind.LayerNorm, norm);
        Assert.False(ArchitectureKinds.TryParse("1", out PositionKind _));
        Assert.False(ArchitectureKinds.TryParse("alibi", out PositionKind _));
    }

    [Fact]
    public void Name_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlopConventions.Name((FlopConvention)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecomputeModes.Name((Recompute)9));
    }
}
