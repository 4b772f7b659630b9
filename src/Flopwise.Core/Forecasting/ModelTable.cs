using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>
/// A table of trained models with their training compute, read from a CSV in the column layout of Epoch AI's
/// "AI Models" database; <see cref="Epoch"/> is the snapshot embedded in Core.
/// </summary>
/// <remarks>
/// <para>
/// The CSV is read as RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks). The columns used are
/// <see cref="ModelColumn"/>, <see cref="PublicationDateColumn"/>, <see cref="ComputeColumn"/> and
/// <see cref="RankColumn"/> (all required) and <see cref="OrganizationColumn"/> (optional); the others are ignored.
/// </para>
/// <para>
/// A row with an empty compute cell is skipped and counted in <see cref="RowsWithoutCompute"/>. A row whose compute is
/// not a positive finite number, whose date is not <c>yyyy-MM-dd</c>, whose name is empty, whose rank is not a whole
/// number ≥ 1, or whose field count differs from the header's, is skipped and listed in <see cref="Issues"/>: nothing
/// is dropped without being counted. Immutable and thread-safe; <see cref="Epoch"/> is parsed once, on first use.
/// </para>
/// </remarks>
public sealed class ModelTable
{
    /// <summary>The <see cref="FieldError.Field"/> of every error about the file's content.</summary>
    public const string FileField = "file";

    /// <summary>The header of the model-name column.</summary>
    public const string ModelColumn = "Model";

    /// <summary>The header of the developer column (optional).</summary>
    public const string OrganizationColumn = "Organization";

    /// <summary>The header of the publication-date column (ISO dates, <c>yyyy-MM-dd</c>).</summary>
    public const string PublicationDateColumn = "Publication date";

    /// <summary>The header of the training-compute column (FLOP; empty when unknown).</summary>
    public const string ComputeColumn = "Training compute (FLOP)";

    /// <summary>The header of the column that ranks a model by compute among those known when it was published.</summary>
    public const string RankColumn = "Compute rank when published";

    /// <summary>The manifest name of the embedded Epoch AI snapshot.</summary>
    internal const string ResourceName = "Flopwise.Forecasting.all_ml_systems.csv";

    private const string DateFormat = "yyyy-MM-dd";

    private const string EpochFileName = "all_ml_systems.csv";

    /// <summary>The date of the embedded snapshot's data (Epoch AI, all ML systems).</summary>
    public const string EpochSnapshotDate = "2025-06-20";

    private const string EpochDescription = "Epoch AI models (all ML systems), snapshot of 2025-06-20";

    private const string EpochSource =
        "Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning', https://epoch.ai/data/ai-models (CC BY 4.0); "
        + "snapshot via github.com/epoch-research/training-cost-trends, data/All ML Systems - full view.csv, data of "
        + "2025-06-20 (5e8c5c4) retrieved at 263c40a; data/epoch_ai_models/SOURCE.md";

    private static readonly Lazy<ModelTable> EpochTable = new(LoadEpoch, LazyThreadSafetyMode.ExecutionAndPublication);

    private ModelTable(string description, string? source, int rows, List<HistoricalModel> models, int rowsWithoutCompute, List<ModelTableIssue> issues)
    {
        Description = description;
        Source = source;
        Rows = rows;
        models.Sort(CompareByCompute);
        Models = new ReadOnlyCollection<HistoricalModel>(models);
        RowsWithoutCompute = rowsWithoutCompute;
        Issues = new ReadOnlyCollection<ModelTableIssue>(issues);
    }

    /// <summary>Gets the embedded snapshot of Epoch AI's database (1,892 rows, data of 2025-06-20).</summary>
    /// <value>The table; see data/epoch_ai_models/SOURCE.md for its provenance.</value>
    /// <exception cref="InvalidOperationException">The embedded file is missing or unreadable (a build error, never the user's input).</exception>
    public static ModelTable Epoch => EpochTable.Value;

    /// <summary>Gets what the table is, for assumptions: the snapshot's name and date, or the file name.</summary>
    public string Description { get; }

    /// <summary>Gets the citation of the table, or <see langword="null"/> for a table without one.</summary>
    public string? Source { get; }

    /// <summary>Gets the number of records (rows after the header; blank lines are not records).</summary>
    public int Rows { get; }

    /// <summary>Gets the models with a training compute, by increasing compute (ties: earlier date, then name, ordinal).</summary>
    public IReadOnlyList<HistoricalModel> Models { get; }

    /// <summary>Gets the number of rows skipped because their compute cell is empty.</summary>
    public int RowsWithoutCompute { get; }

    /// <summary>Gets one issue per row skipped because a value could not be read, in file order.</summary>
    public IReadOnlyList<ModelTableIssue> Issues { get; }

    /// <summary>Gets the model with the most training compute, or <see langword="null"/> when there is none.</summary>
    public HistoricalModel? Largest => Models.Count == 0 ? null : Models[^1];

