using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>
/// Human-equivalent conversions: FLOP per expert-hour, and for whichever inputs were given, the single-pass model
/// and agent wall time of a task, the calendar comparison, brain-years of an energy and reading-years of tokens.
/// </summary>
/// <remarks>Sections whose input was not given are <see langword="null"/> and absent from <see cref="Fields"/>.
/// Immutable and thread-safe.</remarks>
public sealed record HumanResult : ICalculationResult
{
    /// <summary>Gets the inference FLOP per expert-hour of the reference model: reference FLOP ÷ reference hours.</summary>
    public required double FlopPerExpertHour { get; init; }

    /// <summary>Gets the reference answer's length in tokens at 2·N FLOP per token.</summary>
    public required double ReferenceAnswerTokens { get; init; }

    /// <summary>Gets the task's FLOP: FLOP per expert-hour × task hours.</summary>
    public FlopCount? TaskFlop { get; init; }

    /// <summary>Gets how many times larger than the reference the single-pass model is: task hours ÷ reference hours.</summary>
    public double? SinglePassScale { get; init; }

    /// <summary>Gets the parameters of a model whose single answer carries the task's FLOP (linear in hours).</summary>
    public double? SinglePassParameters { get; init; }

    /// <summary>Gets the compute-optimal training compute of that model, 6·N·(m·N).</summary>
    public FlopCount? SinglePassTrainingFlop { get; init; }

    /// <summary>Gets the agent's wall time: task hours ÷ speed-up.</summary>
    public WallTime? AgenticWallTime { get; init; }

    /// <summary>Gets the calendar years ÷ speed-up.</summary>
    public WallTime? CalendarWallTime { get; init; }

    /// <summary>Gets the years a brain of the given power runs on the given energy.</summary>
    public double? BrainYears { get; init; }

    /// <summary>Gets the words in the given tokens.</summary>
    public double? Words { get; init; }

    /// <summary>Gets the words a person reads in a year, 24/7.</summary>
    public double? ReadingWordsPerYear { get; init; }

    /// <summary>Gets the years a person needs to read the given tokens, 24/7.</summary>
    public double? ReadingYears { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("flopPerExpertHour", "Inference FLOP per expert-hour", FlopPerExpertHour, "FLOP/h"),
                new("referenceAnswerTokens", "Reference answer length", ReferenceAnswerTokens, "tokens"),
            };
            if (TaskFlop is FlopCount taskFlop)
            {
                fields.Add(new("taskFlop", "Task FLOP", taskFlop.Flop, "FLOP"));
                fields.Add(new("singlePassScale", "Single-pass model ÷ reference model", SinglePassScale!.Value, "×"));
                fields.Add(new("singlePassParameters", "Single-pass model parameters", SinglePassParameters!.Value, "parameters"));
                fields.Add(new("singlePassTrainingFlop", "Its compute-optimal training", SinglePassTrainingFlop!.Value.Flop, "FLOP"));
                fields.Add(new("agenticWallTimeSeconds", "Agent wall time", AgenticWallTime!.Value.Seconds, "s"));
                fields.Add(new("agenticWallTimeDays", "Agent wall time", AgenticWallTime.Value.Days, "days"));
            }

            if (CalendarWallTime is WallTime calendar)
            {
                fields.Add(new("calendarWallTimeSeconds", "Calendar time ÷ speed-up", calendar.Seconds, "s"));
                fields.Add(new("calendarWallTimeDays", "Calendar time ÷ speed-up", calendar.Days, "days"));
            }

            if (BrainYears is double brainYears)
            {
                fields.Add(new("brainYears", "Brain-years of that energy", brainYears, "years"));
            }

            if (ReadingYears is double readingYears)
            {
                fields.Add(new("words", "Words", Words!.Value, "words"));
                fields.Add(new("readingWordsPerYear", "Words read per year, 24/7", ReadingWordsPerYear!.Value, "words/year"));
                fields.Add(new("readingYears", "Reading-years, 24/7", readingYears, "years"));
            }

            return fields;
        }
    }
}
