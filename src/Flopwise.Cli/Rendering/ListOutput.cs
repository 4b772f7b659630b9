using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Flopwise.Cli.Rendering;

/// <summary>One cell of a catalog listing: a JSON key, a table header, and a number or a text (null = absent).</summary>
internal sealed record ListCell(string Key, string Header, double? Number = null, string? Text = null);

/// <summary>Writes catalog listings (<c>gpus</c>, <c>models</c>) as a table or as <c>{"rows": [...]}</c>.</summary>
internal static class ListOutput
{
    public static void Write(CliContext context, bool json, string title, IReadOnlyList<IReadOnlyList<ListCell>> rows, string? footnote)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("rows");
                foreach (IReadOnlyList<ListCell> row in rows)
                {
                    writer.WriteStartObject();
                    foreach (ListCell cell in row)
                    {
                        if (cell.Number is double number)
                        {
                            writer.WriteNumber(cell.Key, number);
                        }
                        else if (cell.Text is not null)
                        {
                            writer.WriteString(cell.Key, cell.Text);
                        }
                        else
                        {
                            writer.WriteNull(cell.Key);
                        }
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Flopwise.Reporting.Provenance.Write(writer);
                writer.WriteEndObject();
            }

            context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }

        IAnsiConsole console = TableOutput.CreateConsole(context.Output, context.IsTerminal);
        var table = new Table().Title(Markup.Escape(title));
        foreach (ListCell cell in rows[0])
        {
            var column = new TableColumn(Markup.Escape(cell.Header));
            table.AddColumn(cell.Number is not null || cell.Text is null ? column.RightAligned() : column);
        }

        foreach (IReadOnlyList<ListCell> row in rows)
        {
            table.AddRow(row.Select(c => new Text(c.Number is double n ? NumberDisplay.Format(n) : c.Text ?? "–")).ToArray());
        }

        console.Write(table);
        if (footnote is not null)
        {
            console.Write(new Text(footnote));
            console.WriteLine();
        }
    }
}
