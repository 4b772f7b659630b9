using System.Text.Encodings.Web;
using System.Text.Json;
using Flopwise.Reporting;

namespace Flopwise.Cli.Rendering;

/// <summary>
/// Writes results as one JSON object: the fields by their unit-suffixed keys, full double precision, and the
/// <c>assumptions</c> array; rows go into a <c>rows</c> array.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, ICalculationResult result)
    {
        WriteObject(output, writer =>
        {
            WriteFields(writer, result.Fields);
            WriteMissing(writer, result.Missing);
            WriteAssumptions(writer, result.Assumptions);
        });
    }

    public static void WriteRows(TextWriter output, IEnumerable<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions)
    {
        WriteObject(output, writer =>
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
        });
    }

    private static void WriteObject(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// Writes the fields; a key <c>group.name</c> goes into a nested object <c>group</c>, and <c>a.b.name</c> into
    /// <c>b</c> inside <c>a</c> (keys of one group are consecutive).
    /// </summary>
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
