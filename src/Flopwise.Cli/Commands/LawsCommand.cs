using System.CommandLine;
using System.Text.Json.Nodes;
using Flopwise.Cli.Rendering;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise laws</c>: the scaling-law presets with their constants and sources.</summary>
internal static class LawsCommand
{
    /// <summary>The budget at which the listing shows tokens per parameter: Chinchilla's 6·70e9·1.4e12 FLOP.</summary>
    private const double ChinchillaCompute = 5.88e23;

    public const string Name = "laws";

    public const string Description =
        "List the scaling-law presets (for --law) with their form, constants, tokens per parameter at Chinchilla's "
        + "budget (5.88e23 FLOP) and sources.";

    public static void Configure(Command command, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write {\"rows\": [...]} as JSON (every constant, source and notes) instead of a table." };
        command.Add(json);
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                WriteJson(context);
                return CliApp.Ok;
            }

            var rows = LawCatalog.Default.All.Select(l => (IReadOnlyList<ListCell>)Row(l)).ToList();
            ListOutput.Write(
                context,
                false,
                "Scaling-law presets",
                rows,
                "Default: " + LawCatalog.DefaultLawId + " (with --unique-tokens: " + LawCatalog.DataConstrainedLawId
                + "). D/N at 5.88e23 FLOP; Kaplan's N is non-embedding and its D/N not comparable. Sources and notes: flopwise laws --json.");
            return CliApp.Ok;
        });
    }

    private static List<ListCell> Row(ScalingLaw law)
    {
        Allocation at = OptimalAllocation.Compute(law, ChinchillaCompute);
        return
        [
            new("id", "id", Text: law.Id),
            new("form", "form", Text: LawConstants.FormName(law.Form) + (law.IsDerived ? " (derived)" : string.Empty)),
            new("constants", "constants", Text: Constants(law)),
            new("tokensPerParameter", "D/N @5.88e23", at.TokensPerParameter),
            new("loss", "L @5.88e23", at.Loss),
        ];
    }

    private static string Constants(ScalingLaw law) => law.Form.Summary(law);

    private static void WriteJson(CliContext context)
    {
        var rows = new JsonArray();
        foreach (ScalingLaw law in LawCatalog.Default.All)
        {
            JsonObject row = LawJson.LawObject(law, null);
            row["aliases"] = new JsonArray(law.Aliases.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
            row["notes"] = law.Notes;
            Allocation at = OptimalAllocation.Compute(law, ChinchillaCompute);
            row["tokensPerParameterAtChinchillaCompute"] = at.TokensPerParameter;
            rows.Add(row);
        }

        context.Output.WriteLine(ResultJson.WriteWithProvenance(new JsonObject { ["rows"] = rows }));
    }
}
