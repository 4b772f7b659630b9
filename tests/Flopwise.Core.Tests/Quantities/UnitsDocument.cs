using System.Globalization;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>One row of the units table in docs/units.md.</summary>
public sealed record UnitRow(string Quantity, string Unit, string Factory, string Getter, double Factor, string Symbol);

/// <summary>One row of the relations table in docs/units.md.</summary>
public sealed record RelationRow(string Left, string Operator, string Right, string Result)
{
    /// <summary>The CLR name of the operator method: op_Multiply or op_Division.</summary>
    public string MethodName => Operator switch
    {
        "*" => "op_Multiply",
        "/" => "op_Division",
        _ => throw new InvalidOperationException($"Unknown operator '{Operator}' in docs/units.md."),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Left} {Operator} {Right} → {Result}";
}

/// <summary>Reads the units and relations tables of docs/units.md.</summary>
public static class UnitsDocument
{
    public const string UnitsHeader = "| quantity | unit | factory | getter | factor to SI | symbol |";
    public const string RelationsHeader = "| left | operator | right | result |";

    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Path));

    private static readonly Lazy<IReadOnlyList<UnitRow>> UnitRows = new(() => ReadTable(UnitsHeader)
        .Select(c => new UnitRow(c[0], c[1], c[2], c[3], double.Parse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture), c[5]))
        .ToList());

    private static readonly Lazy<IReadOnlyList<RelationRow>> RelationRows = new(() => ReadTable(RelationsHeader)
        .Select(c => new RelationRow(c[0], c[1], c[2], c[3]))
        .ToList());

    /// <summary>docs/units.md, found by walking up from AppContext.BaseDirectory to the directory holding Flopwise.slnx.</summary>
    public static string Path => RepositoryRoot.File("docs", "units.md");

    /// <summary>The rows of the units table, one per factory.</summary>
    public static IReadOnlyList<UnitRow> Units => UnitRows.Value;

    /// <summary>The rows of the relations table, one per cross-type operator.</summary>
    public static IReadOnlyList<RelationRow> Relations => RelationRows.Value;

    private static List<string[]> ReadTable(string header)
    {
        string[] lines = Lines.Value;
        int start = Array.FindIndex(lines, l => l.Trim() == header);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/units.md has no table with header '{header}'.");
        }

        int columns = header.Count(c => c == '|') - 1;
        var rows = new List<string[]>();

        // Skip the header and the |---| separator; the table ends at the first line that is not a table row.
        for (int i = start + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            string[] cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != columns)
            {
                throw new InvalidOperationException($"docs/units.md line {i + 1} has {cells.Length} cells, expected {columns}.");
            }

            rows.Add(cells);
        }

        return rows;
    }
}
