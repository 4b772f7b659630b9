using System.Text.Json.Nodes;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The JSON form of scaling-law results that both front ends share: the <see cref="ResultJson"/> object whose
/// <c>law</c> object also names the law (<c>name</c>, <c>displayName</c>, <c>form</c>, and <c>computeUnit</c> when
/// the law counts compute in PF-days) ahead of its constants and ends with its <c>source</c>, so that the object can
/// be read back as a law file (<c>--law-file</c>). Pure: it returns text and performs no I/O.
/// </summary>
/// <remarks>
/// A single result's <c>law</c> object (its fields keyed <c>law.…</c>) is renamed in place; rows, which carry no law
/// fields, get the law's constants (<see cref="LawConstants.Fields"/>) as a top-level <c>law</c> object placed just
/// before <c>assumptions</c>. The methods are thread-safe.
/// </remarks>
public static class LawJson
{
    /// <summary>Writes one scaling-law result, its <c>law</c> object naming <paramref name="law"/>.</summary>
    /// <param name="result">The result (its <c>law.…</c> fields become the constants of the <c>law</c> object).</param>
    /// <param name="law">The law the result used.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public static string Write(ICalculationResult result, ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(law);
        return WithLawNames(ResultJson.Write(result), law, addConstants: false);
    }

    /// <summary>Writes rows computed with one law, with a top-level <c>law</c> object (names and constants) before <c>assumptions</c>.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="assumptions">The assumptions shared by the rows.</param>
    /// <param name="law">The law the rows used.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public static string WriteRows(IEnumerable<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions, ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(law);
        return WithLawNames(ResultJson.WriteRows(rows, assumptions), law, addConstants: true);
    }

    /// <summary>Builds the law as a JSON object: its names first, then its constants, then its source.</summary>
    /// <param name="law">The law.</param>
    /// <param name="constants">
    /// The constants as a result wrote them (copied in their order), or <see langword="null"/> for the law's own
    /// constants as listed by <see cref="LawConstants.Fields"/>.
    /// </param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject LawObject(ScalingLaw law, JsonObject? constants)
    {
        ArgumentNullException.ThrowIfNull(law);
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
        JsonObject root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("ResultJson wrote no object.");
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

        return ResultJson.WriteNode(rebuilt);
    }
}
