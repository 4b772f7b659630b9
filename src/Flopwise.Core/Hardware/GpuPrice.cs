namespace Flopwise.Hardware;

/// <summary>
/// A public on-demand rental price for one accelerator, with where and when it was read.
/// </summary>
/// <remarks>
/// <para>
/// Units: <see cref="PerHour"/> is US dollars per accelerator-hour (per GPU-hour, or per chip-hour for TPUs), the
/// list price of an on-demand instance without commitment, taxes or storage.
/// </para>
/// <para>
/// Cloud prices change often and differ several-fold between providers for the same chip, so every price carries its
/// <see cref="Source"/> and <see cref="Date"/>, and <see cref="IsVolatile"/> is <see langword="true"/> for all catalog
/// prices: results that use one name it in their assumptions. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record GpuPrice
{
    /// <summary>Gets the on-demand price of one accelerator for one hour.</summary>
    /// <value>US dollars per accelerator-hour; greater than zero in every catalog entry.</value>
    public required Money PerHour { get; init; }

    /// <summary>Gets where the price was read: the provider's pricing page and, where it was read through a
    /// transcription, that transcription.</summary>
    /// <value>A non-empty description starting with the page's URL.</value>
    public required string Source { get; init; }

    /// <summary>Gets the month in which the price was read.</summary>
    /// <value>A <c>YYYY-MM</c> string, e.g. <c>2026-09</c>.</value>
    public required string Date { get; init; }

    /// <summary>Gets a value indicating whether the price is expected to change (true for every cloud list price).</summary>
    /// <value><see langword="true"/> when the price should be re-checked before it is relied on.</value>
    public bool IsVolatile { get; init; } = true;
}
