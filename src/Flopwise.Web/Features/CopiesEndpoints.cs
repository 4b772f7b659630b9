using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Web.Api;

namespace Flopwise.Web.Features;

/// <summary>The forecasting calculators: <c>/api/copies</c> (seed 000, with its plot) and <c>/api/human</c> (seeds 004 and 001).</summary>
internal static class CopiesEndpoints
{
    /// <summary>The compute range the copies plot covers when no sweep is given (as the CLI's <c>--plot</c>).</summary>
    public const string DefaultPlotRange = "1e24:1e34";

    public static IEndpointRouteBuilder MapCopies(this IEndpointRouteBuilder api)
    {
        api.MapCalculator("copies", Copies, plot: true);
        api.MapCalculator("human", Human);
        return api;
    }

    /// <summary>The copies model for <c>compute</c>, or one row per decade of <c>sweep</c> (FROM:TO).</summary>
    public static Answer Copies(WebInputs inputs)
    {
        InputValues values = inputs.Numbers(CopiesInputs.All);
        string? sweepText = inputs.Text("sweep");
        inputs.Complete();
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

    /// <summary>Human equivalents of expert hours, energy and tokens.</summary>
    public static Answer Human(WebInputs inputs)
    {
        InputValues values = inputs.Numbers(HumanInputs.All);
        inputs.Complete();
        return new Answer(ResultJson.Write(InputException.Unwrap(HumanEquivalents.Evaluate(HumanRequest.From(values)))));
    }

    private static CopiesSweep Sweep(CopiesRequest request, string field, string text)
    {
        GeometricSweep sweep = GeometricSweep.Parse(field, text, out FieldError? error) ?? throw InputException.From(error!);
        return InputException.Unwrap(CopiesModel.Sweep(request, sweep));
    }
}
