using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Web.Api;

/// <summary>
/// Scaling-law results in the CLI's <c>--json</c> form: the shared <see cref="ResultJson"/> object whose <c>law</c>
/// object also names the law (<c>name</c>, <c>displayName</c>, <c>form</c>, <c>source</c>) ahead of its constants,
/// so that it can be read back as a law file. The web tests check it against the CLI's output.
/// </summary>
internal static class LawJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ICalculationResult result, ScalingLaw law) =>
        WithLawNames(ResultJson.Write(result), law, addConstants: false);

    public static string WriteRows(IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions, ScalingLaw law) =>
        WithLawNames(ResultJson.WriteRows(rows, assumptions), law, addConstants: true);

    /// <summary>Writes a JSON node as the CLI does (indented, unescaped non-ASCII).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(WriteOptions);

    /// <summary>Adds the CLI's <c>provenance</c> object to a calculator answer built as a node, and writes it.</summary>
    public static string AnswerText(JsonObject root)
    {
        root["provenance"] = Flopwise.Reporting.Provenance.ToJsonNode();
        return Text(root);
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

        return Text(rebuilt);
    }
}
