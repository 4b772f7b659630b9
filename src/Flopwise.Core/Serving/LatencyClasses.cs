namespace Flopwise.Serving;

/// <summary>The latency targets each <see cref="LatencyClass"/> stands for, and their names.</summary>
/// <remarks>
/// Seed 001 names three workloads: a code assistant that "infers on every keystroke" (Codeium), a writing tool that
/// answers "in seconds" (Jasper), and an image service that takes "30 s chunks" and answers in minutes (Midjourney).
/// The targets are Flopwise's reading of those words, documented in docs/formulas.md: a completion must start before
/// the next keystroke (about 200 ms apart at 60 words a minute) and stream 20 tokens within another 200 ms; a chat
/// answer must start within 2 s and stream faster than people read (10 tokens/s); a batch job must finish its prefill
/// within one 30-second chunk.
/// </remarks>
public static class LatencyClasses
{
    /// <summary>Gets every class, in declaration order.</summary>
    public static IReadOnlyList<LatencyClass> All { get; } = Enum.GetValues<LatencyClass>();

    /// <summary>Gets the time-to-first-token target of a class, in milliseconds.</summary>
    /// <param name="latencyClass">The class.</param>
    /// <returns>200, 2,000 or 30,000 ms.</returns>
    public static double MaxTtftMs(LatencyClass latencyClass) => latencyClass switch
    {
        LatencyClass.Keystroke => 200,
        LatencyClass.Interactive => 2_000,
        LatencyClass.Batch => 30_000,
        _ => throw new ArgumentOutOfRangeException(nameof(latencyClass), latencyClass, "Value should be a defined LatencyClass."),
    };

    /// <summary>Gets the time-per-output-token target of a class, in milliseconds, or <see langword="null"/> for none.</summary>
    /// <param name="latencyClass">The class.</param>
    /// <returns>10 or 100 ms, or <see langword="null"/> for <see cref="LatencyClass.Batch"/>.</returns>
    public static double? MaxTpotMs(LatencyClass latencyClass) => latencyClass switch
    {
        LatencyClass.Keystroke => 10,
        LatencyClass.Interactive => 100,
        LatencyClass.Batch => null,
        _ => throw new ArgumentOutOfRangeException(nameof(latencyClass), latencyClass, "Value should be a defined LatencyClass."),
    };

    /// <summary>Gets the lowercase name used on the command line, e.g. <c>keystroke</c>.</summary>
    /// <param name="latencyClass">The class.</param>
    /// <returns>The name.</returns>
    public static string Name(LatencyClass latencyClass) => latencyClass.ToString().ToLowerInvariant();

    /// <summary>Gets the seed 001 workload a class stands for.</summary>
    /// <param name="latencyClass">The class.</param>
    /// <returns>A short description.</returns>
    public static string Describe(LatencyClass latencyClass) => latencyClass switch
    {
        LatencyClass.Keystroke => "code completion on every keystroke (seed 001: Codeium)",
        LatencyClass.Interactive => "writing and chat tools answering within seconds (seed 001: Jasper)",
        LatencyClass.Batch => "batch work in 30-second chunks, answered in minutes (seed 001: Midjourney)",
        _ => throw new ArgumentOutOfRangeException(nameof(latencyClass), latencyClass, "Value should be a defined LatencyClass."),
    };
}
