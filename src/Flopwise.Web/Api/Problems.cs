using System.Globalization;
using System.Text.Json;
using Flopwise.Inputs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flopwise.Web.Api;

/// <summary>
/// Bad input as RFC 9457 problem+json: <c>errors</c> maps each field to its messages (ASP.NET's validation-problem
/// shape), and <c>fields</c> lists one entry per error with <c>field</c>, <c>problem</c>, <c>value</c> and
/// <c>expected</c>. The answer is bounded whatever the request: at most <see cref="MaxErrors"/> entries (the rest
/// counted in <c>moreErrors</c> and the detail's "and K more"), every echoed value and field name cut by Core's
/// <see cref="EchoText"/> (control characters escaped), the calculator's known fields listed once (<c>knownFields</c>),
/// and the whole body under <see cref="MaxBytes"/>.
/// </summary>
internal static class Problems
{
    /// <summary>The most field errors one answer lists.</summary>
    public const int MaxErrors = 20;

    /// <summary>The most bytes of a 400 or 413 answer.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The most characters of a problem or expected text (server-written, but it may quote the input).</summary>
    private const int MaxTextLength = 400;

    /// <summary>What the body may take beyond the entries: type, title, status, traceId and the counts.</summary>
    private const int Overhead = 1024;

    private static readonly JsonSerializerOptions Measure = new();

    public static ValidationProblem From(InputException e) => From(e.Errors, e.KnownFields);

    public static ValidationProblem From(IReadOnlyList<FieldError> errors, IReadOnlyList<string>? knownFields = null)
    {
        // Core names fields kebab-case and refers to them in its texts as {=name}: both in the API's camelCase.
        List<FieldError> shown = [.. errors.Take(MaxErrors).Select(e => Bound(FieldText.Render(e, FieldText.CamelCase)))];
        List<string>? known = knownFields?.Select(f => EchoText.Cut(f)).ToList();

        // Entries are already short; drop from the end only if they still exceed the budget (long server texts).
        while (shown.Count > 1 && Size(shown, known) > MaxBytes - Overhead)
        {
            shown.RemoveAt(shown.Count - 1);
        }

        if (known is not null && Size(shown, known) > MaxBytes - Overhead)
        {
            known = null;
        }

        int more = errors.Count - shown.Count;
        var byField = shown
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(Message).ToArray(), StringComparer.Ordinal);
        var fields = shown.Select(e => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["field"] = e.Field,
            ["problem"] = e.Problem,
            ["value"] = e.Got,
            ["expected"] = e.Expected,
        }).ToList();
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["fields"] = fields };
        if (more > 0)
        {
            extensions["moreErrors"] = more;
        }

        if (known is not null)
        {
            extensions["knownFields"] = known;
        }

        string detail = string.Join("; ", shown.Select(e => e.Field + ": " + Message(e)))
            + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $"; and {more:N0} more") : string.Empty);
        return TypedResults.ValidationProblem(
            byField,
            detail: detail,
            title: errors.Count == 1 ? "One input is invalid." : "Some inputs are invalid.",
            extensions: extensions);
    }

    /// <summary>A Core field name (kebab-case, as the CLI option) in the API's camelCase.</summary>
    public static string JsonName(string field) => FieldText.CamelCase(field);

    /// <summary>Cuts a text the server writes (a title or detail that may quote the input) to a bounded length, control characters escaped.</summary>
    public static string Text(string text) => EchoText.Cut(text, MaxTextLength);

    private static FieldError Bound(FieldError e) => new(
        EchoText.Cut(JsonName(e.Field)),
        EchoText.Cut(e.Problem, MaxTextLength),
        EchoText.Cut(e.Got),
        EchoText.Cut(e.Expected, MaxTextLength));

    private static string Message(FieldError e) => $"{e.Problem} (got {e.Got}; expected {e.Expected})";

    /// <summary>The bytes the entries take in the body, with the default encoder (which escapes more than the server's, so this is an upper bound).</summary>
    private static int Size(List<FieldError> shown, List<string>? known)
    {
        int size = known is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(known, Measure).Length;
        foreach (FieldError e in shown)
        {
            // The entry in fields, its message in errors and again in detail.
            size += JsonSerializer.SerializeToUtf8Bytes(new[] { e.Field, e.Problem, e.Got, e.Expected }, Measure).Length + 40;
            size += (2 * JsonSerializer.SerializeToUtf8Bytes(e.Field + ": " + Message(e), Measure).Length) + 8;
        }

        return size;
    }
}
