using System.Collections.Frozen;
using System.Collections.ObjectModel;
using Flopwise.Inputs;

namespace Flopwise.Hardware;

/// <summary>
/// The accelerators Flopwise knows: the built-in catalog (<see cref="Default"/>, embedded <c>gpus.json</c>), optionally
/// merged with a user catalog given with <c>--catalog my.json</c> (same schema), and name resolution over ids and
/// aliases.
/// </summary>
/// <remarks>
/// <para>
/// Each entry carries dense and sparse peaks per data type, memory, bandwidths, power, a vendor source URL and, where
/// one was found, a dated on-demand price (see <see cref="GpuSpec"/>). Ids are lowercase-hyphenated; aliases
/// (<c>h100</c> → <c>h100-sxm5-80gb</c>, <c>a100</c> → <c>a100-sxm4-80gb</c>) never equal an id, and other prefixes
/// resolve only when they match exactly one id (docs/formulas.md, "Accelerators").
/// </para>
/// <para>
/// Immutable and thread-safe. <see cref="Default"/> is parsed once, on first use.
/// </para>
/// </remarks>
public sealed class GpuCatalog
{
    /// <summary>The manifest name of the embedded built-in catalog.</summary>
    internal const string ResourceName = "Flopwise.Hardware.gpus.json";

    private const string What = "a GPU id (see flopwise gpus)";

    private static readonly Lazy<GpuCatalog> DefaultCatalog = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _ids;
    private readonly FrozenDictionary<string, GpuSpec> _byId;
    private readonly FrozenDictionary<string, string> _aliases;

    private GpuCatalog(IReadOnlyList<GpuSpec> specs)
    {
        _ids = specs.Select(s => s.Id).ToArray();
        _byId = specs.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _aliases = specs
            .SelectMany(s => s.Aliases.Select(alias => KeyValuePair.Create(alias, s.Id)))
            .ToFrozenDictionary(StringComparer.Ordinal);
        All = new ReadOnlyCollection<GpuSpec>(specs.ToArray());
    }

    /// <summary>Gets the built-in catalog, parsed from the embedded <c>gpus.json</c> on first use.</summary>
    /// <value>The catalog of at least 17 accelerators, each with a vendor source URL.</value>
    /// <exception cref="InvalidOperationException">The embedded catalog is missing or invalid (a build error, never
    /// the user's input).</exception>
    public static GpuCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets the date the catalog's figures were last checked (its top-level <c>asOf</c>), or <see langword="null"/>.</summary>
    public string? AsOf { get; private init; }

    /// <summary>Gets every entry, in file order (for a merged catalog: the base order, then new entries).</summary>
    /// <value>A read-only list of entries with unique ids.</value>
    public IReadOnlyList<GpuSpec> All { get; }

    /// <summary>
    /// Parses a catalog in the <c>gpus.json</c> schema: <c>{"gpus": [ ... ]}</c> (or a bare array of entries).
    /// </summary>
    /// <remarks>
    /// Every problem is reported, each as a <see cref="FieldError"/> with field <c>catalog</c> that names the file,
    /// the entry and the key, e.g. <c>catalog: my.json: entry 'x1': 'bandwidthTBps' is missing (got nothing; expected
    /// a number &gt; 0 (TB/s))</c>. Malformed JSON, an empty text, unknown keys, wrong types, non-positive values,
    /// repeated ids and aliases that collide with ids are all errors. Comments and trailing commas are allowed.
    /// </remarks>
    /// <param name="json">The text of the catalog.</param>
    /// <param name="fileName">The file's name as the user gave it, for messages, e.g. <c>my.json</c>.</param>
    /// <returns>The catalog, or the errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="fileName"/> is
    /// <see langword="null"/>.</exception>
    public static Outcome<GpuCatalog> Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        IReadOnlyList<GpuSpec> specs = GpuCatalogReader.Read(json, fileName, out IReadOnlyList<FieldError> errors);
        return errors.Count > 0 ? Outcome<GpuCatalog>.Failure(errors) : Outcome<GpuCatalog>.Success(new GpuCatalog(specs) { AsOf = EmbeddedCatalog.AsOf(json) });
    }

    /// <summary>
    /// Returns this catalog with the entries of <paramref name="overrides"/> applied: an entry with an id already
    /// present replaces it in place; a new id is added at the end.
    /// </summary>
    /// <remarks>
    /// A replacing entry keeps the aliases of the entry it replaces as well as its own, so <c>h100</c> still names
    /// <c>h100-sxm5-80gb</c> after a user overrides that entry's price. Aliases of override entries win: an alias
    /// one of them claims is removed from any other entry. An alias equal to an id of the merged catalog is dropped
    /// (the id resolves first anyway).
    /// </remarks>
    /// <param name="overrides">The user's catalog.</param>
    /// <returns>A new catalog; neither input changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overrides"/> is <see langword="null"/>.</exception>
    public GpuCatalog MergedWith(GpuCatalog overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var ids = _ids.Concat(overrides._ids).ToHashSet(StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GpuSpec spec in overrides.All)
        {
            foreach (string alias in spec.Aliases)
            {
                claimed[alias] = spec.Id;
            }
        }

        var merged = new List<GpuSpec>(All.Count + overrides.All.Count);
        foreach (GpuSpec spec in All)
        {
            GpuSpec? replacement = overrides._byId.GetValueOrDefault(spec.Id);
            IEnumerable<string> aliases = replacement is null ? spec.Aliases : replacement.Aliases.Concat(spec.Aliases);
            merged.Add(WithAliases(replacement ?? spec, aliases));
        }

        foreach (GpuSpec spec in overrides.All.Where(s => !_byId.ContainsKey(s.Id)))
        {
            merged.Add(WithAliases(spec, spec.Aliases));
        }

        return new GpuCatalog(merged) { AsOf = AsOf };

        GpuSpec WithAliases(GpuSpec spec, IEnumerable<string> candidates)
        {
            string[] kept = candidates
                .Distinct(StringComparer.Ordinal)
                .Where(a => !ids.Contains(a) && (!claimed.TryGetValue(a, out string? owner) || owner == spec.Id))
                .ToArray();
            return kept.SequenceEqual(spec.Aliases, StringComparer.Ordinal) ? spec : spec with { Aliases = kept };
        }
    }

    /// <summary>
    /// Resolves a name the user typed: an exact id; an alias (with a note, e.g. <c>'h100' is h100-sxm5-80gb</c>); or
    /// a prefix that matches exactly one id (with a note). Otherwise an error: an ambiguous prefix lists the choices,
    /// an unknown name suggests the closest ids and aliases.
    /// </summary>
    /// <remarks>Case-insensitive; surrounding spaces are ignored. Uses <see cref="NameLookup.Resolve"/>.</remarks>
    /// <param name="typed">The name as typed, e.g. <c>h100</c>, <c>mi300</c> or <c>a100-sxm4-80gb</c>.</param>
    /// <param name="field">The input to blame in errors, e.g. <c>gpu</c>.</param>
    /// <returns>The entry and note, or the error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typed"/> is <see langword="null"/>.</exception>
    public GpuMatch Resolve(string typed, string field = "gpu")
    {
        NameMatch match = NameLookup.Resolve(field, typed, _ids, _aliases, What);
        return match.Id is { } id ? new GpuMatch(_byId[id], match.Note, null) : new GpuMatch(null, null, match.Error);
    }

    private static GpuCatalog LoadDefault() => EmbeddedCatalog.Load<GpuCatalog>(ResourceName, "gpus.json", Parse);
}
