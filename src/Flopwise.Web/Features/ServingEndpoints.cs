using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Serving;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>
/// <c>/api/serve</c>: prefill and decode latency, throughput, memory and cost of serving a model (the CLI's
/// <c>serve</c>, seed 001); with <c>sweepBatch</c>, one row per doubling of the batch and the throughput–interactivity
/// plot; with an input given as a distribution, a Monte Carlo run.
/// </summary>
internal static class ServingEndpoints
{
    private static readonly string[] StorageTypes = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"];

    public static IEndpointRouteBuilder MapServing(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("serve", Serve);
        return api;
    }

    public static Answer Serve(WebInputs inputs)
    {
        var notes = new List<Assumption>();
        ResolvedModel? resolved = ModelField.Read(inputs, notes);
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(ServingInputs.All, uncertain);
        GpuSpec? gpu = GpuField.Read(inputs, notes);
        var template = new ServingRequest
        {
            Model = resolved?.Shape,
            Gpu = gpu,
            WeightDtype = inputs.Choice<DataType>("weightDtype", StorageTypes, DataTypes.TryParse),
            KvDtype = inputs.Choice<DataType>("kvDtype", StorageTypes, DataTypes.TryParse),
            Attention = inputs.Choice<AttentionKernel>("attention", ["fused", "unfused"], EnumNames.TryParse) ?? AttentionKernel.Fused,
            Efficiency = inputs.Choice<EfficiencyPreset>("efficiency", ["roofline", "measured"], EnumNames.TryParse) ?? EfficiencyPreset.Roofline,
            LatencyClass = inputs.Choice<LatencyClass>("latencyClass", ["keystroke", "interactive", "batch"], EnumNames.TryParse),
            Notes = notes,
        };
        string? sweepText = inputs.Text("sweepBatch");
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        ServingRequest Sampled(InputValues v) => template.WithNumbers(v);
        MonteCarloFields.Reject(uncertain, "sweepBatch", sweepText);
        if (monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(ServingModel.Evaluate(Sampled(v)))) is Answer sampled)
        {
            return sampled;
        }

        ServingRequest request = Sampled(values);
        if (sweepText is null)
        {
            ServingResult result = InputException.Unwrap(ServingModel.Evaluate(request));
            return new Answer(
                ResultJson.Write(result),
                () => throw InputException.From(new FieldError("plot", "needs sweepBatch (the plot is the batch trade-off)", "serve", "sweepBatch FROM:TO with the plot")));
        }

        GeometricSweep batches = GeometricSweep.ParseDoubling("sweep-batch", sweepText, out FieldError? error) ?? throw InputException.From(error!);
        if (batches.Points.Any(b => b != Math.Floor(b)))
        {
            throw InputException.From(new FieldError("sweepBatch", "has a batch that is not a whole number", sweepText, "whole numbers FROM:TO, e.g. 1:512"));
        }

        ServingSweep swept = InputException.Unwrap(ServingModel.Sweep(request, batches.Points));
        return new Answer(ResultJson.WriteRows([.. swept.Rows.Select(r => r.SweepRow)], swept.ReportedAssumptions), () => ServingModel.Chart(swept));
    }
}
