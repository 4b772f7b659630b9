using System.Globalization;
using System.Text.Json;
using Flopwise.Inputs;

namespace Flopwise.Hardware;

/// <summary>
/// Reads the GPU catalog JSON schema (<c>{"gpus": [ ... ]}</c>) into <see cref="GpuSpec"/> entries, collecting one
/// <see cref="FieldError"/> per problem, each naming the file, the entry and the key.
/// </summary>
/// <remarks>
/// The schema of one entry: <c>id</c>, <c>name</c>, <c>vendor</c>, <c>aliases</c> (optional), <c>dense</c> and
/// <c>sparse</c> (optional) peaks in TFLOPS (TOPS for int8) keyed by data type, <c>memory</c> {<c>value</c>,
/// <c>unit</c>: GB or GiB}, <c>bandwidthTBps</c>, <c>tdpWatts</c> (optional, may be null), <c>interconnect</c>
/// {<c>name</c>, <c>gbps</c>: bidirectional GB/s, may be null} (optional), <c>source</c> (URL), <c>notes</c>
/// (optional) and <c>price</c> {<c>usdPerHour</c>, <c>source</c>, <c>date</c>: YYYY-MM, <c>volatile</c>} (optional,
/// may be null). Unknown keys are errors, so a misspelt key is reported rather than ignored.
/// </remarks>
internal sealed class GpuCatalogReader
{
    /// <summary>The <c>expected</c> text for peak keys.</summary>
    internal const string PeakKeysExpected = "one of fp32, tf32, fp16, bf16, fp8, int8";

    private const string Field = "catalog";
    private const string CatalogExpected = "a JSON object {\"gpus\": [ ... ]} in the GPU catalog schema";
    private const double MaxMagnitude = 1e290;
    private const int MaxGotLength = 40;

    private static readonly string[] EntryKeys =
    [
        "id", "name", "vendor", "aliases", "dense", "sparse", "memory", "bandwidthTBps", "tdpWatts", "interconnect",
        "source", "notes", "price",
    ];

    private static readonly string[] MemoryKeys = ["value", "unit"];
    private static readonly string[] InterconnectKeys = ["name", "gbps"];
    private static readonly string[] PriceKeys = ["usdPerHour", "source", "date", "volatile"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly string _fileName;
    private readonly List<FieldError> _errors = [];

    private GpuCatalogReader(string fileName) => _fileName = fileName;

    /// <summary>Reads every entry of a catalog.</summary>
    /// <param name="json">The catalog text.</param>
    /// <param name="fileName">The name of the file, for messages.</param>
    /// <param name="errors">The errors found; empty when every entry is valid.</param>
    /// <returns>The entries in file order (complete only when <paramref name="errors"/> is empty).</returns>
    internal static IReadOnlyList<GpuSpec> Read(string json, string fileName, out IReadOnlyList<FieldError> errors)
    {
        var reader = new GpuCatalogReader(fileName);
        List<GpuSpec> specs = reader.ReadCatalog(json);
        errors = reader._errors;
        return specs;
    }

    private static string Got(JsonElement element)
    {
        string raw = element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText();
        return raw.Length <= MaxGotLength ? raw : string.Concat(raw.AsSpan(0, MaxGotLength), "…");
    }

    private static string Expected(IEnumerable<string> keys) => "one of " + string.Join(", ", keys);

    private void Add(string problem, string got, string expected) =>
        _errors.Add(new FieldError(Field, $"{_fileName}: {problem}", got, expected));

    private List<GpuSpec> ReadCatalog(string json)
    {
        var specs = new List<GpuSpec>();
        if (string.IsNullOrWhiteSpace(json))
        {
            Add("is empty", "an empty file", CatalogExpected);
            return specs;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            string where = string.Create(
                CultureInfo.InvariantCulture, $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}");
            Add($"is not valid JSON ({where})", "malformed JSON", CatalogExpected);
            return specs;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            JsonElement entries;
            if (root.ValueKind == JsonValueKind.Array)
            {
                entries = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("gpus", out JsonElement gpus) && gpus.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonProperty property in root.EnumerateObject().Where(p => p.Name is not ("gpus" or "asOf")))
                {
                    Add($"'{property.Name}' is not a catalog key", property.Name, "only 'gpus' at the top level");
                }

                entries = gpus;
            }
            else
            {
                Add("has no 'gpus' array", Got(root), CatalogExpected);
                return specs;
            }

            if (entries.GetArrayLength() == 0)
            {
                Add("'gpus' is empty", "[]", "at least one entry");
                return specs;
            }

            int index = 0;
            foreach (JsonElement entry in entries.EnumerateArray())
            {
                index++;
                if (ReadEntry(entry, index) is { } spec)
                {
                    specs.Add(spec);
                }
            }
        }

        CheckNames(specs);
        return specs;
    }

