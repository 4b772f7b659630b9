using System.Globalization;
using Flopwise.Inputs;

namespace Flopwise.Fitting;

/// <summary>
/// The training runs of a CSV file, ready to fit: parameters N, tokens D, optional compute C (FLOP) and final loss,
/// one entry per usable row, with the notes and warnings of how they were read.
/// </summary>
/// <remarks>
/// Built by <see cref="Parse"/>, which reads from a <see cref="TextReader"/> (Core reads no files; the caller opens
/// the file). Immutable and thread-safe once built.
/// </remarks>
public sealed partial class RunTable
{
    private readonly double[] _parameters;
    private readonly double[] _tokens;
    private readonly double[]? _compute;
    private readonly double[] _loss;

    private RunTable(double[] parameters, double[] tokens, double[]? compute, double[] loss)
    {
        _parameters = parameters;
        _tokens = tokens;
        _compute = compute;
        _loss = loss;
    }

    /// <summary>Gets the file name used in messages.</summary>
    public required string FileName { get; init; }

    /// <summary>Gets the number of rows kept (after skipping bad rows and dropping the highest losses).</summary>
    public int Count => _loss.Length;

    /// <summary>Gets the parameter count N of each kept row.</summary>
    public IReadOnlyList<double> Parameters => _parameters;

    /// <summary>Gets the training tokens D of each kept row (read, or derived as C/(6N)).</summary>
    public IReadOnlyList<double> Tokens => _tokens;

    /// <summary>Gets the training compute C (FLOP) of each kept row, or <see langword="null"/> when the file has no compute column.</summary>
    public IReadOnlyList<double>? Compute => _compute;

    /// <summary>Gets the final loss of each kept row.</summary>
    public IReadOnlyList<double> Loss => _loss;

    /// <summary>Gets the number of data rows read (valid rows, before dropping the highest losses).</summary>
    public required int RowsRead { get; init; }

    /// <summary>Gets the number of bad rows skipped (only with <see cref="RunTableOptions.SkipBadRows"/>).</summary>
    public required int SkippedRows { get; init; }

    /// <summary>Gets the number of rows dropped by <see cref="RunTableOptions.DropHighestLoss"/>.</summary>
    public required int DroppedRows { get; init; }

    /// <summary>Gets the header name of the parameters column used.</summary>
    public required string ParametersColumn { get; init; }

    /// <summary>Gets the header name of the tokens column used, or <see langword="null"/> when D was derived from compute.</summary>
    public string? TokensColumn { get; init; }

    /// <summary>Gets the header name of the compute column used, or <see langword="null"/> when there is none.</summary>
    public string? ComputeColumn { get; init; }

    /// <summary>Gets the header name of the loss column used.</summary>
    public required string LossColumn { get; init; }

    /// <summary>Gets a value indicating whether the tokens were derived as D = C/(6N).</summary>
    public bool TokensDerived => TokensColumn is null;

    /// <summary>Gets statements about how the file was read (columns used, derived tokens, dropped rows).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Gets warnings: the bad rows skipped, with the first few reasons.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Copies the kept rows into the fitting input.</summary>
    /// <returns>The data for <see cref="Fit"/>.</returns>
    public FitData ToFitData() => new(_parameters, _tokens, _loss, _compute);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
