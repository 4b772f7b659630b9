namespace Flopwise.Web.Api;

/// <summary>
/// The headers every answer carries (page, API, errors): no MIME sniffing, a content security policy that lets the
/// page load only its own files and talk only to its own API (no inline script or style, no plug-ins, no other site),
/// and no framing by any page (<c>frame-ancestors 'none'</c>, with <c>X-Frame-Options</c> for older browsers).
/// Kestrel's <c>Server</c> banner is switched off in <c>Program.cs</c>.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The page uses only its own app.js, app.css and API; SVG plots are inserted as DOM nodes, never as images or inline styles.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response, also to one an exception handler rewrites (it clears the headers set before it ran).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        HttpResponse response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    });
}
