using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Scenarios;

/// <summary>
/// A parsed and checked scenario file: its numbers (fixed, or distributions to sample), the names it resolved (GPU,
/// law, grid, serving model) and which sections it has. <see cref="ScenarioChain"/> evaluates it.
/// </summary>
/// <remarks>Created by <see cref="ScenarioFile.Parse"/>. Immutable and thread-safe.</remarks>
public sealed record Scenario
{
    /// <summary>Gets where the training compute comes from (<see cref="ScenarioChain.ModeOf"/>).</summary>
    public required ScenarioMode Mode { get; init; }

    /// <summary>Gets the keys as written, in file order.</summary>
    public required IReadOnlyList<ScenarioEntry> Entries { get; init; }

    /// <summary>Gets the numbers given as numbers, by <see cref="ScenarioKey.Sampled"/> name.</summary>
    public required InputValues Fixed { get; init; }

    /// <summary>Gets the numbers given as distributions (and a law mixture's choice), to be sampled jointly.</summary>
    public required IReadOnlyList<UncertainInput> Uncertain { get; init; }

    /// <summary>Gets the training accelerator, or <see langword="null"/> when not given.</summary>
    public GpuSpec? Gpu { get; init; }

    /// <summary>Gets the scaling law (the first of a mixture).</summary>
    public required ScalingLaw Law { get; init; }

    /// <summary>Gets the law mixture, or <see langword="null"/> when the law is fixed.</summary>
    public LawMixture? LawMixture { get; init; }

    /// <summary>Gets the grid region, or <see langword="null"/>.</summary>
    public GridRegion? Grid { get; init; }

    /// <summary>Gets the training data type, or <see langword="null"/> for the default.</summary>
    public DataType? DataType { get; init; }

    /// <summary>Gets the FLOP convention, or <see langword="null"/> for the default.</summary>
    public FlopConvention? Convention { get; init; }

    /// <summary>Gets the recomputation, or <see langword="null"/> for the default.</summary>
    public Recompute? Recompute { get; init; }

    /// <summary>Gets the sections present (<see cref="ScenarioKeys.Sections"/>).</summary>
    public required IReadOnlyList<string> Sections { get; init; }

    /// <summary>Gets the served model named by <c>serving.model</c>, or <see langword="null"/> for the nearest preset.</summary>
    public ModelPreset? ServingModel { get; init; }

    /// <summary>Gets the serving accelerator named by <c>serving.gpu</c>, or <see langword="null"/> for the top-level one.</summary>
    public GpuSpec? ServingGpu { get; init; }

    /// <summary>Gets the serving weight dtype, or <see langword="null"/>.</summary>
    public DataType? WeightDtype { get; init; }

    /// <summary>Gets the serving KV-cache dtype, or <see langword="null"/>.</summary>
    public DataType? KvDtype { get; init; }

    /// <summary>Gets the serving attention kernel, or <see langword="null"/>.</summary>
    public AttentionKernel? Attention { get; init; }

    /// <summary>Gets the serving efficiency preset, or <see langword="null"/>.</summary>
    public EfficiencyPreset? Efficiency { get; init; }

    /// <summary>Gets the serving latency class, or <see langword="null"/>.</summary>
    public LatencyClass? LatencyClass { get; init; }

    /// <summary>Gets the file's <c>samples</c>, or <see langword="null"/>.</summary>
    public int? Samples { get; init; }

    /// <summary>Gets the file's <c>seed</c>, or <see langword="null"/>.</summary>
    public int? Seed { get; init; }

    /// <summary>Gets notes from resolving names (a GPU alias, the law), added to the assumptions.</summary>
    public IReadOnlyList<Assumption> Notes { get; init; } = [];

    /// <summary>Gets a value indicating whether the file has <paramref name="section"/>.</summary>
    /// <param name="section">A section name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Has(string section) => Sections.Contains(section);

    /// <summary>Gets a value indicating whether the file gives <paramref name="path"/>.</summary>
    /// <param name="path">A dotted key.</param>
    /// <returns><see langword="true"/> when given.</returns>
    public bool Gives(string path) => Find(path) is not null;

    /// <summary>Finds where the file gives <paramref name="path"/>.</summary>
    /// <param name="path">A dotted key, e.g. <c>serving.gpus</c>.</param>
    /// <returns>The entry, or <see langword="null"/> when not given.</returns>
    public ScenarioEntry? Find(string path) => Entries.FirstOrDefault(e => e.Path == path);

    /// <summary>Places a calculator's error in the file: the key's line and column when the file gives it.</summary>
    /// <param name="error">The error, its field a dotted key.</param>
    /// <returns>The error with its place.</returns>
    public ScenarioError Locate(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ScenarioEntry? entry = Find(error.Field);
        return new ScenarioError(entry?.Line ?? 0, entry?.Column ?? 0, error.Field, error.Problem, error.Got, error.Expected);
    }
}
