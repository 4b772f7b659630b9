using System.Text.Json;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// The model presets: GPT-3, Chinchilla, Gopher, PaLM, LLaMA, Llama 2, Llama 3 and 3.1, Mistral and Mixtral, read
/// from the embedded <c>models.json</c>, each with its source.
/// </summary>
/// <remarks>
/// <para>
/// Schema: a JSON object with a <c>models</c> array (or the bare array); each entry has <c>id</c>, <c>name</c>,
/// optional <c>aliases</c>, the shape (<c>layers</c>, <c>dModel</c>, <c>heads</c>, <c>kvHeads</c>, <c>dHead</c>,
/// <c>dFf</c>, <c>mlp</c>, <c>norm</c>, <c>position</c>, <c>biases</c>, <c>qkvBiases</c>, <c>parallelBlock</c>,
/// <c>tiedEmbeddings</c>, <c>vocab</c>, <c>contextLength</c>, <c>pretrainingContext</c>, <c>maxPositions</c>,
/// <c>experts</c>, <c>activeExperts</c>; optional ones take <see cref="ModelShape"/>'s defaults),
/// <c>publishedParameters</c> and <c>publishedActiveParameters</c> as <c>{"value", "text"}</c>,
/// <c>trainingTokens</c>, <c>reportedTrainingFlop</c> (numbers or <c>null</c>), <c>source</c> and <c>notes</c>.
/// A user catalog in the same schema adds or replaces entries (<see cref="WithOverrides"/>).
/// </para>
/// <para>Immutable and thread-safe; <see cref="Default"/> is loaded once, on first use.</para>
/// </remarks>
public sealed class ModelCatalog
{
    /// <summary>The manifest name of the embedded preset file.</summary>
    internal const string ResourceName = "Flopwise.Architectures.models.json";

    private const string CatalogField = "catalog";

    private static readonly Lazy<ModelCatalog> DefaultCatalog = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ModelPreset> _byId;

