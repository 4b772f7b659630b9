using System.Reflection;
using CsCheck;
using Flopwise.Core.Tests.Support;
using static Flopwise.Core.Tests.Quantities.QuantityReflection;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>
/// Walks the units and relations tables of docs/units.md in both directions: every documented row exists in code
/// and gives the documented number, and every factory and cross-type operator in code is documented.
/// </summary>
public sealed class UnitsDocumentTests
{
    public static TheoryData<string, string> DocumentedUnits()
    {
        var data = new TheoryData<string, string>();
        foreach (UnitRow row in UnitsDocument.Units)
        {
            data.Add(row.Quantity, row.Factory);
        }

        return data;
    }

    public static TheoryData<string, string, string, string> DocumentedRelations()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (RelationRow row in UnitsDocument.Relations)
        {
            data.Add(row.Left, row.Operator, row.Right, row.Result);
        }

        return data;
    }

    [Fact]
    public void Path_FromTestOutput_FindsDocsUnits()
    {
        Assert.True(File.Exists(UnitsDocument.Path), UnitsDocument.Path);
    }

    [Fact]
    public void UnitsTable_EveryDocumentedQuantity_IsAPublicReadOnlyStructWithOneSiRow()
    {
        Assert.NotEmpty(UnitsDocument.Units);
        foreach (IGrouping<string, UnitRow> quantity in UnitsDocument.Units.GroupBy(r => r.Quantity))
        {
            Type type = Quantity(quantity.Key);
            Assert.True(type.IsPublic && type.IsValueType && IsReadOnly(type), $"{type.Name} should be a public readonly struct");
            UnitRow si = Assert.Single(quantity, r => r.Factor == 1.0);
            Assert.All(quantity, r => Assert.Equal(si.Symbol, r.Symbol));
        }
    }

    [Fact]
    public void UnitsTable_Factories_AreUnique()
    {
        IEnumerable<string> keys = UnitsDocument.Units.Select(r => r.Quantity + "." + r.Factory);
        Assert.Equal(keys.Count(), keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(DocumentedUnits))]
    public void UnitsTable_DocumentedUnit_FactoryAndGetterExistAndMatchFactor(string quantity, string factory)
    {
        UnitRow row = UnitsDocument.Units.Single(r => r.Quantity == quantity && r.Factory == factory);
        UnitRow si = UnitsDocument.Units.Single(r => r.Quantity == quantity && r.Factor == 1.0);
        Type type = Quantity(quantity);

        Assert.NotNull(Factory(type, row.Factory));
        Assert.NotNull(Getter(type, row.Getter));
        Assert.Equal("From" + row.Getter, row.Factory);

        object one = Create(type, row.Factory, 1.0);
        Assert.Equal(1.0, Read(one, row.Getter));

        object factorInSi = Create(type, si.Factory, row.Factor);
        AssertClose.Relative(Read(factorInSi, si.Getter), Read(one, si.Getter), 1e-15, $"{quantity}.{factory}(1) in {si.Unit}");
        Assert.EndsWith(" " + row.Symbol, one.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnitsTable_EveryFactoryInCode_IsDocumented()
    {
        var documented = UnitsDocument.Units.Select(r => (r.Quantity, r.Factory)).ToHashSet();
        Assert.NotEmpty(QuantityTypes);

        var missing = QuantityTypes
            .SelectMany(t => Factories(t).Select(m => (t.Name, m.Name)))
            .Where(f => !documented.Contains(f))
            .Select(f => f.Item1 + "." + f.Item2)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void UnitsTable_EveryQuantityStructInCode_IsDocumented()
    {
        var documented = UnitsDocument.Units.Select(r => r.Quantity).ToHashSet(StringComparer.Ordinal);
        Assert.All(QuantityTypes, t => Assert.Contains(t.Name, documented));
    }

    [Theory]
    [MemberData(nameof(DocumentedRelations))]
    public void RelationsTable_DocumentedRelation_OperatorExistsAndGivesDocumentedNumber(
        string left, string op, string right, string result)
    {
        var row = new RelationRow(left, op, right, result);
        MethodInfo method = FindOperator(row);

        // 6 / 2 = 3 and 6 * 2 = 12, in SI units on both sides.
        object product = Apply(method, CreateSi(left, 6.0), CreateSi(right, 2.0));

        Assert.IsType(Quantity(result), product);
        Assert.Equal(op == "/" ? 3.0 : 12.0, ReadSi(product));
    }

    [Theory]
    [MemberData(nameof(DocumentedRelations))]
    public void RelationsTable_RandomOperands_MatchDoubleArithmetic(string left, string op, string right, string result)
    {
        MethodInfo method = FindOperator(new RelationRow(left, op, right, result));
        Gen<double> magnitudes = Gen.Double[-1e30, 1e30];
        Gen<double> divisors = Gen.Double[-1e30, 1e30].Where(d => Math.Abs(d) >= 1e-6);

        Gen.Select(magnitudes, op == "/" ? divisors : magnitudes).Sample((a, b) =>
        {
            double expected = op == "/" ? a / b : a * b;
            Assert.Equal(expected, ReadSi(Apply(method, CreateSi(left, a), CreateSi(right, b))));
        });
    }

    [Fact]
    public void RelationsTable_EveryCrossTypeOperatorInCode_IsDocumented()
    {
        var documented = UnitsDocument.Relations.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);

        var missing = CrossTypeOperators()
            .Select(m => new RelationRow(
                m.GetParameters()[0].ParameterType.Name,
                OperatorSymbol(m),
                m.GetParameters()[1].ParameterType.Name,
                m.ReturnType.Name).ToString())
            .Where(r => !documented.Contains(r))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void RelationsTable_Rows_AreUniqueAndTwelve()
    {
        IReadOnlyList<RelationRow> relations = UnitsDocument.Relations;
        Assert.Equal(12, relations.Count);
        Assert.Equal(relations.Count, relations.Distinct().Count());
        Assert.Equal(relations.Count, CrossTypeOperators().Count());
    }

    private static MethodInfo FindOperator(RelationRow row)
    {
        Type left = Quantity(row.Left);
        Type right = Quantity(row.Right);
        Type result = Quantity(row.Result);

        // A user-defined operator is declared on one of its operand types.
        MethodInfo? method = new[] { left, right }
            .Select(t => t.GetMethod(row.MethodName, BindingFlags.Public | BindingFlags.Static, [left, right]))
            .FirstOrDefault(m => m is not null);

        Assert.True(method is not null, $"operator {row} is documented but missing");
        Assert.Equal(result, method.ReturnType);
        return method;
    }

    private static UnitRow SiRow(string quantity) => UnitsDocument.Units.Single(r => r.Quantity == quantity && r.Factor == 1.0);

    private static object CreateSi(string quantity, double value) => Create(Quantity(quantity), SiRow(quantity).Factory, value);

    private static double ReadSi(object quantity) => Read(quantity, SiRow(quantity.GetType().Name).Getter);
}
