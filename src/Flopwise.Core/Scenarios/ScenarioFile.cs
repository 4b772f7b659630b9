using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Uncertainty;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flopwise.Scenarios;

/// <summary>
/// Reads a scenario file from its YAML text (the front end reads the file): every key checked against the keys of its
/// section (<see cref="ScenarioKeys"/>), every number parsed as the commands parse it (<c>3e25</c>, <c>70B</c>,
/// ranges <c>1e27..1e28</c>, <c>normal(m, sd)</c>), every name resolved against the catalogs, and the keys checked
/// for a chain that uses each of them.
/// </summary>
/// <remarks>
/// Problems are data (<see cref="ScenarioError"/>) with the line and column of the key: an unknown key with the closest
/// known key, a YAML syntax error where the parser stopped, a range on a key that takes a name or a single number, a
/// number out of its input's range, a key no stage would use. Pure: no file access.
/// </remarks>
public static class ScenarioFile
{
    private const string NeedsRun = "gpu (or peak-tflops) with compute, a budget (usd, gpu-hours, or gpus with days), params with tokens, or flop";

    private static readonly string[] TrainOnlyKeys =
    [
        "mfu", "gpus", "price-per-gpu-hour", "seq", "achieved-tflops", "tokens-per-second-per-gpu", "power-watts", "pue",
        "grid-intensity", "server-overhead", "power-utilisation", "grid", "dtype", "flop-convention", "recompute",
    ];

    /// <summary>The largest scenario text accepted, 1 MB of UTF-8 (1,000,000 bytes); a front end should read no more than one byte beyond it.</summary>
    public const int MaxBytes = 1_000_000;

    /// <summary>The deepest nesting accepted, 64 levels of indentation, sequence dashes and flow brackets together.</summary>
    public const int MaxDepth = 64;

    private static readonly string[] BudgetExcluded = ["peak-tflops", "achieved-tflops", "tokens-per-second-per-gpu", "dtype", "flop-convention", "recompute"];

