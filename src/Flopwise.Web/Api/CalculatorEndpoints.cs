using Flopwise.Inputs;
using Flopwise.Plotting;
using Flopwise.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Flopwise.Web.Api;

/// <summary>
/// Maps a calculator to <c>GET /api/NAME?field=value</c> and <c>POST /api/NAME</c> (a JSON object body, or a
/// multipart form where a field such as <c>hfConfig</c> is an uploaded file), both answering the CLI's <c>--json</c>
/// object; its plot as SVG at <c>/api/NAME/plot</c> (the command's picture, or the histogram of a Monte Carlo run);
/// and the tornado of a Monte Carlo run with <c>sensitivity</c> at <c>/api/NAME/tornado</c>. A Monte Carlo answer runs
/// in <see cref="MonteCarloRuns"/> (at most two at once, 503 with <c>Retry-After</c> when its queue is full), and the
/// plot and tornado of the answer just given come from its cache instead of a new run (<c>Cache-Status</c> says so).
/// </summary>
internal static class CalculatorEndpoints
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string SvgType = "image/svg+xml; charset=utf-8";

    /// <summary>The largest body a calculator takes (a few fields need a few hundred bytes; a config.json a few kB); more answers 413.</summary>
    public const long MaxJsonBodyBytes = 1_000_000;

    /// <summary>The largest uploaded file (a Hugging Face config.json) a calculator takes: 1 MB (SI); more answers 413.</summary>
    public const long MaxFileBytes = 1_000_000;

    public static void MapCalculator(this IEndpointRouteBuilder api, string name, Calculator calculator)
    {
        api.MapGet("/" + name, (HttpRequest request) => JsonAsync(name, calculator, WebInputs.FromQuery(request.Query), request.HttpContext))
            .WithName(name + "Get");
        api.MapPost("/" + name, (HttpRequest request) => PostAsync(request, inputs => JsonAsync(name, calculator, inputs, request.HttpContext)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes))
            .DisableAntiforgery()
            .WithName(name + "Post");
        api.MapGet("/" + name + "/plot", (HttpRequest request) => SvgAsync(name, calculator, WebInputs.FromQuery(request.Query), tornado: false, request.HttpContext))
            .WithName(name + "PlotGet");
        api.MapPost("/" + name + "/plot", (HttpRequest request) => PostAsync(request, inputs => SvgAsync(name, calculator, inputs, tornado: false, request.HttpContext)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes))
            .DisableAntiforgery()
            .WithName(name + "PlotPost");
        api.MapGet("/" + name + "/tornado", (HttpRequest request) => SvgAsync(name, calculator, WebInputs.FromQuery(request.Query), tornado: true, request.HttpContext))
            .WithName(name + "TornadoGet");
        api.MapPost("/" + name + "/tornado", (HttpRequest request) => PostAsync(request, inputs => SvgAsync(name, calculator, inputs, tornado: true, request.HttpContext)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes))
            .DisableAntiforgery()
            .WithName(name + "TornadoPost");
    }

    /// <summary>Runs a calculator and answers its JSON, or problem+json for bad input (400) or a full Monte Carlo queue (503).</summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> JsonAsync(string name, Calculator calculator, WebInputs inputs, HttpContext context)
    {
        try
        {
            Answer answer = await Complete(name, calculator, inputs, context).ConfigureAwait(false);
            return TypedResults.Content(answer.Json, JsonType);
        }
        catch (InputException e)
        {
            return Problems.From(e);
        }
        catch (BusyException e)
        {
            return Busy(e, context);
        }
    }

    /// <summary>Runs a calculator and answers its plot (or its Monte Carlo tornado) as SVG, or problem+json.</summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> SvgAsync(string name, Calculator calculator, WebInputs inputs, bool tornado, HttpContext context)
    {
        try
        {
            Answer answer = await Complete(name, calculator, inputs, context, plot: !tornado).ConfigureAwait(false);
            Func<Chart> plot = tornado
                ? answer.Tornado ?? throw InputException.From(new FieldError("sensitivity", "is needed for the tornado", Messages.Nothing, "sensitivity OUTPUT with an input given as a distribution"))
                : answer.Plot ?? throw InputException.From(new FieldError("plot", "is not drawn for these inputs", "plot", "the inputs of a calculator that draws one, or an input given as a distribution"));
            return TypedResults.Content(ChartFile.ToSvg(plot()), SvgType);
        }
        catch (InputException e)
        {
            return Problems.From(e);
        }
        catch (BusyException e)
        {
            return Busy(e, context);
        }
    }

    /// <summary>Runs the calculator; a Monte Carlo answer is completed by <see cref="MonteCarloRuns"/> (limited, cached, cancelled with the request).</summary>
    private static Task<Answer> Complete(string name, Calculator calculator, WebInputs inputs, HttpContext context, bool plot = false)
    {
        inputs.ThrowIfInvalid();
        inputs.Plotting = plot;
        Answer answer = calculator(inputs);
        return answer.Pending is null
            ? Task.FromResult(answer)
            : MonteCarloRuns.Shared.CompleteAsync(answer, () => inputs.CacheKey(name), context.Response, context.RequestAborted);
    }

    /// <summary>Reads a POST body (JSON, or a multipart form with files) and answers; an oversized body or file answers 413.</summary>
    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, Func<WebInputs, Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>>> answer)
    {
        try
        {
            if (request.ContentLength > MaxJsonBodyBytes)
            {
                throw new TooLargeException("body", request.ContentLength);
            }

            if (!request.HasFormContentType && !request.HasJsonContentType())
            {
                return UnsupportedMediaType(request);
            }

            WebInputs inputs = request.HasFormContentType
                ? await WebInputs.FromFormAsync(request).ConfigureAwait(false)
                : await WebInputs.FromJsonBodyAsync(request).ConfigureAwait(false);
            return await answer(inputs).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(new TooLargeException("body", (long?)null));
        }
        catch (TooLargeException e)
        {
            return TooLarge(e);
        }
        catch (InputException e)
        {
            return Problems.From(e);
        }
    }

    private static ProblemHttpResult Busy(BusyException e, HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The server is busy with other Monte Carlo runs.",
            detail: e.Message,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = "samples" });
    }

    private static ProblemHttpResult TooLarge(TooLargeException e) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request is too large.",
        detail: Problems.Text(e.Message),
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = EchoText.Cut(e.Field) });

    /// <summary>A body that is neither a form nor sent as JSON: 415, as JSON is parsed only under its media type.</summary>
    public static ProblemHttpResult UnsupportedMediaType(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The body's media type is not supported.",
        detail: "body: is sent as " + EchoText.Cut(request.ContentType ?? "no content type") + " (expected application/json, or multipart/form-data)",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = "body" });
}
