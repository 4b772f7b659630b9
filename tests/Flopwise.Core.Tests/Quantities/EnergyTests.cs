using Flopwise.Core.Tests.Support;

namespace Flopwise.Core.Tests.Quantities;

public sealed class EnergyTests : QuantityLawTests<Energy>
{
    protected override string Symbol => "J";

    protected override Energy Zero => Energy.Zero;

    protected override Energy FromSi(double value) => Energy.FromJoules(value);

    protected override double ToSi(Energy value) => value.Joules;

    protected override Energy MultiplyLeft(double left, Energy right) => left * right;

    protected override bool IsCloseTo(Energy value, Energy other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void Getters_OneTerawattHour_ConvertToEveryUnit()
    {
        var energy = Energy.FromTerawattHours(1);
        Assert.Equal(3.6e15, energy.Joules);
        Assert.Equal(1e9, energy.KilowattHours);
        Assert.Equal(1e6, energy.MegawattHours);
        Assert.Equal(1e3, energy.GigawattHours);
        Assert.Equal(1.0, energy.TerawattHours);
    }

    [Fact]
    public void FromKilowattHours_One_Is36e5Joules()
    {
        Assert.Equal(3.6e6, Energy.FromKilowattHours(1).Joules);
    }

    [Fact]
    public void OperatorDivide_ByWallTime_GivesAveragePower()
    {
        Power power = Energy.FromGigawattHours(24) / WallTime.FromDays(1);
        AssertClose.Relative(1e9, power.Watts, 1e-15);
    }

    [Fact]
    public void OperatorDivide_ByPower_GivesWallTime()
    {
        WallTime time = Energy.FromMegawattHours(5) / Power.FromMegawatts(2);
        Assert.Equal(2.5, time.Hours);
    }

    [Fact]
    public void OperatorDivide_ByZeroPowerOrTime_ThrowsDivideByZeroException()
    {
        Assert.Throws<DivideByZeroException>(() => Energy.FromJoules(1) / Power.Zero);
        Assert.Throws<DivideByZeroException>(() => Energy.FromJoules(1) / WallTime.Zero);
    }
}
