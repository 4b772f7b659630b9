using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Plotting;
using Flopwise.Reporting;

namespace Flopwise.Cli.Commands;

/// <summary>Shared steps of the calculator commands: unwrap an outcome, write the result, save a plot.</summary>
internal static class CommandOutput
{
    public static T Unwrap<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Value ?? throw UsageException.From(outcome.Errors[0]);

    public static void Write(CliContext context, OutputFormat format, string title, ICalculationResult result)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(context.Output, result);
                break;
            case OutputFormat.Csv:
                CsvOutput.Write(context.Output, [result]);
                break;
            default:
                TableOutput.Write(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, result);
                break;
        }
    }

    public static void WriteRows(CliContext context, OutputFormat format, string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.WriteRows(context.Output, rows, assumptions);
                break;
            case OutputFormat.Csv:
                CsvOutput.Write(context.Output, rows);
                break;
            default:
                TableOutput.WriteRows(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, rows, assumptions);
                break;
        }
    }

    /// <summary>Saves the plot; a path that cannot be written is the user's error (exit 2).</summary>
    public static void SavePlot(CliContext context, OutputFormat format, Chart chart, string path)
    {
        try
        {
            ChartFile.Save(chart, path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException or PathTooLongException)
        {
            throw new UsageException(ErrorText.ForOption("--plot", "cannot be written: " + e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal), InputOptions.Quote(path), "a writable .svg or .png path"), e);
        }

        if (format == OutputFormat.Table)
        {
            context.Output.WriteLine("Plot written to " + path);
        }
    }
}
