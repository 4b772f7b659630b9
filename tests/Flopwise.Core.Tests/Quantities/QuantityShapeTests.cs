using System.Reflection;
using static Flopwise.Core.Tests.Quantities.QuantityReflection;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>The shape shared by every quantity: a readonly struct around one private SI double.</summary>
public sealed class QuantityShapeTests
{
    public static TheoryData<string> AllQuantities()
    {
        var data = new TheoryData<string>();
        foreach (Type type in QuantityTypes)
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllQuantities))]
    public void Struct_Declaration_IsReadOnlyWithOnePrivateReadOnlyDouble(string quantity)
    {
        Type type = Quantity(quantity);
        FieldInfo field = StoredField(type);

        Assert.True(IsReadOnly(type));
        Assert.Equal(typeof(double), field.FieldType);
        Assert.True(field.IsPrivate && field.IsInitOnly);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
    }

    [Theory]
    [MemberData(nameof(AllQuantities))]
    public void Zero_StaticReadOnlyField_EqualsDefault(string quantity)
    {
        Type type = Quantity(quantity);
        FieldInfo zero = type.GetField("Zero", BindingFlags.Public | BindingFlags.Static)!;

        Assert.NotNull(zero);
        Assert.True(zero.IsInitOnly);
        Assert.Equal(Activator.CreateInstance(type), zero.GetValue(null));
    }

    [Theory]
    [MemberData(nameof(AllQuantities))]
    public void Factories_EveryFactory_HasMatchingGetter(string quantity)
    {
        Type type = Quantity(quantity);
        Assert.All(Factories(type), f => Assert.NotNull(Getter(type, f.Name["From".Length..])));
    }

    [Fact]
    public void Operators_AdditionAndSubtraction_OnlyBetweenValuesOfOneType()
    {
        IEnumerable<MethodInfo> operators = QuantityTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name is "op_Addition" or "op_Subtraction");

        Assert.All(operators, m => Assert.All(
            m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            t => Assert.Equal(m.DeclaringType, t)));
    }

    [Fact]
    public void Operators_SameTypeMultiplication_DoesNotExist()
    {
        IEnumerable<MethodInfo> squares = QuantityTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == "op_Multiply" && m.GetParameters().All(p => p.ParameterType == m.DeclaringType));

        Assert.Empty(squares);
        Assert.Null(typeof(FlopCount).GetMethod("op_Multiply", [typeof(FlopCount), typeof(FlopCount)]));
    }

    [Fact]
    public void Equals_DifferentQuantityTypesWithSameSiValue_AreNotEqual()
    {
        var ones = QuantityTypes.Select(t => Create(t, Factories(t).First().Name, 0.0)).ToList();
        for (int i = 0; i < ones.Count; i++)
        {
            for (int j = 0; j < ones.Count; j++)
            {
                Assert.Equal(i == j, ones[i].Equals(ones[j]));
            }
        }
    }
}
