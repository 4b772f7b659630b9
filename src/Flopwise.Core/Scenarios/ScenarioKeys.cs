using Flopwise.Architectures;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Scaling;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Scenarios;

/// <summary>
/// The keys a scenario file may give: at the top level the options of <c>budget</c> and <c>train</c> (plus
/// <c>compute</c>, <c>law</c>, <c>samples</c> and <c>seed</c>), and the sections <c>serving:</c> (the options of
/// <c>serve</c>), <c>copies:</c> and <c>human:</c>, each with its own keys.
/// </summary>
public static class ScenarioKeys
{
    /// <summary>The <c>serving:</c> section.</summary>
    public const string Serving = "serving";

    /// <summary>The <c>copies:</c> section.</summary>
    public const string Copies = "copies";

    /// <summary>The <c>human:</c> section.</summary>
    public const string Human = "human";

    private static readonly string[] StorageTypes = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"];

    /// <summary>Gets the section names, in the order their stages run.</summary>
    public static IReadOnlyList<string> Sections { get; } = [Copies, Serving, Human];

    /// <summary>Gets the top-level keys.</summary>
    public static IReadOnlyList<ScenarioKey> TopLevel { get; } =
    [
        Word(string.Empty, "gpu", "a GPU id or alias (see flopwise gpus), e.g. h100", "The accelerator of the budget and the training run."),
        Word(string.Empty, "law", "a law preset (see flopwise laws), inline constants E=…,A=…,B=…,alpha=…,beta=…, or a mixture such as 'epoch|hoffmann'", "The scaling law of the compute-optimal and inference-aware models; default " + LawCatalog.DefaultLawId + "."),
        Number(string.Empty, ScalingInputs.Compute, "Training compute C: the chain starts from it (instead of a budget or the run's own work)."),
        Number(string.Empty, BudgetInputs.Usd),
        Number(string.Empty, TrainingInputs.GpuHours),
        Number(string.Empty, TrainingInputs.Gpus),
        Number(string.Empty, TrainingInputs.Days),
        Number(string.Empty, TrainingInputs.Mfu),
        Number(string.Empty, TrainingInputs.PricePerGpuHour),
        Number(string.Empty, PlanInputs.InferenceTokens),
        Number(string.Empty, TrainingInputs.Parameters, "Parameters N of the run, with tokens (instead of the compute-optimal model)."),
        Number(string.Empty, TrainingInputs.Tokens, "Training tokens D of the run, with params (instead of the compute-optimal model)."),
        Number(string.Empty, TrainingInputs.Flop, "Training FLOP of the run, given directly (instead of the compute-optimal model)."),
        Number(string.Empty, TrainingInputs.Seq),
        Number(string.Empty, TrainingInputs.PeakTflops),
        Number(string.Empty, TrainingInputs.AchievedTflops),
        Number(string.Empty, TrainingInputs.TokensPerSecondPerGpu),
        Number(string.Empty, TrainingInputs.PowerWatts),
        Number(string.Empty, TrainingInputs.Pue),
        Number(string.Empty, TrainingInputs.GridIntensity),
        Number(string.Empty, TrainingInputs.ServerOverhead),
        Number(string.Empty, TrainingInputs.PowerUtilisation),
        Word(string.Empty, "grid", "a grid region: " + string.Join(", ", GridRegions.All.Select(r => r.Id)), "A grid region for the carbon intensity (CodeCarbon 2023), instead of grid-intensity."),
        Word(string.Empty, "dtype", "one of " + string.Join(", ", DataTypes.All.Select(DataTypes.Name)), "Data type of the training run's matrix arithmetic; default bf16."),
        Word(string.Empty, "flop-convention", "one of " + string.Join(", ", FlopConventions.Names), "Training FLOP convention of the run; default 6n."),
        Word(string.Empty, "recompute", "one of " + string.Join(", ", RecomputeModes.Names), "Activation recomputation of the run; default none."),
        Number(string.Empty, MonteCarlo.SamplesInput, allowsDistribution: false),
        Number(string.Empty, MonteCarlo.SeedInput, allowsDistribution: false),
    ];

    /// <summary>Gets the keys of the <c>serving:</c> section (the options of <c>serve</c>).</summary>
    public static IReadOnlyList<ScenarioKey> ServingKeys { get; } =
    [
        Word(Serving, "model", "a model preset (see flopwise models), e.g. llama-3-70b", "The model served; default the preset nearest in parameter count to the trained model."),
        Word(Serving, "gpu", "a GPU id or alias (see flopwise gpus)", "The serving accelerator; default the top-level gpu."),
        .. ServingInputs.All.Select(s => Number(Serving, s)),
        Word(Serving, "weight-dtype", "one of " + string.Join(", ", StorageTypes), "Dtype of the layer matrices; default the GPU's 16-bit type."),
        Word(Serving, "kv-dtype", "one of " + string.Join(", ", StorageTypes), "Dtype of the KV cache; default the GPU's 16-bit type."),
        Word(Serving, "attention", "fused or unfused", "Attention kernel; default fused."),
        Word(Serving, "efficiency", "roofline or measured", "Efficiency preset for the efficiencies not given; default roofline."),
        Word(Serving, "latency-class", "keystroke, interactive or batch", "Latency targets that pick the batch."),
    ];

    /// <summary>Gets the keys of the <c>copies:</c> section (the options of <c>copies</c> but the compute, which the chain gives).</summary>
    public static IReadOnlyList<ScenarioKey> CopiesKeys { get; } =
        [.. CopiesInputs.All.Where(s => s != CopiesInputs.Compute).Select(s => Number(Copies, s))];

    /// <summary>Gets the keys of the <c>human:</c> section (the options of <c>human</c>).</summary>
    public static IReadOnlyList<ScenarioKey> HumanKeys { get; } = [.. HumanInputs.All.Select(s => Number(Human, s))];

    /// <summary>Gets every key of every section, top level first.</summary>
    public static IReadOnlyList<ScenarioKey> All { get; } = [.. TopLevel, .. CopiesKeys, .. ServingKeys, .. HumanKeys];

    /// <summary>Gets the keys of a section, or of the top level for the empty string.</summary>
    /// <param name="section">The section name, or the empty string.</param>
    /// <returns>The keys; empty for an unknown section.</returns>
    public static IReadOnlyList<ScenarioKey> For(string section) => section switch
    {
        "" => TopLevel,
        Serving => ServingKeys,
        Copies => CopiesKeys,
        Human => HumanKeys,
        _ => [],
    };

    /// <summary>Finds a key by its dotted path (<c>mfu</c>, <c>serving.gpus</c>).</summary>
    /// <param name="path">The dotted path.</param>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public static ScenarioKey? Find(string path) => All.FirstOrDefault(k => k.Path == path);

    private static ScenarioKey Number(string section, InputSpec spec, string? description = null, bool allowsDistribution = true) => new()
    {
        Section = section,
        Name = spec.Name,
        Input = spec,
        Sampled = section.Length == 0 ? spec : spec with { Name = section + "." + spec.Name },
        AllowsDistribution = allowsDistribution,
        Expected = allowsDistribution ? spec.Expected + ", or a range a..b or a distribution" : spec.Expected,
        Description = description ?? spec.Description,
    };

    private static ScenarioKey Word(string section, string name, string expected, string description) => new()
    {
        Section = section,
        Name = name,
        Expected = expected,
        Description = description,
    };
}
