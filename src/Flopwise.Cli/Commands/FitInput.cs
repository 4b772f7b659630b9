using System.Text;
using Flopwise.Fitting;
using Flopwise.Inputs;

namespace Flopwise.Cli.Commands;

/// <summary>Opens the runs file of <c>flopwise fit</c> and reads it with <see cref="RunTable.Parse"/>; every failure names the file (exit 2).</summary>
internal static class FitInput
{
    private const int BufferSize = 1 << 16;

    /// <summary>The largest runs file read, 100 MB (about 3,000,000 rows of four numbers); read as a stream, never whole.</summary>
    public const long MaxBytes = 100_000_000;

    public static RunTable Read(string path, RunTableOptions options)
    {
        string name = InputOptions.Quote(path);
        if (Directory.Exists(path))
        {
            throw new UsageException($"{name}: is a directory, not a CSV file");
        }

        Outcome<RunTable> outcome;
        try
        {
            using var stream = new LimitedReadStream(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan),
                MaxBytes,
                $"{name}: is larger than 100 MB (got more than {MaxBytes} bytes; expected a CSV file of runs of at most 100 MB)");
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
            outcome = RunTable.Parse(reader, name, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "cannot be read (permission denied)",
                _ => "cannot be read (" + e.Message.ReplaceLineEndings(" ") + ")",
            };
            throw new UsageException($"{name}: {why}", e);
        }

        if (outcome.Value is { } table)
        {
            return table;
        }

        FieldError error = outcome.Errors[0];
        throw error.Field == RunTable.FileField ? new UsageException(error.Problem) : UsageException.From(error);
    }
}
