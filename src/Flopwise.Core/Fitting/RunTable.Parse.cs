using System.Globalization;
using Flopwise.Inputs;

namespace Flopwise.Fitting;

/// <content>Reading a run table from CSV text.</content>
public sealed partial class RunTable
{
    /// <summary>The <see cref="FieldError.Field"/> of every error about the file's content.</summary>
    public const string FileField = "file";

    private const int MaxWarningExamples = 3;

    private static readonly string[] ParametersNames = ["N", "params", "parameters", "Model Size", "model_size", "n_params"];
    private static readonly string[] TokensNames = ["D", "tokens", "n_tokens", "training tokens"];
    private static readonly string[] ComputeNames = ["C", "flop", "flops", "compute", "Training FLOP", "training_flop"];
    private static readonly string[] LossNames = ["loss", "final loss", "final_loss"];

    /// <summary>Reads a CSV of training runs: a header row, then one run per row.</summary>
    /// <param name="reader">The CSV text (UTF-8 with or without BOM, LF or CRLF, RFC 4180 quoting).</param>
    /// <param name="fileName">The file name to put in messages, e.g. <c>runs.csv</c>.</param>
    /// <param name="options">Which columns to read and which rows to drop.</param>
    /// <returns>The table, or an error (field <see cref="FileField"/> or the option at fault) naming the file, line and column.</returns>
    /// <remarks>
    /// Every used value must be a finite number greater than zero. Without a tokens column but with a compute column,
    /// D = C/(6N). Without <see cref="RunTableOptions.SkipBadRows"/>, the first bad row is the error; with it, bad
    /// rows are skipped and counted in <see cref="Warnings"/>.
    /// </remarks>
    public static Outcome<RunTable> Parse(TextReader reader, string fileName, RunTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        if (options.DropHighestLoss < 0)
        {
            return Fail("drop-highest-loss", "must be 0 or more", options.DropHighestLoss.ToString(CultureInfo.InvariantCulture), "a whole number of rows ≥ 0");
        }

        var csv = new CsvRecordReader(reader);
        string[]? header = null;
        while (csv.Read())
        {
            if (csv.SawNul)
            {
                return NotCsv(fileName, "it holds binary data");
            }

            if (!csv.IsBlank)
            {
                header = new string[csv.FieldCount];
                for (int i = 0; i < header.Length; i++)
                {
                    header[i] = csv.Field(i).Trim().ToString();
                }

                break;
            }
        }

        if (header is null)
        {
            return Outcome<RunTable>.Failure([new FieldError(FileField, $"{fileName}: is empty", "an empty file", "a CSV file with a header row and one row per run")]);
        }

        if (header.Length < 2)
        {
            return NotCsv(fileName, $"its first line has a single column ('{Shorten(header[0])}')");
        }

        for (int i = 1; i < header.Length; i++)
        {
            int first = header[i].Length == 0 ? -1 : Array.FindIndex(header, 0, i, h => string.Equals(h, header[i], StringComparison.OrdinalIgnoreCase));
            if (first >= 0)
            {
                // Columns are found by name, so a repeated name would silently pick the first.
                return Fail(
                    FileField,
                    $"{fileName}: line 1, column {i + 1}: the header '{Shorten(header[i])}' repeats column {first + 1} ('{Shorten(header[first])}')",
                    Shorten(header[i]),
                    "a header row whose names differ (ignoring case)");
            }
        }

        string found = string.Join(", ", header.Select(h => Shorten(h)));
        int parametersAt = FindColumn(header, options.ParamsColumn, ParametersNames);
        int tokensAt = FindColumn(header, options.TokensColumn, TokensNames);
        int computeAt = FindColumn(header, options.ComputeColumn, ComputeNames);
        int lossAt = FindColumn(header, options.LossColumn, LossNames);
        if (MissingColumn(fileName, found, options.ParamsColumn, "params-column", "parameters", ParametersNames, parametersAt) is { } e1)
        {
            return e1;
        }

        if (MissingColumn(fileName, found, options.LossColumn, "loss-column", "loss", LossNames, lossAt) is { } e2)
        {
            return e2;
        }

        if (options.TokensColumn is not null && tokensAt < 0)
        {
            return MissingColumn(fileName, found, options.TokensColumn, "tokens-column", "tokens", TokensNames, tokensAt)!;
        }

        if (options.ComputeColumn is not null && computeAt < 0)
        {
            return MissingColumn(fileName, found, options.ComputeColumn, "compute-column", "compute", ComputeNames, computeAt)!;
        }

        if (tokensAt < 0 && computeAt < 0)
        {
            return Outcome<RunTable>.Failure([new FieldError(
                FileField,
                $"{fileName}: has neither a tokens column ({string.Join(", ", TokensNames)}) nor a compute column ({string.Join(", ", ComputeNames)}) (columns found: {found})",
                found,
                "a tokens or compute column, or --tokens-column/--compute-column")]);
        }

        int[] used = tokensAt >= 0 && computeAt >= 0 ? [parametersAt, tokensAt, computeAt, lossAt] : [parametersAt, tokensAt >= 0 ? tokensAt : computeAt, lossAt];
        int needed = used.Max() + 1;
        var parameters = new Growing();
        var tokens = new Growing();
        var compute = new Growing();
        var loss = new Growing();
        int skipped = 0;
        var examples = new List<string>();
        Span<double> values = stackalloc double[4];
        while (csv.Read())
        {
            if (csv.SawNul)
            {
                return NotCsv(fileName, $"line {csv.Line} holds binary data");
            }

            if (csv.IsBlank)
            {
                continue;
            }

            string? problem = null;
            if (csv.FieldCount < needed)
            {
                problem = $"{fileName}: line {csv.Line}: has {csv.FieldCount} {(csv.FieldCount == 1 ? "field" : "fields")}, but the header has {header.Length}";
            }
            else if (csv.FieldCount > header.Length)
            {
                // A field beyond the header (an unquoted comma, a shifted row) is never silently ignored.
                problem = $"{fileName}: line {csv.Line}, column {header.Length + 1}: has {csv.FieldCount} fields, but the header has {header.Length}";
            }
            else
            {
                for (int k = 0; k < used.Length && problem is null; k++)
                {
                    problem = ReadValue(csv.Field(used[k]), out values[k]) is { } why
                        ? $"{fileName}: line {csv.Line}, column {header[used[k]]}: {why}"
                        : null;
                }
            }

            if (problem is not null)
            {
                if (!options.SkipBadRows)
                {
                    return Outcome<RunTable>.Failure([new FieldError(FileField, problem, fileName, "one positive, finite number per used column in every row (or --skip-bad-rows)")]);
                }

                skipped++;
                if (examples.Count < MaxWarningExamples)
                {
                    examples.Add(problem);
                }

                continue;
            }

            double n = values[0];
            parameters.Add(n);
            if (tokensAt >= 0)
            {
                tokens.Add(values[1]);
                if (computeAt >= 0)
                {
                    compute.Add(values[2]);
                }
            }
            else
            {
                double c = values[1];
                compute.Add(c);
                tokens.Add(c / (6 * n));
            }

            loss.Add(values[used.Length - 1]);
        }

        return Build(fileName, options, header, parametersAt, tokensAt, computeAt, lossAt, parameters, tokens, computeAt >= 0 ? compute : null, loss, skipped, examples);
    }

