using System.Globalization;
using System.Text.Json;
using Flopwise.Architectures;
using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>
/// The scaling-law presets (Hoffmann printed and unrounded, the Epoch refit, Kaplan, DeepSeek, the Table-3 and
/// Table-A3 frontier fits, the 20-tokens-per-parameter rule, Muennighoff's data-constrained law), read from the
/// embedded <c>laws.json</c>, each with its source; and the readers of user laws (<c>--law-file</c>, inline <c>--law</c>).
/// </summary>
/// <remarks>
/// <para>
/// Schema of <c>laws.json</c>: an object with a <c>laws</c> array; each entry has <c>id</c>, <c>name</c>, optional
/// <c>aliases</c>, <c>form</c> (<c>chinchilla</c>, <c>power</c>, <c>kaplan</c>, <c>deepseek</c>, <c>muennighoff</c>),
/// the constants of its form (<c>E</c>, <c>A</c>, <c>B</c> (or their natural logarithms <c>logE</c>, <c>logA</c>,
/// <c>logB</c>, as some sources print them), <c>alpha</c>, <c>beta</c>; <c>parametersCoefficient</c>,
/// <c>parametersExponent</c>, <c>tokensCoefficient</c>, <c>tokensExponent</c>, <c>computeUnit</c> (<c>flop</c> or
/// <c>pf-day</c>); or <c>tokensPerParameter</c> for a rule of thumb; Kaplan's <c>alphaN</c>, <c>alphaD</c>,
/// <c>criticalParameters</c>, <c>criticalTokens</c>, <c>lossComputeScale</c>, <c>lossComputeExponent</c>; DeepSeek's
/// <c>modelFlopPerTokenCoefficient</c>, <c>modelFlopPerTokenExponent</c>, <c>learningRateCoefficient</c>,
/// <c>learningRateExponent</c>, <c>batchSizeCoefficient</c>, <c>batchSizeExponent</c>; Muennighoff's
/// <c>repeatedTokensDecay</c>, <c>repeatedParametersDecay</c>), <c>derived</c>, <c>source</c> and <c>notes</c>.
/// </para>
/// <para>Immutable and thread-safe; <see cref="Default"/> is loaded once, on first use.</para>
/// </remarks>
public sealed class LawCatalog
{
    /// <summary>The id of the law used when none is given: the Epoch refit (Besiroglu et al. 2024).</summary>
    public const string DefaultLawId = "epoch";

    /// <summary>The id of the data-constrained law used with unique tokens when no law is given.</summary>
    public const string DataConstrainedLawId = "muennighoff";

    /// <summary>The manifest name of the embedded preset file.</summary>
    internal const string ResourceName = "Flopwise.Scaling.laws.json";

    /// <summary>One PF-day in FLOP: 1e15 FLOP/s × 86,400 s.</summary>
    internal const double PetaflopDay = 8.64e19;

    private const string CatalogField = "catalog";
    private const string LawFileField = "law-file";
    private const string LawField = "law";

    private static readonly Lazy<LawCatalog> DefaultCatalog = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ScalingLaw> _byId;

