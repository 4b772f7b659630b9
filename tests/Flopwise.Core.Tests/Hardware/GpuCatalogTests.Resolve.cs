using Flopwise.Hardware;

namespace Flopwise.Core.Tests.Hardware;

/// <summary>Name resolution: ids, aliases, unambiguous prefixes and errors (docs/formulas.md, "Accelerators").</summary>
public partial class GpuCatalogTests
{
    [Theory]
    [InlineData("h100", "h100-sxm5-80gb")]
    [InlineData("a100", "a100-sxm4-80gb")]
    [InlineData("v100", "v100-sxm2-32gb")]
    [InlineData("h200", "h200-sxm-141gb")]
    [InlineData("4090", "rtx-4090")]
    public void Resolve_Alias_ResolvesWithANote(string typed, string id)
    {
        GpuMatch match = GpuCatalog.Default.Resolve(typed);

        Assert.True(match.IsFound);
        Assert.Equal(id, match.Spec!.Id);
        Assert.Equal($"'{typed}' is {id}", match.Note);
        Assert.Null(match.Error);
    }

    [Theory]
    [InlineData("h100-sxm5-80gb")]
    [InlineData("H100-SXM5-80GB")]
    [InlineData(" l4 ")]
    public void Resolve_ExactId_ResolvesWithoutANote(string typed)
    {
        GpuMatch match = GpuCatalog.Default.Resolve(typed);

        Assert.Equal(typed.Trim().ToLowerInvariant(), match.Spec!.Id);
        Assert.Null(match.Note);
    }

    [Fact]
    public void Resolve_UnambiguousPrefix_Mi300_IsMi300xWithANote()
    {
        GpuMatch match = GpuCatalog.Default.Resolve("mi300");

        Assert.Equal("mi300x", match.Spec!.Id);
        Assert.Equal("'mi300' is mi300x", match.Note);
    }

    [Fact]
    public void Resolve_AmbiguousPrefix_ErrorListsBothChoices()
    {
        GpuMatch match = GpuCatalog.Default.Resolve("a100-pcie");

        Assert.False(match.IsFound);
        Assert.Null(match.Note);
        Assert.NotNull(match.Error);
        Assert.Equal("gpu", match.Error.Field);
        Assert.Equal("is ambiguous", match.Error.Problem);
        Assert.Equal("a100-pcie", match.Error.Got);
        Assert.Equal("one of a100-pcie-40gb, a100-pcie-80gb", match.Error.Expected);
        Assert.Equal("gpu: is ambiguous (got a100-pcie; expected one of a100-pcie-40gb, a100-pcie-80gb)", match.Error.ToString());
    }

    [Fact]
    public void Resolve_Unknown_ErrorSuggestsTheClosestName()
    {
        GpuMatch match = GpuCatalog.Default.Resolve("h1000x");

        Assert.Null(match.Spec);
        Assert.NotNull(match.Error);
        Assert.Equal("is unknown", match.Error.Problem);
        Assert.Equal("h1000x", match.Error.Got);
        Assert.StartsWith("a GPU id (see flopwise gpus); did you mean ", match.Error.Expected, StringComparison.Ordinal);
        Assert.Contains("h100", match.Error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CustomField_IsBlamedInTheError()
    {
        GpuMatch match = GpuCatalog.Default.Resolve("nonsense-accelerator-9000", "serving-gpu");

        Assert.Equal("serving-gpu", match.Error!.Field);
    }

    [Fact]
    public void Resolve_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GpuCatalog.Default.Resolve(null!));
    }
}
