using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flopwise.Architectures;
using Flopwise.Forecasting;
using Flopwise.Hardware;

namespace Flopwise.Reporting;

/// <summary>What produced a result: Flopwise's version and the date of each embedded catalog.</summary>
public static class Provenance
{
    /// <summary>The manifest name of <c>Scaling/laws.json</c> (<c>LawCatalog.ResourceName</c>).</summary>
    private const string LawsResource = "Flopwise.Scaling.laws.json";

    /// <summary>Gets Flopwise's version, with the commit it was built from (e.g. <c>1.0.0+71c5d3f…</c>).</summary>
    public static string Version { get; } =
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Gets the release number alone (e.g. <c>1.0.0</c>), without the commit: what <c>--json</c> carries, so saved results stay comparable.</summary>
    public static string Release { get; } = Version.Split('+')[0];

    /// <summary>Writes <c>"provenance": {"version", "gpuCatalog", "modelPresets", "scalingLaws", "epochModels"}</c>.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    public static void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("provenance");
        writer.WriteString("version", Release);
        foreach ((string key, string _, string date) in Sources())
        {
            writer.WriteString(key, date);
        }

        writer.WriteEndObject();
    }

    /// <summary>Gets the same object as <see cref="Write"/> as a JSON node.</summary>
    /// <returns>A new node.</returns>
    public static JsonObject ToJsonNode()
    {
        var node = new JsonObject { ["version"] = Release };
        foreach ((string key, string _, string date) in Sources())
        {
            node[key] = date;
        }

        return node;
    }

    /// <summary>Gets each embedded source with the date its figures were last checked (or its data's date).</summary>
    /// <returns>(JSON key, label, date) per source, read from the head of each embedded catalog (which is not parsed).</returns>
    /// <remarks>
    /// The scaling laws are named by their resource (<c>Scaling/laws.json</c>) rather than through
    /// <c>LawCatalog</c>, so that reporting does not depend on the scaling namespace, which depends on it.
    /// </remarks>
    public static IReadOnlyList<(string Key, string Label, string Date)> Sources() =>
    [
        ("gpuCatalog", "GPU catalog", Inputs.EmbeddedCatalog.AsOfOfResource(GpuCatalog.ResourceName) ?? "undated"),
        ("modelPresets", "Model presets", Inputs.EmbeddedCatalog.AsOfOfResource(ModelCatalog.ResourceName) ?? "undated"),
        ("scalingLaws", "Scaling laws", Inputs.EmbeddedCatalog.AsOfOfResource(LawsResource) ?? "undated"),
        ("epochModels", "Epoch AI models snapshot", ModelTable.EpochSnapshotDate),
    ];
}
