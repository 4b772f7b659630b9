using System.Text.Json;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// Reads typed values from one JSON object and collects an error, naming the file and the key, for each one
/// missing or of the wrong kind; shared by the model catalog and the Hugging Face config import.
/// </summary>
/// <remarks>A JSON <c>null</c> counts as absent. Not thread-safe (it appends to a shared error list).</remarks>
internal sealed class JsonObjectReader
{
    private const string WholeNumberText = "a whole number";

    private readonly JsonElement _element;
    private readonly string _field;
    private readonly string _where;
    private readonly List<FieldError> _errors;

    /// <summary>Initializes a new instance of the <see cref="JsonObjectReader"/> class.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="field">The input to blame in errors, e.g. <c>hf-config</c>.</param>
    /// <param name="where">The file (and entry) to name in errors, e.g. <c>config.json</c>.</param>
    /// <param name="errors">The list that collects errors.</param>
    public JsonObjectReader(JsonElement element, string field, string where, List<FieldError> errors)
    {
        _element = element;
        _field = field;
        _where = where;
        _errors = errors;
    }

    /// <summary>Gets a value indicating whether the object has <paramref name="key"/> with a non-null value.</summary>
    public bool Has(string key) => TryGet(key, out _);

    /// <summary>Reads a required whole number; records an error and returns 0 when it is missing or invalid.</summary>
    public int RequiredInt(string key) => Int(key) ?? Missing(key, WholeNumberText, 0);

    /// <summary>Reads an optional whole number (within <see cref="int"/> range); <see langword="null"/> when absent or invalid.</summary>
    public int? Int(string key)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)
            && number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
        {
            return (int)number;
        }

        Invalid(key, value, WholeNumberText);
        return null;
    }

    /// <summary>Reads an optional finite number; <see langword="null"/> when absent or invalid.</summary>
    public double? Double(string key)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number))
        {
            return number;
        }

        Invalid(key, value, "a finite number");
        return null;
    }

    /// <summary>Reads a required finite number; records an error and returns 0 when it is missing or invalid.</summary>
    public double RequiredDouble(string key) => Double(key) ?? Missing(key, "a finite number", 0.0);

    /// <summary>Reads an optional boolean; <paramref name="fallback"/> when absent or invalid.</summary>
    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return fallback;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Invalid(key, value, "true or false");
        return fallback;
    }

    /// <summary>Reads an optional string; <see langword="null"/> when absent or invalid.</summary>
    public string? String(string key)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Invalid(key, value, "a string");
        return null;
    }

    /// <summary>Reads a required non-empty string; records an error and returns an empty string when missing or invalid.</summary>
    public string RequiredString(string key)
    {
        string? text = String(key);
        if (text is not null && text.Trim().Length == 0)
        {
            _errors.Add(new FieldError(_field, ArchitectureMessages.KeyInvalid(_where, key), "an empty string", "a non-empty string"));
            return string.Empty;
        }

        return text ?? Missing(key, "a string", string.Empty);
    }

    /// <summary>Reads an optional array of strings; empty when absent or invalid.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray();
        }

        Invalid(key, value, "an array of strings");
        return [];
    }

    /// <summary>Reads an optional enum by its lowercase name; <paramref name="fallback"/> when absent or invalid.</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback, TryParser<TEnum> parse)
        where TEnum : struct, Enum
    {
        string? text = String(key);
        if (text is null)
        {
            return fallback;
        }

        if (parse(text, out TEnum value))
        {
            return value;
        }

        _errors.Add(new FieldError(_field, ArchitectureMessages.KeyInvalid(_where, key), text, "one of " + string.Join(", ", ArchitectureKinds.NamesOf<TEnum>())));
        return fallback;
    }

    /// <summary>Reads a required nested object; <see langword="null"/> (with an error) when missing or not an object.</summary>
    public JsonObjectReader? RequiredObject(string key, string expected)
    {
        JsonObjectReader? nested = Object(key, expected);
        return nested ?? (Has(key) ? null : Missing<JsonObjectReader?>(key, expected, null));
    }

    /// <summary>Reads an optional nested object; <see langword="null"/> when absent or not an object.</summary>
    public JsonObjectReader? Object(string key, string expected)
    {
        if (!TryGet(key, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(value, _field, $"{_where}: {key}", _errors);
        }

        Invalid(key, value, expected);
        return null;
    }

    /// <summary>Records an error about a key whose value is present but not acceptable.</summary>
    public void Reject(string key, string problem, string got, string expected) =>
        _errors.Add(new FieldError(_field, $"{_where}: key '{key}' {problem}", got, expected));

    private bool TryGet(string key, out JsonElement value)
    {
        if (_element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private T Missing<T>(string key, string expected, T fallback)
    {
        if (!Has(key))
        {
            _errors.Add(new FieldError(_field, ArchitectureMessages.KeyMissing(_where, key), Messages.Nothing, expected));
        }

        return fallback;
    }

    private void Invalid(string key, JsonElement value, string expected)
    {
        string got = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        if (got.Length > 40)
        {
            got = string.Concat(got.AsSpan(0, 37), "...");
        }

        _errors.Add(new FieldError(_field, ArchitectureMessages.KeyInvalid(_where, key), got, expected));
    }
}

/// <summary>A <c>TryParse</c>-shaped function, as used by <see cref="JsonObjectReader.Enum{TEnum}"/>.</summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <param name="text">The text.</param>
/// <param name="value">The value, when the text parses.</param>
/// <returns><see langword="true"/> when the text parses.</returns>
internal delegate bool TryParser<T>(string? text, out T value);
