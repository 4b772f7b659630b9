namespace Flopwise.Reporting;

/// <summary>An output that could not be derived from what was given, and what would let it be derived.</summary>
/// <param name="Key">The JSON key the output would have had, e.g. <c>costUsd</c>.</param>
/// <param name="Label">The human label.</param>
/// <param name="Reason">Why it is absent, e.g. <c>needs --price-per-gpu-hour</c>.</param>
public sealed record MissingField(string Key, string Label, string Reason);
