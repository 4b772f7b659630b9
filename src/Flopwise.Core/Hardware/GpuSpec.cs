using System.Collections.ObjectModel;
using System.Globalization;
using Flopwise.Inputs;

namespace Flopwise.Hardware;

/// <summary>
/// One accelerator of the GPU catalog (a GPU, or a TPU chip): its peak rates per data type, memory, bandwidths, power,
/// price and the vendor document they come from.
/// </summary>
/// <remarks>
/// <para>
/// Dense and sparse peaks are stored separately per data type (docs/formulas.md, "Accelerators"): <see
/// cref="DensePeaks"/> holds the rates without structured sparsity, <see cref="SparsePeaks"/> only the 2:4-sparsity
/// rates a vendor prints (usually asterisked, about 2 × dense). MFU and every time or cost estimate use the dense peak
/// of the data type in use; a sparse peak is never a substitute for a dense one (the MI300X data sheet's 2,614.9 BF16
/// TFLOPS, sometimes quoted as dense, is its sparse figure).
/// </para>
/// <para>
/// Units: peaks are <see cref="FlopRate"/> values (an INT8 peak, printed in TOPS, is stored as operations per
/// second in the same type); memory is a <see cref="ByteCount"/> converted from the unit the vendor prints
/// (<see cref="MemoryUnit"/>: SI <c>GB</c> = 1e9 bytes or IEC <c>GiB</c> = 2^30 bytes); bandwidths are SI bytes per
/// second; the interconnect bandwidth is bidirectional, per accelerator.
/// </para>
/// <para>
/// Catalog entries come from <see cref="GpuCatalog"/>, which validates them (<see cref="Validate"/>). A spec built in
/// code is not validated until <see cref="Validate"/> is called. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record GpuSpec
{
    /// <summary>The memory unit for SI gigabytes (1e9 bytes).</summary>
    public const string Gigabytes = "GB";

    /// <summary>The memory unit for IEC gibibytes (2^30 bytes).</summary>
    public const string Gibibytes = "GiB";

    private const string CatalogField = "catalog";

    /// <summary>Gets the catalog id, lowercase letters and digits joined by single hyphens, e.g. <c>h100-sxm5-80gb</c>.</summary>
    /// <value>The id; unique within a catalog.</value>
    public required string Id { get; init; }

    /// <summary>Gets the product name as the vendor writes it, e.g. <c>NVIDIA H100 SXM5 80GB</c>.</summary>
    /// <value>A non-empty display name.</value>
    public required string Name { get; init; }

    /// <summary>Gets the vendor, e.g. <c>NVIDIA</c>, <c>AMD</c> or <c>Google</c>.</summary>
    /// <value>A non-empty vendor name.</value>
    public required string Vendor { get; init; }

    /// <summary>Gets other names that resolve to this entry, e.g. <c>h100</c> for <c>h100-sxm5-80gb</c>.</summary>
    /// <value>Lowercase-hyphenated aliases; none equals an id of the catalog. Empty by default.</value>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the dense (no structured sparsity) peak rate for each data type the accelerator computes in.</summary>
    /// <value>
    /// Data type → peak, in FLOP/s (operations per second for <see cref="DataType.Int8"/>). Always contains
    /// <see cref="DataType.Bf16"/> or <see cref="DataType.Fp16"/> in a valid entry; never <see cref="DataType.Int4"/>.
    /// </value>
    public IReadOnlyDictionary<DataType, FlopRate> DensePeaks { get; init; } = ReadOnlyDictionary<DataType, FlopRate>.Empty;

    /// <summary>Gets the 2:4 structured-sparsity peak rate for each data type where the vendor prints one.</summary>
    /// <value>
    /// Data type → peak in FLOP/s; empty for accelerators without sparsity (V100, TPUs). Every key also has a dense
    /// peak, and each sparse peak is at least the dense one. Never used for MFU.
    /// </value>
    public IReadOnlyDictionary<DataType, FlopRate> SparsePeaks { get; init; } = ReadOnlyDictionary<DataType, FlopRate>.Empty;

    /// <summary>Gets the accelerator memory (HBM or GDDR) capacity.</summary>
    /// <value>The capacity in bytes, converted from the printed value in <see cref="MemoryUnit"/>.</value>
    public required ByteCount Memory { get; init; }

    /// <summary>Gets the unit the vendor prints the memory capacity in: <c>GB</c> (1e9 bytes) or <c>GiB</c> (2^30 bytes).</summary>
    /// <value><see cref="Gigabytes"/> or <see cref="Gibibytes"/>; TPU v4 is printed as 32 GiB, NVIDIA parts in GB.</value>
    public required string MemoryUnit { get; init; }

    /// <summary>Gets the peak memory bandwidth.</summary>
    /// <value>SI bytes per second (1 TB/s = 1e12 B/s), greater than zero.</value>
    public required Bandwidth MemoryBandwidth { get; init; }

    /// <summary>Gets the thermal design power (board or module power) per accelerator, when published.</summary>
    /// <value>Watts, or <see langword="null"/> where the vendor publishes none (TPU v5e, v5p). Where a range is
    /// printed the catalog uses the upper end and says so in <see cref="Notes"/>.</value>
    public Power? Tdp { get; init; }

    /// <summary>Gets the name of the accelerator-to-accelerator link, e.g. <c>NVLink 4</c> or <c>PCIe Gen5 x16</c>.</summary>
    /// <value>A non-empty name; for PCIe cards, the PCIe generation and width of the slot.</value>
    public required string InterconnectName { get; init; }

    /// <summary>Gets the bidirectional interconnect bandwidth per accelerator, when published.</summary>
    /// <value>SI bytes per second (e.g. 900 GB/s for H100 SXM NVLink 4), or <see langword="null"/> when unknown.</value>
    public Bandwidth? InterconnectBandwidth { get; init; }

    /// <summary>Gets the URL of the vendor document the figures come from.</summary>
    /// <value>An absolute http or https URL.</value>
    public required string Source { get; init; }

    /// <summary>Gets remarks on the figures: choices made, ranges, values not recorded and why.</summary>
    /// <value>Free text; empty by default.</value>
    public string Notes { get; init; } = string.Empty;

    /// <summary>Gets a sourced on-demand rental price, when one was found.</summary>
    /// <value>The price, or <see langword="null"/> when no sourced price is known.</value>
    public GpuPrice? Price { get; init; }

    /// <summary>
    /// Gets the data type a training run uses by default: <see cref="DataType.Bf16"/> where the accelerator has a dense
    /// BF16 peak, otherwise <see cref="DataType.Fp16"/> (V100).
    /// </summary>
    /// <value><see cref="DataType.Bf16"/> or <see cref="DataType.Fp16"/>.</value>
    public DataType DefaultTrainingType => DensePeaks.ContainsKey(DataType.Bf16) ? DataType.Bf16 : DataType.Fp16;

    /// <summary>Returns the dense peak rate for a data type.</summary>
    /// <remarks>This is the peak to compute MFU against. The sparse peak is in <see cref="SparsePeaks"/>.</remarks>
    /// <param name="type">The data type.</param>
    /// <returns>The dense peak in FLOP/s, or <see langword="null"/> when the accelerator has no peak for
    /// <paramref name="type"/> (e.g. BF16 on a V100).</returns>
    public FlopRate? DensePeak(DataType type) => DensePeaks.TryGetValue(type, out FlopRate peak) ? peak : null;

    /// <summary>Returns whether the accelerator has a dense peak for a data type.</summary>
    /// <param name="type">The data type.</param>
    /// <returns><see langword="true"/> when <see cref="DensePeak"/> returns a value for <paramref name="type"/>.</returns>
    public bool Supports(DataType type) => DensePeaks.ContainsKey(type);

    /// <summary>
    /// Returns the roofline ridge point for a data type: dense peak ÷ memory bandwidth, the arithmetic intensity
    /// (FLOP per byte moved from memory) above which a kernel is compute-bound.
    /// </summary>
    /// <remarks>
    /// Source: Williams, Waterman and Patterson, "Roofline" (CACM 2009), with each entry's datasheet peak and
    /// bandwidth, e.g. H100 SXM 989.4e12 / 3.35e12 ≈ 295 FLOP/byte.
    /// </remarks>
    /// <param name="type">A data type the accelerator supports (see <see cref="Supports"/>).</param>
    /// <returns>The ridge point in FLOP per byte; greater than zero for a valid entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The accelerator has no dense peak for <paramref name="type"/>.</exception>
    public double RidgePoint(DataType type)
    {
        FlopRate peak = DensePeak(type) ?? throw new ArgumentOutOfRangeException(
            nameof(type),
            type,
            $"Value should be a data type with a dense peak on {Id} ({string.Join(", ", DensePeaks.Keys.Order().Select(DataTypes.Name))}).");
        return peak.FlopPerSecond / MemoryBandwidth.BytesPerSecond;
    }

    /// <summary>
    /// Checks the entry: id and aliases lowercase-hyphenated, a BF16 or FP16 dense peak, positive peaks, sparse peaks
    /// only where a dense one exists and not below it, positive memory and bandwidths, a known memory unit, an http(s)
    /// source URL, and a well-formed price.
    /// </summary>
    /// <remarks>
    /// Errors name the field <c>catalog</c> and the JSON key of the catalog schema, e.g.
    /// <c>entry 'x1': 'bandwidthTBps' must be greater than 0</c>; <see cref="GpuCatalog.Parse"/> prefixes the file
    /// name.
    /// </remarks>
    /// <returns>The errors; empty when the entry is valid.</returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        string entry = $"entry '{Id}'";
        if (!IsLowercaseHyphenated(Id))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: 'id' is not lowercase-hyphenated", Id, IdExpected));
        }

        CheckText(errors, entry, "name", Name);
        CheckText(errors, entry, "vendor", Vendor);
        CheckText(errors, entry, "interconnect.name", InterconnectName);
        CheckAliases(errors, entry);
        CheckPeaks(errors, entry);
        CheckPositive(errors, entry, "memory.value", MemoryUnit == Gibibytes ? Memory.Gibibytes : Memory.Gigabytes, MemoryUnit == Gibibytes ? Gibibytes : Gigabytes);
        if (MemoryUnit is not (Gigabytes or Gibibytes))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: 'memory.unit' is unknown", MemoryUnit, "GB or GiB, as the vendor prints it"));
        }

        CheckPositive(errors, entry, "bandwidthTBps", MemoryBandwidth.TerabytesPerSecond, "TB/s");
        if (Tdp is { } tdp)
        {
            CheckPositive(errors, entry, "tdpWatts", tdp.Watts, "W");
        }

        if (InterconnectBandwidth is { } link)
        {
            CheckPositive(errors, entry, "interconnect.gbps", link.GigabytesPerSecond, "GB/s");
        }

        if (!IsHttpUrl(Source))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: 'source' is not an http(s) URL", Source, "the URL of the vendor document"));
        }

        CheckPrice(errors, entry);
        return errors;
    }

    /// <summary>The <c>expected</c> text for ids and aliases.</summary>
    internal const string IdExpected = "lowercase letters and digits joined by single hyphens, e.g. h100-sxm5-80gb";

    /// <summary>Returns whether <paramref name="name"/> is lowercase letters and digits joined by single hyphens.</summary>
    /// <param name="name">The id or alias.</param>
    /// <returns><see langword="true"/> for names such as <c>h100-sxm5-80gb</c> or <c>4090</c>.</returns>
    internal static bool IsLowercaseHyphenated(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && name[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether <paramref name="text"/> is an absolute http or https URL.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for an absolute http(s) URL.</returns>
    internal static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Returns whether <paramref name="text"/> is a <c>YYYY-MM</c> month.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for e.g. <c>2026-09</c>.</returns>
    internal static bool IsYearMonth(string? text) =>
        text is { Length: 7 } && DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void CheckText(List<FieldError> errors, string entry, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: '{key}' is empty", Messages.Nothing, "a non-empty string"));
        }
    }

    private static void CheckPositive(List<FieldError> errors, string entry, string key, double value, string unit)
    {
        if (!(value > 0))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: '{key}' must be greater than 0", Format(value), $"a number > 0 ({unit})"));
        }
    }

    private void CheckAliases(List<FieldError> errors, string entry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string alias in Aliases)
        {
            if (!IsLowercaseHyphenated(alias))
            {
                errors.Add(new FieldError(CatalogField, $"{entry}: alias is not lowercase-hyphenated", alias, IdExpected));
            }
            else if (alias == Id || !seen.Add(alias))
            {
                errors.Add(new FieldError(CatalogField, $"{entry}: alias '{alias}' is repeated", alias, "aliases different from the id and from each other"));
            }
        }
    }

    private void CheckPeaks(List<FieldError> errors, string entry)
    {
        if (!DensePeaks.ContainsKey(DataType.Bf16) && !DensePeaks.ContainsKey(DataType.Fp16))
        {
            errors.Add(new FieldError(
                CatalogField,
                $"{entry}: 'dense' has no bf16 or fp16 peak",
                string.Join(", ", DensePeaks.Keys.Order().Select(DataTypes.Name)) is { Length: > 0 } keys ? keys : Messages.Nothing,
                "a dense bf16 or fp16 peak in TFLOPS"));
        }

        foreach ((DataType type, FlopRate peak) in DensePeaks.OrderBy(p => p.Key))
        {
            CheckPeakType(errors, entry, "dense", type);
            CheckPositive(errors, entry, $"dense.{DataTypes.Name(type)}", peak.TeraflopPerSecond, "TFLOPS");
        }

        foreach ((DataType type, FlopRate peak) in SparsePeaks.OrderBy(p => p.Key))
        {
            string key = $"sparse.{DataTypes.Name(type)}";
            CheckPeakType(errors, entry, "sparse", type);
            if (DensePeak(type) is not { } dense)
            {
                errors.Add(new FieldError(CatalogField, $"{entry}: '{key}' has no dense peak", Format(peak.TeraflopPerSecond), "a sparse peak only where 'dense' has the same data type"));
            }
            else if (!(peak >= dense))
            {
                errors.Add(new FieldError(CatalogField, $"{entry}: '{key}' is below the dense peak", Format(peak.TeraflopPerSecond), $"at least {Format(dense.TeraflopPerSecond)} (TFLOPS)"));
            }
        }
    }

    private static void CheckPeakType(List<FieldError> errors, string entry, string group, DataType type)
    {
        if (type == DataType.Int4 || !Enum.IsDefined(type))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: '{group}' has no peaks for {DataTypes.Name(type)}", DataTypes.Name(type), GpuCatalogReader.PeakKeysExpected));
        }
    }

    private void CheckPrice(List<FieldError> errors, string entry)
    {
        if (Price is not { } price)
        {
            return;
        }

        CheckPositive(errors, entry, "price.usdPerHour", price.PerHour.Usd, "USD per hour");
        CheckText(errors, entry, "price.source", price.Source);
        if (!IsYearMonth(price.Date))
        {
            errors.Add(new FieldError(CatalogField, $"{entry}: 'price.date' is not a month", price.Date, "YYYY-MM, e.g. 2026-09"));
        }
    }
}
