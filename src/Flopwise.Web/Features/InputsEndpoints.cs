using System.Text.Json.Nodes;
using Flopwise.Architectures;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Scenarios;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>
/// <c>GET /api/inputs</c>: the numeric inputs of each calculator (name, label, unit, default, source, allowed range),
/// from the same Core <see cref="InputSpec"/>s the CLI builds its options and help from, so the page's labels and
/// defaults are written once; and, under <c>names</c>, the names the name fields take (model presets, GPU ids, law
/// presets, grid regions) from Core's catalogs, for the page's suggestion lists.
/// </summary>
internal static class InputsEndpoints
{
    private static readonly (string Command, IReadOnlyList<InputSpec> Specs)[] Calculators =
    [
        ("copies", CopiesInputs.All),
        ("human", HumanInputs.All),
        ("train", TrainingInputs.All),
        ("memory", MemoryInputs.All),
        ("loss", ScalingInputs.LossInputs),
        ("optimal", ScalingInputs.OptimalInputs),
        ("plan", PlanInputs.Planner),
        ("compare", PlanInputs.Comparison),
        ("serve", ServingInputs.All),
        ("budget", BudgetInputs.All),
        ("history", HistoryInputs.All),
    ];

    private static readonly Lazy<string> Listing = new(Build);

    public static IEndpointRouteBuilder MapInputs(this IEndpointRouteBuilder api)
    {
        api.MapGet("/inputs", () => TypedResults.Content(Listing.Value, CalculatorEndpoints.JsonType));
        return api;
    }

    private static string Build()
    {
        var root = new JsonObject();
        foreach ((string command, IReadOnlyList<InputSpec> specs) in Calculators)
        {
            var list = new JsonArray();
            foreach (InputSpec spec in specs)
            {
                list.Add(new JsonObject
                {
                    ["name"] = spec.JsonName,
                    ["label"] = spec.Label,
                    ["description"] = spec.Description,
                    ["unit"] = spec.Unit,
                    ["default"] = spec.Default,
                    ["source"] = spec.Source,
                    ["required"] = spec.IsRequired,
                    ["expected"] = spec.Expected,
                });
            }

            root[command] = list;
        }

        root["names"] = new JsonObject
        {
            ["model"] = Strings(ModelCatalog.Default.Ids),
            ["gpu"] = Strings(GpuCatalog.Default.All.Select(g => g.Id)),
            ["law"] = Strings(LawCatalog.Default.Ids),
            ["grid"] = Strings(GridRegions.All.Select(r => r.Id)),
        };
        return ResultJson.WriteNode(root);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
