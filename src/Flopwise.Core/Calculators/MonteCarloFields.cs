using Flopwise.Uncertainty;

namespace Flopwise.Calculators;

/// <summary>The fields every calculator that takes distributions also has: <c>samples</c>, <c>seed</c> and <c>sensitivity</c>.</summary>
public static class MonteCarloFields
{
    /// <summary>Gets the number of joint samples.</summary>
    public static Field Samples { get; } = Field.Number(MonteCarlo.SamplesInput, advanced: true);

    /// <summary>Gets the seed of the samples.</summary>
    public static Field Seed { get; } = Field.Number(MonteCarlo.SeedInput, advanced: true);

    /// <summary>Gets the output whose sensitivity to each uncertain input is reported (a tornado).</summary>
    public static Field Sensitivity { get; } = new()
    {
        Name = "sensitivity",
        Kind = FieldKind.Text,
        Label = "Sensitivity of an output (its JSON name, e.g. costUsd)",
        Description = "With an input given as a distribution: swing each uncertain input from its p5 to its p95, the others at their medians, "
            + "and report OUTPUT's range per input, largest first (a tornado), with each input's rank correlation to it; "
            + "with {=plot}, also FILE-tornado.svg.",
        HelpName = "OUTPUT",
        Advanced = true,
    };

    /// <summary>Gets the three fields, in the order the help lists them.</summary>
    public static IReadOnlyList<Field> All { get; } = [Samples, Seed, Sensitivity];
}
