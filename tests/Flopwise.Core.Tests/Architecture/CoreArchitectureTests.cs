using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Architecture;

/// <summary>Checks the shape docs/ARCHITECTURE.md gives Core: pure, immutable, dependencies pointing inward.</summary>
public partial class CoreArchitectureTests
{
    private static readonly Assembly Core = typeof(FlopCount).Assembly;

    [Theory]
    [InlineData("Spectre")]
    [InlineData("ScottPlot")]
    [InlineData("SkiaSharp")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("System.CommandLine")]
    [InlineData("Flopwise.Cli")]
    [InlineData("Flopwise.Plotting")]
    public void Core_References_NoFrontEndOrPlottingAssembly(string forbidden)
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void PublicStructs_AreReadonly()
    {
        Type[] structs = Core.GetExportedTypes().Where(t => t.IsValueType && !t.IsEnum).ToArray();

        Assert.NotEmpty(structs);
        Assert.All(structs, t => Assert.True(t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)), t.FullName + " is not readonly"));
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSetters()
    {
        foreach (Type type in Core.GetExportedTypes().Where(t => !t.IsEnum))
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                MethodInfo? setter = property.SetMethod;
                bool isInit = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) ?? false;
                Assert.True(setter is null || !setter.IsPublic || isInit, $"{type.FullName}.{property.Name} has a public setter");
            }

            Assert.All(
                type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly),
                f => Assert.True(f.IsInitOnly || f.IsLiteral, $"{type.FullName}.{f.Name} is a mutable public field"));
        }
    }

    [Fact]
    public void CoreSource_HasNoConsoleFileOrCurrentCulture()
    {
        string[] files = Directory.GetFiles(RepositoryRoot.File("src", "Flopwise.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            Assert.False(ForbiddenApi().IsMatch(text), $"{file} uses console, file or current-culture APIs");
        }
    }

    [Fact]
    public void PublicApi_MatchesGoldenDump()
    {
        var dump = new StringBuilder();
        foreach (Type type in Core.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            dump.AppendLine(type.FullName);
            IEnumerable<string> members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Select(Describe)
                .Order(StringComparer.Ordinal);
            foreach (string member in members)
            {
                dump.Append("  ").AppendLine(member);
            }
        }

        Golden.AssertMatches(dump.ToString());
    }

    private static string Describe(MemberInfo member) => member switch
    {
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType)))})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod is not null ? "get; " : string.Empty)}{(p.SetMethod is { IsPublic: true } ? "init; " : string.Empty)}}}",
        FieldInfo f => $"{(f.IsStatic ? "static " : string.Empty)}{(f.IsLiteral ? "const " : "readonly ")}{Name(f.FieldType)} {f.Name}",
        ConstructorInfo c => $".ctor({string.Join(", ", c.GetParameters().Select(p => Name(p.ParameterType)))})",
        _ => $"{member.MemberType} {member.Name}",
    };

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    [GeneratedRegex(@"\bConsole\.|\bFile\.|\bDirectory\.|CurrentCulture|CurrentUICulture")]
    private static partial Regex ForbiddenApi();
}
