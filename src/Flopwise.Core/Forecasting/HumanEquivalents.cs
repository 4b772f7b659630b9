using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>
/// Converts between expert time and FLOP (seed 004), and expresses energy and data in human terms (seed 001).
/// </summary>
/// <remarks>
/// <para>Seed 004: a 70B model spends about 1e14 FLOP on an answer an expert needs about 2 hours for, so one
/// expert-hour ≈ 5e13 inference FLOP. A single answer's FLOP grow linearly with model size (2·N per token), so a task
/// of H expert-hours needs a model H ÷ 2 times larger for one pass, whose compute-optimal training 6·N·(m·N) grows as
/// its square. An agent instead accumulates FLOP over time: at a speed-up s over people it takes H ÷ s hours.</para>
/// <para>Seed 001: a brain runs on 20 W (1 TWh ≈ 5.7 million brain-years); reading 24/7 at 250 words per minute is
/// 131.4 million words a year.</para>
/// <para>A year is 365 days. See docs/formulas.md, "Human equivalents", for the seeds' slips.</para>
/// </remarks>
public static class HumanEquivalents
{
    /// <summary>Forward FLOP per parameter per token of a dense transformer (2 FLOP per multiply–accumulate).</summary>
    public const double ForwardFlopPerParameter = 2;

    private static readonly Assumption ForwardNote = new()
    {
        Name = "forwardFlopPerParameter",
        Label = "Forward FLOP per parameter per token",
        Value = ForwardFlopPerParameter,
        Unit = "FLOP/parameter",
        Description = "A dense transformer's forward pass costs about 2·N FLOP per token; used for the reference answer's length.",
        Source = "Kaplan et al. 2020, arXiv 2001.08361, §2.1",
        IsDefault = true,
    };

    /// <summary>Evaluates the conversions, validating every input and checking that every output is finite.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<HumanResult> Evaluate(HumanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double? hours = inputs.UseOptional(HumanInputs.TaskHours, request.TaskHours);
        double refParameters = inputs.Use(HumanInputs.ReferenceParameters, request.ReferenceParameters);
        double refFlop = inputs.Use(HumanInputs.ReferenceFlop, request.ReferenceFlop);
        double refHours = inputs.Use(HumanInputs.ReferenceHours, request.ReferenceHours);
        double speedup = inputs.Use(HumanInputs.Speedup, request.Speedup);
        double m = inputs.Use(HumanInputs.TokensPerParameter, request.TokensPerParameter);
        double? calendarYears = inputs.UseOptional(HumanInputs.CalendarYears, request.CalendarYears);
        double? energyKwh = inputs.UseOptional(HumanInputs.EnergyKwh, request.EnergyKwh);
        double brainWatts = inputs.Use(HumanInputs.BrainWatts, request.BrainWatts);
        double? tokens = inputs.UseOptional(HumanInputs.Tokens, request.Tokens);
        double wordsPerToken = inputs.Use(HumanInputs.WordsPerToken, request.WordsPerToken);
        double wordsPerMinute = inputs.Use(HumanInputs.WordsPerMinute, request.WordsPerMinute);
        inputs.Note(ForwardNote);
        if (request is { TaskHours: null, CalendarYears: null, EnergyKwh: null, Tokens: null })
        {
            inputs.AddError(new FieldError(
                HumanInputs.TaskHours.Name,
                "is required unless calendar-years, energy-kwh or tokens is given",
                Messages.Nothing,
                HumanInputs.TaskHours.Expected));
        }

        if (inputs.HasErrors)
        {
            return Outcome<HumanResult>.Failure(inputs.Errors);
        }

        double flopPerHour = refFlop / refHours;
        double answerTokens = refFlop / (ForwardFlopPerParameter * refParameters);
        double secondsPerYear = WallTime.FromYears(1).Seconds;
        double? scale = hours / refHours;
        double? parameters = refParameters * scale;
        double? trainingFlop = 6 * parameters * (m * parameters);
        double? agentSeconds = hours * 3600 / speedup;
        double? calendarSeconds = calendarYears * secondsPerYear / speedup;
        double? brainYears = energyKwh * 3.6e6 / (brainWatts * secondsPerYear);
        double? words = tokens * wordsPerToken;
        double wordsPerYear = wordsPerMinute * secondsPerYear / 60;
        double? readingYears = words / wordsPerYear;

        var outputs = new List<(string, double)>
        {
            ("Inference FLOP per expert-hour", flopPerHour),
            ("Reference answer length", answerTokens),
        };
        AddIfPresent(outputs, "Task FLOP", flopPerHour * hours);
        AddIfPresent(outputs, "Single-pass model parameters", parameters);
        AddIfPresent(outputs, "Its compute-optimal training", trainingFlop);
        AddIfPresent(outputs, "Agent wall time", agentSeconds);
        AddIfPresent(outputs, "Calendar time ÷ speed-up", calendarSeconds);
        AddIfPresent(outputs, "Brain-years of that energy", brainYears);
        AddIfPresent(outputs, "Reading-years, 24/7", readingYears);
        if (!inputs.CheckFinite([.. outputs]))
        {
            return Outcome<HumanResult>.Failure(inputs.Errors);
        }

        return Outcome<HumanResult>.Success(new HumanResult
        {
            FlopPerExpertHour = flopPerHour,
            ReferenceAnswerTokens = answerTokens,
            TaskFlop = hours is null ? null : FlopCount.FromFlop(flopPerHour * hours.Value),
            SinglePassScale = scale,
            SinglePassParameters = parameters,
            SinglePassTrainingFlop = trainingFlop is null ? null : FlopCount.FromFlop(trainingFlop.Value),
            AgenticWallTime = agentSeconds is null ? null : WallTime.FromSeconds(agentSeconds.Value),
            CalendarWallTime = calendarSeconds is null ? null : WallTime.FromSeconds(calendarSeconds.Value),
            BrainYears = brainYears,
            Words = words,
            ReadingWordsPerYear = tokens is null ? null : wordsPerYear,
            ReadingYears = readingYears,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Computes the conversions for a valid request.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An input is missing, out of range, or makes an output non-finite.</exception>
    public static HumanResult Compute(HumanRequest request) => Evaluate(request).GetValueOrThrow();

    private static void AddIfPresent(List<(string, double)> outputs, string label, double? value)
    {
        if (value is double v)
        {
            outputs.Add((label, v));
        }
    }
}
