namespace Flopwise.Core.Tests.Quantities;

public sealed class FlopRateTests : QuantityLawTests<FlopRate>
{
    protected override string Symbol => "FLOP/s";

    protected override FlopRate Zero => FlopRate.Zero;

    protected override FlopRate FromSi(double value) => FlopRate.FromFlopPerSecond(value);

    protected override double ToSi(FlopRate value) => value.FlopPerSecond;

    protected override FlopRate MultiplyLeft(double left, FlopRate right) => left * right;

    protected override bool IsCloseTo(FlopRate value, FlopRate other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void Getters_OnePetaflopPerSecond_ConvertToEveryUnit()
    {
        var rate = FlopRate.FromPetaflopPerSecond(1);
        Assert.Equal(1e15, rate.FlopPerSecond);
        Assert.Equal(1e3, rate.TeraflopPerSecond);
        Assert.Equal(1.0, rate.PetaflopPerSecond);
    }

    [Fact]
    public void OperatorMultiply_OnePetaflopPerSecondForOneDay_GivesOnePetaflopDay()
    {
        FlopCount work = FlopRate.FromPetaflopPerSecond(1) * WallTime.FromDays(1);
        Assert.Equal(FlopCount.FromPetaflopDays(1), work);
    }

    [Fact]
    public void OperatorMultiply_WallTimeOnEitherSide_GivesSameFlopCount()
    {
        var rate = FlopRate.FromTeraflopPerSecond(989);
        var time = WallTime.FromHours(7.5);
        Assert.Equal(rate * time, time * rate);
        Assert.Equal(989e12 * 27_000, (rate * time).Flop);
    }

    [Fact]
    public void ToString_OneHundredTeraflopPerSecond_UsesRateSymbol()
    {
        Assert.Equal("1e+14 FLOP/s", FlopRate.FromTeraflopPerSecond(100).ToString());
    }
}
