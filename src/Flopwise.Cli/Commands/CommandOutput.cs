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
                WriteTable(context, title, result);
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
                WriteTableRows(context, title, rows, assumptions);
                break;
        }
    }

    // Tables live in their own non-inlined methods so that the JSON and CSV paths never make the JIT load
    // Spectre.Console (about 50 ms of start-up).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void WriteTable(CliContext context, string title, ICalculationResult result) =>
        TableOutput.Write(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, result);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void WriteTableRows(CliContext context, string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions) =>
        TableOutput.WriteRows(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, rows, assumptions);

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
        catch (IOException e)
        {
            // Not the user's fault (a full disk, a device or /proc file that refuses the write): exit code 1.
            throw new OutputWriteException($"cannot write {InputOptions.Quote(path)} ({e.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')})", e);
        }

        if (format == OutputFormat.Table)
        {
            context.Output.WriteLine("Plot written to " + path);
        }
    }
}
