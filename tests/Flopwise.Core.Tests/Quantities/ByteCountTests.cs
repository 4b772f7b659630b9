using Flopwise.Core.Tests.Support;

namespace Flopwise.Core.Tests.Quantities;

public sealed class ByteCountTests : QuantityLawTests<ByteCount>
{
    protected override string Symbol => "B";

    protected override ByteCount Zero => ByteCount.Zero;

    protected override ByteCount FromSi(double value) => ByteCount.FromBytes(value);

    protected override double ToSi(ByteCount value) => value.Bytes;

    protected override ByteCount MultiplyLeft(double left, ByteCount right) => left * right;

    protected override bool IsCloseTo(ByteCount value, ByteCount other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void Factories_SiAndIecPrefixes_AreBothExplicit()
    {
        Assert.Equal(1e3, ByteCount.FromKilobytes(1).Bytes);
        Assert.Equal(1024.0, ByteCount.FromKibibytes(1).Bytes);
        Assert.Equal(1e6, ByteCount.FromMegabytes(1).Bytes);
        Assert.Equal(1_048_576.0, ByteCount.FromMebibytes(1).Bytes);
        Assert.Equal(1e9, ByteCount.FromGigabytes(1).Bytes);
        Assert.Equal(1_073_741_824.0, ByteCount.FromGibibytes(1).Bytes);
        Assert.Equal(1e12, ByteCount.FromTerabytes(1).Bytes);
        Assert.Equal(1_099_511_627_776.0, ByteCount.FromTebibytes(1).Bytes);
    }

    [Fact]
    public void Getters_OneGibibyte_IsNotOneGigabyte()
    {
        var gib = ByteCount.FromGibibytes(1);
        Assert.Equal(1_073_741_824.0, gib.Bytes);
        Assert.Equal(1.073741824, gib.Gigabytes);
        Assert.Equal(1_048_576.0, gib.Kibibytes);
        Assert.Equal(1024.0, gib.Mebibytes);
        Assert.Equal(1.0 / 1024, gib.Tebibytes);
        Assert.Equal(1_073_741.824, gib.Kilobytes, 9);
        Assert.Equal(1073.741824, gib.Megabytes, 12);
        Assert.Equal(0.001073741824, gib.Terabytes, 15);
    }

    [Fact]
    public void OperatorDivide_WeightsByHbmBandwidth_GivesLoadTime()
    {
        // 140 GB of weights at 3.35 TB/s.
        WallTime time = ByteCount.FromGigabytes(140) / Bandwidth.FromTerabytesPerSecond(3.35);
        AssertClose.Relative(140e9 / 3.35e12, time.Seconds, 1e-15);
    }

    [Fact]
    public void OperatorDivide_ByWallTime_GivesBandwidth()
    {
        Bandwidth bandwidth = ByteCount.FromTerabytes(1) / WallTime.FromSeconds(500);
        Assert.Equal(2.0, bandwidth.GigabytesPerSecond);
    }

    [Fact]
    public void OperatorDivide_ByZeroBandwidth_ThrowsDivideByZeroException()
    {
        Assert.Throws<DivideByZeroException>(() => ByteCount.FromBytes(1) / Bandwidth.Zero);
    }
}
