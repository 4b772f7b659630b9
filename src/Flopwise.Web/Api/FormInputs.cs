namespace Flopwise.Web.Api;

/// <summary>The fields of a multipart form (the fit upload) as <see cref="WebInputs"/>.</summary>
internal static class FormInputs
{
    public static WebInputs From(IFormCollection form) =>
        WebInputs.FromPairs(form.Select(f => new KeyValuePair<string, IEnumerable<string>>(f.Key, f.Value.Where(v => v is not null).Select(v => v!))));
}
