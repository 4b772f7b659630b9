using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Training;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>The training calculator <c>/api/train</c> (with a plot by cluster size).</summary>
internal static class TrainingEndpoints
{
    private const string TrainTitle = "Training run";

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("train", Train);
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
}
