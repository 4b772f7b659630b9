namespace Flopwise.Inputs;

/// <summary>
/// Resolves a user-typed name against a catalog's ids and aliases: an exact id, an alias (with a note saying what
/// it resolved to), or a prefix that matches exactly one id; otherwise an error that suggests the closest names
/// or lists the ambiguous choices.
/// </summary>
/// <remarks>Case-insensitive. Used by the GPU, model and law catalogs alike. Immutable and thread-safe.</remarks>
public static class NameLookup
{
    /// <summary>The longest name looked up, 200 characters; a longer one is refused before any matching or suggestion.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Resolves <paramref name="typed"/>.</summary>
    /// <param name="field">The input name to blame in errors, e.g. <c>gpu</c>.</param>
    /// <param name="typed">The name as typed.</param>
    /// <param name="ids">Every id of the catalog.</param>
    /// <param name="aliases">Alias → id.</param>
    /// <param name="what">What the catalog holds, for messages, with where to list it, e.g. <c>a GPU id (see flopwise gpus)</c>.</param>
    /// <returns>
    /// The id and, when it was not typed exactly, a note such as <c>'h100' is h100-sxm5-80gb</c>; or the error (a name
    /// over <see cref="MaxNameLength"/> characters is one at once).
    /// </returns>
    public static NameMatch Resolve(
        string field, string typed, IReadOnlyCollection<string> ids, IReadOnlyDictionary<string, string> aliases, string what)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(aliases);
        if (typed.Length > MaxNameLength)
        {
            return new NameMatch(null, null, new FieldError(field, $"is longer than {MaxNameLength} characters", typed, what));
        }

        string key = typed.Trim().ToLowerInvariant();
        string? exact = ids.FirstOrDefault(id => string.Equals(id, key, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return new NameMatch(exact, null, null);
        }

        foreach ((string alias, string id) in aliases)
        {
            if (string.Equals(alias, key, StringComparison.OrdinalIgnoreCase))
            {
                return new NameMatch(id, $"'{typed}' is {id}", null);
            }
        }

        string[] prefixed = ids.Where(id => id.StartsWith(key, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        if (key.Length > 0 && prefixed.Length == 1)
        {
            return new NameMatch(prefixed[0], $"'{typed}' is {prefixed[0]}", null);
        }

        if (key.Length > 0 && prefixed.Length > 1)
        {
            return new NameMatch(null, null, new FieldError(field, "is ambiguous", typed, "one of " + string.Join(", ", prefixed)));
        }

        string[] closest = Suggestions.Closest(key, ids.Concat(aliases.Keys), 3);
        string expected = closest.Length == 0
            ? what
            : $"{what}; did you mean {string.Join(" or ", closest)}?";
        return new NameMatch(null, null, new FieldError(field, "is unknown", typed, expected));
    }
}

/// <summary>The outcome of <see cref="NameLookup.Resolve"/>: an id (and an optional note) or an error.</summary>
/// <param name="Id">The resolved id, or <see langword="null"/> on error.</param>
/// <param name="Note">How the name was resolved when it was not an exact id, for the assumptions.</param>
/// <param name="Error">The error, or <see langword="null"/>.</param>
public sealed record NameMatch(string? Id, string? Note, FieldError? Error);
