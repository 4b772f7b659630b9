using Flopwise.Web.Api;
using Flopwise.Web.Features;

// Wiring only: the API lives in Features/ (one file per feature), the page in wwwroot/.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddProblemDetails();
builder.Services.AddRateLimiter(FittingEndpoints.LimitConcurrentFits);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

WebApplication app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // A request the server refuses (a body over its size limit: 413) keeps its status; anything else is a bug (500).
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();

RouteGroupBuilder api = app.MapGroup("/api");
api.MapDeclared();
api.MapScaling();
api.MapServing();
api.MapBudget();
api.MapFitting();
api.MapInputs();

app.Run();

/// <summary>The web front end (public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests).</summary>
public partial class Program
{
}
