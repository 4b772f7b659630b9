using Flopwise.Core.Tests.Support;

namespace Flopwise.Core.Tests.Quantities;

public sealed class FlopCountTests : QuantityLawTests<FlopCount>
{
    protected override string Symbol => "FLOP";

    protected override FlopCount Zero => FlopCount.Zero;

    protected override FlopCount FromSi(double value) => FlopCount.FromFlop(value);

    protected override double ToSi(FlopCount value) => value.Flop;

    protected override FlopCount MultiplyLeft(double left, FlopCount right) => left * right;

    protected override bool IsCloseTo(FlopCount value, FlopCount other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void FromPetaflopDays_One_Is864e19Flop()
    {
        var pfDay = FlopCount.FromPetaflopDays(1);
        Assert.Equal(8.64e19, pfDay.Flop);
        Assert.Equal(86.4, pfDay.Exaflop, 12);
        Assert.Equal(FlopCount.FromPetaflop(86_400), pfDay);
    }

    [Fact]
    public void FromPetaflopDays_1e305_ThrowsBecauseFlopOverflows()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => FlopCount.FromPetaflopDays(1e305));
        Assert.Equal("petaflopDays", ex.ParamName);
        Assert.Equal(1e305, ex.ActualValue);
        Assert.Contains("Value should be in range [", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Getters_OneExaflop_ConvertToEveryUnit()
    {
        var value = FlopCount.FromExaflop(1);
        Assert.Equal(1e18, value.Flop);
        Assert.Equal(1e6, value.Teraflop);
        Assert.Equal(1e3, value.Petaflop);
        Assert.Equal(1.0, value.Exaflop);
        AssertClose.Relative(1e18 / 8.64e19, value.PetaflopDays, 1e-15);
    }

    [Theory]
    [InlineData(3.14e23, "3.14e+23 FLOP")]
    [InlineData(1.5e24, "1.5e+24 FLOP")]
    public void ToString_TrainingCompute_IsInvariantScientific(double flop, string expected)
    {
        Assert.Equal(expected, FlopCount.FromFlop(flop).ToString());
    }

    [Fact]
    public void OperatorDivide_ByFlopRate_GivesWallTime()
    {
        WallTime time = FlopCount.FromFlop(6) / FlopRate.FromFlopPerSecond(2);
        Assert.Equal(3.0, time.Seconds);
    }

    [Fact]
    public void OperatorDivide_OnePetaflopDayByOnePetaflopPerSecond_GivesOneDay()
    {
        WallTime time = FlopCount.FromPetaflopDays(1) / FlopRate.FromPetaflopPerSecond(1);
        Assert.Equal(1.0, time.Days);
    }

    [Fact]
    public void OperatorDivide_ByWallTime_GivesFlopRate()
    {
        FlopRate rate = FlopCount.FromFlop(3.14e23) / WallTime.FromDays(30);
        AssertClose.Relative(3.14e23 / 2_592_000, rate.FlopPerSecond, 1e-15);
    }

    [Fact]
    public void OperatorDivide_ByZeroRateOrTime_ThrowsDivideByZeroException()
    {
        Assert.Throws<DivideByZeroException>(() => FlopCount.FromFlop(1) / FlopRate.Zero);
        Assert.Throws<DivideByZeroException>(() => FlopCount.FromFlop(1) / WallTime.Zero);
    }

    [Fact]
    public void OperatorDivide_QuotientOverflows_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => FlopCount.FromFlop(1e300) / FlopRate.FromFlopPerSecond(1e-300));
    }
}
