using Flopwise.Architectures;

namespace Flopwise.Web.Api;

/// <summary>The choice fields shared by the training calculators: <c>flopConvention</c> and <c>recompute</c>.</summary>
internal static class Conventions
{
    public static FlopConvention? Flop(WebInputs inputs) =>
        inputs.Choice<FlopConvention>("flopConvention", FlopConventions.Names, FlopConventions.TryParse);

    public static Architectures.Recompute? Recompute(WebInputs inputs) =>
        inputs.Choice<Architectures.Recompute>("recompute", RecomputeModes.Names, RecomputeModes.TryParse);
}
