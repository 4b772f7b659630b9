using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Scenarios;
using Flopwise.Training;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise budget</c>: what a budget of dollars, GPU-hours or a cluster for some days buys.</summary>
internal static class BudgetCommand
{
    private const string Title = "What the budget buys";

    public const string Name = "budget";

    public const string Description =
        "Start from a budget (--usd X, --gpu-hours H, or --gpus n --days d) on a GPU: the training FLOP it buys (GPU-hours × 3600 × "
        + "dense peak × MFU), the compute-optimal model and its loss under a law, the run's time, cost, energy and CO2, the copies "
        + "after training, and with --inference-tokens the inference-aware model of the same loss. Any number may be a range.";

    public static void Configure(Command command, CliContext context)
    {
        var law = new LawOptions(command);
        var gpu = new GpuOptions(command, null);
        var inputs = new InputOptions(command, BudgetInputs.All);
        var grid = new Option<string>("--grid")
        {
            Description = "A grid region for the carbon intensity: " + string.Join(", ", GridRegions.All.Select(r => r.Id)) + " (CodeCarbon 2023).",
            HelpName = "REGION",
        };
        command.Add(grid);
        var uncertainty = new UncertaintyOptions(command);
        var output = new OutputOptions(command, csv: false, plotDescription: "With an input given as a distribution: the histogram of an output (and the tornado with --sensitivity).");
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            var notes = new List<Assumption>();
            ScalingLaw chosen = law.Resolve(parse, notes);
            InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
            Func<InputValues, ScalingLaw>? pick = law.Mixture(parse, notes, ref uncertain);
            string? gridText = parse.GetValue(grid);
            GridRegion? region = ResolveGrid(gridText);
            if (region is not null && (values.Get(BudgetInputs.GridIntensity) is not null || uncertain.Any(u => u.Spec == BudgetInputs.GridIntensity)))
            {
                throw new UsageException(ErrorText.ForOption("--grid", "cannot be combined with --grid-intensity", gridText!, "one of --grid or --grid-intensity"));
            }

            var template = new BudgetRequest { Gpu = gpu.Resolve(parse, notes), Law = chosen, Grid = region, Notes = notes };
            BudgetRequest Build(InputValues v) => BudgetRequest.From(v) with { Gpu = template.Gpu, Law = pick?.Invoke(v) ?? template.Law, Grid = template.Grid, Notes = template.Notes };
            string? plotPath = output.PlotPath(parse);
            if (uncertainty.TryRun(context, format, plotPath, $"{Title} ({law.Label(parse, chosen)})", parse, values, uncertain, v => CalculationOutcome.Widen(Budget.Evaluate(Build(v)))))
            {
                return CliApp.Ok;
            }

            if (plotPath is not null)
            {
                throw new UsageException(ErrorText.ForOption("--plot", "needs an input given as a distribution", InputOptions.Quote(plotPath), "a range on some numeric option with --plot"));
            }

            CommandOutput.Write(context, format, $"{Title} ({law.Label(parse, chosen)})", CommandOutput.Unwrap(Budget.Evaluate(Build(values))));
            return CliApp.Ok;
        });
    }

    private static GridRegion? ResolveGrid(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        FieldError? error = GridRegions.TryResolve(typed, out GridRegion? region);
        return error is null ? region : throw UsageException.From(error);
    }
}
