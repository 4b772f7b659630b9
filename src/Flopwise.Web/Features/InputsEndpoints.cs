using System.Text.Json.Nodes;
using Flopwise.Architectures;
using Flopwise.Calculators;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Scenarios;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Web.Api;
using Calculator = Flopwise.Calculators.Calculator;

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
        .. CalculatorCatalog.All.Select(c => (c.Name, (IReadOnlyList<InputSpec>)c.Fields.Where(f => f.Spec is not null && !ModelChoices.ShapeInputs.Contains(f.Spec)).Select(f => f.Spec!).ToList())),
        ("optimal", ScalingInputs.OptimalInputs),
        ("plan", PlanInputs.Planner),
        ("compare", PlanInputs.Comparison),
        ("serve", ServingInputs.All),
        ("budget", BudgetInputs.All),
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

        root["calculators"] = new JsonArray([.. CalculatorCatalog.All.Select(Describe)]);
        root["names"] = new JsonObject
        {
            ["model"] = Strings(ModelCatalog.Default.Ids),
            ["gpu"] = Strings(GpuCatalog.Default.All.Select(g => g.Id)),
            ["law"] = Strings(LawCatalog.Default.Ids),
            ["grid"] = Strings(GridRegions.All.Select(r => r.Id)),
        };
        return ResultJson.WriteNode(root);
    }

    /// <summary>A declared calculator for the page: what it asks, its fields with their kinds, and when it draws.</summary>
    private static JsonNode Describe(Calculator calculator) => new JsonObject
    {
        ["name"] = calculator.Name,
        ["title"] = calculator.Title,
        ["summary"] = Web(calculator.Summary),
        ["group"] = calculator.Group.ToString().ToLowerInvariant(),
        ["plot"] = calculator.PlotWhen is null ? "never" : calculator.PlotWhen == "always" ? "always" : FieldText.CamelCase(calculator.PlotWhen),
        ["fields"] = new JsonArray([.. calculator.AllFields.Select(f => Describe(f, calculator.Primary.Contains(f.Name)))]),
    };

    private static JsonNode Describe(Field field, bool primary)
    {
        var node = new JsonObject
        {
            ["name"] = field.JsonName,
            ["label"] = field.Spec?.Label ?? field.Label,
            ["kind"] = field.Kind switch
            {
                FieldKind.Choice => "select",
                FieldKind.Flag => "checkbox",
                FieldKind.File => field.WebUpload ? "file" : "none",
                FieldKind.Text when field.Repeats => "textarea",
                _ => "text",
            },
            ["hint"] = Web(field.Spec?.Description ?? field.Description),
            ["more"] = !primary,
        };
        if (field.Spec is InputSpec spec)
        {
            node["unit"] = spec.Unit;
            node["default"] = spec.Default;
            node["source"] = spec.Source;
            node["required"] = spec.IsRequired;
            node["expected"] = spec.Expected;
        }

        if (field.Kind == FieldKind.Choice)
        {
            node["options"] = new JsonArray([JsonValue.Create(string.Empty), .. field.Choices.Select(c => (JsonNode?)JsonValue.Create(c))]);
        }

        if (field.Kind == FieldKind.File)
        {
            node["accept"] = ".json,application/json";
        }

        return node;
    }

    /// <summary>A Core text in the web's spelling: each field reference <c>{=name}</c> becomes its camelCase name.</summary>
    private static string Web(string text) => FieldText.Render(text, FieldText.CamelCase);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
