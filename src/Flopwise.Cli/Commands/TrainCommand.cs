using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Training;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise train</c>: time, GPU-hours, MFU, cost, energy and CO2e of a training run.</summary>
internal static class TrainCommand
{
    private const string Title = "Training run";

    public const string Name = "train";

    public const string Description =
        "Account for a training run. Give the work (--model P --tokens D, --params N --tokens D, or --flop C), the hardware "
        + "(--gpu ID --gpus n, or --peak-tflops), and one efficiency or duration (--mfu, --achieved-tflops, "
        + "--tokens-per-second-per-gpu, --gpu-hours, or --days); the rest is derived. Without any, MFU is 0.375.";

    public static void Configure(Command command, CliContext context)
    {
        var model = new ModelOptions(command);
        var inputs = new InputOptions(command, TrainingInputs.All);
        var gpu = new GpuOptions(command, "Data type of the matrix arithmetic; default bf16 (fp16 on GPUs without bf16, such as the V100).");
        ChoiceOption<FlopConvention> convention = FlopConventionOption.Create(command);
        var recompute = RecomputeOption.Create(command);
        var grid = new Option<string>("--grid")
        {
            Description = "A grid region for the carbon intensity: " + string.Join(", ", GridRegions.All.Select(r => r.Id)) + " (CodeCarbon 2023).",
            HelpName = "REGION",
        };
        command.Add(grid);
        var sweep = new Option<string>("--sweep-gpus")
        {
            Description = "Evaluate one row per doubling of the cluster size, FROM, 2·FROM, 4·FROM, … up to TO GPUs (at most 200 rows), instead of --gpus.",
            HelpName = "FROM:TO",
        };
        command.Add(sweep);
        var output = new OutputOptions(command, csv: true, plotDescription: "With --sweep-gpus: draw wall time and cost against cluster size to FILE.svg or FILE.png.");
        var uncertainty = new UncertaintyOptions(command);
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            string? plotPath = output.PlotPath(parse);
            var notes = new List<Assumption>();
            ResolvedModel? resolved = model.Resolve(parse);
            if (resolved is not null)
            {
                notes.AddRange(resolved.Notes);
            }

            FlopConvention? chosen = convention.Get(parse);
            InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
            TrainingRequest template = new()
            {
                Model = resolved?.Shape,
                Gpu = gpu.Resolve(parse, notes),
                DataType = gpu.DataType(parse),
                Convention = chosen ?? FlopConvention.SixN,
                ConventionGiven = chosen is not null,
                Recompute = recompute.Get(parse) ?? Recompute.None,
                Grid = ResolveGrid(parse.GetValue(grid)),
                Notes = notes,
            };
            TrainingRequest Sampled(InputValues v) => TrainingRequest.From(v) with
            {
                Model = template.Model,
                Gpu = template.Gpu,
                DataType = template.DataType,
                Convention = template.Convention,
                ConventionGiven = template.ConventionGiven,
                Recompute = template.Recompute,
                Grid = template.Grid,
                Notes = template.Notes,
            };
            TrainingRequest request = Sampled(values);
            if (request.Grid is not null && (request.GridIntensity is not null || uncertain.Any(u => u.Spec == TrainingInputs.GridIntensity)))
            {
                throw new UsageException(ErrorText.ForOption("--grid", "cannot be combined with --grid-intensity", parse.GetValue(grid)!, "one of --grid or --grid-intensity"));
            }

            string? sweepText = parse.GetValue(sweep);
            UncertaintyOptions.Reject(uncertain, "--sweep-gpus", sweepText);
            if (uncertainty.TryRun(context, format, plotPath, Title, parse, values, uncertain, v => CalculationOutcome.Widen(TrainingAccounting.Evaluate(Sampled(v)))))
            {
                return CliApp.Ok;
            }

            if (sweepText is null)
            {
                if (plotPath is not null)
                {
                    throw new UsageException(ErrorText.ForOption("--plot", "needs --sweep-gpus", plotPath, "--sweep-gpus FROM:TO with --plot"));
                }

                TrainingResult result = CommandOutput.Unwrap(TrainingAccounting.Evaluate(request));
                CommandOutput.Write(context, format, Title, result);
                return CliApp.Ok;
            }

            if (request.Gpus is not null)
            {
                throw new UsageException(ErrorText.ForOption("--sweep-gpus", "cannot be combined with --gpus", sweepText, "either --gpus n or --sweep-gpus FROM:TO"));
            }

            GeometricSweep points = GeometricSweep.ParseDoubling("sweep-gpus", sweepText, out FieldError? error) ?? throw UsageException.From(error!);
            foreach (double n in points.Points)
            {
                if (TrainingInputs.Gpus.Check(n) is FieldError bad)
                {
                    throw UsageException.From(bad with { Field = "sweep-gpus", Problem = "has a cluster size that " + bad.Problem, Got = sweepText });
                }
            }
            IReadOnlyList<TrainingResult> rows = CommandOutput.Unwrap(TrainingAccounting.Sweep(request, points));
            if (plotPath is not null)
            {
                CommandOutput.SavePlot(context, format, TrainingAccounting.Chart(rows), plotPath);
            }

            CommandOutput.WriteRows(context, format, Title + " by cluster size", rows, rows[0].Assumptions.Where(a => a.Name != "gpus").ToList());
            return CliApp.Ok;
        });
    }

    internal static GridRegion? ResolveGrid(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        FieldError? error = GridRegions.TryResolve(typed, out GridRegion? region);
        return error is null ? region : throw UsageException.From(error);
    }
}

/// <summary>The <c>--recompute none|selective|full</c> option.</summary>
internal static class RecomputeOption
{
    public static ChoiceOption<Recompute> Create(Command command) => new(
        command,
        "--recompute",
        "Activation recomputation: none (default), selective (re-run the attention matmuls), full (re-run each layer's forward pass).",
        ["none", "selective", "full"],
        RecomputeModes.TryParse);
}
