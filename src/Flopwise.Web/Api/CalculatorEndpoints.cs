using Flopwise.Inputs;
using Flopwise.Plotting;
using Flopwise.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Flopwise.Web.Api;

/// <summary>
/// Maps a calculator to <c>GET /api/NAME?field=value</c> and <c>POST /api/NAME</c> (a JSON object body), both
/// answering the CLI's <c>--json</c> object, and, where it draws one, its plot as SVG at <c>/api/NAME/plot</c>.
/// </summary>
internal static class CalculatorEndpoints
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string SvgType = "image/svg+xml; charset=utf-8";

    /// <summary>The largest JSON body a calculator takes (a few fields need a few hundred bytes); more answers 413.</summary>
    public const long MaxJsonBodyBytes = 1_000_000;

    public static void MapCalculator(this IEndpointRouteBuilder api, string name, Calculator calculator, bool plot = false)
    {
        api.MapGet("/" + name, (HttpRequest request) => Json(calculator, WebInputs.FromQuery(request.Query)))
            .WithName(name + "Get");
        api.MapPost("/" + name, async (HttpRequest request) => Json(calculator, await WebInputs.FromJsonBodyAsync(request).ConfigureAwait(false)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes))
            .WithName(name + "Post");
        if (plot)
        {
            api.MapGet("/" + name + "/plot", (HttpRequest request) => Svg(calculator, WebInputs.FromQuery(request.Query)))
                .WithName(name + "PlotGet");
            api.MapPost("/" + name + "/plot", async (HttpRequest request) => Svg(calculator, await WebInputs.FromJsonBodyAsync(request).ConfigureAwait(false)))
                .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes))
                .WithName(name + "PlotPost");
        }
    }

    /// <summary>Runs a calculator and answers its JSON, or problem+json for bad input.</summary>
    public static Results<ContentHttpResult, ValidationProblem> Json(Calculator calculator, WebInputs inputs)
    {
        try
        {
            inputs.ThrowIfInvalid();
            return TypedResults.Content(calculator(inputs).Json, JsonType);
        }
        catch (InputException e)
        {
            return Problems.From(e.Errors);
        }
    }

    /// <summary>Runs a calculator and answers its plot as SVG, or problem+json for bad input.</summary>
    public static Results<ContentHttpResult, ValidationProblem> Svg(Calculator calculator, WebInputs inputs)
    {
        try
        {
            inputs.ThrowIfInvalid();
            Answer answer = calculator(inputs);
            Func<Chart> plot = answer.Plot ?? throw InputException.From(new FieldError("plot", "is not drawn for these inputs", "plot", "the inputs of a calculator that draws one"));
            return TypedResults.Content(ChartFile.ToSvg(plot()), SvgType);
        }
        catch (InputException e)
        {
            return Problems.From(e.Errors);
        }
    }
}
