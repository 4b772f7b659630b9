using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Forecasting;

public class HumanEquivalentsTests
{
    [Fact]
    public void Compute_Defaults_FiveE13FlopPerExpertHourAnd714Tokens()
    {
        HumanResult result = HumanEquivalents.Compute(new HumanRequest { TaskHours = 2 });

        Assert.Equal(HumanEquivalentFigures.FlopPerExpertHour, result.FlopPerExpertHour);
        AssertClose.ToPrinted(HumanEquivalentFigures.ReferenceAnswerTokens, result.ReferenceAnswerTokens, HumanEquivalentFigures.ReferenceAnswerTokensHalfUnit);
        Assert.Equal(1e14, result.TaskFlop!.Value.Flop);
        Assert.Equal(70e9, result.SinglePassParameters);
    }

    [Fact]
    public void Compute_FermatMillionHours_SinglePassModelAndAgentTime()
    {
        // Seed 004: a theorem that took 1M expert-hours over 358 years.
        HumanResult result = HumanEquivalents.Compute(new HumanRequest
        {
            TaskHours = 1e6,
            CalendarYears = HumanEquivalentFigures.FermatCalendarYears,
        });

        AssertClose.Relative(HumanEquivalentFigures.FermatSinglePassParameters, result.SinglePassParameters!.Value, 1e-15);
        Assert.Equal(5e5, result.SinglePassScale);
        AssertClose.ToPrinted(HumanEquivalentFigures.FermatTrainingFlop, result.SinglePassTrainingFlop!.Value.Flop, HumanEquivalentFigures.FermatTrainingFlopHalfUnit);
        AssertClose.Relative(120 * 3.5e16 * 3.5e16, result.SinglePassTrainingFlop.Value.Flop, 1e-15);
        AssertClose.Relative(HumanEquivalentFigures.FermatAgentHours, result.AgenticWallTime!.Value.Hours, 1e-15);
        Assert.True(result.AgenticWallTime.Value.Days < 1, "the seed's '< 1 day' holds for work-hours");
        AssertClose.ToPrinted(HumanEquivalentFigures.FermatCalendarDays, result.CalendarWallTime!.Value.Days, HumanEquivalentFigures.FermatCalendarDaysHalfUnit);
    }

    [Fact]
    public void Compute_TenTimesTheHours_TenTimesTheModelHundredTimesTheTraining()
    {
        HumanResult two = HumanEquivalents.Compute(new HumanRequest { TaskHours = 2 });
        HumanResult twenty = HumanEquivalents.Compute(new HumanRequest { TaskHours = 20 });

        AssertClose.Relative(10, twenty.SinglePassParameters!.Value / two.SinglePassParameters!.Value, 1e-15);
        AssertClose.Relative(100, twenty.SinglePassTrainingFlop!.Value / two.SinglePassTrainingFlop!.Value, 1e-14);
    }

    [Fact]
    public void Compute_OneTerawattHour_FivePointSevenMillionBrainYears()
    {
        HumanResult result = HumanEquivalents.Compute(new HumanRequest { EnergyKwh = 1e9 });

        AssertClose.ToPrinted(HumanEquivalentFigures.TerawattHourBrainYears, Math.Floor(result.BrainYears!.Value), HumanEquivalentFigures.TerawattHourBrainYearsHalfUnit);
        AssertClose.Relative(1e12 / 20 / 24 / 365, result.BrainYears.Value, 1e-15);
        Assert.Null(result.TaskFlop);
        Assert.DoesNotContain(result.Fields, f => f.Key == "taskFlop");
    }

    [Fact]
    public void Compute_Gpt3Words_About3800ReadingYears()
    {
        HumanResult result = HumanEquivalents.Compute(new HumanRequest { Tokens = HumanEquivalentFigures.Gpt3Words, WordsPerToken = 1 });

        Assert.Equal(HumanEquivalentFigures.ReadingWordsPerYear, result.ReadingWordsPerYear);
        AssertClose.ToPrinted(HumanEquivalentFigures.Gpt3ReadingYears, result.ReadingYears!.Value, HumanEquivalentFigures.Gpt3ReadingYearsHalfUnit);
    }

    [Fact]
    public void Compute_TokensDefaultWordsPerToken_ThreeQuartersOfAWordEach()
    {
        HumanResult result = HumanEquivalents.Compute(new HumanRequest { Tokens = 3e11 });

        Assert.Equal(2.25e11, result.Words);
        Assert.Contains(result.Assumptions, a => a is { Name: "wordsPerToken", Value: 0.75, IsDefault: true });
    }

    [Fact]
    public void Evaluate_NothingToConvert_ErrorOnTaskHours()
    {
        Outcome<HumanResult> outcome = HumanEquivalents.Evaluate(new HumanRequest());

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("task-hours", error.Field);
        Assert.Equal("nothing", error.Got);
    }

    [Fact]
    public void Evaluate_NegativeSpeedup_ErrorNamesSpeedup()
    {
        Outcome<HumanResult> outcome = HumanEquivalents.Evaluate(new HumanRequest { TaskHours = 1, Speedup = -5 });

        Assert.Equal("speedup: must be greater than 0 (got -5; expected a number > 0)", Assert.Single(outcome.Errors).ToString());
    }

    [Fact]
    public void Evaluate_TrainingOverflows_BlamesTaskHours()
    {
        Outcome<HumanResult> outcome = HumanEquivalents.Evaluate(new HumanRequest { TaskHours = 1e200 });

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("task-hours", error.Field);
        Assert.Contains("Its compute-optimal training", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_EveryDefault_HasASource()
    {
        Assert.All(HumanInputs.All.Concat(CopiesInputs.All).Where(s => s.Default is not null), s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
    }
}