    private void CheckNames(List<GpuSpec> specs)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (GpuSpec spec in specs.Where(s => !ids.Add(s.Id)))
        {
            Add($"entry '{spec.Id}': 'id' is repeated", spec.Id, "ids that are unique in the catalog");
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GpuSpec spec in specs)
        {
            foreach (string alias in spec.Aliases)
            {
                if (ids.Contains(alias))
                {
                    Add($"entry '{spec.Id}': alias '{alias}' is the id of an entry", alias, "an alias that is not an id");
                }
                else if (!owners.TryAdd(alias, spec.Id) && owners[alias] != spec.Id)
                {
                    Add($"entry '{spec.Id}': alias '{alias}' is also an alias of entry '{owners[alias]}'", alias, "aliases that are unique in the catalog");
                }
            }
        }
    }

    private GpuSpec? ReadEntry(JsonElement entry, int index)
    {
        string label = string.Create(CultureInfo.InvariantCulture, $"entry #{index}");
        if (entry.ValueKind != JsonValueKind.Object)
        {
            Add($"{label}: is not an object", Got(entry), "an object with id, name, vendor, dense, memory, bandwidthTBps and source");
            return null;
        }

        if (entry.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            label = $"entry '{idElement.GetString()}'";
        }

        int before = _errors.Count;
        CheckKeys(entry, label, string.Empty, EntryKeys);
        string? id = RequiredString(entry, label, "id", GpuSpec.IdExpected);
        string? name = RequiredString(entry, label, "name", "the product name");
        string? vendor = RequiredString(entry, label, "vendor", "the vendor, e.g. NVIDIA");
        string[] aliases = ReadAliases(entry, label);
        Dictionary<DataType, FlopRate>? dense = ReadPeaks(entry, label, "dense", required: true);
        Dictionary<DataType, FlopRate>? sparse = ReadPeaks(entry, label, "sparse", required: false);
        (ByteCount Memory, string Unit)? memory = ReadMemory(entry, label);
        double? bandwidth = RequiredNumber(entry, label, "bandwidthTBps", "a number > 0 (TB/s)");
        double? tdp = OptionalNumber(entry, label, "tdpWatts", "a number > 0 (W), or null when not published");
        (string Name, double? GigabytesPerSecond)? interconnect = ReadInterconnect(entry, label);
        string? source = RequiredString(entry, label, "source", "the URL of the vendor document");
        string? notes = OptionalString(entry, label, "notes", "a string");
        GpuPrice? price = ReadPrice(entry, label);

        if (_errors.Count > before || id is null || name is null || vendor is null || dense is null || memory is null
            || bandwidth is null || source is null)
        {
            return null;
        }

        var spec = new GpuSpec
        {
            Id = id,
            Name = name,
            Vendor = vendor,
            Aliases = aliases,
            DensePeaks = dense.AsReadOnly(),
            SparsePeaks = (sparse ?? []).AsReadOnly(),
            Memory = memory.Value.Memory,
            MemoryUnit = memory.Value.Unit,
            MemoryBandwidth = Bandwidth.FromTerabytesPerSecond(bandwidth.Value),
            Tdp = tdp is { } watts ? Power.FromWatts(watts) : null,
            InterconnectName = interconnect?.Name ?? "unknown",
            InterconnectBandwidth = interconnect?.GigabytesPerSecond is { } gbps ? Bandwidth.FromGigabytesPerSecond(gbps) : null,
            Source = source,
            Notes = notes ?? string.Empty,
            Price = price,
        };

        foreach (FieldError error in spec.Validate())
        {
            _errors.Add(error with { Problem = $"{_fileName}: {error.Problem}" });
        }

        return spec;
    }

    private void CheckKeys(JsonElement element, string label, string prefix, string[] allowed)
    {
        foreach (JsonProperty property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
        {
            Add($"{label}: '{prefix}{property.Name}' is not a catalog key", property.Name, Expected(allowed.Select(k => prefix + k)));
        }
    }

    private string? RequiredString(JsonElement element, string label, string key, string expected, string prefix = "")
    {
        if (!element.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Add($"{label}: '{prefix}{key}' is missing", Messages.Nothing, expected);
            return null;
        }

        return StringValue(value, label, prefix + key, expected);
    }

    private string? OptionalString(JsonElement element, string label, string key, string expected, string prefix = "")
    {
        if (!element.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return StringValue(value, label, prefix + key, expected);
    }

    private string? StringValue(JsonElement value, string label, string key, string expected)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Add($"{label}: '{key}' is not a string", Got(value), expected);
            return null;
        }

        return value.GetString();
    }

    private double? RequiredNumber(JsonElement element, string label, string key, string expected, string prefix = "")
    {
        if (!element.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Add($"{label}: '{prefix}{key}' is missing", Messages.Nothing, expected);
            return null;
        }

        return NumberValue(value, label, prefix + key, expected);
    }

    private double? OptionalNumber(JsonElement element, string label, string key, string expected, string prefix = "")
    {
        if (!element.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return NumberValue(value, label, prefix + key, expected);
    }

    private double? NumberValue(JsonElement value, string label, string key, string expected)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Add($"{label}: '{key}' {Messages.NotANumber}", Got(value), expected);
            return null;
        }

        if (!value.TryGetDouble(out double number) || !double.IsFinite(number) || Math.Abs(number) > MaxMagnitude)
        {
            Add($"{label}: '{key}' {Messages.OutOfDoubleRange}", Got(value), expected);
            return null;
        }

        return number;
    }

    private string[] ReadAliases(JsonElement entry, string label)
    {
        if (!entry.TryGetProperty("aliases", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add($"{label}: 'aliases' is not an array", Got(value), "an array of strings");
            return [];
        }

        var aliases = new List<string>();
        foreach (JsonElement alias in value.EnumerateArray())
        {
            if (alias.ValueKind != JsonValueKind.String)
            {
                Add($"{label}: 'aliases' has a value that is not a string", Got(alias), "an array of strings");
                continue;
            }

            aliases.Add(alias.GetString() ?? string.Empty);
        }

        return [.. aliases];
    }

    private Dictionary<DataType, FlopRate>? ReadPeaks(JsonElement entry, string label, string key, bool required)
    {
        const string PeaksExpected = "an object of peaks in TFLOPS (TOPS for int8) keyed by data type, e.g. {\"bf16\": 989.4}";
        if (!entry.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add($"{label}: '{key}' is missing", Messages.Nothing, PeaksExpected);
                return null;
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{label}: '{key}' is not an object", Got(value), PeaksExpected);
            return null;
        }

        var peaks = new Dictionary<DataType, FlopRate>();
        foreach (JsonProperty property in value.EnumerateObject())
        {
            string peakKey = $"{key}.{property.Name}";
            if (!DataTypes.TryParse(property.Name, out DataType type) || type == DataType.Int4)
            {
                Add($"{label}: '{peakKey}' is not a data type with a peak", property.Name, PeakKeysExpected);
                continue;
            }

            if (peaks.ContainsKey(type))
            {
                Add($"{label}: '{peakKey}' is repeated", property.Name, "each data type once");
                continue;
            }

            if (NumberValue(property.Value, label, peakKey, "a number > 0 (TFLOPS; TOPS for int8)") is { } teraflops)
            {
                peaks[type] = FlopRate.FromTeraflopPerSecond(teraflops);
            }
        }

        return peaks;
    }

    private (ByteCount Memory, string Unit)? ReadMemory(JsonElement entry, string label)
    {
        const string MemoryExpected = "an object {\"value\": 80, \"unit\": \"GB\"} with unit GB or GiB, as the vendor prints it";
        if (!entry.TryGetProperty("memory", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Add($"{label}: 'memory' is missing", Messages.Nothing, MemoryExpected);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{label}: 'memory' is not an object", Got(value), MemoryExpected);
            return null;
        }

        CheckKeys(value, label, "memory.", MemoryKeys);
        double? amount = RequiredNumber(value, label, "value", "a number > 0", "memory.");
        string? unit = RequiredString(value, label, "unit", "GB or GiB", "memory.");
        if (amount is null || unit is null)
        {
            return null;
        }

        return unit switch
        {
            GpuSpec.Gigabytes => (ByteCount.FromGigabytes(amount.Value), unit),
            GpuSpec.Gibibytes => (ByteCount.FromGibibytes(amount.Value), unit),
            _ => Unknown(),
        };

        (ByteCount, string)? Unknown()
        {
            Add($"{label}: 'memory.unit' is unknown", unit, "GB (1e9 bytes) or GiB (2^30 bytes), as the vendor prints it");
            return null;
        }
    }

    private (string Name, double? GigabytesPerSecond)? ReadInterconnect(JsonElement entry, string label)
    {
        const string InterconnectExpected = "an object {\"name\": \"NVLink 4\", \"gbps\": 900} (bidirectional GB/s per accelerator)";
        if (!entry.TryGetProperty("interconnect", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{label}: 'interconnect' is not an object", Got(value), InterconnectExpected);
            return null;
        }

        CheckKeys(value, label, "interconnect.", InterconnectKeys);
        string? name = RequiredString(value, label, "name", "the link's name, e.g. NVLink 4 or PCIe Gen4 x16", "interconnect.");
        double? gbps = OptionalNumber(value, label, "gbps", "a number > 0 (bidirectional GB/s), or null when unknown", "interconnect.");
        return name is null ? null : (name, gbps);
    }

    private GpuPrice? ReadPrice(JsonElement entry, string label)
    {
        const string PriceExpected = "an object {\"usdPerHour\", \"source\", \"date\": \"YYYY-MM\", \"volatile\"}, or null";
        if (!entry.TryGetProperty("price", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{label}: 'price' is not an object", Got(value), PriceExpected);
            return null;
        }

        CheckKeys(value, label, "price.", PriceKeys);
        double? usd = RequiredNumber(value, label, "usdPerHour", "a number > 0 (USD per accelerator-hour)", "price.");
        string? source = RequiredString(value, label, "source", "where the price was read (URL and date)", "price.");
        string? date = RequiredString(value, label, "date", "YYYY-MM, e.g. 2026-09", "price.");
        bool isVolatile = true;
        if (value.TryGetProperty("volatile", out JsonElement volatileElement) && volatileElement.ValueKind != JsonValueKind.Null)
        {
            if (volatileElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isVolatile = volatileElement.GetBoolean();
            }
            else
            {
                Add($"{label}: 'price.volatile' is not true or false", Got(volatileElement), "true or false");
            }
        }

        if (usd is null || source is null || date is null)
        {
            return null;
        }

        return new GpuPrice { PerHour = Money.FromUsd(usd.Value), Source = source, Date = date, IsVolatile = isVolatile };
    }
}
