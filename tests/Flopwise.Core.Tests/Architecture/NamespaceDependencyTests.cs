using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Architecture;

/// <summary>
/// Checks that the feature namespaces depend on <c>Flopwise.Reporting</c> and not the other way round: the JSON of
/// laws (<c>LawJson</c>) and fits (<c>FitJson</c>) lives with its feature, so Reporting ↔ Scaling and
/// Reporting ↔ Fitting are not cycles.
/// </summary>
public partial class NamespaceDependencyTests
{
    private const string Reporting = "Flopwise.Reporting";

    private static readonly Assembly Core = typeof(FlopCount).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Theory]
    [InlineData("Flopwise.Scaling")]
    [InlineData("Flopwise.Fitting")]
    public void Reporting_UsesNoTypeOf(string feature)
    {
        IReadOnlyDictionary<string, string> used = NamespacesUsedBy(Reporting);

        Assert.False(used.ContainsKey(feature), $"{Reporting} uses {feature}: {used.GetValueOrDefault(feature)}");
    }

    [Theory]
    [InlineData("Flopwise.Scaling", "Flopwise.Scaling.LawJson")]
    [InlineData("Flopwise.Fitting", "Flopwise.Fitting.FitJson")]
    public void Feature_UsesReporting_SoTheScanSeesCalls(string feature, string jsonType)
    {
        // The scan above must be able to see a dependency at all: each feature does use Reporting, in its JSON writer.
        Assert.NotNull(Core.GetType(jsonType));
        Assert.True(NamespacesUsedBy(feature).ContainsKey(Reporting), $"{feature} should use {Reporting}");
    }

    [Fact]
    public void ReportingSource_NamesNeitherScalingNorFitting()
    {
        // Constants (a resource name, say) are copied into the IL and escape the scan above; the source does not.
        string[] files = Directory.GetFiles(RepositoryRoot.File("src", "Flopwise.Core", "Reporting"), "*.cs");

        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            Assert.False(FeatureReference().IsMatch(File.ReadAllText(file)), $"{file} refers to Flopwise.Scaling or Flopwise.Fitting");
        }
    }

    /// <summary>Gets each namespace whose types the types of <paramref name="ns"/> use, with one use as an example.</summary>
    private static Dictionary<string, string> NamespacesUsedBy(string ns)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in Core.GetTypes().Where(t => t.Namespace == ns))
        {
            void Use(Type? referenced, string where)
            {
                foreach (Type t in Expand(referenced))
                {
                    if (t.Namespace is string n && n != ns)
                    {
                        used.TryAdd(n, $"{where} uses {t.FullName}");
                    }
                }
            }

            Use(type.BaseType, type.FullName!);
            foreach (Type i in type.GetInterfaces())
            {
                Use(i, type.FullName!);
            }

            foreach (MemberInfo member in type.GetMembers(All))
            {
                string where = $"{type.FullName}.{member.Name}";
                switch (member)
                {
                    case FieldInfo field:
                        Use(field.FieldType, where);
                        break;
                    case PropertyInfo property:
                        Use(property.PropertyType, where);
                        break;
                    case MethodBase method:
                        if (method is MethodInfo m)
                        {
                            Use(m.ReturnType, where);
                        }

                        foreach (ParameterInfo p in method.GetParameters())
                        {
                            Use(p.ParameterType, where);
                        }

                        foreach (Type t in TypesInBody(method))
                        {
                            Use(t, where);
                        }

                        break;
                }
            }
        }

        return used;
    }

    /// <summary>The types named by a method body's tokens: the types of casts and allocations, the declaring types of calls and fields.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            OpCode op = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    MemberInfo? member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodInfo m:
                            yield return m.DeclaringType!;
                            yield return m.ReturnType;
                            foreach (Type g in m.IsGenericMethod ? m.GetGenericArguments() : [])
                            {
                                yield return g;
                            }

                            break;
                        case ConstructorInfo c:
                            yield return c.DeclaringType!;
                            break;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    i += 4;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
            }
        }
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (Type t in Expand(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsConstructedGenericType)
        {
            foreach (Type t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    [GeneratedRegex(@"using\s+Flopwise\.(?:Scaling|Fitting)\s*;|\b(?:Scaling|Fitting)\.[A-Z]")]
    private static partial Regex FeatureReference();
}
