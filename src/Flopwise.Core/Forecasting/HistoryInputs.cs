using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>The inputs of <see cref="ModelHistory"/>: a training compute to place, or how many of the largest models to list.</summary>
public static class HistoryInputs
{
    /// <summary>The most models <see cref="Top"/> may list.</summary>
    public const int MaxTop = 200;

    /// <summary>Training compute C in FLOP to place among the models.</summary>
    public static InputSpec Compute { get; } = new()
    {
        Name = "compute",
        Label = "Training compute C",
        Description = "The training compute to place among the models of the table, in FLOP.",
        Unit = "FLOP",
        IsRequired = true,
    };

    /// <summary>The number of largest models to list, instead of placing a compute.</summary>
    public static InputSpec Top { get; } = InputSpec.Count(
        "top",
        "Models listed",
        $"List the N models with the most training compute (at most {MaxTop}) instead of placing --compute.",
        MaxTop);

    /// <summary>Gets every input, in the order of the help text.</summary>
    public static IReadOnlyList<InputSpec> All { get; } = [Compute, Top];
}
