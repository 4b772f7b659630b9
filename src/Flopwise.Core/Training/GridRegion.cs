namespace Flopwise.Training;

/// <summary>A named electricity grid and its carbon intensity in kg CO2e per kWh.</summary>
/// <param name="Id">The lowercase name used by <c>--grid</c>, e.g. <c>france</c>.</param>
/// <param name="KgPerKwh">Carbon intensity, kg CO2e per kWh.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record GridRegion(string Id, double KgPerKwh, string Source);
