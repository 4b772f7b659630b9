namespace Flopwise.Core.Tests.Quantities;

public sealed class PowerTests : QuantityLawTests<Power>
{
    protected override string Symbol => "W";

    protected override Power Zero => Power.Zero;

    protected override Power FromSi(double value) => Power.FromWatts(value);

    protected override double ToSi(Power value) => value.Watts;

    protected override Power MultiplyLeft(double left, Power right) => left * right;

    protected override bool IsCloseTo(Power value, Power other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void Getters_OneMegawatt_ConvertToEveryUnit()
    {
        var power = Power.FromMegawatts(1);
        Assert.Equal(1e6, power.Watts);
        Assert.Equal(1e3, power.Kilowatts);
        Assert.Equal(1.0, power.Megawatts);
    }

    [Fact]
    public void OperatorMultiply_OneMegawattForOneHour_GivesOneMegawattHour()
    {
        Energy energy = Power.FromMegawatts(1) * WallTime.FromHours(1);
        Assert.Equal(Energy.FromMegawattHours(1), energy);
        Assert.Equal(energy, WallTime.FromHours(1) * Power.FromMegawatts(1));
    }

    [Fact]
    public void ToString_SevenHundredWatts_UsesWattSymbol()
    {
        Assert.Equal("7e+02 W", Power.FromWatts(700).ToString());
    }
}