    private static Outcome<RunTable> Build(
        string fileName,
        RunTableOptions options,
        string[] header,
        int parametersAt,
        int tokensAt,
        int computeAt,
        int lossAt,
        Growing parameters,
        Growing tokens,
        Growing? compute,
        Growing loss,
        int skipped,
        List<string> examples)
    {
        int read = loss.Count;
        int minimum = RunTableOptions.MinimumRows;
        var notes = new List<string>();
        var warnings = new List<string>();
        string columns = $"columns used: parameters '{header[parametersAt]}', "
            + (tokensAt >= 0 ? $"tokens '{header[tokensAt]}', " : string.Empty)
            + (computeAt >= 0 ? $"compute '{header[computeAt]}', " : string.Empty)
            + $"loss '{header[lossAt]}'";
        notes.Add(columns);
        if (tokensAt < 0)
        {
            notes.Add($"no tokens column: tokens D = C / (6N) from compute '{header[computeAt]}'");
        }

        if (skipped > 0)
        {
            warnings.Add($"skipped {skipped} bad {(skipped == 1 ? "row" : "rows")} (--skip-bad-rows); first: " + string.Join("; ", examples));
        }

        if (read == 0)
        {
            return Fail(FileField, $"{fileName}: has no data rows" + (skipped > 0 ? $" ({skipped} bad rows skipped)" : string.Empty), fileName, "a header row and at least one row per run");
        }

        int k = options.DropHighestLoss;
        if (k >= read)
        {
            return Fail("drop-highest-loss", $"would drop every row of {fileName}", k.ToString(CultureInfo.InvariantCulture), $"fewer than the {read} rows read");
        }

        bool[]? keep = null;
        int dropped = 0;
        if (k > 0)
        {
            double[] sorted = loss.Items[..read];
            Array.Sort(sorted);
            double threshold = sorted[read - k];
            keep = new bool[read];
            for (int i = 0; i < read; i++)
            {
                keep[i] = loss.Items[i] < threshold;
                dropped += keep[i] ? 0 : 1;
            }

            notes.Add($"dropped the {dropped} highest-loss {(dropped == 1 ? "row" : "rows")} (loss ≥ {Format(threshold)}; --drop-highest-loss {k})"
                + (dropped > k ? " — ties at the threshold dropped too" : string.Empty));
        }

        int count = read - dropped;
        if (count < minimum)
        {
            return Fail(FileField, $"{fileName}: has {count} usable {(count == 1 ? "row" : "rows")}, fewer than the {minimum} parameters of the fit (E, A, B, alpha, beta)", count.ToString(CultureInfo.InvariantCulture), $"at least {minimum} rows");
        }

        double[] n = Select(parameters, keep, count);
        double[] d = Select(tokens, keep, count);
        double[] l = Select(loss, keep, count);
        double[]? c = compute is null ? null : Select(compute, keep, count);
        if (AllSame(n) && AllSame(d))
        {
            return Fail(
                FileField,
                AllSame(l) ? $"{fileName}: all {count} rows are identical; a law cannot be fitted" : $"{fileName}: every row has the same parameters and tokens; a law cannot be fitted",
                $"N = {Format(n[0])}, D = {Format(d[0])}",
                "rows that vary in parameters or tokens");
        }

        return Outcome<RunTable>.Success(new RunTable(n, d, c, l)
        {
            FileName = fileName,
            RowsRead = read,
            SkippedRows = skipped,
            DroppedRows = dropped,
            ParametersColumn = header[parametersAt],
            TokensColumn = tokensAt >= 0 ? header[tokensAt] : null,
            ComputeColumn = computeAt >= 0 ? header[computeAt] : null,
            LossColumn = header[lossAt],
            Notes = notes,
            Warnings = warnings,
        });
    }

