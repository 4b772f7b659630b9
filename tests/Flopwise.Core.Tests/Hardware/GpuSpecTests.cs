using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Hardware;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Hardware;

public class GpuSpecTests
{
    private static readonly GpuSpec H100 = GpuCatalog.Default.Resolve("h100-sxm5-80gb").Spec!;

    private static GpuSpec Minimal() => new()
    {
        Id = "x1",
        Name = "X1",
        Vendor = "Example",
        DensePeaks = new Dictionary<DataType, FlopRate> { [DataType.Bf16] = FlopRate.FromTeraflopPerSecond(100) },
        Memory = ByteCount.FromGigabytes(16),
        MemoryUnit = GpuSpec.Gigabytes,
        MemoryBandwidth = Bandwidth.FromTerabytesPerSecond(1),
        InterconnectName = "PCIe Gen4 x16",
        Source = "https://example.com/x1",
    };

    [Fact]
    public void DensePeak_SupportedType_IsTheDenseFigure()
    {
        Assert.Equal(FlopRate.FromTeraflopPerSecond(989.4), H100.DensePeak(DataType.Bf16));
        Assert.Equal(FlopRate.FromTeraflopPerSecond(1978.9), H100.DensePeak(DataType.Int8));
        Assert.True(H100.Supports(DataType.Fp8));
    }

    [Fact]
    public void DensePeak_UnsupportedType_IsNull()
    {
        Assert.Null(H100.DensePeak(DataType.Int4));
        Assert.False(H100.Supports(DataType.Int4));
        Assert.Null(GpuCatalog.Default.Resolve("a100").Spec!.DensePeak(DataType.Fp8));
    }

    [Fact]
    public void RidgePoint_IsDensePeakOverBandwidth()
    {
        AssertClose.Relative(989.4e12 / 3.35e12, H100.RidgePoint(DataType.Bf16), 1e-15);
        AssertClose.ToPrinted(AcceleratorFigures.RidgeH100Sxm, H100.RidgePoint(DataType.Bf16), AcceleratorFigures.RidgeHalfUnit);
        AssertClose.Relative(2 * H100.RidgePoint(DataType.Bf16), H100.RidgePoint(DataType.Fp8), 1e-4); // 1978.9 vs 2 × 989.4
    }

    [Fact]
    public void RidgePoint_UnsupportedType_ThrowsNamingTheSupportedTypes()
    {
        GpuSpec v100 = GpuCatalog.Default.Resolve("v100").Spec!;

        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => v100.RidgePoint(DataType.Bf16));

        Assert.Equal("type", ex.ParamName);
        Assert.Contains("fp32, fp16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultTrainingType_WithoutBf16_IsFp16()
    {
        GpuSpec spec = Minimal() with
        {
            DensePeaks = new Dictionary<DataType, FlopRate> { [DataType.Fp16] = FlopRate.FromTeraflopPerSecond(10) },
        };

        Assert.Equal(DataType.Fp16, spec.DefaultTrainingType);
        Assert.Equal(DataType.Bf16, Minimal().DefaultTrainingType);
    }

    [Fact]
    public void Validate_MinimalSpec_HasNoErrors()
    {
        Assert.Empty(Minimal().Validate());
    }

    [Fact]
    public void Validate_BadValues_NameTheEntryAndKeys()
    {
        GpuSpec bad = Minimal() with
        {
            Aliases = ["x1", "Bad Alias"],
            MemoryBandwidth = Bandwidth.Zero,
            Tdp = Power.FromWatts(-5),
            Source = "not a url",
            Price = new GpuPrice { PerHour = Money.FromUsd(0), Source = "https://example.com", Date = "2026-13" },
        };

        IReadOnlyList<FieldError> errors = bad.Validate();

        Assert.All(errors, e => Assert.Equal("catalog", e.Field));
        Assert.Equal(
            [
                "entry 'x1': alias 'x1' is repeated",
                "entry 'x1': alias is not lowercase-hyphenated",
                "entry 'x1': 'bandwidthTBps' must be greater than 0",
                "entry 'x1': 'tdpWatts' must be greater than 0",
                "entry 'x1': 'source' is not an http(s) URL",
                "entry 'x1': 'price.usdPerHour' must be greater than 0",
                "entry 'x1': 'price.date' is not a month",
            ],
            errors.Select(e => e.Problem));
    }

    [Fact]
    public void Validate_Int4Peak_IsAnError()
    {
        GpuSpec bad = Minimal() with
        {
            DensePeaks = new Dictionary<DataType, FlopRate>
            {
                [DataType.Bf16] = FlopRate.FromTeraflopPerSecond(1),
                [DataType.Int4] = FlopRate.FromTeraflopPerSecond(4),
            },
        };

        FieldError error = Assert.Single(bad.Validate());

        Assert.Equal("entry 'x1': 'dense' has no peaks for int4", error.Problem);
    }

    [Fact]
    public void Memory_UsesThePrintedBasis()
    {
        GpuSpec v4 = GpuCatalog.Default.Resolve("tpu-v4").Spec!;

        Assert.Equal(32, v4.Memory.Gibibytes);
        Assert.Equal(34.359738368, v4.Memory.Gigabytes, 9);
    }
}
