using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flopwise.Cli.Commands;
using Flopwise.Cli.Rendering;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli;

/// <summary>
/// Writes scaling-law results: as the shared renderers do, but in JSON the <c>law</c> object also names the law
/// (<c>name</c>, <c>displayName</c>, <c>form</c>, <c>source</c>) ahead of its constants, so that it can be read back
/// with <c>--law-file</c>.
/// </summary>
internal static class LawOutput
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(CliContext context, OutputFormat format, string title, ICalculationResult result, ScalingLaw law)
    {
        if (format != OutputFormat.Json)
        {
            CommandOutput.Write(context, format, title, result);
            return;
        }

        var buffer = new StringWriter();
        JsonOutput.Write(buffer, result);
        context.Output.WriteLine(WithLawNames(buffer.ToString(), law, addConstants: false));
    }

    public static void WriteRows(CliContext context, OutputFormat format, string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions, ScalingLaw law)
    {
        if (format != OutputFormat.Json)
        {
            CommandOutput.WriteRows(context, format, title, rows, assumptions);
            return;
        }

        var buffer = new StringWriter();
        JsonOutput.WriteRows(buffer, rows, assumptions);
        context.Output.WriteLine(WithLawNames(buffer.ToString(), law, addConstants: true));
    }

    /// <summary>The law as a JSON object: names first, then its constants (as in <see cref="LawConstants.Fields"/>).</summary>
    public static JsonObject LawObject(ScalingLaw law, JsonObject? constants)
    {
        var obj = new JsonObject
        {
            ["name"] = law.Id,
            ["displayName"] = law.DisplayName,
            ["form"] = LawConstants.FormName(law.Form),
        };
        if (law.ComputeUnitFlop != 1)
        {
            obj["computeUnit"] = "pf-day";
        }

        if (constants is not null)
        {
            foreach ((string key, JsonNode? value) in constants)
            {
                obj[key] = value?.DeepClone();
            }
        }
        else
        {
            foreach (ResultField field in LawConstants.Fields(law, string.Empty))
            {
                obj[field.Key] = field.IsBoolean ? JsonValue.Create(field.Value != 0) : JsonValue.Create(field.Value);
            }
        }

        obj["source"] = law.Source;
        return obj;
    }

    private static string WithLawNames(string json, ScalingLaw law, bool addConstants)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        var rebuilt = new JsonObject();
        bool placed = false;
        foreach ((string key, JsonNode? value) in root)
        {
            if (key == "law" && value is JsonObject constants)
            {
                rebuilt["law"] = LawObject(law, constants);
                placed = true;
            }
            else
            {
                if (key == "assumptions" && !placed && addConstants)
                {
                    rebuilt["law"] = LawObject(law, null);
                    placed = true;
                }

                rebuilt[key] = value?.DeepClone();
            }
        }

        return rebuilt.ToJsonString(WriteOptions);
    }
}
