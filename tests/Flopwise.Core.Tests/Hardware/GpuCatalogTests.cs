using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Hardware;

namespace Flopwise.Core.Tests.Hardware;

/// <summary>The built-in catalog's data: coverage, names, sources and the data sheets' figures (Reference/AcceleratorFigures.cs).</summary>
public partial class GpuCatalogTests
{
    private static readonly string[] RequiredIds =
    [
        "v100-sxm2-32gb", "v100-pcie-32gb", "a100-sxm4-40gb", "a100-sxm4-80gb", "a100-pcie-40gb", "a100-pcie-80gb",
        "h100-sxm5-80gb", "h100-pcie-80gb", "h200-sxm-141gb", "b200", "gb200", "l4", "l40s", "rtx-4090", "mi250x",
        "mi300x", "tpu-v4", "tpu-v5e", "tpu-v5p",
    ];

    /// <summary>NVIDIA Ampere, Hopper and Blackwell parts and the MI300X, whose sparse peaks are 2 × dense.</summary>
    private static readonly string[] TwoToFourSparseIds =
    [
        "a100-sxm4-40gb", "a100-sxm4-80gb", "a100-pcie-40gb", "a100-pcie-80gb", "h100-sxm5-80gb", "h100-pcie-80gb",
        "h200-sxm-141gb", "b200", "gb200", "mi300x",
    ];

    private static GpuSpec Spec(string id) => GpuCatalog.Default.All.Single(s => s.Id == id);

    private static double Tera(FlopRate? rate) => rate!.Value.TeraflopPerSecond;

    public static TheoryData<string> AcceleratorIds()
    {
        var data = new TheoryData<string>();
        foreach (AcceleratorFigures.Accelerator row in AcceleratorFigures.All)
        {
            data.Add(row.Id);
        }

        return data;
    }

    [Fact]
    public void Default_HasAtLeast17Entries_AndEveryRequiredId()
    {
        Assert.True(GpuCatalog.Default.All.Count >= 17, $"{GpuCatalog.Default.All.Count} entries");
        Assert.All(RequiredIds, id => Assert.Contains(GpuCatalog.Default.All, s => s.Id == id));
    }

    [Fact]
    public void Default_IsParsedOnce()
    {
        Assert.Same(GpuCatalog.Default, GpuCatalog.Default);
    }

    [Fact]
    public void Default_EveryEntry_HasAVendorSourceUrl()
    {
        Assert.All(GpuCatalog.Default.All, spec =>
        {
            Assert.True(Uri.TryCreate(spec.Source, UriKind.Absolute, out Uri? uri), $"{spec.Id}: '{spec.Source}' is not a URL");
            Assert.Equal(Uri.UriSchemeHttps, uri!.Scheme);
        });
    }

