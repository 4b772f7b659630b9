using System.Reflection;
using CsCheck;
using Flopwise.Core.Tests.Support;
using static Flopwise.Core.Tests.Quantities.QuantityReflection;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>CsCheck properties over every unit of every quantity, found by reflection: <c>FromX(v).X ≈ v</c>.</summary>
public sealed class RoundTripPropertyTests
{
    public static TheoryData<string, string> AllUnits()
    {
        var data = new TheoryData<string, string>();
        foreach (Type type in QuantityTypes)
        {
            foreach (MethodInfo factory in Factories(type))
            {
                data.Add(type.Name, factory.Name["From".Length..]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllUnits))]
    public void FromUnitThenGetter_RandomValues_RoundTripsWithinFewUlps(string quantity, string unit)
    {
        Type type = Quantity(quantity);

        Gen.Double[-1e30, 1e30].Sample(v =>
        {
            double back = Read(Create(type, "From" + unit, v), unit);
            AssertClose.Relative(v, back, 1e-15, $"{quantity}.From{unit}({v:R}).{unit}");
        });
    }

    [Theory]
    [MemberData(nameof(AllUnits))]
    public void FromUnit_RandomValues_OrderMatchesUnderlyingDoubles(string quantity, string unit)
    {
        Type type = Quantity(quantity);

        Gen.Select(Gen.Double[-1e30, 1e30], Gen.Double[-1e30, 1e30]).Sample((a, b) =>
        {
            var qa = (IComparable)Create(type, "From" + unit, a);
            object qb = Create(type, "From" + unit, b);
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(qa.CompareTo(qb)));
        });
    }
}
