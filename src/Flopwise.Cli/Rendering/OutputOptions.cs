using System.CommandLine;

namespace Flopwise.Cli.Rendering;

/// <summary>The output options every calculator shares: <c>--json</c>, <c>--csv</c> and, where a picture helps, <c>--plot</c>.</summary>
internal sealed class OutputOptions
{
    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON object to stdout instead of a table." };
    private readonly Option<bool> _csv = new("--csv") { Description = "Write the rows as CSV (header of JSON keys) instead of a table." };
    private readonly Option<string>? _plot;

    public OutputOptions(Command command, bool csv, string? plotDescription)
    {
        command.Add(_json);
        if (csv)
        {
            command.Add(_csv);
        }

        if (plotDescription is not null)
        {
            _plot = new Option<string>("--plot") { Description = plotDescription, HelpName = "FILE.svg|FILE.png" };
            command.Add(_plot);
        }
    }

    public OutputFormat Format(ParseResult parseResult)
    {
        bool json = parseResult.GetValue(_json);
        bool csv = parseResult.GetValue(_csv);
        if (json && csv)
        {
            throw new UsageException(ErrorText.ForOption("--csv", "cannot be combined with --json", "--json --csv", "one of --json or --csv"));
        }

        return json ? OutputFormat.Json : csv ? OutputFormat.Csv : OutputFormat.Table;
    }

    public string? PlotPath(ParseResult parseResult)
    {
        if (_plot is null)
        {
            return null;
        }

        string? path = parseResult.GetValue(_plot);
        if (path is null)
        {
            return null;
        }

        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".SVG" or ".PNG"))
        {
            throw new UsageException(ErrorText.ForOption("--plot", "has an unknown file type", InputOptions.Quote(path), "a file name ending in .svg or .png"));
        }

        return path;
    }
}

/// <summary>How a result is written to stdout.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
