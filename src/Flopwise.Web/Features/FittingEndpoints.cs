using System.Globalization;
using System.Threading.RateLimiting;
using Flopwise.Fitting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Flopwise.Web.Features;

/// <summary>
/// <c>POST /api/fit</c>: a CSV of training runs uploaded as multipart field <c>file</c> (at most
/// <see cref="MaxUploadBytes"/> bytes, else 413; at most <see cref="MaxRows"/> data rows), fitted as the CLI's
/// <c>fit</c> does, with the same options as form fields; <c>bootstrap</c> is optional and capped at
/// <see cref="MaxBootstrap"/> resamples. <c>POST /api/fit/plot</c> draws observed against fitted loss as SVG.
/// </summary>
internal static class FittingEndpoints
{
    /// <summary>The largest upload: 10 MB (SI).</summary>
    public const long MaxUploadBytes = 10_000_000;

    /// <summary>The most data rows a web fit takes (the 4500-start grid's time grows with the rows).</summary>
    public const int MaxRows = 2_000;

    /// <summary>The most bootstrap resamples a web fit runs (the CLI allows 1e5; a web request should finish in seconds).</summary>
    public const int MaxBootstrap = 1_000;

    /// <summary>The rate-limiter policy of the fit endpoints.</summary>
    public const string FitPolicy = "fit";

    private const double MaxComputeBins = 200;
    private static readonly string[] Methods = ["huber", "likelihood", "isoflop"];

    /// <summary>
    /// A fit keeps the cores busy for about a second (more with a bootstrap): at most two run at once and 32 wait;
    /// past that the server answers 429 rather than slowing every other request down.
    /// </summary>
    public static void LimitConcurrentFits(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddConcurrencyLimiter(FitPolicy, limiter =>
        {
            limiter.PermitLimit = 2;
            limiter.QueueLimit = 32;
            limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
    }

    public static IEndpointRouteBuilder MapFitting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/fit", (HttpRequest request) => Run(request, plot: false))
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .RequireRateLimiting(FitPolicy)
            .DisableAntiforgery();
        api.MapPost("/fit/plot", (HttpRequest request) => Run(request, plot: true))
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .RequireRateLimiting(FitPolicy)
            .DisableAntiforgery();
        return api;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Run(HttpRequest request, bool plot)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            return TooLarge(request.ContentLength.Value);
        }

        if (!request.HasFormContentType)
        {
            return Problems.From([new FieldError("file", "is missing: the body is not a form", request.ContentType ?? "no content type", "multipart/form-data with the CSV in the field file")]);
        }

        IFormCollection form;
        try
        {
            form = await RequestBody.ReadFormAsync(request, "a complete multipart/form-data body with the CSV in the field file").ConfigureAwait(false);
        }
        catch (TooLargeException)
        {
            return TooLarge(null);
        }
        catch (InputException e)
        {
            return Problems.From(e);
        }

        try
        {
            // The fit runs on a worker thread, not this request thread (ComputeWorkers).
            (string json, string? svg) = await ComputeWorkers.Shared.Run(() => (Fit(form, plot, out string? drawn), drawn), request.HttpContext.RequestAborted).ConfigureAwait(false);
            return plot ? TypedResults.Content(svg!, CalculatorEndpoints.SvgType) : TypedResults.Content(json, CalculatorEndpoints.JsonType);
        }
        catch (InputException e)
        {
            return Problems.From(e);
        }
    }