    private ModelCatalog(IReadOnlyList<ModelPreset> presets, IReadOnlyDictionary<string, string> aliases)
    {
        All = presets;
        Ids = presets.Select(p => p.Id).ToArray();
        Aliases = aliases;
        _byId = presets.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the built-in catalog, read from the embedded <c>models.json</c> on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded file is missing or invalid (a build error, not user input).</exception>
    public static ModelCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets the date the presets were last checked (the file's top-level <c>asOf</c>), or <see langword="null"/>.</summary>
    public string? AsOf { get; private init; }

    /// <summary>Gets every preset, in file order.</summary>
    public IReadOnlyList<ModelPreset> All { get; }

    /// <summary>Gets every preset id, in file order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Gets alias → id, lowercase (e.g. <c>gpt3</c> → <c>gpt-3-175b</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>Creates a catalog from presets, taking each preset's aliases.</summary>
    /// <param name="presets">The presets; ids unique, ignoring case.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">Two presets share an id, or an alias is an id or belongs to two presets.</exception>
    public static ModelCatalog Create(IEnumerable<ModelPreset> presets)
    {
        ArgumentNullException.ThrowIfNull(presets);
        ModelPreset[] list = presets.ToArray();
        var errors = new List<FieldError>();
        Dictionary<string, string> aliases = CheckIdsAndAliases(list, "presets", errors);
        return errors.Count == 0
            ? new ModelCatalog(list, aliases)
            : throw new ArgumentException(string.Join("; ", errors.Select(e => e.Problem)), nameof(presets));
    }

    /// <summary>Reads a catalog in the <c>models.json</c> schema.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name, for messages.</param>
    /// <returns>
    /// The catalog, or errors with field <c>catalog</c> naming the file, the entry and the key (e.g.
    /// <c>my.json: model 'tiny': key 'layers' is missing</c>); every entry's shape is validated.
    /// </returns>
    public static Outcome<ModelCatalog> Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return Outcome<ModelCatalog>.Failure([new FieldError(CatalogField, ArchitectureMessages.MalformedJson(fileName, ex.LineNumber, ex.BytePositionInLine), fileName, "a JSON model catalog")]);
        }

        using (document)
        {
            var errors = new List<FieldError>();
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("models", out JsonElement models))
            {
                root = models;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return Outcome<ModelCatalog>.Failure([new FieldError(CatalogField, $"{fileName}: has no 'models' array", root.ValueKind.ToString().ToLowerInvariant(), "a JSON object with a 'models' array")]);
            }

            var presets = new List<ModelPreset>();
            int index = 0;
            foreach (JsonElement entry in root.EnumerateArray())
            {
                ModelPreset? preset = ReadPreset(entry, fileName, index++, errors);
                if (preset is not null)
                {
                    presets.Add(preset);
                }
            }

            Dictionary<string, string> aliases = CheckIdsAndAliases(presets, fileName, errors);
            return errors.Count == 0
                ? Outcome<ModelCatalog>.Success(new ModelCatalog(presets, aliases) { AsOf = EmbeddedCatalog.AsOf(json) })
                : Outcome<ModelCatalog>.Failure(errors);
        }
    }

    /// <summary>Resolves a typed name: an exact id, an alias, or a prefix of exactly one id (case-insensitive).</summary>
    /// <param name="typed">The name as typed, e.g. <c>llama-3.1-405</c> or <c>gpt3</c>.</param>
    /// <param name="field">The input to blame in errors; default <c>model</c>.</param>
    /// <returns>The preset and a note when the name was not an exact id; or an error suggesting the closest names.</returns>
    /// <remarks>Uses <see cref="NameLookup.Resolve"/>, like the GPU and law catalogs.</remarks>
    public ModelMatch Resolve(string typed, string field = "model")
    {
        ArgumentNullException.ThrowIfNull(typed);
        NameMatch match = NameLookup.Resolve(field, typed, Ids, Aliases, "a model preset (see flopwise models)");
        return match.Id is null
            ? new ModelMatch(null, null, match.Error)
            : new ModelMatch(_byId[match.Id], match.Note, null);
    }

    /// <summary>Finds a preset by its exact id, ignoring case.</summary>
    /// <param name="id">The id, e.g. <c>palm-540b</c>.</param>
    /// <returns>The preset, or <see langword="null"/>.</returns>
    public ModelPreset? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id.Trim());
    }

    /// <summary>Returns a catalog in which the presets of <paramref name="overrides"/> replace those with the same id and add the others.</summary>
    /// <param name="overrides">A user catalog, e.g. from <c>--catalog my.json</c>.</param>
    /// <returns>
    /// The merged catalog: this catalog's order, replaced entries in place, new entries at the end. Aliases of both
    /// catalogs are kept, an alias of <paramref name="overrides"/> winning over the same alias of this catalog; an
    /// alias equal to an id is dropped.
    /// </returns>
    public ModelCatalog WithOverrides(ModelCatalog overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var presets = All.Select(p => overrides.Find(p.Id) ?? p).ToList();
        presets.AddRange(overrides.All.Where(p => !_byId.ContainsKey(p.Id)));
        var ids = new HashSet<string>(presets.Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string alias, string id) in Aliases.Concat(overrides.Aliases))
        {
            if (!ids.Contains(alias))
            {
                aliases[alias] = presets.First(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).Id;
            }
        }

        return new ModelCatalog(presets, aliases) { AsOf = AsOf };
    }

    private static ModelCatalog LoadDefault() => EmbeddedCatalog.Load<ModelCatalog>(ResourceName, "models.json", Parse);

    private static ModelPreset? ReadPreset(JsonElement entry, string fileName, int index, List<FieldError> errors)
    {
        string at = $"{fileName}: models[{index}]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(CatalogField, $"{at} is not an object", entry.ValueKind.ToString().ToLowerInvariant(), "a JSON object describing one model"));
            return null;
        }

        int before = errors.Count;
        string id = new JsonObjectReader(entry, CatalogField, at, errors).RequiredString("id").Trim().ToLowerInvariant();
        var read = new JsonObjectReader(entry, CatalogField, id.Length == 0 ? at : $"{fileName}: model '{id}'", errors);

        var shape = new ModelShape
        {
            Name = id,
            Layers = read.RequiredInt("layers"),
            DModel = read.RequiredInt("dModel"),
            Heads = read.RequiredInt("heads"),
            DFf = read.RequiredInt("dFf"),
            Vocab = read.RequiredInt("vocab"),
            ContextLength = read.RequiredInt("contextLength"),
            PretrainingContext = read.Int("pretrainingContext"),
            Mlp = read.Enum<MlpKind>("mlp", MlpKind.SwiGlu, ArchitectureKinds.TryParse),
            Norm = read.Enum<NormKind>("norm", NormKind.RmsNorm, ArchitectureKinds.TryParse),
            Position = read.Enum<PositionKind>("position", PositionKind.Rotary, ArchitectureKinds.TryParse),
            Biases = read.Bool("biases", false),
            QkvBiases = read.Bool("qkvBiases", false),
            ParallelBlock = read.Bool("parallelBlock", false),
            TiedEmbeddings = read.Bool("tiedEmbeddings", false),
            Experts = read.Int("experts") ?? 1,
            ActiveExperts = read.Int("activeExperts") ?? 1,
        };
        shape = read.Int("kvHeads") is int kvHeads ? shape with { KvHeads = kvHeads } : shape;
        shape = read.Int("dHead") is int dHead ? shape with { DHead = dHead } : shape;
        shape = read.Int("maxPositions") is int maxPositions ? shape with { MaxPositions = maxPositions } : shape;

        (double published, string publishedText) = ReadPublished(read.RequiredObject("publishedParameters", "an object {\"value\", \"text\"}"));
        JsonObjectReader? activeReader = read.Object("publishedActiveParameters", "an object {\"value\", \"text\"}");
        (double active, string activeText) = activeReader is null ? (0, string.Empty) : ReadPublished(activeReader);

        var preset = new ModelPreset
        {
            Id = id,
            DisplayName = read.RequiredString("name"),
            Aliases = read.Strings("aliases").Select(a => a.Trim().ToLowerInvariant()).ToArray(),
            Shape = shape,
            PublishedParameters = published,
            PublishedParametersText = publishedText,
            PublishedActiveParameters = activeReader is null ? null : active,
            PublishedActiveParametersText = activeReader is null ? null : activeText,
            TrainingTokens = read.Double("trainingTokens"),
            ReportedTrainingFlop = read.Double("reportedTrainingFlop"),
            Source = read.RequiredString("source"),
            Notes = read.String("notes") ?? string.Empty,
        };

        if (errors.Count > before)
        {
            return null;
        }

        foreach (FieldError error in shape.Validate())
        {
            read.Reject(JsonKey(error.Field), error.Problem, error.Got, error.Expected);
        }

        return errors.Count > before ? null : preset;
    }

    private static (double Value, string Text) ReadPublished(JsonObjectReader? reader) =>
        reader is null ? (0, string.Empty) : (reader.RequiredDouble("value"), reader.RequiredString("text"));

    private static Dictionary<string, string> CheckIdsAndAliases(IReadOnlyList<ModelPreset> presets, string where, List<FieldError> errors)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ModelPreset preset in presets)
        {
            if (!ids.Add(preset.Id))
            {
                errors.Add(new FieldError(CatalogField, $"{where}: model id '{preset.Id}' appears more than once", preset.Id, "unique ids"));
            }
        }

        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (ModelPreset preset in presets)
        {
            foreach (string alias in preset.Aliases)
            {
                if (ids.Contains(alias))
                {
                    errors.Add(new FieldError(CatalogField, $"{where}: alias '{alias}' of '{preset.Id}' is also a model id", alias, "aliases that are not ids"));
                }
                else if (aliases.TryGetValue(alias, out string? other) && !string.Equals(other, preset.Id, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new FieldError(CatalogField, $"{where}: alias '{alias}' names both '{other}' and '{preset.Id}'", alias, "aliases that name one model"));
                }
                else
                {
                    aliases[alias] = preset.Id;
                }
            }
        }

        return aliases;
    }

    private static string JsonKey(string field) => field switch
    {
        "context" => "contextLength",
        _ => CamelCase(field),
    };

    private static string CamelCase(string kebab)
    {
        string[] parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