    private LawCatalog(IReadOnlyList<ScalingLaw> laws, IReadOnlyDictionary<string, string> aliases)
    {
        All = laws;
        Ids = laws.Select(l => l.Id).ToArray();
        Aliases = aliases;
        _byId = laws.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the built-in catalog, read from the embedded <c>laws.json</c> on first use.</summary>
    /// <exception cref="InvalidOperationException">The embedded file is missing or invalid (a build error, not user input).</exception>
    public static LawCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets the date the laws were last checked (the file's top-level <c>asOf</c>), or <see langword="null"/>.</summary>
    public string? AsOf { get; private init; }

    /// <summary>Gets every preset, in file order.</summary>
    public IReadOnlyList<ScalingLaw> All { get; }

    /// <summary>Gets every preset id, in file order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Gets alias → id, lowercase (e.g. <c>chinchilla</c> → <c>hoffmann</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>Gets the law used when none is given (<see cref="DefaultLawId"/>, the Epoch refit).</summary>
    public ScalingLaw DefaultLaw => _byId[DefaultLawId];

    /// <summary>Reads a catalog in the <c>laws.json</c> schema.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name, for messages.</param>
    /// <returns>The catalog, or errors (field <c>catalog</c>) naming the file, the entry and the key.</returns>
    public static Outcome<LawCatalog> Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!TryParseDocument(json, fileName, CatalogField, "a JSON law catalog", out JsonDocument? document, out FieldError? error))
        {
            return Outcome<LawCatalog>.Failure([error!]);
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("laws", out JsonElement laws) || laws.ValueKind != JsonValueKind.Array)
            {
                return Outcome<LawCatalog>.Failure([new FieldError(CatalogField, $"{fileName}: has no 'laws' array", root.ValueKind.ToString().ToLowerInvariant(), "a JSON object with a 'laws' array")]);
            }

            var errors = new List<FieldError>();
            var list = new List<ScalingLaw>();
            int index = 0;
            foreach (JsonElement entry in laws.EnumerateArray())
            {
                string at = string.Create(CultureInfo.InvariantCulture, $"{fileName}: laws[{index++}]");
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new FieldError(CatalogField, $"{at} is not an object", entry.ValueKind.ToString().ToLowerInvariant(), "a JSON object describing one law"));
                    continue;
                }

