using System.Text.Json.Nodes;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>
/// The scaling-law calculators: <c>/api/optimal</c>, <c>/api/plan</c> (each with a plot),
/// and <c>/api/compare</c>.
/// </summary>
internal static class ScalingEndpoints
{
    private const string OptimalDefaultRange = "1e18:1e28";

    public static IEndpointRouteBuilder MapScaling(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("optimal", Optimal);
        api.MapCalculator("plan", Plan);
        api.MapCalculator("compare", Compare);
        return api;
    }

    /// <summary>The compute-optimal split of <c>compute</c> (or one row per decade of <c>sweep</c>); the plot draws the frontier.</summary>
    public static Answer Optimal(WebInputs inputs)
    {
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(ScalingInputs.OptimalInputs, uncertain);
        OptimalRequest request = OptimalRequest.From(values);
        var notes = new List<Assumption>();
        bool repeated = request.UniqueTokens is not null || uncertain.Any(u => u.Spec == ScalingInputs.UniqueTokens);
        ScalingLaw? law = LawField.ReadForUniqueTokens(inputs, notes, repeated, mixture: true);
        Func<InputValues, ScalingLaw>? pick = MonteCarloFields.LawMixture(inputs, notes, uncertain);
        string? sweepText = inputs.Text("sweep");
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        request = request with { Law = law, Notes = notes };
        MonteCarloFields.Reject(uncertain, "sweep", sweepText);
        if (monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(OptimalAllocation.Evaluate(OptimalRequest.From(v) with { Law = pick?.Invoke(v) ?? law, Notes = notes }))) is Answer sampled)
        {
            return sampled;
        }

        if (sweepText is not null)
        {
            if (request.Compute is not null)
            {
                throw InputException.From(new FieldError("sweep", "cannot be combined with compute", sweepText, "either compute C or sweep FROM:TO"));
            }

            OptimalSweep swept = OptimalSweep(request, "sweep", sweepText);
            List<ICalculationResult> rows = [.. swept.Rows.Select(r => (ICalculationResult)new AllocationRow(r))];
            return new Answer(LawJson.WriteRows(rows, swept.Assumptions, law!), () => OptimalAllocation.FrontierChart(swept.Rows));
        }

        OptimalResult result = InputException.Unwrap(OptimalAllocation.Evaluate(request));
        return new Answer(LawJson.Write(result, law!), () =>
        {
            IReadOnlyList<OptimalResult> rows = OptimalSweep(request with { Compute = null }, "plot", OptimalDefaultRange).Rows;
            return OptimalAllocation.FrontierChart(rows, $"no sweep given: plotted {OptimalDefaultRange} FLOP");
        });
    }

    /// <summary>The inference-aware plan (Sardana and Frankle 2024); with <c>sweepInference</c>, one row per decade and a plot.</summary>
    public static Answer Plan(WebInputs inputs)
    {
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(PlanInputs.Planner, uncertain);
        var notes = new List<Assumption>();
        ScalingLaw? law = LawField.Read(inputs, notes, mixture: true);
        Func<InputValues, ScalingLaw>? pick = MonteCarloFields.LawMixture(inputs, notes, uncertain);
        var gpu = GpuField.Read(inputs, notes);
        string? sweepText = inputs.Text("sweepInference");
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        PlanRequest request = PlanRequest.From(law!, values) with { Gpu = gpu, Notes = notes };
        MonteCarloFields.Reject(uncertain, "sweepInference", sweepText);
        if (monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(InferencePlanner.Evaluate(PlanRequest.From(pick?.Invoke(v) ?? law!, v) with { Gpu = gpu, Notes = notes }))) is Answer sampled)
        {
            return sampled;
        }

        if (sweepText is null)
        {
            PlanResult result = InputException.Unwrap(InferencePlanner.Evaluate(request));
            return new Answer(LawJson.Write(result, law!), () => throw InputException.From(new FieldError("plot", "needs sweepInference", "plan", "sweepInference FROM:TO with the plot")));
        }

        GeometricSweep points = GeometricSweep.Parse("sweep-inference", sweepText, out FieldError? error) ?? throw InputException.From(error!);
        PlanSweep swept = InputException.Unwrap(InferencePlanner.Sweep(request, points));
        return new Answer(LawJson.WriteRows([.. swept.Rows], swept.Assumptions, law!), () => InferencePlanner.Chart(swept));
    }

    /// <summary>Training plans side by side over a model's lifetime: <c>plan</c> repeats (<c>?plan=10B:200B&amp;plan=3B:600B</c> or a JSON array).</summary>
    public static Answer Compare(WebInputs inputs)
    {
        var candidates = new List<PlanCandidate>();
        foreach (string text in inputs.Texts("plan"))
        {
            if (PlanCandidate.Parse(text, out FieldError? error) is PlanCandidate candidate)
            {
                candidates.Add(candidate);
            }
            else
            {
                inputs.Add(error!);
            }
        }

        bool matchLoss = inputs.Flag("matchLoss");
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(PlanInputs.Comparison, uncertain);
        var notes = new List<Assumption>();
        ScalingLaw? law = LawField.Read(inputs, notes, mixture: true);
        Func<InputValues, ScalingLaw>? pick = MonteCarloFields.LawMixture(inputs, notes, uncertain);
        var gpu = GpuField.Read(inputs, notes);
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        PlanComparisonRequest request = PlanComparisonRequest.From(law!, candidates, values) with
        {
            MatchLoss = matchLoss,
            Gpu = gpu,
            Notes = notes,
        };
        Outcome<ICalculationResult> Sampled(InputValues v)
        {
            Outcome<PlanComparisonResult> outcome = PlanComparison.Evaluate(PlanComparisonRequest.From(pick?.Invoke(v) ?? law!, candidates, v) with
            {
                MatchLoss = matchLoss,
                Gpu = gpu,
                Notes = notes,
            });
            return outcome.Value is PlanComparisonResult comparison
                ? Outcome<ICalculationResult>.Success(new FlatComparison(comparison))
                : Outcome<ICalculationResult>.Failure(outcome.Errors);
        }

        if (monteCarlo.TryRun(values, uncertain, Sampled) is Answer sampled)
        {
            return sampled;
        }

        PlanComparisonResult result = InputException.Unwrap(PlanComparison.Evaluate(request));
        return new Answer(LawJson.WriteRows([.. result.Rows], result.Assumptions, law!));
    }

    private static OptimalSweep OptimalSweep(OptimalRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw InputException.From(error!);
        return InputException.Unwrap(OptimalAllocation.Sweep(request, sweep, field));
    }

    /// <summary>A sweep row without the law's constants (stated once, in the top-level <c>law</c> object).</summary>
    private sealed class AllocationRow(OptimalResult result) : ICalculationResult
    {
        public IReadOnlyList<ResultField> Fields => result.AllocationFields;

        public IReadOnlyList<Assumption> Assumptions => result.Assumptions;

        public IReadOnlyList<MissingField> Missing => result.Missing;
    }
}
