namespace Flopwise.Cli;

/// <summary>Where a command writes: stdout, stderr, and whether stdout is a terminal (tables adapt their width).</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool IsTerminal);
