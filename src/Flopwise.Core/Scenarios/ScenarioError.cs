using System.Globalization;

namespace Flopwise.Scenarios;

/// <summary>A problem with a scenario file, at a line and column when it has one.</summary>
/// <remarks>
/// Renders as <c>line 4, column 1: gpu: is a range, but gpu takes one name (got h100..b200; expected …)</c>; the
/// front end prefixes the file name. Line and column count from 1. Immutable and thread-safe.
/// </remarks>
/// <param name="Line">The line (from 1), or 0 when the problem has no place in the file (a missing key).</param>
/// <param name="Column">The column (from 1), or 0.</param>
/// <param name="Key">The dotted key (<c>serving.gpus</c>), or the empty string for the file as a whole.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Got">The value as written.</param>
/// <param name="Expected">What is allowed.</param>
public sealed record ScenarioError(int Line, int Column, string Key, string Problem, string Got, string Expected)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string place = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: ") : string.Empty;
        string key = Key.Length == 0 ? string.Empty : Key + ": ";
        return $"{place}{key}{Problem} (got {Flopwise.Inputs.FieldError.Echo(Got)}; expected {Expected})";
    }
}
