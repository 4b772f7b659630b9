using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Flopwise.Inputs;

/// <summary>Loads a built-in catalog (GPUs, model presets, laws) from a JSON file embedded in Core.</summary>
internal static class EmbeddedCatalog
{
    /// <summary>Reads the embedded resource and parses it with the catalog's own user-file parser.</summary>
    /// <typeparam name="T">The catalog type.</typeparam>
    /// <param name="resourceName">The manifest resource name, e.g. <c>Flopwise.Hardware.gpus.json</c>.</param>
    /// <param name="fileName">The file name for messages, e.g. <c>gpus.json</c>.</param>
    /// <param name="parse">The catalog's parser.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing or invalid (a build error, not user input).</exception>
    public static T Load<T>(string resourceName, string fileName, Func<string, string, Outcome<T>> parse)
        where T : class
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        Outcome<T> outcome = parse(reader.ReadToEnd(), fileName);
        return outcome.Value
            ?? throw new InvalidOperationException($"The embedded {fileName} is invalid: " + string.Join("; ", outcome.Errors));
    }

    /// <summary>
    /// Reads the <c>asOf</c> date from the head of an embedded catalog without parsing the catalog (for provenance on
    /// every JSON output, where loading the catalogs would cost start-up time).
    /// </summary>
    /// <param name="resourceName">The manifest resource name.</param>
    /// <returns>The date, or <see langword="null"/> when the head has none.</returns>
    public static string? AsOfOfResource(string resourceName)
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        // Plain byte scanning: this runs on every JSON output, where a reader and a date parser cost start-up time.
        Span<byte> head = stackalloc byte[256];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        int key = head.IndexOf("\"asOf\""u8);
        if (key < 0)
        {
            return null;
        }

        int open = head[(key + 6)..].IndexOf((byte)'"');
        if (open < 0)
        {
            return null;
        }

        int start = key + 6 + open + 1;
        if (start + 11 > head.Length || head[start + 10] != (byte)'"')
        {
            return null;
        }

        ReadOnlySpan<byte> date = head.Slice(start, 10);
        for (int i = 0; i < date.Length; i++)
        {
            bool ok = i is 4 or 7 ? date[i] == (byte)'-' : date[i] is >= (byte)'0' and <= (byte)'9';
            if (!ok)
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(date);
    }

    /// <summary>
    /// Reads a catalog's top-level <c>"asOf": "YYYY-MM-DD"</c>, the date its figures were last checked; <see langword="null"/>
    /// when absent, not a date, or the text is not a JSON object.
    /// </summary>
    /// <param name="json">The catalog text.</param>
    /// <returns>The date text.</returns>
    public static string? AsOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("asOf", out JsonElement asOf)
                && asOf.ValueKind == JsonValueKind.String
                && DateTime.TryParseExact(asOf.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? asOf.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
