namespace Flopwise.Core.Tests.Quantities;

public sealed class WallTimeTests : QuantityLawTests<WallTime>
{
    protected override string Symbol => "s";

    protected override WallTime Zero => WallTime.Zero;

    protected override WallTime FromSi(double value) => WallTime.FromSeconds(value);

    protected override double ToSi(WallTime value) => value.Seconds;

    protected override WallTime MultiplyLeft(double left, WallTime right) => left * right;

    protected override bool IsCloseTo(WallTime value, WallTime other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void FromYears_One_Is365DaysOf86400Seconds()
    {
        var year = WallTime.FromYears(1);
        Assert.Equal(31_536_000.0, year.Seconds);
        Assert.Equal(525_600.0, year.Minutes);
        Assert.Equal(8760.0, year.Hours);
        Assert.Equal(365.0, year.Days);
        Assert.Equal(1.0, year.Years);
    }

    [Fact]
    public void Getters_OneDay_ConvertToEveryUnit()
    {
        var day = WallTime.FromDays(1);
        Assert.Equal(86_400.0, day.Seconds);
        Assert.Equal(1440.0, day.Minutes);
        Assert.Equal(24.0, day.Hours);
        Assert.Equal(1.0 / 365, day.Years);
    }

    [Fact]
    public void ToString_TenMillionSeconds_IsInvariantScientific()
    {
        Assert.Equal("1e+07 s", WallTime.FromSeconds(1e7).ToString());
    }

    [Fact]
    public void OperatorMultiply_ByRatesAndPower_IsCommutative()
    {
        var time = WallTime.FromDays(90);
        var rate = FlopRate.FromPetaflopPerSecond(400);
        var bandwidth = Bandwidth.FromGigabytesPerSecond(50);
        var power = Power.FromMegawatts(20);

        Assert.Equal(rate * time, time * rate);
        Assert.Equal(bandwidth * time, time * bandwidth);
        Assert.Equal(power * time, time * power);
        Assert.Equal(36_000.0, (time * rate).PetaflopDays, 9);
    }

    [Fact]
    public void OperatorMultiply_ProductOverflows_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => WallTime.FromSeconds(1e200) * FlopRate.FromFlopPerSecond(1e200));
    }
}
