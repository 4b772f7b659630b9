namespace Flopwise.Scenarios;

/// <summary>One key of a scenario file as written: its dotted path, its value's text and where it stands.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Path">The dotted key, e.g. <c>mfu</c> or <c>serving.gpus</c>.</param>
/// <param name="Text">The value as written.</param>
/// <param name="Line">The key's line, from 1.</param>
/// <param name="Column">The key's column, from 1.</param>
public sealed record ScenarioEntry(string Path, string Text, int Line, int Column);
