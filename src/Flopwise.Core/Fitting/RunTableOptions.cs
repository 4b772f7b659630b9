namespace Flopwise.Fitting;

/// <summary>How <see cref="RunTable.Parse"/> reads a CSV of training runs: which columns to use, and what to drop.</summary>
/// <remarks>Immutable and thread-safe. Column names are matched case-insensitively after trimming.</remarks>
public sealed record RunTableOptions
{
    /// <summary>Gets the column holding the parameter count N; <see langword="null"/> to auto-detect (<c>N</c>, <c>params</c>, <c>parameters</c>, <c>Model Size</c>).</summary>
    public string? ParamsColumn { get; init; }

    /// <summary>Gets the column holding the training tokens D; <see langword="null"/> to auto-detect (<c>D</c>, <c>tokens</c>).</summary>
    public string? TokensColumn { get; init; }

    /// <summary>Gets the column holding the training compute C in FLOP; <see langword="null"/> to auto-detect (<c>C</c>, <c>flop</c>, <c>compute</c>, <c>Training FLOP</c>).</summary>
    public string? ComputeColumn { get; init; }

    /// <summary>Gets the column holding the final loss; <see langword="null"/> to auto-detect (<c>loss</c>).</summary>
    public string? LossColumn { get; init; }

    /// <summary>Gets the number k of highest-loss rows to drop (Epoch's rule: keep loss &lt; the k-th highest loss, so ties at the threshold go too); 0 keeps all.</summary>
    public int DropHighestLoss { get; init; }

    /// <summary>Gets a value indicating whether bad rows are skipped and counted as warnings instead of being errors.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Gets the minimum number of usable rows: the five parameters of the Chinchilla form (E, A, B, α, β).</summary>
    public static int MinimumRows => 5;
}
