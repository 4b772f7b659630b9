using Flopwise.Reporting;

namespace Flopwise.Cli.Rendering;

/// <summary>Writes results as one JSON object to stdout, in the form every front end shares (<see cref="ResultJson"/>).</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, ICalculationResult result) => output.WriteLine(ResultJson.Write(result));

    public static void WriteRows(TextWriter output, IEnumerable<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions) =>
        output.WriteLine(ResultJson.WriteRows(rows, assumptions));
}
