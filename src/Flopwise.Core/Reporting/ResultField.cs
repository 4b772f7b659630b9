namespace Flopwise.Reporting;

/// <summary>One numeric output of a calculation: JSON key, human label, value and display unit.</summary>
/// <remarks>
/// <see cref="Key"/> is camelCase and ends in its unit where it has one (<c>trainingFlop</c>,
/// <c>wallTimeDays</c>); counts and ratios are bare (<c>parameters</c>). Immutable and thread-safe.
/// </remarks>
/// <param name="Key">The JSON key.</param>
/// <param name="Label">The label for tables.</param>
/// <param name="Value">The value, always finite.</param>
/// <param name="Unit">The unit shown in tables; empty for a pure number.</param>
public sealed record ResultField(string Key, string Label, double Value, string Unit);