    /// <summary>Reads a model table from CSV text.</summary>
    /// <param name="reader">The CSV text: a header row, then one model per record (RFC 4180; UTF-8 with or without BOM).</param>
    /// <param name="fileName">The file name, used in messages and as the table's <see cref="Description"/>.</param>
    /// <returns>The table, or an error (field <see cref="FileField"/>) when the text is empty, binary or lacks a required column.</returns>
    public static Outcome<ModelTable> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(reader, fileName, fileName, null);
    }

    private static ModelTable LoadEpoch() =>
        EmbeddedCatalog.Load(ResourceName, EpochFileName, (text, name) => Parse(new StringReader(text), name, EpochDescription, EpochSource));

    private static Outcome<ModelTable> Parse(TextReader reader, string fileName, string description, string? source)
    {
        var csv = new CsvRecordReader(reader);
        string[]? header = null;
        while (header is null && csv.Read())
        {
            if (!csv.IsBlank)
            {
                header = new string[csv.FieldCount];
                for (int i = 0; i < header.Length; i++)
                {
                    header[i] = csv.Field(i).Trim().ToString();
                }
            }
        }

        if (csv.SawNul)
        {
            return Fail(fileName, $"{fileName}: is not a CSV file: it holds binary data", "a CSV text file");
        }

        if (header is null)
        {
            return Fail(fileName, $"{fileName}: is empty", "a CSV file with a header row and one row per model");
        }

        int nameAt = Array.IndexOf(header, ModelColumn);
        int organizationAt = Array.IndexOf(header, OrganizationColumn);
        int dateAt = Array.IndexOf(header, PublicationDateColumn);
        int computeAt = Array.IndexOf(header, ComputeColumn);
        int rankAt = Array.IndexOf(header, RankColumn);
        foreach ((string column, int at) in new[] { (ModelColumn, nameAt), (PublicationDateColumn, dateAt), (ComputeColumn, computeAt), (RankColumn, rankAt) })
        {
            if (at < 0)
            {
                return Fail(fileName, $"{fileName}: has no column '{column}'", $"the columns {ModelColumn}, {PublicationDateColumn}, {ComputeColumn} and {RankColumn} (Epoch AI's layout)");
            }
        }

        var models = new List<HistoricalModel>();
        var issues = new List<ModelTableIssue>();
        int rows = 0;
        int withoutCompute = 0;
        while (csv.Read())
        {
            if (csv.SawNul)
            {
                return Fail(fileName, $"{fileName}: line {csv.Line} holds binary data", "a CSV text file");
            }

            if (csv.IsBlank)
            {
                continue;
            }

            rows++;
            if (csv.FieldCount != header.Length)
            {
                issues.Add(new ModelTableIssue(csv.Line, "(row)", $"{csv.FieldCount} fields", $"does not match the header's {header.Length} fields"));
                continue;
            }

            ReadOnlySpan<char> computeText = csv.Field(computeAt).Trim();
            if (computeText.IsEmpty)
            {
                withoutCompute++;
                continue;
            }

            ModelTableIssue? issue = null;
            if (!double.TryParse(computeText, NumberStyles.Float, CultureInfo.InvariantCulture, out double compute) || !double.IsFinite(compute) || compute <= 0)
            {
                issue = new ModelTableIssue(csv.Line, ComputeColumn, computeText.ToString(), "is not a positive number of FLOP");
            }

            string name = CollapseWhiteSpace(csv.Field(nameAt));
            if (issue is null && name.Length == 0)
            {
                issue = new ModelTableIssue(csv.Line, ModelColumn, string.Empty, "is empty");
            }

            ReadOnlySpan<char> dateText = csv.Field(dateAt).Trim();
            DateOnly date = default;
            if (issue is null && !DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                issue = new ModelTableIssue(csv.Line, PublicationDateColumn, dateText.ToString(), "is not a date (yyyy-MM-dd)");
            }

            int? rank = null;
            ReadOnlySpan<char> rankText = csv.Field(rankAt).Trim();
            if (issue is null && !rankText.IsEmpty)
            {
                rank = ParseRank(rankText);
                if (rank is null)
                {
                    issue = new ModelTableIssue(csv.Line, RankColumn, rankText.ToString(), "is not a whole number >= 1");
                }
            }

            if (issue is not null)
            {
                issues.Add(issue);
                continue;
            }

            models.Add(new HistoricalModel
            {
                Name = name,
                Organization = organizationAt < 0 ? string.Empty : CollapseWhiteSpace(csv.Field(organizationAt)),
                PublicationDate = date,
                TrainingCompute = FlopCount.FromFlop(compute),
                ComputeRankWhenPublished = rank,
                Line = csv.Line,
            });
        }

        return Outcome<ModelTable>.Success(new ModelTable(description, source, rows, models, withoutCompute, issues));
    }

    private static int? ParseRank(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && value >= 1 && value <= int.MaxValue && value == Math.Floor(value)
            ? (int)value
            : null;

    private static string CollapseWhiteSpace(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int CompareByCompute(HistoricalModel a, HistoricalModel b)
    {
        int byCompute = a.TrainingCompute.Flop.CompareTo(b.TrainingCompute.Flop);
        if (byCompute != 0)
        {
            return byCompute;
        }

        int byDate = a.PublicationDate.CompareTo(b.PublicationDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Name, b.Name);
    }

    private static Outcome<ModelTable> Fail(string fileName, string problem, string expected) =>
        Outcome<ModelTable>.Failure([new FieldError(FileField, problem, fileName, expected)]);
}
