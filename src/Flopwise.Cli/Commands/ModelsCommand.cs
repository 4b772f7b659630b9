using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise models</c>: the model presets.</summary>
internal static class ModelsCommand
{
    public const string Name = "models";

    public const string Description =
        "List the model presets with their computed and published parameter counts, training tokens and sources.";

    public static void Configure(Command command, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write {\"rows\": [...]} as JSON instead of a table." };
        command.Add(json);
        command.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            var rows = ModelCatalog.Default.All.Select(p => (IReadOnlyList<ListCell>)Row(p, asJson)).ToList();
            ListOutput.Write(context, asJson, "Model presets", rows, "Sources and notes: flopwise models --json, or flopwise model P.");
            return CliApp.Ok;
        });
    }

    private static List<ListCell> Row(ModelPreset p, bool full)
    {
        var cells = new List<ListCell>
        {
            new("id", "id", Text: p.Id),
            new("parameters", "parameters", p.Shape.TotalParameters),
            new("activeParameters", "active", p.Shape.ActiveParameters),
            new("publishedParameters", "published", Text: p.PublishedParametersText),
            new("trainingTokens", "tokens", p.TrainingTokens),
            new("contextLength", "context", p.Shape.ContextLength),
            new("layers", "L", p.Shape.Layers),
            new("dModel", "h", p.Shape.DModel),
            new("heads", "a", p.Shape.Heads),
            new("kvHeads", "k", p.Shape.KvHeads),
        };
        if (full)
        {
            cells.Add(new("dHead", string.Empty, p.Shape.DHead));
            cells.Add(new("dFf", string.Empty, p.Shape.DFf));
            cells.Add(new("vocab", string.Empty, p.Shape.Vocab));
            cells.Add(new("reportedTrainingFlop", string.Empty, p.ReportedTrainingFlop));
            cells.Add(new("source", string.Empty, Text: p.Source));
            cells.Add(new("notes", string.Empty, Text: p.Notes));
        }

        return cells;
    }
}
