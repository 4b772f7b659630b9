using System.Globalization;
using System.Text.Json;
using Flopwise.Inputs;
using Flopwise.Uncertainty;

namespace Flopwise.Web.Api;

/// <summary>
/// The fields of one API request, from the query string (<c>?compute=3e25</c>) or a JSON body
/// (<c>{"compute": 3e25}</c> or <c>{"compute": "3e25"}</c>), named by the CLI's option names in camelCase. Readers
/// record each problem as a <see cref="FieldError"/> instead of stopping at the first, so one answer lists every bad
/// field; <see cref="Complete"/> also rejects fields that the calculator does not know.
/// </summary>
internal sealed class WebInputs
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, List<string>> _fields;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<FieldError> _errors = [];
    private readonly Dictionary<string, string> _fileNames = new(StringComparer.Ordinal);

    private WebInputs(Dictionary<string, List<string>> fields) => _fields = fields;

    public IReadOnlyList<FieldError> Errors => _errors;

    public static WebInputs FromQuery(IQueryCollection query) =>
        FromPairs(query.Select(q => new KeyValuePair<string, IEnumerable<string>>(q.Key, q.Value.Where(v => v is not null).Select(v => v!))));

    /// <summary>Takes fields as name and values (a query string, form fields).</summary>
    public static WebInputs FromPairs(IEnumerable<KeyValuePair<string, IEnumerable<string>>> pairs)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach ((string key, IEnumerable<string> values) in pairs)
        {
            fields[key] = values.ToList();
        }

        return new WebInputs(fields);
    }

    /// <summary>Parses a whole-number field from <paramref name="min"/> to <paramref name="max"/> (counts such as <c>bootstrap</c>).</summary>
    public int? Count(string name, double min, double max)
    {
        string? text = Text(name);
        if (text is null)
        {
            return null;
        }

        string expected = string.Create(CultureInfo.InvariantCulture, $"a whole number from {min:G} to {max:G}");
        string? problem = !NumberText.TryParse(text, out double value, out string? parseProblem) ? parseProblem
            : value != Math.Floor(value) ? Messages.NotWhole
            : value < min || value > max ? "is out of range"
            : null;
        if (problem is not null)
        {
            _errors.Add(new FieldError(name, problem, text, expected));
            return null;
        }

        return (int)value;
    }

    /// <summary>
    /// Reads a multipart form: its fields, and each uploaded file as the text of the field it was sent in (a file is
    /// at most <see cref="CalculatorEndpoints.MaxFileBytes"/>; more throws <see cref="TooLargeException"/>). The file's
    /// own name is kept for messages (<see cref="FileName"/>), without any directory. A form that cannot be read throws
    /// <see cref="InputException"/> on the field <c>body</c> (<see cref="RequestBody.ReadFormAsync"/>); a file that is
    /// empty (or only white space) or not UTF-8 is an error of its field, never taken as absent or read with
    /// replacement characters.
    /// </summary>
    public static async Task<WebInputs> FromFormAsync(HttpRequest request)
    {
        IFormCollection form = await RequestBody.ReadFormAsync(request).ConfigureAwait(false);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in form)
        {
            fields[key] = [.. values.Where(v => v is not null).Select(v => v!)];
        }

        var inputs = new WebInputs(fields);
        foreach (IFormFile file in form.Files)
        {
            if (file.Length > CalculatorEndpoints.MaxFileBytes)
            {
                throw new TooLargeException(file.Name, file.Length);
            }

            string fileName = Path.GetFileName(file.FileName);
            string shown = fileName.Length > 0 ? fileName : "the uploaded file";
            if (fields.ContainsKey(file.Name))
            {
                inputs._errors.Add(new FieldError(file.Name, "is given both as a file and as text", file.Name, "one of the two"));
                continue;
            }

            string text;
            try
            {
                using var reader = new StreamReader(file.OpenReadStream(), StrictUtf8, detectEncodingFromByteOrderMarks: true);
                text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (System.Text.DecoderFallbackException)
            {
                inputs._errors.Add(new FieldError(file.Name, "is not valid UTF-8", shown, "a UTF-8 text file"));
                continue;
            }

            if (text.Trim().Length == 0)
            {
                inputs._errors.Add(new FieldError(file.Name, "is empty", shown, "a file with content (or no file at all)"));
                continue;
            }

            fields[file.Name] = [text];
            inputs._fileNames[file.Name] = fileName;
        }

        return inputs;
    }

    /// <summary>Gets the name an uploaded file had on the user's machine (no directory), or <see langword="null"/> when the field was not a file.</summary>
    public string? FileName(string name) => _fileNames.TryGetValue(name, out string? fileName) && fileName.Length > 0 ? fileName : null;

    /// <summary>
    /// Reads a JSON object body; a body that is not one (not JSON, not UTF-8, not an object) is an error of the field
    /// <c>body</c>, and a key given twice an error of that field, as a repeated query field is.
    /// </summary>
    public static async Task<WebInputs> FromJsonBodyAsync(HttpRequest request)
    {
        const string Expected = "a JSON object in UTF-8 such as {\"compute\": \"3e25\"}";
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inputs = new WebInputs(fields);
        byte[] body = await RequestBody.ReadUtf8Async(request, CalculatorEndpoints.MaxJsonBodyBytes, Expected).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            inputs._errors.Add(new FieldError("body", "is not valid JSON: " + e.Message, "the request body", Expected));
            return inputs;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                inputs._errors.Add(new FieldError("body", "is not a JSON object", document.RootElement.ValueKind.ToString().ToLowerInvariant(), Expected));
                return inputs;
            }

            var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            try
            {
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    var values = new List<string>();
                    if (property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement item in property.Value.EnumerateArray())
                        {
                            values.Add(Text(item));
                        }
                    }
                    else if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        values.Add(Text(property.Value));
                    }

                    if (fields.TryGetValue(property.Name, out List<string>? earlier))
                    {
                        if (!repeated.TryGetValue(property.Name, out List<string>? all))
                        {
                            repeated[property.Name] = all = [JsonArrayText(earlier)];
                        }

                        all.Add(JsonArrayText(values));
                        continue;
                    }

                    fields[property.Name] = values;
                }
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") is valid JSON but no text.
                inputs._errors.Add(new FieldError("body", "holds a string that is not valid Unicode (an unpaired surrogate escape)", "the request body", Expected));
                return inputs;
            }

            foreach ((string name, List<string> all) in repeated)
            {
                inputs._errors.Add(new FieldError(name, "is given more than once", string.Join(", ", all), "one value (a field that repeats, such as plan, takes a JSON array)"));
            }
        }

        return inputs;
    }

    /// <summary>
    /// Gets a key for <paramref name="calculator"/> with exactly these inputs: every field with its values in the order
    /// given (fields sorted by name, so the order of a query string does not matter) and the names of uploaded files,
    /// hashed with SHA-256. Equal keys mean equal answers (a Monte Carlo run is seeded).
    /// </summary>
    public string CacheKey(string calculator)
    {
        var text = new System.Text.StringBuilder(calculator).Append('\n');
        foreach ((string name, List<string> values) in _fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name.Length).Append(':').Append(name).Append('=').Append(values.Count);
            foreach (string value in values)
            {
                text.Append(':').Append(value.Length).Append(':').Append(value);
            }

            text.Append(_fileNames.TryGetValue(name, out string? file) ? "|file:" + file.Length + ":" + file : string.Empty).Append('\n');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Adds an error found by a caller (a Core validator or a combination rule).</summary>
    public void Add(FieldError error) => _errors.Add(error);

    /// <summary>Adds errors found by Core, after those the reading found, without repeating one.</summary>
    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors.Where(e => !_errors.Contains(e)));

    /// <summary>Marks the fields of a declared calculator as known, read or not, so that <see cref="Complete"/> refuses only the others.</summary>
    public void Known(IEnumerable<string> names) => _read.UnionWith(names);

    /// <summary>Gets the one text value of <paramref name="name"/>, or <see langword="null"/> when absent or empty.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        if (!_fields.TryGetValue(name, out List<string>? values))
        {
            return null;
        }

        List<string> given = values.Where(v => v.Trim().Length > 0).ToList();
        if (given.Count > 1)
        {
            _errors.Add(new FieldError(name, "is given more than once", string.Join(", ", given), "one value"));
            return null;
        }

        return given.Count == 0 ? null : given[0];
    }

    /// <summary>Gets the one text value of <paramref name="name"/> without reading it (a later reader still must).</summary>
    public string? Peek(string name) =>
        _fields.TryGetValue(name, out List<string>? values) && values.Count(v => v.Trim().Length > 0) == 1 ? values.First(v => v.Trim().Length > 0) : null;

    /// <summary>Gets every non-empty value of a field that may repeat (<c>plan</c>).</summary>
    public IReadOnlyList<string> Texts(string name)
    {
        _read.Add(name);
        return _fields.TryGetValue(name, out List<string>? values) ? values.Where(v => v.Trim().Length > 0).ToList() : [];
    }

    /// <summary>Gets a yes/no field: absent or <c>false</c> is false; <c>true</c> (or present with no value) is true.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_fields.TryGetValue(name, out List<string>? values))
        {
            return false;
        }

        string text = values.Count == 0 ? string.Empty : values[^1].Trim();
        switch (text.ToLowerInvariant())
        {
            case "" or "true" or "on" or "1":
                return true;
            case "false" or "off" or "0":
                return false;
            default:
                _errors.Add(new FieldError(name, "is not true or false", text, "true or false"));
                return false;
        }
    }

    /// <summary>Parses the numeric inputs of <paramref name="specs"/> with Core's <see cref="NumberText"/>, by their camelCase names, and checks their ranges.</summary>
    public InputValues Numbers(IEnumerable<InputSpec> specs)
    {
        InputValues values = InputValues.Empty;
        foreach (InputSpec spec in specs)
        {
            string? text = Text(spec.JsonName);
            if (text is null)
            {
                continue;
            }

            if (!NumberText.TryParse(text, out double value, out string? problem))
            {
                _errors.Add(new FieldError(spec.JsonName, problem!, text, spec.Expected));
                continue;
            }

            // The range check Core applies when it evaluates (InputSpec.Check), run now so that one answer lists it
            // together with the other fields' problems.
            if (spec.Check(value) is FieldError outOfRange)
            {
                _errors.Add(outOfRange);
                continue;
            }

            values = values.With(spec, value);
        }

        return values;
    }

    /// <summary>
    /// Parses numeric inputs that may be distributions (<c>1e25..1e27</c>, <c>normal(0.4, 0.05)</c>), as the CLI's
    /// calculators take them, with Core's <see cref="NumberOrDistribution"/>: numbers go to the values (range-checked as
    /// in <see cref="Numbers"/>), distributions to <paramref name="uncertain"/>.
    /// </summary>
    public InputValues NumbersOrDistributions(IEnumerable<InputSpec> specs, List<UncertainInput> uncertain)
    {
        InputValues values = InputValues.Empty;
        foreach (InputSpec spec in specs)
        {
            string? text = Text(spec.JsonName);
            if (text is null)
            {
                continue;
            }

            if (NumberOrDistribution.Read(spec, text, out double? value, out UncertainInput? distribution) is FieldError error)
            {
                _errors.Add(error with { Field = spec.JsonName });
                continue;
            }

            if (distribution is not null)
            {
                uncertain.Add(distribution);
                continue;
            }

            if (spec.Check(value!.Value) is FieldError outOfRange)
            {
                _errors.Add(outOfRange);
                continue;
            }

            values = values.With(spec, value.Value);
        }

        return values;
    }

    /// <summary>Parses a choice field (<c>dtype</c>, <c>recompute</c>) with a Core parser; an unknown name lists the choices.</summary>
    public T? Choice<T>(string name, IReadOnlyList<string> names, TryParser<T> parse)
        where T : struct
    {
        string? text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out T value))
        {
            return value;
        }

        string? closest = Suggestions.Closest(text, names).FirstOrDefault();
        _errors.Add(new FieldError(name, "is unknown", text, "one of " + string.Join(", ", names) + (closest is null ? string.Empty : $"; did you mean {closest}?")));
        return null;
    }

    /// <summary>Refuses a CLI option that names a file: the web API never reads a file on the server.</summary>
    public void RefuseFile(string name, string instead)
    {
        if (Text(name) is string path)
        {
            _errors.Add(new FieldError(name, "names a file, and the web API reads no file on the server", path, instead));
        }
    }

    /// <summary>
    /// Ends the reading: a field the calculator does not know is an error naming the closest known field; throws
    /// <see cref="InputException"/> when any field is wrong.
    /// </summary>
    public void Complete()
    {
        foreach (string name in _fields.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal))
        {
            string? closest = Suggestions.Closest(name, _read.ToList()).FirstOrDefault();
            string expected = closest is null ? "one of " + string.Join(", ", _read.Order(StringComparer.Ordinal)) : "a known field; did you mean " + closest + "?";
            _errors.Add(new FieldError(name, "is not a field of this calculator", name, expected));
        }

        ThrowIfInvalid();
    }

    /// <summary>Throws <see cref="InputException"/> with every error recorded so far.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InputException(_errors);
        }
    }

    public delegate bool TryParser<T>(string? text, out T value);

    private static string JsonArrayText(List<string> values) => values.Count switch
    {
        0 => "null",
        1 => values[0],
        _ => "[" + string.Join(", ", values) + "]",
    };

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => element.GetRawText(),
    };
}