    private static string Fit(IFormCollection form, bool plot, out string? svg)
    {
        svg = null;
        WebInputs inputs = FormInputs.From(form);
        FitMethod? chosen = inputs.Choice<FitMethod>("method", Methods, TryParseMethod);
        FitMethod method = chosen ?? FitMethod.Huber;
        int? resamples = inputs.Count("bootstrap", 1, MaxBootstrap);
        string? seedText = inputs.Text("seed");
        int seed = inputs.Count("seed", 0, int.MaxValue) ?? 0;
        int? computeBins = inputs.Count("computeBins", 2, MaxComputeBins);
        int dropped = inputs.Count("dropHighestLoss", 0, MaxRows) ?? 0;
        var options = new RunTableOptions
        {
            ParamsColumn = inputs.Text("paramsColumn"),
            TokensColumn = inputs.Text("tokensColumn"),
            ComputeColumn = inputs.Text("computeColumn"),
            LossColumn = inputs.Text("lossColumn"),
            DropHighestLoss = dropped,
            SkipBadRows = inputs.Flag("skipBadRows"),
        };
        inputs.Complete();
        if (seedText is not null && resamples is null)
        {
            throw InputException.From(new FieldError("seed", "needs bootstrap", seedText, "bootstrap n with seed"));
        }

        if (method == FitMethod.IsoFlop && resamples is not null)
        {
            throw InputException.From(new FieldError("bootstrap", "cannot be combined with method isoflop", resamples.Value.ToString(CultureInfo.InvariantCulture), "method huber or likelihood"));
        }

        if (method == FitMethod.IsoFlop && plot)
        {
            throw InputException.From(new FieldError("plot", "cannot be combined with method isoflop", "isoflop", "method huber or likelihood"));
        }

        if (method != FitMethod.IsoFlop && computeBins is not null)
        {
            throw InputException.From(new FieldError("computeBins", "needs method isoflop", computeBins.Value.ToString(CultureInfo.InvariantCulture), "method isoflop"));
        }

        IFormFile file = form.Files.GetFile("file")
            ?? throw InputException.From(new FieldError("file", "is missing", Messages.Nothing, "a CSV of runs in the multipart field file"));
        if (file.Length > MaxUploadBytes)
        {
            throw InputException.From(new FieldError("file", "is too large", file.Length.ToString(CultureInfo.InvariantCulture) + " bytes", $"at most {MaxUploadBytes:N0} bytes"));
        }

        string name = Path.GetFileName(file.FileName) is { Length: > 0 } given ? given : "runs.csv";
        RunTable table = Read(file, name, options);
        var json = new FitJson(name, method, table);
        FitData data = table.ToFitData();
        if (method == FitMethod.IsoFlop)
        {
            IsoFlopFit iso;
            try
            {
                iso = Flopwise.Fitting.Fit.IsoFlop(data, computeBins);
            }
            catch (InvalidOperationException e)
            {
                throw InputException.From(new FieldError("file", $"{name}: {e.Message.TrimEnd('.')}", "method isoflop", "runs at two or more compute budgets, each with a loss minimum inside its range of N, or computeBins n"));
            }

            return ResultJson.WriteWithProvenance(json.IsoFlop(iso));
        }

        ChinchillaFit fit = method == FitMethod.Likelihood ? Flopwise.Fitting.Fit.Likelihood(data) : Flopwise.Fitting.Fit.Huber(data);
        if (!double.IsFinite(fit.E) || !double.IsFinite(fit.A) || !double.IsFinite(fit.B) || !double.IsFinite(fit.Alpha) || !double.IsFinite(fit.Beta))
        {
            throw InputException.From(new FieldError("file", $"{name}: no start of the fit converged to finite constants (exit: {fit.ExitReason})", name, "runs that follow L = E + A/N^alpha + B/D^beta"));
        }

        if (plot)
        {
            svg = Flopwise.Plotting.ChartFile.ToSvg(table.ObservedVsFittedChart(fit));
            return string.Empty;
        }

        BootstrapFit? boot = resamples is int n ? Flopwise.Fitting.Fit.Bootstrap(data, n, seed) : null;
        return ResultJson.WriteWithProvenance(json.Chinchilla(fit, boot, seed));
    }

    private static RunTable Read(IFormFile file, string name, RunTableOptions options)
    {
        Outcome<RunTable> outcome;
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            outcome = RunTable.Parse(reader, name, options);
        }

        if (outcome.Value is not { } table)
        {
            FieldError error = outcome.Errors[0];
            throw InputException.From(error.Field == RunTable.FileField ? error : error with { Field = Problems.JsonName(error.Field) });
        }

        if (table.RowsRead > MaxRows)
        {
            throw InputException.From(new FieldError("file", $"{name}: has more rows than a web fit takes", table.RowsRead.ToString(CultureInfo.InvariantCulture) + " rows", $"at most {MaxRows:N0} rows (the CLI's fit takes more)"));
        }

        return table;
    }

    private static ProblemHttpResult TooLarge(long? length) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large.",
        detail: string.Create(CultureInfo.InvariantCulture, $"file: is too large (got {(length is long l ? l + " bytes" : "more")}; expected at most {MaxUploadBytes:N0} bytes)"));

    private static bool TryParseMethod(string? text, out FitMethod value)
    {
        int index = Array.FindIndex(Methods, m => string.Equals(m, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = index < 0 ? FitMethod.Huber : Enum.Parse<FitMethod>(Methods[index], ignoreCase: true);
        return index >= 0;
    }
}
