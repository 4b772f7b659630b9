using System.Reflection;
using System.Runtime.CompilerServices;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>
/// Finds the quantity structs of Flopwise.Core by reflection: public structs in namespace <c>Flopwise</c> that have
/// a public static <c>From*</c> method.
/// </summary>
public static class QuantityReflection
{
    private const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;

    public static IReadOnlyList<Type> QuantityTypes { get; } = typeof(FlopCount).Assembly.GetExportedTypes()
        .Where(t => t.IsValueType && !t.IsEnum && t.Namespace == "Flopwise")
        .Where(t => Factories(t).Any())
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static Type Quantity(string name) =>
        QuantityTypes.SingleOrDefault(t => t.Name == name)
        ?? throw new InvalidOperationException($"No quantity struct named {name} in Flopwise.Core.");

    public static IEnumerable<MethodInfo> Factories(Type type) =>
        type.GetMethods(PublicStatic).Where(m => m.Name.StartsWith("From", StringComparison.Ordinal));

    public static MethodInfo? Factory(Type type, string name) =>
        type.GetMethod(name, PublicStatic, [typeof(double)]);

    public static PropertyInfo? Getter(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } p && t == typeof(double) ? p : null;

    /// <summary>Calls <c>type.factory(value)</c>; exceptions are thrown as they are, not wrapped.</summary>
    public static object Create(Type type, string factory, double value) =>
        (Factory(type, factory) ?? throw new InvalidOperationException($"{type.Name}.{factory}(double) is missing."))
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [value], null)!;

    public static double Read(object quantity, string getter) =>
        (double)(Getter(quantity.GetType(), getter) ?? throw new InvalidOperationException($"{quantity.GetType().Name}.{getter} is missing."))
            .GetValue(quantity)!;

    /// <summary>The single private double field, which holds the SI value.</summary>
    public static FieldInfo StoredField(Type type) =>
        Assert.Single(type.GetFields(BindingFlags.NonPublic | BindingFlags.Instance));

    /// <summary>Reads the stored SI value straight from the private field.</summary>
    public static double ReadStoredSi(object quantity) => (double)StoredField(quantity.GetType()).GetValue(quantity)!;

    /// <summary>Calls a static operator method; exceptions are thrown as they are, not wrapped.</summary>
    public static object Apply(MethodInfo op, object left, object right) =>
        op.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [left, right], null)!;

    public static bool IsReadOnly(Type type) => type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false);

    /// <summary>Every public <c>op_Multiply</c>/<c>op_Division</c> whose operands are two different quantity types.</summary>
    public static IEnumerable<MethodInfo> CrossTypeOperators() =>
        QuantityTypes
            .SelectMany(t => t.GetMethods(PublicStatic))
            .Where(m => m.Name is "op_Multiply" or "op_Division")
            .Where(m => m.GetParameters() is [var l, var r]
                && QuantityTypes.Contains(l.ParameterType)
                && QuantityTypes.Contains(r.ParameterType)
                && l.ParameterType != r.ParameterType);

    public static string OperatorSymbol(MethodInfo op) => op.Name switch
    {
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        _ => op.Name,
    };
}
