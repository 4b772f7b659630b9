using Flopwise.Forecasting;
using Flopwise.Scaling;
using Flopwise.Training;

namespace Flopwise.Calculators;

/// <summary>
/// Every calculator declared in Core, in the order the help and the page list them. The front ends build their
/// commands, endpoints, inputs listing and page sections from this list, so a calculator added here appears in all of
/// them.
/// </summary>
public static class CalculatorCatalog
{
    /// <summary>Gets every declared calculator.</summary>
    public static IReadOnlyList<Calculator> All { get; } =
    [
        ForecastingCalculators.Copies,
        ForecastingCalculators.Human,
        ForecastingCalculators.History,
        ScalingCalculators.Loss,
        ScalingCalculators.Laws,
        TrainingCalculators.Model,
        TrainingCalculators.Train,
        TrainingCalculators.Memory,
    ];

    /// <summary>Finds a calculator by name.</summary>
    /// <param name="name">The name, e.g. <c>copies</c>.</param>
    /// <returns>The calculator, or <see langword="null"/>.</returns>
    public static Calculator? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