    private static double[] Select(Growing values, bool[]? keep, int count)
    {
        if (keep is null)
        {
            return values.Items[..count];
        }

        var result = new double[count];
        int j = 0;
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                result[j++] = values.Items[i];
            }
        }

        return result;
    }

    private static bool AllSame(double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }

    private static string? ReadValue(ReadOnlySpan<char> field, out double value)
    {
        ReadOnlySpan<char> text = field.Trim();
        value = 0;
        if (text.IsEmpty)
        {
            return "the value is empty";
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (text.TrimStart("+-") is var word && (word.Equals("inf", StringComparison.OrdinalIgnoreCase) || word.Equals("nan", StringComparison.OrdinalIgnoreCase)))
            {
                return $"'{Shorten(text.ToString())}' is not a finite number";
            }

            return $"'{Shorten(text.ToString())}' is not a number";
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            bool word = char.IsLetter(text[^1]) || text[^1] == '∞';
            return word ? $"'{Shorten(text.ToString())}' is not a finite number" : $"'{Shorten(text.ToString())}' is too large to represent";
        }

        return value <= 0 ? $"'{Shorten(text.ToString())}' must be greater than 0" : null;
    }

    private static int FindColumn(string[] header, string? given, string[] candidates)
    {
        if (given is not null)
        {
            return Array.FindIndex(header, h => string.Equals(h, given.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        foreach (string candidate in candidates)
        {
            int at = Array.FindIndex(header, h => string.Equals(h, candidate, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    private static Outcome<RunTable>? MissingColumn(string fileName, string found, string? given, string option, string what, string[] candidates, int at)
    {
        if (at >= 0)
        {
            return null;
        }

        return given is not null
            ? Fail(option, $"{fileName}: has no column '{given}' (columns found: {found})", given, "one of the columns found")
            : Fail(FileField, $"{fileName}: has no {what} column (looked for {string.Join(", ", candidates)}; columns found: {found}); name it with --{option}", found, $"a {what} column");
    }

    private static Outcome<RunTable> NotCsv(string fileName, string why) =>
        Fail(FileField, $"{fileName}: is not a CSV file of runs: {why}", fileName, "a comma-separated file with a header row (parameters, tokens or compute, loss)");

    private static Outcome<RunTable> Fail(string field, string problem, string got, string expected) =>
        Outcome<RunTable>.Failure([new FieldError(field, problem, got, expected)]);

    private static string Shorten(string text)
    {
        const int Max = 40;
        string printable = new(text.Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
        return printable.Length <= Max ? printable : printable[..Max] + "…";
    }

    /// <summary>A growable array of doubles (List without the per-call indirection, and with direct access to the items).</summary>
    private sealed class Growing
    {
        public double[] Items { get; private set; } = new double[1024];

        public int Count { get; private set; }

        public void Add(double value)
        {
            if (Count == Items.Length)
            {
                double[] larger = new double[Items.Length * 2];
                Items.AsSpan().CopyTo(larger);
                Items = larger;
            }

            Items[Count++] = value;
        }
    }
}
