using Flopwise.Inputs;

namespace Flopwise.Training;

/// <summary>
/// Carbon intensity of electricity by region: CodeCarbon's 2023 <c>global_energy_mix.json</c>, in kg CO2e per kWh
/// (github.com/mlco2/codecarbon, <c>codecarbon/data/private_infra/global_energy_mix.json</c>). The world average,
/// 0.475, is the default of <c>--grid-intensity</c>.
/// </summary>
public static class GridRegions
{
    private const string CodeCarbon =
        "CodeCarbon global_energy_mix.json (2023), https://github.com/mlco2/codecarbon/blob/master/codecarbon/data/private_infra/global_energy_mix.json";

    /// <summary>Gets the world average, 0.475 kg CO2e per kWh.</summary>
    public static GridRegion World { get; } = new("world", 0.475, CodeCarbon + ", world average");

    /// <summary>Gets every region, world first.</summary>
    public static IReadOnlyList<GridRegion> All { get; } =
    [
        World,
        new("usa", 0.3695, CodeCarbon),
        new("france", 0.056, CodeCarbon),
        new("germany", 0.381, CodeCarbon),
        new("uk", 0.2376, CodeCarbon),
        new("sweden", 0.0407, CodeCarbon),
        new("canada", 0.170, CodeCarbon),
        new("india", 0.7134, CodeCarbon),
        new("china", 0.5823, CodeCarbon),
        new("japan", 0.4854, CodeCarbon),
    ];

    /// <summary>Resolves a region name (exact, or an unambiguous prefix).</summary>
    /// <param name="typed">The name as typed.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns>The error, or <see langword="null"/> when <paramref name="region"/> was found.</returns>
    public static FieldError? TryResolve(string typed, out GridRegion? region)
    {
        NameMatch match = NameLookup.Resolve(
            "grid", typed, All.Select(r => r.Id).ToArray(), new Dictionary<string, string> { ["us"] = "usa", ["gb"] = "uk" }, "a grid region: " + string.Join(", ", All.Select(r => r.Id)));
        region = All.FirstOrDefault(r => r.Id == match.Id);
        return match.Error;
    }
}
