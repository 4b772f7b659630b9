namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Figures of seeds 004 and 001 that the human-equivalents calculator must reproduce, with their sources and
/// tolerances (docs/formulas.md, "Human equivalents").
/// </summary>
public static class HumanEquivalentFigures
{
    /// <summary>Seed 004: 1e14 FLOP per 2 expert-hours = 5e13 FLOP per expert-hour (exact arithmetic).</summary>
    public const double FlopPerExpertHour = 5e13;

    /// <summary>Derived from seed 004: 100 TFLOP ≈ 714 tokens at 2·70e9 FLOP per token (printed to 3 figures).</summary>
    public const double ReferenceAnswerTokens = 714;
    public const double ReferenceAnswerTokensHalfUnit = 0.5;

    /// <summary>Derived from seed 004: the linear rule gives 5e5 × a 70B model = 3.5e16 parameters for 1e6 hours.</summary>
    public const double FermatSinglePassParameters = 3.5e16;

    /// <summary>Derived: compute-optimal training (C = 120·N², Hoffmann et al. 2022's 20 tokens per parameter) ≈ 1.5e35 FLOP (printed to 2 figures: half unit 0.05e35).</summary>
    public const double FermatTrainingFlop = 1.5e35;
    public const double FermatTrainingFlopHalfUnit = 0.05e35;

    /// <summary>Seed 004, derived: 1e6 work-hours ÷ 5e4 = 20 hours of agent wall time (exact).</summary>
    public const double FermatAgentHours = 20;

    /// <summary>Derived: 358 calendar years ÷ 5e4 ≈ 2.6 days (printed to 2 figures: half unit 0.05).</summary>
    public const double FermatCalendarYears = 358;
    public const double FermatCalendarDays = 2.6;
    public const double FermatCalendarDaysHalfUnit = 0.05;

    /// <summary>Seed 001: "a TWh ≈ 5.7M years of brain power"; derived: 1e12/20/24/365 = 5,707,762 (truncated).</summary>
    public const double TerawattHourBrainYears = 5_707_762;
    public const double TerawattHourBrainYearsHalfUnit = 1;

    /// <summary>Seed 001: reading 24/7 at 250 wpm = 250·60·24·365 = 131.4M words a year (exact).</summary>
    public const double ReadingWordsPerYear = 131_400_000;

    /// <summary>Seed 001, derived: GPT-3's "~500B words" ≈ 3,800 reading-years (printed to 2 figures: half unit 50).</summary>
    public const double Gpt3Words = 500e9;
    public const double Gpt3ReadingYears = 3_800;
    public const double Gpt3ReadingYearsHalfUnit = 50;
}
