using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Training;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>The training calculators: <c>/api/train</c> (with a plot by cluster size), <c>/api/memory</c> and <c>/api/model</c>.</summary>
internal static class TrainingEndpoints
{
    private const string TrainTitle = "Training run";

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("train", Train);
        api.MapCalculator("memory", Memory);
        api.MapCalculator("model", Model);
        return api;
    }

    /// <summary>Time, GPU-hours, MFU, cost, energy and CO2e of a training run; with <c>sweepGpus</c>, one row per doubling of the cluster.</summary>
    public static Answer Train(WebInputs inputs)
    {
        var notes = new List<Assumption>();
        ResolvedModel? resolved = ModelField.Read(inputs, notes);

        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(TrainingInputs.All, uncertain);
        var gpu = GpuField.Read(inputs, notes);
        DataType? dataType = GpuField.DataType(inputs);
        FlopConvention? convention = Conventions.Flop(inputs);
        Recompute? recompute = Conventions.Recompute(inputs);
        string? gridText = inputs.Text("grid");
        GridRegion? grid = null;
        if (gridText is not null && GridRegions.TryResolve(gridText, out grid) is FieldError gridError)
        {
            inputs.Add(gridError);
        }

        string? sweepText = inputs.Text("sweepGpus");
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        TrainingRequest Sampled(InputValues v) => TrainingRequest.From(v) with
        {
            Model = resolved?.Shape,
            Gpu = gpu,
            DataType = dataType,
            Convention = convention ?? FlopConvention.SixN,
            ConventionGiven = convention is not null,
            Recompute = recompute ?? Recompute.None,
            Grid = grid,
            Notes = notes,
        };
        TrainingRequest request = Sampled(values);
        if (request.Grid is not null && (request.GridIntensity is not null || uncertain.Any(u => u.Spec == TrainingInputs.GridIntensity)))
        {
            throw InputException.From(new FieldError("grid", "cannot be combined with gridIntensity", gridText!, "one of grid or gridIntensity"));
        }

        MonteCarloFields.Reject(uncertain, "sweepGpus", sweepText);
        if (monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(TrainingAccounting.Evaluate(Sampled(v)))) is Answer sampled)
        {
            return sampled;
        }

        if (sweepText is null)
        {
            TrainingResult result = InputException.Unwrap(TrainingAccounting.Evaluate(request));
            return new Answer(ResultJson.Write(result), () => throw InputException.From(new FieldError("plot", "needs sweepGpus", TrainTitle, "sweepGpus FROM:TO with the plot")));
        }

        if (request.Gpus is not null)
        {
            throw InputException.From(new FieldError("sweepGpus", "cannot be combined with gpus", sweepText, "either gpus n or sweepGpus FROM:TO"));
        }

        GeometricSweep points = GeometricSweep.ParseDoubling("sweep-gpus", sweepText, out FieldError? error) ?? throw InputException.From(error!);
        foreach (double n in points.Points)
        {
            if (TrainingInputs.Gpus.Check(n) is FieldError bad)
            {
                throw InputException.From(bad with { Field = "sweep-gpus", Problem = "has a cluster size that " + bad.Problem, Got = sweepText });
            }
        }

        IReadOnlyList<TrainingResult> rows = InputException.Unwrap(TrainingAccounting.Sweep(request, points));
        string json = ResultJson.WriteRows(rows, rows[0].Assumptions.Where(a => a.Name != "gpus").ToList());
        return new Answer(json, () => TrainingAccounting.Chart(rows));
    }

    /// <summary>Per-GPU training memory of the most loaded GPU, and whether it fits.</summary>
    public static Answer Memory(WebInputs inputs)
    {
        var notes = new List<Assumption>();
        ResolvedModel? resolved = ModelField.Read(inputs, notes);

        var gpu = GpuField.Read(inputs, notes);
        DataType? dataType = GpuField.DataType(inputs);
        InputValues values = inputs.Numbers(MemoryInputs.All);
        Recompute? recompute = Conventions.Recompute(inputs);
        bool sequenceParallel = inputs.Flag("sequenceParallel");
        bool flash = inputs.Flag("flashAttention");
        Optimizer? optimizer = inputs.Choice<Optimizer>("optimizer", ["adamw", "sgd"], TryParseOptimizer);
        inputs.Complete();
        MemoryRequest request = MemoryRequest.From(values) with
        {
            Model = resolved?.Shape,
            Gpu = gpu,
            DataType = dataType,
            Recompute = recompute ?? Recompute.None,
            SequenceParallel = sequenceParallel,
            FlashAttention = flash,
            Optimizer = optimizer ?? Optimizer.AdamW,
            Notes = notes,
        };
        return new Answer(ResultJson.Write(InputException.Unwrap(TrainingMemory.Evaluate(request))));
    }

    /// <summary>Parameters and FLOP per token of one architecture.</summary>
    public static Answer Model(WebInputs inputs)
    {
        ResolvedModel? resolved = ModelField.Read(inputs, []);
        double? seq = inputs.Numbers([TrainingInputs.Seq]).Get(TrainingInputs.Seq);
        FlopConvention? convention = Conventions.Flop(inputs);
        inputs.Complete();
        if (resolved is null)
        {
            throw InputException.From(new FieldError("model", "is required", Messages.Nothing, "a preset in model, or shape fields"));
        }

        ModelReportResult result = InputException.Unwrap(ModelReport.Evaluate(resolved, seq, convention ?? FlopConvention.SixN, convention is not null));
        return new Answer(ResultJson.Write(result));
    }

    private static bool TryParseOptimizer(string? text, out Optimizer optimizer)
    {
        optimizer = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "adamw" or "adam":
                optimizer = Optimizer.AdamW;
                return true;
            case "sgd":
                optimizer = Optimizer.Sgd;
                return true;
            default:
                return false;
        }
    }
}
