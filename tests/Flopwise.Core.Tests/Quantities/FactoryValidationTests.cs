using System.Reflection;
using static Flopwise.Core.Tests.Quantities.QuantityReflection;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>Every <c>From*</c> factory of every quantity, found by reflection, rejects NaN, ±∞ and overflow.</summary>
public sealed class FactoryValidationTests
{
    public static TheoryData<string, string> AllFactories()
    {
        var data = new TheoryData<string, string>();
        foreach (Type type in QuantityTypes)
        {
            foreach (MethodInfo factory in Factories(type))
            {
                data.Add(type.Name, factory.Name);
            }
        }

        return data;
    }

    public static TheoryData<string, string, double> AllFactoriesWithNonFiniteValues()
    {
        var data = new TheoryData<string, string, double>();
        foreach (Type type in QuantityTypes)
        {
            foreach (MethodInfo factory in Factories(type))
            {
                data.Add(type.Name, factory.Name, double.NaN);
                data.Add(type.Name, factory.Name, double.PositiveInfinity);
                data.Add(type.Name, factory.Name, double.NegativeInfinity);
            }
        }

        return data;
    }

    [Fact]
    public void QuantityTypes_InCoreAssembly_AreTheEightQuantities()
    {
        Assert.Equal(
            ["Bandwidth", "ByteCount", "Energy", "FlopCount", "FlopRate", "Money", "Power", "WallTime"],
            QuantityTypes.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(AllFactories))]
    public void Factory_Signature_TakesOneDoubleAndReturnsItsType(string quantity, string factory)
    {
        Type type = Quantity(quantity);
        MethodInfo method = Assert.Single(Factories(type), m => m.Name == factory);
        Assert.Equal(type, method.ReturnType);
        ParameterInfo parameter = Assert.Single(method.GetParameters());
        Assert.Equal(typeof(double), parameter.ParameterType);
    }

    [Theory]
    [MemberData(nameof(AllFactoriesWithNonFiniteValues))]
    public void Factory_NonFiniteValue_ThrowsArgumentOutOfRangeWithParamName(string quantity, string factory, double value)
    {
        Type type = Quantity(quantity);
        string parameter = Factory(type, factory)!.GetParameters()[0].Name!;

        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create(type, factory, value));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Equal(value, ex.ActualValue);
    }

    [Theory]
    [MemberData(nameof(AllFactories))]
    public void Factory_ConversionOverflows_ThrowsArgumentOutOfRangeWithParamName(string quantity, string factory)
    {
        Type type = Quantity(quantity);
        string parameter = Factory(type, factory)!.GetParameters()[0].Name!;
        double factor = FactorToSi(type, factory);

        if (factor == 1.0)
        {
            // The SI factory cannot overflow: every finite double is accepted.
            Assert.Equal(double.MaxValue, ReadStoredSi(Create(type, factory, double.MaxValue)));
            Assert.Equal(-double.MaxValue, ReadStoredSi(Create(type, factory, -double.MaxValue)));
            return;
        }

        foreach (double value in new[] { double.MaxValue, -double.MaxValue, 2 * double.MaxValue / factor })
        {
            ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create(type, factory, value));
            Assert.Equal(parameter, ex.ParamName);
        }

        // Just inside the range is accepted.
        Assert.True(double.IsFinite(ReadStoredSi(Create(type, factory, double.MaxValue / factor / 2))));
    }

    [Theory]
    [MemberData(nameof(AllFactories))]
    public void Factory_NegativeAndZero_AreAccepted(string quantity, string factory)
    {
        Type type = Quantity(quantity);
        double factor = FactorToSi(type, factory);

        Assert.Equal(-2.5 * factor, ReadStoredSi(Create(type, factory, -2.5)));
        Assert.Equal(0.0, ReadStoredSi(Create(type, factory, 0.0)));
    }

    /// <summary>The SI value stored by <c>factory(1)</c>.</summary>
    private static double FactorToSi(Type type, string factory) => ReadStoredSi(Create(type, factory, 1.0));
}
