using Flopwise.Inputs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flopwise.Web.Api;

/// <summary>
/// Bad input as RFC 9457 problem+json: <c>errors</c> maps each field to its messages (ASP.NET's validation-problem
/// shape), and <c>fields</c> lists one entry per error with <c>field</c>, <c>problem</c>, <c>value</c> and
/// <c>expected</c>.
/// </summary>
internal static class Problems
{
    public static ValidationProblem From(IReadOnlyList<FieldError> given)
    {
        // Core names fields kebab-case, and refers to them in its texts as {=name}: both in the API's camelCase.
        List<FieldError> errors = [.. given.Select(e => FieldText.Render(e, FieldText.CamelCase))];
        var byField = errors
            .GroupBy(e => JsonName(e.Field), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => Message(e)).ToArray(), StringComparer.Ordinal);
        var fields = errors.Select(e => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["field"] = JsonName(e.Field),
            ["problem"] = e.Problem,
            ["value"] = e.Got,
            ["expected"] = e.Expected,
        }).ToList();
        return TypedResults.ValidationProblem(
            byField,
            detail: string.Join("; ", errors.Select(e => JsonName(e.Field) + ": " + Message(e))),
            title: errors.Count == 1 ? "One input is invalid." : "Some inputs are invalid.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["fields"] = fields });
    }

    /// <summary>A Core field name (kebab-case, as the CLI option) in the API's camelCase.</summary>
    public static string JsonName(string field) => FieldText.CamelCase(field);

    private static string Message(FieldError e) => $"{e.Problem} (got {e.Got}; expected {e.Expected})";
}
