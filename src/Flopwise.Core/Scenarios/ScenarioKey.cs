using Flopwise.Inputs;

namespace Flopwise.Scenarios;

/// <summary>One key a scenario file may give: its section, name, kind and, for a number, the input it sets.</summary>
/// <remarks>
/// <see cref="Name"/> is the command-line option of the calculator it feeds, without <c>--</c> (<c>mfu</c>,
/// <c>price-per-gpu-hour</c>). A number's <see cref="Input"/> is the calculator's own <see cref="InputSpec"/>, so the
/// same parsing, ranges and error texts apply; <see cref="Sampled"/> is the same spec named with its section
/// (<c>serving.gpus</c>), so a section's input is drawn and reported apart from a top-level one of the same name.
/// Immutable and thread-safe.
/// </remarks>
public sealed record ScenarioKey
{
    /// <summary>Gets the section (<c>serving</c>, <c>copies</c>, <c>human</c>), or the empty string for the top level.</summary>
    public required string Section { get; init; }

    /// <summary>Gets the key as written in the file, e.g. <c>price-per-gpu-hour</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the dotted name, e.g. <c>serving.gpus</c>; the plain name at the top level.</summary>
    public string Path => Section.Length == 0 ? Name : Section + "." + Name;

    /// <summary>Gets the numeric input the key sets, or <see langword="null"/> for a key whose value is a name.</summary>
    public InputSpec? Input { get; init; }

    /// <summary>Gets the input under its dotted name, as the Monte Carlo runner draws it; <see langword="null"/> for a name.</summary>
    public InputSpec? Sampled { get; init; }

    /// <summary>Gets a value indicating whether the value may be a range or distribution (every number except <c>samples</c> and <c>seed</c>).</summary>
    public bool AllowsDistribution { get; init; }

    /// <summary>Gets what the value may be, for help and error messages.</summary>
    public required string Expected { get; init; }

    /// <summary>Gets what the key means.</summary>
    public required string Description { get; init; }
}
