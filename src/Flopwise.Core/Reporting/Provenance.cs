using System.Reflection;
using Flopwise.Architectures;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Scaling;

namespace Flopwise.Reporting;

/// <summary>What produced a result: Flopwise's version and the date of each embedded catalog.</summary>
public static class Provenance
{
    /// <summary>Gets Flopwise's version, with the commit it was built from (e.g. <c>1.0.0+71c5d3f…</c>).</summary>
    public static string Version { get; } =
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Gets each embedded source with the date its figures were last checked (or its data's date).</summary>
    /// <returns>(JSON key, label, date) per source; the built-in catalogs are loaded on first use.</returns>
    public static IReadOnlyList<(string Key, string Label, string Date)> Sources() =>
    [
        ("gpuCatalog", "GPU catalog", GpuCatalog.Default.AsOf ?? "undated"),
        ("modelPresets", "Model presets", ModelCatalog.Default.AsOf ?? "undated"),
        ("scalingLaws", "Scaling laws", LawCatalog.Default.AsOf ?? "undated"),
        ("epochModels", "Epoch AI models snapshot", ModelTable.EpochSnapshotDate),
    ];
}