    [Fact]
    public void Default_Ids_AreLowercaseHyphenatedAndUnique()
    {
        string[] ids = GpuCatalog.Default.All.Select(s => s.Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Default_Aliases_NeverEqualAnIdAndAreUnique()
    {
        var ids = GpuCatalog.Default.All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        string[] aliases = GpuCatalog.Default.All.SelectMany(s => s.Aliases).ToArray();

        Assert.All(aliases, alias => Assert.DoesNotContain(alias, ids));
        Assert.Equal(aliases.Length, aliases.Distinct(StringComparer.Ordinal).Count());
        Assert.All(aliases, alias => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", alias));
    }

    [Fact]
    public void Default_EveryEntry_Validates()
    {
        Assert.All(GpuCatalog.Default.All, spec => Assert.Empty(spec.Validate()));
    }

    [Theory]
    [MemberData(nameof(AcceleratorIds))]
    public void Default_Entry_MatchesReferenceTable(string id)
    {
        AcceleratorFigures.Accelerator expected = AcceleratorFigures.All.Single(a => a.Id == id);
        GpuSpec spec = Spec(id);
        const double tol = AcceleratorFigures.TableRelativeTolerance;

        AssertPeak(expected.Fp16Dense, spec.DensePeak(DataType.Fp16), "dense fp16");
        AssertPeak(expected.Bf16Dense, spec.DensePeak(DataType.Bf16), "dense bf16");
        AssertPeak(expected.Fp8Dense, spec.DensePeak(DataType.Fp8), "dense fp8");
        AssertPeak(expected.Fp32Dense, spec.DensePeak(DataType.Fp32), "dense fp32");
        AssertPeak(expected.Tf32Dense, spec.DensePeak(DataType.Tf32), "dense tf32");
        AssertPeak(expected.Int8Dense, spec.DensePeak(DataType.Int8), "dense int8");
        AssertPeak(expected.Bf16Sparse, spec.SparsePeaks.TryGetValue(DataType.Bf16, out FlopRate s16) ? s16 : null, "sparse bf16");
        AssertPeak(expected.Fp8Sparse, spec.SparsePeaks.TryGetValue(DataType.Fp8, out FlopRate s8) ? s8 : null, "sparse fp8");
        Assert.Equal(expected.MemoryUnit, spec.MemoryUnit);
        double printedMemory = spec.MemoryUnit == GpuSpec.Gibibytes ? spec.Memory.Gibibytes : spec.Memory.Gigabytes;
        AssertClose.Relative(expected.MemoryValue, printedMemory, tol, $"{id} memory");
        AssertClose.Relative(expected.BandwidthTBps, spec.MemoryBandwidth.TerabytesPerSecond, tol, $"{id} bandwidth");
        Assert.Equal(expected.TdpWatts, spec.Tdp?.Watts);

        void AssertPeak(double? printed, FlopRate? actual, string what)
        {
            if (printed is null)
            {
                Assert.True(actual is null, $"{id}: {what} should not be stored (the data sheet gives none)");
            }
            else
            {
                Assert.True(actual is not null, $"{id}: {what} is missing");
                AssertClose.Relative(printed.Value, actual.Value.TeraflopPerSecond, tol, $"{id} {what} ({expected.Source})");
            }
        }
    }

    [Theory]
    [InlineData("v100-sxm2-32gb", AcceleratorFigures.RidgeV100Sxm2)]
    [InlineData("a100-sxm4-40gb", AcceleratorFigures.RidgeA100Sxm40)]
    [InlineData("a100-sxm4-80gb", AcceleratorFigures.RidgeA100Sxm80)]
    [InlineData("h100-sxm5-80gb", AcceleratorFigures.RidgeH100Sxm)]
    [InlineData("h100-pcie-80gb", AcceleratorFigures.RidgeH100Pcie)]
    [InlineData("h200-sxm-141gb", AcceleratorFigures.RidgeH200)]
    [InlineData("b200", AcceleratorFigures.RidgeB200)]
    [InlineData("mi300x", AcceleratorFigures.RidgeMi300x)]
    [InlineData("l4", AcceleratorFigures.RidgeL4)]
    [InlineData("rtx-4090", AcceleratorFigures.RidgeRtx4090)]
    public void RidgePoint_TrainingType_MatchesReference(string id, double printed)
    {
        GpuSpec spec = Spec(id);

        AssertClose.ToPrinted(printed, spec.RidgePoint(spec.DefaultTrainingType), AcceleratorFigures.RidgeHalfUnit, id);
    }

    [Fact]
    public void Seed001_H100OverA100Bandwidth_IsSixtyFourPercentNotFifty()
    {
        double gain = (Spec("h100-sxm5-80gb").MemoryBandwidth / Spec("a100-sxm4-80gb").MemoryBandwidth) - 1;

        AssertClose.Absolute(AcceleratorFigures.Seed001H100OverA100BandwidthGain, gain, AcceleratorFigures.Seed001GainTolerance);
    }

    [Fact]
    public void V100_HasNoBf16_AndTrainsInFp16()
    {
        GpuSpec v100 = Spec("v100-sxm2-32gb");

        Assert.Null(v100.DensePeak(DataType.Bf16));
        Assert.False(v100.Supports(DataType.Bf16));
        Assert.Equal(DataType.Fp16, v100.DefaultTrainingType);
        Assert.Equal(DataType.Fp16, Spec("v100-pcie-32gb").DefaultTrainingType);
        Assert.Empty(v100.SparsePeaks);
    }

    [Fact]
    public void DefaultTrainingType_IsBf16_WhereABf16PeakExists()
    {
        Assert.All(GpuCatalog.Default.All.Where(s => s.Supports(DataType.Bf16)), s => Assert.Equal(DataType.Bf16, s.DefaultTrainingType));
        Assert.Equal(DataType.Bf16, Spec("tpu-v4").DefaultTrainingType);
    }

    [Fact]
    public void SparsePeaks_AreTwiceDense_ForAmpereHopperBlackwellAndMi300x()
    {
        int pairs = 0;
        foreach (string id in TwoToFourSparseIds)
        {
            GpuSpec spec = Spec(id);
            foreach ((DataType type, FlopRate sparse) in spec.SparsePeaks)
            {
                FlopRate dense = spec.DensePeak(type)!.Value;
                AssertClose.Relative(2 * dense.FlopPerSecond, sparse.FlopPerSecond, AcceleratorFigures.SparseRatioRelativeTolerance, $"{id} {type}");
                pairs++;
            }
        }

        Assert.True(pairs >= 20, $"only {pairs} dense/sparse pairs checked");
    }

    [Fact]
    public void SparsePeaks_OnlyWhereADensePeakExists_AndNeverBelowIt()
    {
        Assert.All(GpuCatalog.Default.All, spec => Assert.All(spec.SparsePeaks, pair =>
        {
            Assert.True(spec.DensePeak(pair.Key) is { } dense && pair.Value >= dense, $"{spec.Id} {pair.Key}");
        }));
    }

    [Theory]
    [InlineData("tpu-v4")]
    [InlineData("tpu-v5e")]
    [InlineData("tpu-v5p")]
    [InlineData("v100-sxm2-32gb")]
    [InlineData("mi250x")]
    public void SparsePeaks_NoneWhereTheVendorPrintsNone(string id)
    {
        Assert.Empty(Spec(id).SparsePeaks);
    }

    [Fact]
    public void Mi300x_DensePeak_IsNotTheSparseFigure()
    {
        // "MI300X 2,615 dense", as some calculators quote it, is the data sheet's sparse figure.
        AssertClose.Relative(1307.4, Tera(Spec("mi300x").DensePeak(DataType.Bf16)), 1e-12);
        AssertClose.Relative(2614.9, Spec("mi300x").SparsePeaks[DataType.Bf16].TeraflopPerSecond, 1e-12);
    }

    [Fact]
    public void Rtx4090_DensePeaks_AreTheFp32AccumulateRates()
    {
        GpuSpec rtx = Spec("rtx-4090");

        AssertClose.Relative(165.2, Tera(rtx.DensePeak(DataType.Fp16)), 1e-12);
        AssertClose.Relative(330.3, Tera(rtx.DensePeak(DataType.Fp8)), 1e-12);
        Assert.Contains("FP32-accumulate", rtx.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void TpuV4_Memory_IsPrintedInGibibytes()
    {
        GpuSpec v4 = Spec("tpu-v4");

        Assert.Equal(GpuSpec.Gibibytes, v4.MemoryUnit);
        Assert.Equal(32.0 * 1024 * 1024 * 1024, v4.Memory.Bytes);
        Assert.Equal(80e9, Spec("h100-sxm5-80gb").Memory.Bytes);
    }

    [Fact]
    public void Tdp_NullWhereUnpublished_AndRangesNoted()
    {
        Assert.Null(Spec("tpu-v5e").Tdp);
        Assert.Null(Spec("tpu-v5p").Tdp);
        Assert.Contains("192", Spec("tpu-v4").Notes, StringComparison.Ordinal);
        Assert.Contains("300–350 W: 350 used", Spec("h100-pcie-80gb").Notes, StringComparison.Ordinal);
        Assert.Contains("only secondary copies", Spec("mi250x").Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v100-sxm2-32gb", "NVLink 2", 300.0)]
    [InlineData("a100-sxm4-80gb", "NVLink 3", 600.0)]
    [InlineData("h100-sxm5-80gb", "NVLink 4", 900.0)]
    [InlineData("h200-sxm-141gb", "NVLink 4", 900.0)]
    [InlineData("b200", "NVLink 5", 1800.0)]
    [InlineData("gb200", "NVLink 5", 1800.0)]
    [InlineData("v100-pcie-32gb", "PCIe Gen3 x16", 32.0)]
    [InlineData("a100-pcie-80gb", "PCIe Gen4 x16", 64.0)]
    [InlineData("h100-pcie-80gb", "PCIe Gen5 x16", 128.0)]
    [InlineData("l4", "PCIe Gen4 x16", 64.0)]
    [InlineData("rtx-4090", "PCIe Gen4 x16", 64.0)]
    [InlineData("mi300x", "Infinity Fabric", 896.0)]
    [InlineData("tpu-v5e", "ICI (2D torus)", 400.0)]
    [InlineData("tpu-v5p", "ICI (3D torus)", 1200.0)]
    public void Interconnect_IsTheDocumentedBidirectionalBandwidth(string id, string name, double gigabytesPerSecond)
    {
        GpuSpec spec = Spec(id);

        Assert.Equal(name, spec.InterconnectName);
        Assert.Equal(gigabytesPerSecond, spec.InterconnectBandwidth!.Value.GigabytesPerSecond, 9);
    }

    [Fact]
    public void Prices_AreSourcedDatedAndVolatile()
    {
        GpuPrice[] prices = GpuCatalog.Default.All.Select(s => s.Price).OfType<GpuPrice>().ToArray();

        Assert.NotEmpty(prices);
        Assert.All(prices, price =>
        {
            Assert.True(price.PerHour.Usd > 0);
            Assert.StartsWith("https://", price.Source, StringComparison.Ordinal);
            Assert.Matches("^20[0-9]{2}-(0[1-9]|1[0-2])$", price.Date);
            Assert.True(price.IsVolatile);
        });
    }
}
