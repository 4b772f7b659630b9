namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Figures about Epoch AI's model table and its frontier trend, with their sources and tolerances.
/// </summary>
public static class HistoryFigures
{
    /// <summary>Records in the snapshot (data/epoch_ai_models/SOURCE.md, "Copy": 1,892 records).</summary>
    public const int SnapshotRecords = 1892;

    /// <summary>Rows with a training compute (data/epoch_ai_models/SOURCE.md, "Coverage": present in 988 rows).</summary>
    public const int SnapshotRowsWithCompute = 988;

    /// <summary>
    /// Epoch AI (2024), "Training compute of frontier AI models grows by 4-5x per year"
    /// (https://epoch.ai/blog/training-compute-of-frontier-ai-models-grows-by-4-5x-per-year): the recommended summary
    /// of growth for notable and frontier models since 2010 is 4-5x per year; frontier growth since 2018 is "better
    /// described as a 4x/year trend".
    /// </summary>
    public const double EpochFrontierGrowthLow = 4.0;

    /// <summary>The upper end of Epoch's 4-5x per year.</summary>
    public const double EpochFrontierGrowthHigh = 5.0;

    /// <summary>
    /// Tolerance on the 4-5x band, relative: the snapshot's rank column starts in December 2015 and our fit is a plain
    /// least-squares line over the running top 10, not Epoch's exact sample, so the band is widened by 10 % each way.
    /// </summary>
    public const double EpochFrontierGrowthRelativeTolerance = 0.10;
}
