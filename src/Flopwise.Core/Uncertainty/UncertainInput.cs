using Flopwise.Inputs;

namespace Flopwise.Uncertainty;

/// <summary>A numeric input given as a distribution instead of a number.</summary>
/// <param name="Spec">The input.</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="Text">The text as typed, for the assumptions.</param>
public sealed record UncertainInput(InputSpec Spec, Distribution Distribution, string Text);
