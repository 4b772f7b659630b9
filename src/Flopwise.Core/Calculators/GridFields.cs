using Flopwise.Inputs;
using Flopwise.Training;

namespace Flopwise.Calculators;

/// <summary>The <c>grid</c> field (a grid region for the carbon intensity), with the one resolver every calculator uses.</summary>
public static class GridFields
{
    /// <summary>Gets the grid region field.</summary>
    public static Field Grid { get; } = new()
    {
        Name = "grid",
        Kind = FieldKind.Name,
        Label = "Grid region",
        Description = "A grid region for the carbon intensity: " + string.Join(", ", GridRegions.All.Select(r => r.Id)) + " (CodeCarbon 2023).",
        HelpName = "REGION",
        Advanced = true,
    };

    /// <summary>Resolves <c>grid</c>; an unknown region is recorded with the closest one.</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <returns>The region, or <see langword="null"/> when not given or unknown.</returns>
    public static GridRegion? Read(CalculatorInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string? typed = inputs.Text(Grid.Name);
        if (typed is null)
        {
            return null;
        }

        if (GridRegions.TryResolve(typed, out GridRegion? region) is FieldError error)
        {
            inputs.Add(error);
            return null;
        }

        return region;
    }

    /// <summary>Refuses a grid region given together with an explicit grid intensity (a number or a distribution).</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <param name="region">The region read, or <see langword="null"/>.</param>
    /// <param name="intensity">The grid intensity input.</param>
    /// <exception cref="InputErrorsException">Both are given.</exception>
    public static void RejectWithIntensity(CalculatorInputs inputs, GridRegion? region, InputSpec intensity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (region is not null && (inputs.Values.Get(intensity) is not null || inputs.Uncertain.Any(u => u.Spec == intensity)))
        {
            throw new InputErrorsException(new FieldError(
                Grid.Name,
                $"cannot be combined with {{={intensity.Name}}}",
                inputs.Text(Grid.Name)!,
                $"one of {{={Grid.Name}}} or {{={intensity.Name}}}"));
        }
    }
}
