using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>The inputs of the copies-after-training model (seed 000), with defaults and sources.</summary>
public static class CopiesInputs
{
    private const string Seed000 = "Seed 000 spreadsheet (h/t Lukas Finnveden)";

    /// <summary>Training compute C in FLOP; required.</summary>
    public static InputSpec Compute { get; } = new()
    {
        Name = "compute",
        Label = "Training compute C",
        Description = "Total training compute of the run, in FLOP (physical FLOP, not PF-days).",
        Unit = "FLOP",
        IsRequired = true,
    };

    /// <summary>k: forward-pass FLOP per parameter per token; default 1.5.</summary>
    public static InputSpec K { get; } = new()
    {
        Name = "k",
        Label = "Forward FLOP per parameter k",
        Description = "A forward pass of a p-parameter model costs k·p FLOP per token (a dense transformer is about 2).",
        Unit = "FLOP/parameter",
        Default = 1.5,
        Source = Seed000 + ": \"Bio Anchors uses k = 1.5\" (Cotra 2020, Forecasting TAI with biological anchors)",
    };

    /// <summary>m: training tokens per parameter; default 20.</summary>
    public static InputSpec TokensPerParameter { get; } = new()
    {
        Name = "tokens-per-parameter",
        Label = "Tokens per parameter m",
        Description = "The model is trained on m·p tokens.",
        Unit = "tokens/parameter",
        Default = 20,
        Source = Seed000 + ", citing Chinchilla (Hoffmann et al. 2022, arXiv 2203.15556)",
    };

    /// <summary>h: horizon-length multiplier on training FLOP; default 1.5.</summary>
    public static InputSpec Horizon { get; } = new()
    {
        Name = "horizon",
        Label = "Horizon length h",
        Description = "Longer horizons raise training FLOP (C = 3·h·k·m·p²) without raising runtime FLOP per token.",
        Default = 1.5,
        Source = Seed000,
    };

    /// <summary>T: training duration in seconds; default 1e7 s (115.7 days).</summary>
    public static InputSpec DurationSeconds { get; } = new()
    {
        Name = "duration-seconds",
        Label = "Training duration T",
        Description = "Wall time of the training run; its cluster delivers C/T FLOP/s, all reallocated to inference.",
        Unit = "s",
        Default = 1e7,
        Source = Seed000 + ": \"4 months\" (1e7 s is 115.7 days)",
    };

    /// <summary>r: tokens per second one task needs; default 10.</summary>
    public static InputSpec TaskTokensPerSecond { get; } = new()
    {
        Name = "task-tokens-per-second",
        Label = "Tokens per second per task r",
        Description = "Decoding speed one task (one copy doing useful work) needs.",
        Unit = "tokens/s",
        Default = 10,
        Source = Seed000,
    };

    /// <summary>Gets every input, in the order of the help text.</summary>
    public static IReadOnlyList<InputSpec> All { get; } =
        [Compute, K, TokensPerParameter, Horizon, DurationSeconds, TaskTokensPerSecond];
}
