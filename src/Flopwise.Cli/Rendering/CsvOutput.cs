using Flopwise.Reporting;

namespace Flopwise.Cli.Rendering;

/// <summary>
/// Writes rows as CSV: a header of the JSON keys, then one line per row at full precision. Every cell is a key
/// (letters only) or a number, so no quoting is ever needed; that is why no CSV library is used here.
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

            output.WriteLine(string.Join(',', row.Fields.Select(f => f.Text is not null ? f.Text : f.IsBoolean ? (f.Value != 0 ? "true" : "false") : NumberDisplay.Exact(f.Value))));
        }
    }
}