                string id = new JsonObjectReader(entry, CatalogField, at, errors).RequiredString("id").Trim().ToLowerInvariant();
                ScalingLaw? law = ReadLaw(entry, CatalogField, id.Length == 0 ? at : $"{fileName}: law '{id}'", id, null, errors);
                if (law is not null)
                {
                    list.Add(law);
                }
            }

            Dictionary<string, string> aliases = CheckIdsAndAliases(list, fileName, errors);
            return errors.Count == 0
                ? Outcome<LawCatalog>.Success(new LawCatalog(list, aliases) { AsOf = EmbeddedCatalog.AsOf(json) })
                : Outcome<LawCatalog>.Failure(errors);
        }
    }

    /// <summary>
    /// Reads a user's law file (<c>--law-file</c>, and the output of <c>flopwise fit --json</c>): a JSON object
    /// <c>{"name", "form": "chinchilla", "E", "A", "B", "alpha", "beta", "source"}</c> or <c>{"name", "form": "power",
    /// "parametersCoefficient", "parametersExponent", "tokensCoefficient", "tokensExponent", "computeUnit": "flop",
    /// "source"}</c>, at the top level or under a <c>law</c> property.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file name, for messages.</param>
    /// <returns>
    /// The law (id = its <c>name</c>, or the file name without extension when absent; source = its <c>source</c>, or
    /// the file name; <see cref="ScalingLaw.InputField"/> <c>law-file</c>), or errors with field <c>law-file</c> naming
    /// the file and the key, e.g. <c>law.json: key 'beta' is missing</c>. Constants must be finite and greater than 0
    /// (E may be 0), also when given as natural logarithms (<c>logE</c>, <c>logA</c>, <c>logB</c>); E, A, B, α, β must
    /// give a finite compute-optimal frontier with G &gt; 0.
    /// </returns>
    /// <remarks>The other forms of <c>laws.json</c> (<c>kaplan</c>, <c>deepseek</c>, <c>muennighoff</c>) are accepted too, with their keys.</remarks>
    public static Outcome<ScalingLaw> ParseLawFile(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!TryParseDocument(json, fileName, LawFileField, LawMessages.LawFileExpected, out JsonDocument? document, out FieldError? error))
        {
            return Outcome<ScalingLaw>.Failure([error!]);
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            string where = fileName;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("law", out JsonElement nested) && nested.ValueKind == JsonValueKind.Object)
            {
                root = nested;
                where = fileName + ": law";
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return Outcome<ScalingLaw>.Failure([new FieldError(LawFileField, $"{fileName}: is not a law object", root.ValueKind.ToString().ToLowerInvariant(), LawMessages.LawFileExpected)]);
            }

            var errors = new List<FieldError>();
            string fallbackName = Path.GetFileNameWithoutExtension(fileName);
            string name = new JsonObjectReader(root, LawFileField, where, errors).String("name")?.Trim() is { Length: > 0 } given ? given : fallbackName;
            ScalingLaw? law = ReadLaw(root, LawFileField, where, name, fileName, errors);
            return law is not null && errors.Count == 0
                ? Outcome<ScalingLaw>.Success(law with { InputField = LawFileField })
                : Outcome<ScalingLaw>.Failure(errors);
        }
    }

    /// <summary>
    /// Reads an inline law as typed after <c>--law</c>: <c>E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28</c> (the
    /// Chinchilla form) or <c>parametersCoefficient=…,parametersExponent=…,tokensCoefficient=…,tokensExponent=…</c>
    /// (a power-form frontier, C in FLOP).
    /// </summary>
    /// <param name="text">
    /// The text; pairs <c>key=value</c> separated by commas, values as <see cref="NumberText"/> parses them. <c>E</c>,
    /// <c>A</c>, <c>B</c> are case-sensitive and may be given as their natural logarithms <c>logE</c>, <c>logA</c>,
    /// <c>logB</c>; lower-case <c>a</c>, <c>b</c>, <c>e</c> are rejected, because sources (Epoch's notebook,
    /// Muennighoff et al.) use them for those logarithms. The other keys are case-insensitive (<c>α</c>, <c>β</c> also
    /// accepted).
    /// </param>
    /// <returns>
    /// The law (id <c>inline</c>), or an error with field <c>law</c> saying what is malformed: a constant not finite
    /// and greater than 0 (E may be 0), or E, A, B, α, β whose compute-optimal frontier is 0 or infinite.
    /// </returns>
    public static Outcome<ScalingLaw> ParseInline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string rawPair in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int eq = rawPair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return InlineError(rawPair.Length == 0 ? "has an empty key=value pair" : $"has '{rawPair}', which is not key=value", text);
            }

            string rawKey = rawPair[..eq].Trim();
            if (rawKey is "a" or "b" or "e")
            {
                return InlineError($"has the key '{rawKey}', but E, A, B are case-sensitive and {LawMessages.LogSpaceHint}", text);
            }

            string key = CanonicalInlineKey(rawKey);
            if (key.Length == 0)
            {
                return InlineError($"has an unknown key '{rawKey}'", text);
            }

            if (!NumberText.TryParse(rawPair[(eq + 1)..], out double value, out string? problem))
            {
                return InlineError($"has {key}={rawPair[(eq + 1)..].Trim()}, which {problem}", text);
            }

            if (!values.TryAdd(key, value))
            {
                return InlineError($"gives {key} twice", text);
            }
        }

        foreach (string plain in (ReadOnlySpan<string>)["E", "A", "B"])
        {
            string logKey = "log" + plain;
            if (!values.Remove(logKey, out double log))
            {
                continue;
            }

            if (values.ContainsKey(plain))
            {
                return InlineError($"gives both {plain} and {logKey}", text);
            }

            double exp = Math.Exp(log);
            if (!double.IsFinite(exp) || (plain == "E" ? exp < 0 : exp <= 0))
            {
                return InlineError($"has {logKey}={InputSpec.Format(log)}, which {LawMessages.LogOutOfRange(plain, exp)}", text);
            }

            values[plain] = exp;
        }

        bool chinchilla = values.Keys.Any(k => k is "E" or "A" or "B" or "alpha" or "beta");
        bool power = values.Keys.Any(k => k.EndsWith("Coefficient", StringComparison.Ordinal) || k.EndsWith("Exponent", StringComparison.Ordinal));
        if (chinchilla && power)
        {
            return InlineError("mixes Chinchilla constants (E, A, B, alpha, beta) with power-form constants", text);
        }

        string[] required = power
            ? ["parametersCoefficient", "parametersExponent", "tokensCoefficient", "tokensExponent"]
            : ["E", "A", "B", "alpha", "beta"];
        string[] missing = required.Where(k => !values.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            return InlineError($"is missing {string.Join(", ", missing)}", text);
        }

        foreach (string key in required)
        {
            double v = values[key];
            if (key == "E" ? v < 0 : v <= 0)
            {
                return InlineError($"has {key}={InputSpec.Format(v)}, which must be {(key == "E" ? "at least 0" : "greater than 0")}", text);
            }
        }

        ScalingLaw law = power
            ? new ScalingLaw
            {
                Id = "inline",
                DisplayName = "Power-form frontier given with --law",
                Form = LawForm.Power,
                Source = "given with --law: " + text.Trim(),
                ParametersCoefficient = values["parametersCoefficient"],
                ParametersExponent = values["parametersExponent"],
                TokensCoefficient = values["tokensCoefficient"],
                TokensExponent = values["tokensExponent"],
            }
            : new ScalingLaw
            {
                Id = "inline",
                DisplayName = "Chinchilla-form law given with --law",
                Form = LawForm.Chinchilla,
                Source = "given with --law: " + text.Trim(),
                E = values["E"],
                A = values["A"],
                B = values["B"],
                Alpha = values["alpha"],
                Beta = values["beta"],
            };
        if (FrontierProblem(law) is string frontier)
        {
            return InlineError($"has {ConstantsText(law)}, which {frontier}", text, LawMessages.FrontierExpected);
        }

        return Outcome<ScalingLaw>.Success(law);
    }

    /// <summary>Resolves a typed name: an exact id, an alias, or a prefix of exactly one id (case-insensitive).</summary>
    /// <param name="typed">The name as typed, e.g. <c>epoch</c> or <c>chinchilla</c>.</param>
    /// <param name="field">The input to blame in errors; default <c>law</c>.</param>
    /// <returns>The law and a note when the name was not an exact id; or an error suggesting the closest names.</returns>
    /// <remarks>Uses <see cref="NameLookup.Resolve"/>, like the GPU and model catalogs.</remarks>
    public LawMatch Resolve(string typed, string field = "law")
    {
        ArgumentNullException.ThrowIfNull(typed);
        NameMatch match = NameLookup.Resolve(field, typed, Ids, Aliases, "a law preset (see flopwise laws)");
        return match.Id is null
            ? new LawMatch(null, null, match.Error)
            : new LawMatch(_byId[match.Id], match.Note, null);
    }

    /// <summary>Finds a preset by its exact id, ignoring case.</summary>
    /// <param name="id">The id, e.g. <c>hoffmann</c>.</param>
    /// <returns>The law, or <see langword="null"/>.</returns>
    public ScalingLaw? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id.Trim());
    }

    private static Outcome<ScalingLaw> InlineError(string problem, string text, string expected = LawMessages.InlineExpected) =>
        Outcome<ScalingLaw>.Failure([new FieldError(LawField, problem, text.Length == 0 ? "''" : text, expected)]);

    /// <summary>E, A, B and logE, logA, logB are case-sensitive (lower-case a, b, e are the log-space constants); the other keys are not.</summary>
    private static string CanonicalInlineKey(string key) => key is "E" or "A" or "B" or "logE" or "logA" or "logB" ? key : key.ToLowerInvariant() switch
    {
        "alpha" or "α" => "alpha",
        "beta" or "β" => "beta",
        "parameterscoefficient" => "parametersCoefficient",
        "parametersexponent" => "parametersExponent",
        "tokenscoefficient" => "tokensCoefficient",
        "tokensexponent" => "tokensExponent",
        _ => string.Empty,
    };

    private static bool TryParseDocument(string json, string fileName, string field, string expected, out JsonDocument? document, out FieldError? error)
    {
        error = null;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = new FieldError(field, LawMessages.MalformedJson(fileName, ex.LineNumber, ex.BytePositionInLine), fileName, expected);
            return false;
        }
    }

    private static ScalingLaw? ReadLaw(JsonElement entry, string field, string where, string id, string? fileName, List<FieldError> errors)
    {
        int before = errors.Count;
        var read = new JsonObjectReader(entry, field, where, errors);
        string? formText = read.String("form");
        LawForm? form = formText is null ? null : LawForm.Find(formText);
        if (formText is null)
        {
            errors.Add(new FieldError(field, $"{where}: key 'form' is missing", Messages.Nothing, "chinchilla or power"));
            return null;
        }

        if (form is null)
        {
            read.Reject("form", "is unknown", formText, "one of " + string.Join(", ", LawForm.All.Select(f => f.JsonName)));
            return null;
        }

        var law = new ScalingLaw
        {
            Id = id,
            DisplayName = read.String("displayName") ?? read.String("name") ?? id,
            Form = form,
            Source = fileName is null ? read.RequiredString("source") : read.String("source") ?? fileName,
            Notes = read.String("notes") ?? string.Empty,
            IsDerived = read.Bool("derived", false),
            Aliases = read.Strings("aliases").Select(a => a.Trim().ToLowerInvariant()).ToArray(),
        };
        law = form.ReadConstants(law, new LawConstantReader(read, errors));
        if (errors.Count == before && FrontierProblem(law) is string problem)
        {
            string a = read.Has("logA") ? "logA" : "A";
            string b = read.Has("logB") ? "logB" : "B";
            errors.Add(new FieldError(field, $"{where}: keys '{a}' and '{b}' {problem}", ConstantsText(law), LawMessages.FrontierExpected));
        }

        return errors.Count > before ? null : law;
    }

    /// <summary>
    /// Returns what is wrong with the compute-optimal frontier a law's E, A, B, α, β imply, or <see langword="null"/>:
    /// G = (α·A/(β·B))^(1/(α+β)) and the power-form coefficients G·6^−a (of N_opt) and 6^−b/G (of D_opt) must be
    /// finite and greater than 0, or every allocation (and the law's own constants in a result) would be 0 or infinite.
    /// </summary>
    /// <param name="law">The law; laws without E, A, B, α, β have no such frontier and pass.</param>
    /// <returns>The problem, e.g. <c>make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows)</c>.</returns>
    internal static string? FrontierProblem(ScalingLaw law)
    {
        if (!law.HasChinchillaConstants)
        {
            return null;
        }

        double alpha = law.Alpha!.Value;
        double beta = law.Beta!.Value;
        double g = Math.Pow(alpha * law.A!.Value / (beta * law.B!.Value), 1 / (alpha + beta));
        double a = beta / (alpha + beta);
        double b = alpha / (alpha + beta);
        (string Name, double Value)[] constants =
        [
            ("the frontier constant G = (α·A/(β·B))^(1/(α+β))", g),
            ("the coefficient G·6^−a of N_opt = G·6^−a·C^a", g * Math.Pow(6, -a)),
            ("the coefficient 6^−b/G of D_opt = (6^−b/G)·C^b", Math.Pow(6, -b) / g),
        ];
        foreach ((string name, double value) in constants)
        {
            if (!(double.IsFinite(value) && value > 0))
            {
                string how = value == 0 ? "0 (it underflows)" : double.IsNaN(value) ? "undefined" : "infinite (it overflows)";
                return $"make {name} {how}";
            }
        }

        return null;
    }

    /// <summary>Formats A, B, α, β of a law for messages: <c>A=1e-300, B=1, alpha=0.3, beta=0.3</c>.</summary>
    internal static string ConstantsText(ScalingLaw law) =>
        $"A={InputSpec.Format(law.A ?? double.NaN)}, B={InputSpec.Format(law.B ?? double.NaN)}, alpha={InputSpec.Format(law.Alpha ?? double.NaN)}, beta={InputSpec.Format(law.Beta ?? double.NaN)}";

    private static Dictionary<string, string> CheckIdsAndAliases(IReadOnlyList<ScalingLaw> laws, string where, List<FieldError> errors)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ScalingLaw law in laws)
        {
            if (!ids.Add(law.Id))
            {
                errors.Add(new FieldError(CatalogField, $"{where}: law id '{law.Id}' appears more than once", law.Id, "unique ids"));
            }
        }

        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (ScalingLaw law in laws)
        {
            foreach (string alias in law.Aliases)
            {
                if (ids.Contains(alias) || (aliases.TryGetValue(alias, out string? other) && !string.Equals(other, law.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new FieldError(CatalogField, $"{where}: alias '{alias}' of '{law.Id}' is an id or names another law", alias, "aliases that name one law"));
                }
                else
                {
                    aliases[alias] = law.Id;
                }
            }
        }

        return aliases;
    }

    private static LawCatalog LoadDefault() => EmbeddedCatalog.Load<LawCatalog>(ResourceName, "laws.json", Parse);
}
