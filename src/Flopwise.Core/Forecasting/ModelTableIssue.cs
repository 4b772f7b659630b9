namespace Flopwise.Forecasting;

/// <summary>A value in a model table that could not be read, which made the row be skipped.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Line">The physical line on which the row starts (the header is line 1).</param>
/// <param name="Column">The column's header text, e.g. <c>Training compute (FLOP)</c>.</param>
/// <param name="Value">The value as it stands in the file.</param>
/// <param name="Problem">What is wrong with it, e.g. <c>is not a positive number</c>.</param>
public sealed record ModelTableIssue(int Line, string Column, string Value, string Problem)
{
    /// <summary>Gets the issue as one line: <c>line 14, column Publication date: '2024-13-01' is not a date (yyyy-MM-dd)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"line {Line}, column {Column}: '{Value}' {Problem}";
}
