using Flopwise.Cli.Commands;
using Flopwise.Cli.Rendering;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli;

/// <summary>
/// Writes scaling-law results: as the shared renderers do, but in JSON through Core's <see cref="LawJson"/>, whose
/// <c>law</c> object also names the law ahead of its constants, so that it can be read back with <c>--law-file</c>.
/// </summary>
internal static class LawOutput
{
    public static void Write(CliContext context, OutputFormat format, string title, ICalculationResult result, ScalingLaw law)
    {
        if (format != OutputFormat.Json)
        {
            CommandOutput.Write(context, format, title, result);
            return;
        }

        context.Output.WriteLine(LawJson.Write(result, law));
    }

    public static void WriteRows(CliContext context, OutputFormat format, string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions, ScalingLaw law)
    {
        if (format != OutputFormat.Json)
        {
            CommandOutput.WriteRows(context, format, title, rows, assumptions);
            return;
        }

        context.Output.WriteLine(LawJson.WriteRows(rows, assumptions, law));
    }
}
