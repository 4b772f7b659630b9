using CsCheck;
using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Forecasting;

public class CopiesModelTests
{
    public static TheoryData<string> Sheets => new() { "3e25", "3e27", "3e29", "3e33" };

    private static Seed000CopiesSheet.Sheet SheetFor(string name) => name switch
    {
        "3e25" => Seed000CopiesSheet.Sheet3e25,
        "3e27" => Seed000CopiesSheet.Sheet3e27,
        "3e29" => Seed000CopiesSheet.Sheet3e29,
        _ => Seed000CopiesSheet.Sheet3e33,
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Compute_Seed000Sheet_MatchesPrintedThreeFigures(string name)
    {
        Seed000CopiesSheet.Sheet sheet = SheetFor(name);

        CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = sheet.Compute });

        AssertClose.ToPrinted(sheet.Parameters, result.Parameters, Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.Parameters), "p");
        AssertClose.ToPrinted(sheet.RuntimeFlopPerForward, result.RuntimeFlopPerForward.Flop, Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.RuntimeFlopPerForward), "k·p");
        AssertClose.ToPrinted(sheet.TokensPerSecond, result.TokensPerSecond, Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.TokensPerSecond), "tokens/s");
        AssertClose.ToPrinted(sheet.ParallelTasks, result.ParallelTasks, Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.ParallelTasks), "tasks");
    }

    [Fact]
    public void Compute_FirstSheet_MatchesUnroundedValues()
    {
        CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = 3e25 });

        const int Figures = Seed000CopiesSheet.UnroundedFigures;
        AssertClose.ToPrinted(Seed000CopiesSheet.UnroundedParameters, result.Parameters, Seed000CopiesSheet.HalfUnit(Seed000CopiesSheet.UnroundedParameters, Figures));
        AssertClose.ToPrinted(Seed000CopiesSheet.UnroundedRuntimeFlop, result.RuntimeFlopPerForward.Flop, Seed000CopiesSheet.HalfUnit(Seed000CopiesSheet.UnroundedRuntimeFlop, Figures));
        AssertClose.ToPrinted(Seed000CopiesSheet.UnroundedTokensPerSecond, result.TokensPerSecond, Seed000CopiesSheet.HalfUnit(Seed000CopiesSheet.UnroundedTokensPerSecond, Figures));
        AssertClose.ToPrinted(Seed000CopiesSheet.UnroundedTasks, result.ParallelTasks, Seed000CopiesSheet.HalfUnit(Seed000CopiesSheet.UnroundedTasks, Figures));
    }

    [Fact]
    public void Compute_AnyCompute_MatchesClosedFormSqrt60C()
    {
        Gen.Double[1e10, 1e40].Sample(c =>
        {
            CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = c });
            AssertClose.Relative(Math.Sqrt(60 * c) / 1e8, result.ParallelTasks, Seed000CopiesSheet.ClosedFormRelativeTolerance);
        });
    }

    [Fact]
    public void Compute_AnyInputs_TrainingFlopEqualsThreeHkmPSquared()
    {
        Gen.Select(Gen.Double[1e15, 1e35], Gen.Double[0.5, 4], Gen.Double[1, 300], Gen.Double[0.5, 10]).Sample((c, k, m, h) =>
        {
            CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = c, K = k, TokensPerParameter = m, Horizon = h });
            AssertClose.Relative(c, 3 * h * k * m * result.Parameters * result.Parameters, 1e-13);
        });
    }

    [Fact]
    public void Compute_HundredTimesCompute_TenTimesEveryOutput()
    {
        CopiesResult low = CopiesModel.Compute(new CopiesRequest { Compute = 3e25 });
        CopiesResult high = CopiesModel.Compute(new CopiesRequest { Compute = 3e27 });

        AssertClose.Relative(10, high.Parameters / low.Parameters, 1e-14);
        AssertClose.Relative(10, high.RuntimeFlopPerForward / low.RuntimeFlopPerForward, 1e-14);
        AssertClose.Relative(10, high.TokensPerSecond / low.TokensPerSecond, 1e-14);
        AssertClose.Relative(10, high.ParallelTasks / low.ParallelTasks, 1e-14);
    }

    [Fact]
    public void Compute_KTwoHorizonOne_ReducesToSixND()
    {
        CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = 5.88e23, K = 2, Horizon = 1 });

        AssertClose.Relative(70e9, result.Parameters, 1e-12);
        AssertClose.Relative(5.88e23, 6 * result.Parameters * (20 * result.Parameters), 1e-12);
    }

    [Fact]
    public void Evaluate_Defaults_RecordedAsDefaultAssumptionsWithSources()
    {
        CopiesResult result = CopiesModel.Compute(new CopiesRequest { Compute = 3e25, Horizon = 2 });

        Assert.Contains(result.Assumptions, a => a is { Name: "compute", Value: 3e25, IsDefault: false });
        Assert.Contains(result.Assumptions, a => a is { Name: "horizon", Value: 2.0, IsDefault: false, Source: null });
        Assert.Contains(result.Assumptions, a => a is { Name: "k", Value: 1.5, IsDefault: true } && a.Source!.Contains("Seed 000", StringComparison.Ordinal));
        Assert.All(result.Assumptions.Where(a => a.IsDefault), a => Assert.False(string.IsNullOrEmpty(a.Source)));
        Assert.Equal(
            ["parameters", "trainingFlop", "runtimeFlopPerForward", "clusterFlopPerSecond", "tokensPerSecond", "parallelTasks"],
            result.Fields.Select(f => f.Key));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void Evaluate_NonPositiveInput_ErrorNamesFieldValueAndRange(double bad)
    {
        foreach (InputSpec spec in CopiesInputs.All)
        {
            InputValues values = InputValues.Empty.With(CopiesInputs.Compute, 3e25).With(spec, bad);

            Outcome<CopiesResult> outcome = CopiesModel.Evaluate(CopiesRequest.From(values));

            FieldError error = Assert.Single(outcome.Errors);
            Assert.Equal(spec.Name, error.Field);
            Assert.Equal("must be greater than 0", error.Problem);
            Assert.Equal(InputSpec.Format(bad), error.Got);
            Assert.StartsWith("a number > 0", error.Expected, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_NoCompute_RequiredError()
    {
        Outcome<CopiesResult> outcome = CopiesModel.Evaluate(new CopiesRequest());

        Assert.False(outcome.IsValid);
        Assert.Equal("compute: is required (got nothing; expected a number > 0 (FLOP))", Assert.Single(outcome.Errors).ToString());
    }

    [Fact]
    public void Evaluate_OverflowingResult_BlamesTheExtremeInput()
    {
        Outcome<CopiesResult> outcome = CopiesModel.Evaluate(new CopiesRequest { Compute = 1e300, K = 1e-300 });

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("k", error.Field);
        Assert.Equal("1e-300", error.Got);
    }

    [Fact]
    public void Sweep_Decades_ExactPowersOfTen()
    {
        GeometricSweep sweep = GeometricSweep.Parse("sweep", "1e24:1e34", out _)!;

        CopiesSweep result = CopiesModel.Sweep(new CopiesRequest(), sweep).GetValueOrThrow();

        Assert.Equal(11, result.Rows.Count);
        for (int i = 0; i < 11; i++)
        {
            Assert.Equal(double.Parse($"1e{24 + i}", System.Globalization.CultureInfo.InvariantCulture), result.Rows[i].TrainingCompute.Flop);
        }

        Assert.Contains(result.Assumptions, a => a is { Name: "compute", Text: "1e+24 to 1e+34, one row per decade" });
    }

    [Fact]
    public void Chart_Sweep_LogLogParametersAndTasksAgainstCompute()
    {
        CopiesSweep sweep = CopiesModel.Sweep(new CopiesRequest(), GeometricSweep.Parse("sweep", "1e24:1e26", out _)!).GetValueOrThrow();

        var chart = CopiesModel.Chart(sweep.Rows);

        Assert.True(chart.XLogarithmic && chart.YLogarithmic);
        Assert.Equal(["Parameters p", "Tasks in parallel"], chart.Series.Select(s => s.Name));
        Assert.Equal([1e24, 1e25, 1e26], chart.Series[0].X);
        Assert.Equal(sweep.Rows.Select(r => r.Parameters), chart.Series[0].Y);
        Assert.Equal(sweep.Rows.Select(r => r.ParallelTasks), chart.Series[1].Y);
    }
}
