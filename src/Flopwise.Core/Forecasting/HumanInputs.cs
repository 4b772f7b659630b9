using Flopwise.Inputs;

namespace Flopwise.Forecasting;

/// <summary>The inputs of the human-equivalents calculator (seeds 004 and 001), with defaults and sources.</summary>
public static class HumanInputs
{
    private const string Seed004 =
        "Seed 004: @sytelus thread 'Human Hours to FLOPs', 2024-05-05, https://x.com/sytelus/status/1786929575366471695";

    private const string Seed001 = "Seed 001, 'FLOPS is all you need' section";

    /// <summary>Expert hours the task takes a person; optional.</summary>
    public static InputSpec TaskHours { get; } = new()
    {
        Name = "task-hours",
        Label = "Task expert-hours",
        Description = "Hours of expert work the task takes (work-hours, e.g. 1e6 for Fermat's Last Theorem).",
        Unit = "h",
    };

    /// <summary>Parameters of the reference model; default 70B.</summary>
    public static InputSpec ReferenceParameters { get; } = new()
    {
        Name = "reference-parameters",
        Label = "Reference model parameters",
        Description = "Size of the model whose answer is calibrated against expert time.",
        Unit = "parameters",
        Default = 70e9,
        Source = Seed004 + " (\"current 70B models\")",
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>Inference FLOP of the reference answer; default 1e14.</summary>
    public static InputSpec ReferenceFlop { get; } = new()
    {
        Name = "reference-flop",
        Label = "Reference answer FLOP",
        Description = "Inference FLOP the reference model spends on the reference answer.",
        Unit = "FLOP",
        Default = 1e14,
        Source = Seed004 + " (\"~100 TFLOPs\")",
    };

    /// <summary>Expert hours the reference answer replaces; default 2.</summary>
    public static InputSpec ReferenceHours { get; } = new()
    {
        Name = "reference-hours",
        Label = "Reference answer expert-hours",
        Description = "Expert hours the reference answer would take a person.",
        Unit = "h",
        Default = 2,
        Source = Seed004 + " (\"~2hr of work\")",
    };

    /// <summary>How many times faster than a person a model works; default 50,000.</summary>
    public static InputSpec Speedup { get; } = new()
    {
        Name = "speedup",
        Label = "Model speed-up over a person",
        Description = "An agent accumulating FLOP works this many times faster than an expert (wall time = hours ÷ speed-up).",
        Default = 50_000,
        Source = Seed004 + " (\"~50,000 times faster than humans\")",
    };

    /// <summary>Tokens per parameter for the compute-optimal training of the single-pass model; default 20.</summary>
    public static InputSpec TokensPerParameter { get; } = new()
    {
        Name = "tokens-per-parameter",
        Label = "Training tokens per parameter",
        Description = "Compute-optimal training of the single-pass model uses D = m·N tokens, C = 6·N·D.",
        Unit = "tokens/parameter",
        Default = 20,
        Source = "Hoffmann et al. 2022 (Chinchilla), arXiv 2203.15556",
    };

    /// <summary>Calendar years the task took people; optional.</summary>
    public static InputSpec CalendarYears { get; } = new()
    {
        Name = "calendar-years",
        Label = "Task calendar years",
        Description = "Calendar time the task took people (e.g. 358 years for Fermat); compared at the same speed-up.",
        Unit = "years",
    };

    /// <summary>Energy to express in brain-years; optional.</summary>
    public static InputSpec EnergyKwh { get; } = new()
    {
        Name = "energy-kwh",
        Label = "Energy",
        Description = "Energy to express as years of a human brain's power (e.g. 1e9 kWh = 1 TWh).",
        Unit = "kWh",
    };

    /// <summary>Power of a human brain; default 20 W.</summary>
    public static InputSpec BrainWatts { get; } = new()
    {
        Name = "brain-watts",
        Label = "Brain power",
        Description = "Power drawn by a human brain.",
        Unit = "W",
        Default = 20,
        Source = Seed001 + ": \"The human brain only consumes around 20W\"",
    };

    /// <summary>Tokens to express in reading-years; optional.</summary>
    public static InputSpec Tokens { get; } = new()
    {
        Name = "tokens",
        Label = "Tokens",
        Description = "Tokens (e.g. a training set) to express as years of reading 24/7.",
        Unit = "tokens",
        Minimum = 1,
        MinimumInclusive = true,
    };

    /// <summary>English words per token; default 0.75.</summary>
    public static InputSpec WordsPerToken { get; } = new()
    {
        Name = "words-per-token",
        Label = "Words per token",
        Description = "English words per token of a BPE tokenizer (a token is about 3/4 of a word).",
        Unit = "words/token",
        Default = 0.75,
        Source = "OpenAI Help Center, 'What are tokens and how to count them?' (1 token ≈ 3/4 word)",
    };

    /// <summary>Reading speed; default 250 words per minute.</summary>
    public static InputSpec WordsPerMinute { get; } = new()
    {
        Name = "words-per-minute",
        Label = "Reading speed",
        Description = "Words a person reads per minute, reading 24 hours a day, 365 days a year.",
        Unit = "words/min",
        Default = 250,
        Source = Seed001 + ": \"read 24/7 for a year at a rate of 250 words per minute, you'd read about 130 million words annually\"",
    };

    /// <summary>Gets every input, in the order of the help text.</summary>
    public static IReadOnlyList<InputSpec> All { get; } =
    [
        TaskHours, ReferenceParameters, ReferenceFlop, ReferenceHours, Speedup, TokensPerParameter,
        CalendarYears, EnergyKwh, BrainWatts, Tokens, WordsPerToken, WordsPerMinute,
    ];
}