    /// <summary>Parses and checks a scenario.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <returns>The scenario, or the problems in file order.</returns>
    public static ScenarioCheck Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Trim().Length == 0)
        {
            return Fail(new ScenarioError(0, 0, string.Empty, "is empty", "an empty file", "YAML keys such as compute: 1e27"));
        }

        // Both limits are checked before YamlDotNet sees the text: its parser recurses once per level, so a deep file
        // (50,000 '[') would overflow the stack, which no handler can catch.
        int bytes = System.Text.Encoding.UTF8.GetByteCount(yaml);
        if (bytes > MaxBytes)
        {
            return Fail(new ScenarioError(0, 0, string.Empty, "is too large", string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"), string.Create(CultureInfo.InvariantCulture, $"at most {MaxBytes} bytes (1 MB)")));
        }

        if (ScenarioDepth.FirstTooDeep(yaml, MaxDepth) is (int deepLine, int deepColumn))
        {
            return Fail(new ScenarioError(deepLine, deepColumn, string.Empty, string.Create(CultureInfo.InvariantCulture, $"nests deeper than {MaxDepth} levels"), Snippet(yaml, deepLine), string.Create(CultureInfo.InvariantCulture, $"at most {MaxDepth} levels of nesting")));
        }

        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping; name the tab's line.
            (int line, int column) = TabIndentation(yaml) is (int tabLine, int tabColumn) && e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                ? (tabLine, tabColumn)
                : ((int)e.Start.Line, (int)e.Start.Column);
            return Fail(new ScenarioError(line, column, string.Empty, "is not valid YAML: " + Describe(e), Snippet(yaml, line), "key: value lines (YAML)"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 throws this instead of a YamlException for some unterminated flow collections
            // ("gpu: [h100"); the scanner's position is where it stopped.
            Mark at = scanner.CurrentPosition;
            return Fail(new ScenarioError((int)at.Line, (int)at.Column, string.Empty, "is not valid YAML: an unterminated [ or { collection", Snippet(yaml, (int)at.Line), "key: value lines (YAML)"));
        }

        if (stream.Documents.Count == 0)
        {
            return Fail(new ScenarioError(0, 0, string.Empty, "has no keys (only comments)", "no keys", "YAML keys such as compute: 1e27"));
        }

        if (stream.Documents.Count > 1)
        {
            YamlNode second = stream.Documents[1].RootNode;
            return Fail(new ScenarioError((int)second.Start.Line, (int)second.Start.Column, string.Empty, "has more than one YAML document", "a second document", "one document"));
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            YamlNode node = stream.Documents[0].RootNode;
            return Fail(new ScenarioError((int)node.Start.Line, (int)node.Start.Column, string.Empty, "is not a mapping of keys to values", Text(node), "key: value lines, e.g. compute: 1e27"));
        }

        var reader = new Reader();
        reader.ReadSection(root, string.Empty);
        if (reader.Errors.Count == 0)
        {
            reader.CheckWiring();
        }

        return reader.Errors.Count > 0 ? new ScenarioCheck(null, reader.Errors) : new ScenarioCheck(reader.Build(), []);
    }

    private static ScenarioCheck Fail(ScenarioError error) => new(null, [error]);

    /// <summary>The line and column (1-based) of the first tab in a line's indentation, or <see langword="null"/>.</summary>
    private static (int Line, int Column)? TabIndentation(string yaml)
    {
        string[] lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int j = 0;
            while (j < line.Length && (line[j] == ' ' || line[j] == '\t'))
            {
                if (line[j] == '\t')
                {
                    return (i + 1, j + 1);
                }

                j++;
            }
        }

        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes the place: "(Line: 2, Col: 5, Idx: 12) - (Line: 2, Col: 6, Idx: 13): While scanning …".
        string message = e.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        return message.TrimEnd('.').Replace("\n", " ", StringComparison.Ordinal);
    }

    private static string Snippet(string yaml, int line)
    {
        string[] lines = yaml.ReplaceLineEndings("\n").Split('\n');
        string text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : string.Empty;
        return text.Length == 0 ? "''" : text;
    }

    private static string Text(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.ToString(),
    };

    private sealed class Reader
    {
        private readonly List<ScenarioEntry> _entries = [];
        private readonly List<string> _sections = [];
        private readonly List<UncertainInput> _uncertain = [];
        private readonly List<Assumption> _notes = [];
        private InputValues _fixed = InputValues.Empty;
        private GpuSpec? _gpu;
        private ScalingLaw? _law;
        private LawMixture? _mixture;
        private GridRegion? _grid;
        private DataType? _dtype;
        private FlopConvention? _convention;
        private Recompute? _recompute;
        private ModelPreset? _servingModel;
        private GpuSpec? _servingGpu;
        private DataType? _weightDtype;
        private DataType? _kvDtype;
        private AttentionKernel? _attention;
        private EfficiencyPreset? _efficiency;
        private LatencyClass? _latency;
        private int? _samples;
        private int? _seed;

        public List<ScenarioError> Errors { get; } = [];

        public void ReadSection(YamlMappingNode mapping, string section)
        {
            IReadOnlyList<ScenarioKey> keys = ScenarioKeys.For(section);
            foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
            {
                int line = (int)keyNode.Start.Line;
                int column = (int)keyNode.Start.Column;
                if (keyNode is not YamlScalarNode { Value: string name })
                {
                    Errors.Add(new ScenarioError(line, column, section, "has a key that is not a name", Text(keyNode), "key: value lines"));
                    continue;
                }

                string path = section.Length == 0 ? name : section + "." + name;
                if (section.Length == 0 && ScenarioKeys.Sections.Contains(name))
                {
                    _sections.Add(name);
                    _entries.Add(new ScenarioEntry(path, string.Empty, line, column));
                    if (valueNode is YamlMappingNode inner)
                    {
                        ReadSection(inner, name);
                    }
                    else if (!IsEmpty(valueNode))
                    {
                        Errors.Add(new ScenarioError(line, column, name, "is a section and needs indented keys below it", Text(valueNode), $"keys of {name}: {string.Join(", ", ScenarioKeys.For(name).Select(k => k.Name))}"));
                    }

                    continue;
                }

                ScenarioKey? key = keys.FirstOrDefault(k => k.Name == name);
                if (key is null)
                {
                    Errors.Add(Unknown(line, column, section, name, path));
                    continue;
                }

                if (valueNode is not YamlScalarNode scalar)
                {
                    Errors.Add(new ScenarioError(line, column, path, "needs one value, not a list or mapping", Text(valueNode), key.Expected));
                    continue;
                }

                string text = scalar.Value ?? string.Empty;
                if (IsEmpty(scalar))
                {
                    Errors.Add(new ScenarioError(line, column, path, "has no value", "nothing", key.Expected));
                    continue;
                }

                _entries.Add(new ScenarioEntry(path, text, line, column));
                FieldError? error = key.Input is null ? ReadWord(key, text) : ReadNumber(key, text);
                if (error is not null)
                {
                    Errors.Add(new ScenarioError(line, column, path, error.Problem, error.Got, error.Expected));
                }
            }
        }

        private static bool IsEmpty(YamlNode node) =>
            node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

        private static ScenarioError Unknown(int line, int column, string section, string name, string path)
        {
            IReadOnlyList<ScenarioKey> keys = ScenarioKeys.For(section);
            IEnumerable<string> names = keys.Select(k => k.Name).Concat(section.Length == 0 ? ScenarioKeys.Sections : []);
            string? elsewhere = ScenarioKeys.All.FirstOrDefault(k => k.Name == name && k.Section != section)?.Path;
            string where = section.Length == 0 ? "at the top level" : $"in {section}:";
            if (elsewhere is not null)
            {
                string home = elsewhere.Contains('.', StringComparison.Ordinal) ? $"the {elsewhere.Split('.')[0]}: section" : "the top level";
                return new ScenarioError(line, column, path, $"is not a key {where}; it belongs in {home}", name, $"{elsewhere} (see flopwise scenario --help)");
            }

            string? closest = Suggestions.Closest(name, names).FirstOrDefault();
            string expected = closest is null
                ? "a key of " + (section.Length == 0 ? "the top level" : section + ":") + " (see flopwise scenario --help)"
                : $"a key such as {closest}; did you mean {closest}?";
            return new ScenarioError(line, column, path, $"is not a key {where}", name, expected);
        }

        private FieldError? ReadNumber(ScenarioKey key, string text)
        {
            InputSpec spec = key.Sampled!;
            if (!key.AllowsDistribution && DistributionText.LooksLikeDistribution(text))
            {
                return new FieldError(spec.Name, "takes one number, not a range or distribution", text, spec.Expected);
            }

            if (NumberOrDistribution.Read(spec, text, out double? number, out UncertainInput? uncertain) is FieldError unreadable)
            {
                return unreadable;
            }

            if (uncertain is not null)
            {
                _uncertain.Add(uncertain);
                return null;
            }

            double value = number!.Value;
            if (spec.Check(value) is FieldError bad)
            {
                return bad with { Got = text };
            }

            if (spec == MonteCarlo.SamplesInput)
            {
                _samples = (int)value;
            }
            else if (spec == MonteCarlo.SeedInput)
            {
                _seed = (int)value;
            }
            else
            {
                _fixed = _fixed.With(spec, value);
            }

            return null;
        }

        private FieldError? ReadWord(ScenarioKey key, string text)
        {
            string typed = text.Trim();
            bool isLaw = key.Path == "law";
            if (DistributionText.LooksLikeDistribution(typed) || (!isLaw && LawMixture.LooksLikeMixture(typed)))
            {
                return new FieldError(key.Path, $"is a range, but {key.Path} takes one name", text, key.Expected);
            }

            switch (key.Path)
            {
                case "gpu":
                case "serving.gpu":
                    {
                        GpuMatch match = GpuCatalog.Default.Resolve(typed, key.Path);
                        if (match.Error is not null)
                        {
                            return match.Error;
                        }

                        if (match.Note is not null)
                        {
                            _notes.Add(new Assumption { Name = key.Path == "gpu" ? "gpuName" : "serving.gpuName", Label = "GPU name", Text = match.Spec!.Id, Description = match.Note + ".", IsDefault = false });
                        }

                        if (key.Path == "gpu")
                        {
                            _gpu = match.Spec;
                        }
                        else
                        {
                            _servingGpu = match.Spec;
                        }

                        return null;
                    }

                case "law":
                    return ReadLaw(typed);
                case "grid":
                    return GridRegions.TryResolve(typed, out _grid);
                case "dtype":
                    return Choice(key, typed, DataTypes.TryParse, out _dtype);
                case "flop-convention":
                    return Choice(key, typed, FlopConventions.TryParse, out _convention);
                case "recompute":
                    return Choice(key, typed, RecomputeModes.TryParse, out _recompute);
                case "serving.model":
                    {
                        ModelMatch match = ModelCatalog.Default.Resolve(typed, key.Path);
                        if (match.Error is not null)
                        {
                            return match.Error;
                        }

                        _servingModel = match.Preset;
                        return null;
                    }

                case "serving.weight-dtype":
                    return Choice(key, typed, StorageType, out _weightDtype);
                case "serving.kv-dtype":
                    return Choice(key, typed, StorageType, out _kvDtype);
                case "serving.attention":
                    return Choice(key, typed, EnumNames.TryParse, out _attention);
                case "serving.efficiency":
                    return Choice(key, typed, EnumNames.TryParse, out _efficiency);
                default:
                    return Choice(key, typed, EnumNames.TryParse, out _latency);
            }
        }

        private FieldError? ReadLaw(string typed)
        {
            if (LawMixture.LooksLikeMixture(typed))
            {
                Outcome<LawMixture> parsed = LawMixture.Parse(typed, LawCatalog.Default);
                if (parsed.Value is null)
                {
                    return parsed.Errors[0];
                }

                _mixture = parsed.Value;
                _law = parsed.Value.Laws[0];
                _notes.Add(new Assumption
                {
                    Name = "lawMixture",
                    Label = "Scaling law",
                    Text = parsed.Value.Describe(),
                    Description = "Each Monte Carlo sample draws its law from these presets with these weights.",
                    IsDefault = false,
                });
                _uncertain.Add(new UncertainInput(LawMixture.ChoiceInput, new UniformDistribution(0, 1), typed));
                return null;
            }

            if (typed.Contains('=', StringComparison.Ordinal))
            {
                Outcome<ScalingLaw> inline = LawCatalog.ParseInline(typed);
                if (inline.Value is null)
                {
                    return inline.Errors[0];
                }

                _law = inline.Value;
                _notes.Add(inline.Value.ToAssumption(isDefault: false, "Constants given in the scenario."));
                return null;
            }

            LawMatch match = LawCatalog.Default.Resolve(typed);
            if (match.Law is null)
            {
                return match.Error;
            }

            _law = match.Law;
            _notes.Add(match.Law.ToAssumption(isDefault: false, match.Note is null ? null : match.Note + "."));
            return null;
        }

        private delegate bool TryParser<T>(string? text, out T value);

        private static FieldError? Choice<T>(ScenarioKey key, string typed, TryParser<T> parse, out T? value)
            where T : struct
        {
            if (parse(typed, out T parsed))
            {
                value = parsed;
                return null;
            }

            value = null;
            return new FieldError(key.Path, "is not one of the choices", typed, key.Expected);
        }

        private static bool StorageType(string? text, out DataType type) =>
            DataTypes.TryParse(text, out type) && type is DataType.Fp32 or DataType.Bf16 or DataType.Fp16 or DataType.Fp8 or DataType.Int8 or DataType.Int4;

        /// <summary>Checks that every key given is used by a stage that runs, and that something runs.</summary>
        public void CheckWiring()
        {
            bool Gives(string path) => _entries.Any(e => e.Path == path);
            void Error(string path, string problem, string expected)
            {
                ScenarioEntry? entry = _entries.FirstOrDefault(e => e.Path == path);
                Errors.Add(new ScenarioError(entry?.Line ?? 0, entry?.Column ?? 0, path, problem, entry is null ? Messages.Nothing : entry.Text.Length == 0 ? path + ":" : entry.Text, expected));
            }

            ScenarioMode mode = ScenarioChain.ModeOf(Gives);
            if (Gives("grid") && Gives("grid-intensity"))
            {
                // As flopwise train and budget refuse --grid with --grid-intensity: one would silently win.
                Error("grid", "cannot be combined with grid-intensity", "one of grid or grid-intensity");
            }

            if (Gives("compute") && (Gives("flop") || Gives("params") || Gives("tokens")))
            {
                Error("compute", "is given with the run's own work (flop, or params with tokens); give one", "compute, or flop, or params with tokens");
            }

            if (mode == ScenarioMode.Run && !Gives("flop") && Gives("params") != Gives("tokens"))
            {
                // The run's work is 6·N·D: one of them alone cannot count it (as flopwise train refuses).
                string given = Gives("params") ? "params" : "tokens";
                string missing = given == "params" ? "tokens" : "params";
                Error(given, $"needs {missing}: the run's work is params with tokens, or flop", $"{missing} as well, or flop");
            }

            if (Gives("usd") && mode != ScenarioMode.Budget)
            {
                Error("usd", "is a budget, which the chain starts from only without compute, flop, params or tokens", "usd without compute, flop, params or tokens");
            }

            if (mode == ScenarioMode.Budget)
            {
                foreach (string path in BudgetExcluded.Where(Gives))
                {
                    Error(path, "would make the run's GPU-hours differ from the budget's (the budget turns GPU-hours into FLOP at the GPU's dense peak and mfu, as flopwise budget does)", "with a budget: gpus, mfu, price-per-gpu-hour, power-watts, pue, grid-intensity or grid; or start from compute instead");
                }
            }

            if (mode == ScenarioMode.Budget && _gpu is null)
            {
                Error("gpu", "is missing: a budget needs the GPU whose peak turns GPU-hours into FLOP", "gpu: an id such as h100");
            }

            bool trains = mode != ScenarioMode.None && (_gpu is not null || Gives("peak-tflops"));
            if (!trains)
            {
                foreach (string path in TrainOnlyKeys.Concat(["peak-tflops", "gpu-hours", "days"]).Where(Gives))
                {
                    Error(path, "is an input of the training run, which runs only with gpu (or peak-tflops) and the run's work", NeedsRun);
                }
            }

            bool picksModel = mode is ScenarioMode.Budget or ScenarioMode.Compute;
            bool hasShape = picksModel || (Gives("params") && Gives("tokens"));
            if (Gives("inference-tokens") && !hasShape)
            {
                Error("inference-tokens", "needs the model whose loss the inference-aware model matches", "compute, a budget, or params with tokens");
            }

            if (Gives("law") && !picksModel && !Gives("inference-tokens"))
            {
                Error("law", "is not used: the chain uses a law to pick the model from compute or a budget, or with inference-tokens", "compute, a budget or inference-tokens with law");
            }

            if (_sections.Contains(ScenarioKeys.Copies) && mode == ScenarioMode.None)
            {
                Error(ScenarioKeys.Copies, "needs the training compute", "compute, a budget, params with tokens, or flop");
            }

            if (_sections.Contains(ScenarioKeys.Serving))
            {
                if (_servingModel is null && !picksModel && !Gives("params"))
                {
                    Error("serving.model", "is missing: no parameter count to find the nearest preset from", "serving.model, or compute, a budget or params");
                }

                if (_servingGpu is null && _gpu is null)
                {
                    Error("serving.gpu", "is missing: the serving stage needs a GPU", "serving.gpu, or gpu at the top level");
                }
            }

            bool hasHuman = _sections.Contains(ScenarioKeys.Human);
            if (hasHuman && !trains && !new[] { "task-hours", "calendar-years", "energy-kwh", "tokens" }.Any(k => Gives("human." + k)))
            {
                Error(ScenarioKeys.Human, "needs task-hours, calendar-years, energy-kwh or tokens (no training run gives energy or tokens)", "one of human.task-hours, human.calendar-years, human.energy-kwh, human.tokens");
            }

            if (mode == ScenarioMode.None && !_sections.Contains(ScenarioKeys.Serving) && !hasHuman)
            {
                Errors.Add(new ScenarioError(0, 0, string.Empty, "has nothing to run", "no compute, budget, run or section", "compute, a budget (usd, gpu-hours, or gpus with days, with gpu), params with tokens, flop, or a serving:/human: section"));
            }

            if (_uncertain.Count == 0)
            {
                foreach (string path in new[] { "samples", "seed" }.Where(Gives))
                {
                    Error(path, "needs an input given as a distribution (e.g. mfu: 0.3..0.5)", "a range or distribution on some number");
                }
            }
        }

        public Scenario Build()
        {
            ScalingLaw law = _law ?? LawCatalog.Default.DefaultLaw;
            var notes = new List<Assumption>(_notes);
            ScenarioMode mode = ScenarioChain.ModeOf(path => _entries.Any(e => e.Path == path));
            bool usesLaw = mode is ScenarioMode.Budget or ScenarioMode.Compute || _entries.Any(e => e.Path == "inference-tokens");
            if (_law is null && usesLaw)
            {
                notes.Insert(0, law.ToAssumption(isDefault: true, "No law given: the default law."));
            }

            return new Scenario
            {
                Mode = mode,
                Entries = _entries,
                Fixed = _fixed,
                Uncertain = _uncertain,
                Gpu = _gpu,
                Law = law,
                LawMixture = _mixture,
                Grid = _grid,
                DataType = _dtype,
                Convention = _convention,
                Recompute = _recompute,
                Sections = _sections,
                ServingModel = _servingModel,
                ServingGpu = _servingGpu,
                WeightDtype = _weightDtype,
                KvDtype = _kvDtype,
                Attention = _attention,
                Efficiency = _efficiency,
                LatencyClass = _latency,
                Samples = _samples,
                Seed = _seed,
                Notes = notes,
            };
        }
    }
}
