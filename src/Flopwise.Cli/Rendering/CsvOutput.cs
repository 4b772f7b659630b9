using Flopwise.Reporting;

namespace Flopwise.Cli.Rendering;

/// <summary>
/// Writes rows as CSV: a header of the JSON keys, then one line per row at full precision. Keys and numbers never
/// need quoting; a text cell (a model name such as <c>Mamba 2, 2.7B</c>) is quoted as RFC 4180 asks when it holds a
/// comma, a quote or a line break. That is all the quoting there is, which is why no CSV library is used here.
/// </summary>
internal static class CsvOutput
{
    public static void Write(TextWriter output, IEnumerable<ICalculationResult> rows)
    {
        bool header = true;
        foreach (ICalculationResult row in rows)
        {
            if (header)
            {
                output.WriteLine(string.Join(',', row.Fields.Select(f => f.Key)));
                header = false;
            }

            output.WriteLine(string.Join(',', row.Fields.Select(f => f.Text is not null ? Quote(f.Text) : f.IsBoolean ? (f.Value != 0 ? "true" : "false") : NumberDisplay.Exact(f.Value))));
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
