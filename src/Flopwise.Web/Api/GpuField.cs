using Flopwise.Hardware;
using Flopwise.Reporting;

namespace Flopwise.Web.Api;

/// <summary>
/// The fields that name the hardware, as the CLI's: <c>gpu</c> (an id or alias from the built-in catalog) and
/// <c>dtype</c>. The CLI's <c>--catalog FILE</c> names a file and is refused.
/// </summary>
internal static class GpuField
{
    /// <summary>Resolves <c>gpu</c>; <see langword="null"/> when not given or unknown (the error is recorded). A resolution note goes to <paramref name="notes"/>.</summary>
    public static GpuSpec? Read(WebInputs inputs, List<Assumption> notes)
    {
        inputs.RefuseFile("catalog", "an accelerator of the built-in catalog in gpu");
        string? typed = inputs.Text("gpu");
        if (typed is null)
        {
            return null;
        }

        GpuMatch match = GpuCatalog.Default.Resolve(typed);
        if (match.Spec is null)
        {
            inputs.Add(match.Error!);
            return null;
        }

        if (Flopwise.Calculators.GpuFields.ResolutionNote(match) is Assumption note)
        {
            notes.Add(note);
        }

        return match.Spec;
    }

    /// <summary>Reads <c>dtype</c>.</summary>
    public static DataType? DataType(WebInputs inputs) =>
        inputs.Choice<DataType>("dtype", DataTypes.All.Select(DataTypes.Name).ToArray(), DataTypes.TryParse);
}
