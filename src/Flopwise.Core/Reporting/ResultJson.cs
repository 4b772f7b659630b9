using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flopwise.Reporting;

/// <summary>
/// The JSON form of results that every front end shares (the CLI's <c>--json</c> and the web API): one object with
/// the fields by their unit-suffixed keys at full double precision (a key <c>group.name</c> nests under
/// <c>group</c>, <c>a.b.name</c> under <c>b</c> inside <c>a</c>; a field with text is written as a string), the
/// fields that could not be derived, and the <c>assumptions</c> array; rows go into a <c>rows</c> array. Pure: it
/// returns text and performs no I/O.
/// </summary>
public static class ResultJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions NodeOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one result as an indented JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public static string Write(ICalculationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteObject(writer =>
        {
            WriteFields(writer, result.Fields);
            WriteMissing(writer, result.Missing);
            WriteAssumptions(writer, result.Assumptions);
            Provenance.Write(writer);
        });
    }

    /// <summary>Writes rows (a sweep, a listing) as <c>{"rows": [...], "assumptions": [...]}</c>.</summary>
    /// <param name="rows">The rows; each contributes its fields.</param>
    /// <param name="assumptions">The assumptions shared by the rows.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public static string WriteRows(IEnumerable<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(assumptions);
        return WriteObject(writer =>
        {
            writer.WriteStartArray("rows");
            foreach (ICalculationResult row in rows)
            {
                writer.WriteStartObject();
                WriteFields(writer, row.Fields);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteAssumptions(writer, assumptions);
            Provenance.Write(writer);
        });
    }

    /// <summary>
    /// Writes a JSON node as every <c>--json</c> answer is written: indented, with non-ASCII text unescaped, without a
    /// trailing newline.
    /// </summary>
    /// <param name="node">The node; it is not changed.</param>
    /// <returns>The JSON text.</returns>
    public static string WriteNode(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(NodeOptions);
    }

    /// <summary>
    /// Appends the <c>provenance</c> object (<see cref="Provenance.ToJsonNode"/>) to an answer built as a JSON node,
    /// as the last property, and writes it as <see cref="WriteNode"/> does.
    /// </summary>
    /// <param name="root">The answer; its <c>provenance</c> property is set (or replaced).</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public static string WriteWithProvenance(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root["provenance"] = Provenance.ToJsonNode();
        return WriteNode(root);
    }

    private static string WriteObject(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<ResultField> fields)
    {
        var open = new List<string>();
        foreach (ResultField field in fields)
        {
            string[] parts = field.Key.Split('.');
            int shared = 0;
            while (shared < open.Count && shared < parts.Length - 1 && open[shared] == parts[shared])
            {
                shared++;
            }

            for (int i = open.Count; i > shared; i--)
            {
                writer.WriteEndObject();
                open.RemoveAt(i - 1);
            }

            for (int i = shared; i < parts.Length - 1; i++)
            {
                writer.WriteStartObject(parts[i]);
                open.Add(parts[i]);
            }

            string key = parts[^1];
            if (field.Text is not null)
            {
                writer.WriteString(key, field.Text);
            }
            else if (field.IsBoolean)
            {
                writer.WriteBoolean(key, field.Value != 0);
            }
            else
            {
                writer.WriteNumber(key, field.Value);
            }
        }

        for (int i = open.Count; i > 0; i--)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteMissing(Utf8JsonWriter writer, IReadOnlyList<MissingField> missing)
    {
        if (missing.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("notDerived");
        foreach (MissingField m in missing)
        {
            writer.WriteStartObject();
            writer.WriteString("key", m.Key);
            writer.WriteString("reason", m.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAssumptions(Utf8JsonWriter writer, IReadOnlyList<Assumption> assumptions)
    {
        writer.WriteStartArray("assumptions");
        foreach (Assumption a in assumptions)
        {
            writer.WriteStartObject();
            writer.WriteString("name", a.Name);
            if (a.Value is double value)
            {
                writer.WriteNumber("value", value);
            }
            else
            {
                writer.WriteString("value", a.Text);
            }

            writer.WriteString("unit", a.Unit);
            writer.WriteString("description", a.Description);
            if (a.Source is not null)
            {
                writer.WriteString("source", a.Source);
            }

            writer.WriteBoolean("default", a.IsDefault);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
