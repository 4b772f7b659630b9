using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Scenarios;
using Flopwise.Training;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>
/// <c>/api/budget</c>: what a budget buys (the CLI's <c>budget</c>): from dollars, GPU-hours or a cluster for some days
/// on a GPU, the training FLOP, the compute-optimal model and its loss, the run's time, cost, energy and CO2, the
/// copies after training, and with <c>inferenceTokens</c> the inference-aware model. Any number may be a distribution
/// and <c>law</c> a mixture; then the answer is a Monte Carlo run, whose histogram is the plot.
/// </summary>
internal static class BudgetEndpoints
{
    public static IEndpointRouteBuilder MapBudget(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("budget", Budget);
        return api;
    }

    public static Answer Budget(WebInputs inputs)
    {
        var notes = new List<Assumption>();
        ScalingLaw? law = LawField.Read(inputs, notes, mixture: true);
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(BudgetInputs.All, uncertain);
        Func<InputValues, ScalingLaw>? pick = MonteCarloFields.LawMixture(inputs, notes, uncertain);
        string? gridText = inputs.Text("grid");
        GridRegion? grid = null;
        if (gridText is not null && GridRegions.TryResolve(gridText, out grid) is FieldError gridError)
        {
            inputs.Add(gridError);
        }

        GpuSpec? gpu = GpuField.Read(inputs, notes);
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        if (grid is not null && (values.Get(BudgetInputs.GridIntensity) is not null || uncertain.Any(u => u.Spec == BudgetInputs.GridIntensity)))
        {
            throw InputException.From(new FieldError("grid", "cannot be combined with gridIntensity", gridText!, "one of grid or gridIntensity"));
        }

        BudgetRequest Build(InputValues v) => BudgetRequest.From(v) with { Gpu = gpu, Law = pick?.Invoke(v) ?? law, Grid = grid, Notes = notes };
        return monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(Flopwise.Scenarios.Budget.Evaluate(Build(v))))
            ?? new Answer(
                ResultJson.Write(InputException.Unwrap(Flopwise.Scenarios.Budget.Evaluate(Build(values)))),
                () => throw InputException.From(new FieldError("plot", "needs an input given as a distribution", "budget", "a range on some numeric field with the plot")));
    }
}
