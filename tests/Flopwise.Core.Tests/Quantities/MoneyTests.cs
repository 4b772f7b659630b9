using System.Reflection;

namespace Flopwise.Core.Tests.Quantities;

public sealed class MoneyTests : QuantityLawTests<Money>
{
    protected override string Symbol => "USD";

    protected override Money Zero => Money.Zero;

    protected override Money FromSi(double value) => Money.FromUsd(value);

    protected override double ToSi(Money value) => value.Usd;

    protected override Money MultiplyLeft(double left, Money right) => left * right;

    protected override bool IsCloseTo(Money value, Money other, double relativeTolerance) =>
        value.IsCloseTo(other, relativeTolerance);

    [Fact]
    public void FromUsd_Value_RoundTripsExactly()
    {
        Assert.Equal(12.5, Money.FromUsd(12.5).Usd);
    }

    [Fact]
    public void ToString_TenMillionDollars_UsesUsdSymbol()
    {
        Assert.Equal("1e+07 USD", Money.FromUsd(1e7).ToString());
    }

    [Fact]
    public void Operators_Money_HasNoCrossTypeOperators()
    {
        IEnumerable<MethodInfo> operators = typeof(Money).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("op_", StringComparison.Ordinal));

        Assert.All(operators, m => Assert.All(
            m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            t => Assert.Contains(t, new[] { typeof(Money), typeof(double), typeof(bool) })));
    }
}
