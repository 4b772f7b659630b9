namespace Flopwise.Core.Tests.Quantities;

public sealed class BandwidthTests : QuantityLawTests<Bandwidth>
{
    protected override string Symbol => "B/s";

    protected override Bandwidth Zero => Bandwidth.Zero;

    protected override Bandwidth FromSi(double value) => Bandwidth.FromBytesPerSecond(value);

    protected override double ToSi(Bandwidth value) => value.BytesPerSecond;

    protected override Bandwidth MultiplyLeft(double left, Bandwidth right) => left * right;

    protected override bool IsCloseTo(Bandwidth value, Bandwidth other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void Getters_TwoTerabytesPerSecond_ConvertToEveryUnit()
    {
        var bandwidth = Bandwidth.FromTerabytesPerSecond(2);
        Assert.Equal(2e12, bandwidth.BytesPerSecond);
        Assert.Equal(2e3, bandwidth.GigabytesPerSecond);
        Assert.Equal(2.0, bandwidth.TerabytesPerSecond);
    }

    [Fact]
    public void OperatorMultiply_ByWallTimeOnEitherSide_GivesByteCount()
    {
        var bandwidth = Bandwidth.FromGigabytesPerSecond(900);
        var time = WallTime.FromMinutes(2);
        Assert.Equal(900e9 * 120, (bandwidth * time).Bytes);
        Assert.Equal(bandwidth * time, time * bandwidth);
    }

    [Fact]
    public void ToString_OneTerabytePerSecond_UsesRateSymbol()
    {
        Assert.Equal("1e+12 B/s", Bandwidth.FromTerabytesPerSecond(1).ToString());
    }
}
