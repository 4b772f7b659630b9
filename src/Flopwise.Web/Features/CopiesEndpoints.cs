using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Uncertainty;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>
/// The forecasting calculators: <c>/api/copies</c> (seed 000, with its plot), <c>/api/human</c> (seeds 004 and 001)
/// and <c>/api/history</c> (Epoch AI's model table, with its plot). Copies and human take distributions as the CLI's.
/// </summary>
internal static class CopiesEndpoints
{
    /// <summary>The compute range the copies plot covers when no sweep is given (as the CLI's <c>--plot</c>).</summary>
    public const string DefaultPlotRange = "1e24:1e34";

    public static IEndpointRouteBuilder MapCopies(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("copies", Copies);
        api.MapCalculator("human", Human);
        api.MapCalculator("history", History);
        return api;
    }

    /// <summary>The copies model for <c>compute</c>, or one row per decade of <c>sweep</c> (FROM:TO); a Monte Carlo run when an input is a distribution.</summary>
    public static Answer Copies(WebInputs inputs)
    {
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(CopiesInputs.All, uncertain);
        string? sweepText = inputs.Text("sweep");
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        MonteCarloFields.Reject(uncertain, "sweep", sweepText);
        if (monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(CopiesModel.Evaluate(CopiesRequest.From(v)))) is Answer sampled)
        {
            return sampled;
        }

        var request = CopiesRequest.From(values);
        if (sweepText is not null)
        {
            if (request.Compute is not null)
            {
                throw InputException.From(new FieldError("sweep", "cannot be combined with compute", sweepText, "either compute C or sweep FROM:TO"));
            }

            CopiesSweep swept = Sweep(request, "sweep", sweepText);
            return new Answer(ResultJson.WriteRows(swept.Rows, swept.Assumptions), () => CopiesModel.Chart(swept.Rows));
        }

        CopiesResult result = InputException.Unwrap(CopiesModel.Evaluate(request));
        return new Answer(ResultJson.Write(result), () =>
        {
            IReadOnlyList<CopiesResult> rows = Sweep(request with { Compute = null }, "plot", DefaultPlotRange).Rows;
            return CopiesModel.Chart(rows, $"no sweep given: plotted {DefaultPlotRange} FLOP");
        });
    }

    /// <summary>Human equivalents of expert hours, energy and tokens; a Monte Carlo run when an input is a distribution.</summary>
    public static Answer Human(WebInputs inputs)
    {
        var uncertain = new List<UncertainInput>();
        InputValues values = inputs.NumbersOrDistributions(HumanInputs.All, uncertain);
        MonteCarloFields monteCarlo = MonteCarloFields.Read(inputs);
        inputs.Complete();
        return monteCarlo.TryRun(values, uncertain, v => CalculationOutcome.Widen(HumanEquivalents.Evaluate(HumanRequest.From(v))))
            ?? new Answer(ResultJson.Write(InputException.Unwrap(HumanEquivalents.Evaluate(HumanRequest.From(values)))));
    }

    /// <summary>
    /// Where <c>compute</c> sits among the models of Epoch AI's table (plot: the models and the frontier trend), or the
    /// <c>top</c> N models by training compute, as the CLI's <c>history</c>.
    /// </summary>
    public static Answer History(WebInputs inputs)
    {
        var request = HistoryRequest.From(inputs.Numbers(HistoryInputs.All));
        inputs.Complete();
        if (request.Top is double top)
        {
            if (request.Compute is double compute)
            {
                throw InputException.From(new FieldError("top", "cannot be combined with compute", $"compute {InputSpec.Format(compute)}, top {InputSpec.Format(top)}", "either compute C or top N"));
            }

            HistoryListing listing = InputException.Unwrap(ModelHistory.Largest(request));
            return new Answer(
                ResultJson.WriteRows(listing.Rows, listing.Assumptions),
                () => throw InputException.From(new FieldError("plot", "draws a placement, not a list", "top " + InputSpec.Format(top), "compute C with the plot")));
        }

        HistoryResult result = InputException.Unwrap(ModelHistory.Evaluate(request));
        return new Answer(ResultJson.Write(result), () => ModelHistory.Chart(result, ModelTable.Epoch));
    }

    private static CopiesSweep Sweep(CopiesRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw InputException.From(error!);
        return InputException.Unwrap(CopiesModel.Sweep(request, sweep));
    }
}
