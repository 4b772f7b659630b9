using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Core.Tests.Forecasting;

public class ModelHistoryTests
{
    private static IReadOnlyList<HistoricalModel> Epoch => ModelTable.Epoch.Models;

    [Fact]
    public void Evaluate_AtAModelsOwnCompute_CountsOnlyStrictlyLargerAndItIsNearestBelow()
    {
        HistoricalModel llama = Epoch.Single(m => m.Name == "Llama 3.1-405B");

        HistoryResult result = Place(llama.TrainingCompute.Flop);

        Assert.Equal(Epoch.Count(m => m.TrainingCompute.Flop > llama.TrainingCompute.Flop), result.ModelsAbove);
        Assert.Equal(llama, result.NearestBelow);
        Assert.Equal(Epoch.Where(m => m.TrainingCompute > llama.TrainingCompute).MinBy(m => m.TrainingCompute.Flop), result.NearestAbove);
    }

    [Fact]
    public void Evaluate_BetweenTwoModels_NearestAreTheNeighboursByCompute()
    {
        const double C = 3e25;

        HistoryResult result = Place(C);

        HistoricalModel below = Epoch.Where(m => m.TrainingCompute.Flop <= C).MaxBy(m => m.TrainingCompute.Flop)!;
        HistoricalModel above = Epoch.Where(m => m.TrainingCompute.Flop > C).MinBy(m => m.TrainingCompute.Flop)!;
        Assert.Equal(below, result.NearestBelow);
        Assert.Equal(above, result.NearestAbove);
        Assert.Equal(Epoch.Count(m => m.TrainingCompute.Flop > C), result.ModelsAbove);
        Assert.Equal(Epoch.MaxBy(m => m.TrainingCompute.Flop), result.Largest);
        Assert.Equal(Epoch.Count, result.ModelsWithCompute);
        Assert.Equal(ModelTable.Epoch.RowsWithoutCompute, result.RowsWithoutCompute);
        Assert.Equal(0, result.MalformedRows);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_AboveTheLargest_NoNearestAboveAndSaysWhy()
    {
        HistoryResult result = Place(1e28);

        Assert.Equal(0, result.ModelsAbove);
        Assert.Null(result.NearestAbove);
        Assert.Equal(result.Largest, result.NearestBelow);
        Assert.Equal("nearestAbove", Assert.Single(result.Missing).Key);
        Assert.DoesNotContain(result.Fields, f => f.Key.StartsWith("nearestAbove.", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_BelowTheSmallest_EveryModelAboveAndNoNearestBelow()
    {
        HistoryResult result = Place(1);

        Assert.Equal(Epoch.Count, result.ModelsAbove);
        Assert.Null(result.NearestBelow);
        Assert.Equal(Epoch[0], result.NearestAbove);
        Assert.Equal("nearestBelow", Assert.Single(result.Missing).Key);
    }

    [Fact]
    public void Evaluate_FrontierYear_OneYearLaterForOneYearOfGrowth()
    {
        HistoryResult atC = Place(3e25);
        HistoryResult atGrownC = Place(3e25 * atC.Frontier!.GrowthPerYear);

        Assert.Equal(atC.FrontierReachesYear!.Value + 1, atGrownC.FrontierReachesYear!.Value, 9);
        Assert.Equal(atC.Frontier.MeanYear, Place(Math.Pow(10, atC.Frontier.MeanLog10Flop)).FrontierReachesYear!.Value, 9);
    }

    [Fact]
    public void Evaluate_Fields_NestedModelsAsWordsAndAssumptionsNameTheSnapshot()
    {
        HistoryResult result = Place(3e25);

        ResultField name = result.Fields.Single(f => f.Key == "nearestBelow.model");
        Assert.Equal(result.NearestBelow!.Name, name.Text);
        Assert.Equal(result.NearestBelow.PublicationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.Fields.Single(f => f.Key == "nearestBelow.publicationDate").Text);
        Assert.Equal(result.Frontier!.GrowthPerYear, result.Fields.Single(f => f.Key == "frontierGrowthPerYear").Value);
        AssertNamesSnapshot(result.Assumptions.Single(a => a.Name == "modelTable"));
        Assert.Contains(result.Assumptions, a => a.Name == "frontierTrend" && a.Source!.Contains("4-5x", StringComparison.Ordinal));

        static void AssertNamesSnapshot(Assumption table)
        {
            Assert.Contains("2025-06-20", table.Text, StringComparison.Ordinal);
            Assert.Contains("epoch.ai", table.Source, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1, "must be greater than 0")]
    [InlineData(0, "must be greater than 0")]
    [InlineData(double.NaN, "is not a finite number")]
    public void Evaluate_BadCompute_ErrorNamesCompute(double compute, string problem)
    {
        FieldError error = Assert.Single(ModelHistory.Evaluate(new HistoryRequest { Compute = compute }).Errors);

        Assert.Equal("compute", error.Field);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Evaluate_NoCompute_Required()
    {
        FieldError error = Assert.Single(ModelHistory.Evaluate(new HistoryRequest()).Errors);

        Assert.Equal(HistoryInputs.Compute.MissingError(), error);
    }

    [Fact]
    public void Evaluate_HandMadeTableWithBadRows_CountsAndListsThem()
    {
        string csv = "Model,Publication date,Training compute (FLOP),Compute rank when published\n"
            + "A,2020-01-01,1e20,1\nB,2021-01-01,1e21,1\nC,2021-01-01,lots,1\nD,2022-02-30,1e22,1\nE,2022-01-01,,\n";
        ModelTable table = ModelTable.Parse(new StringReader(csv), "tiny.csv").GetValueOrThrow();

        HistoryResult result = ModelHistory.Evaluate(new HistoryRequest { Compute = 5e20 }, table).GetValueOrThrow();

        Assert.Equal(2, result.MalformedRows);
        Assert.Equal(1, result.RowsWithoutCompute);
        Assert.Equal(1, result.ModelsAbove);
        Assert.Equal(10, result.Frontier!.GrowthPerYear, 12);
        AssertListsBadRows(result.Assumptions.Single(a => a.Name == "malformedRowExamples").Text!);

        static void AssertListsBadRows(string text)
        {
            Assert.Contains("line 4, column Training compute (FLOP): 'lots'", text, StringComparison.Ordinal);
            Assert.Contains("line 5, column Publication date: '2022-02-30'", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Largest_TopFive_ByDecreasingComputeNumberedFromOne()
    {
        HistoryListing listing = ModelHistory.Largest(new HistoryRequest { Top = 5 }).GetValueOrThrow();

        Assert.Equal([1, 2, 3, 4, 5], listing.Rows.Select(r => r.Place));
        Assert.Equal(Epoch.OrderByDescending(m => m.TrainingCompute.Flop).Take(5).Select(m => m.TrainingCompute.Flop), listing.Rows.Select(r => r.Model.TrainingCompute.Flop));
        Assert.Contains(listing.Assumptions, a => a.Name == "modelTable");
    }

    [Fact]
    public void Largest_MoreThanTheTableHolds_EveryModel()
    {
        ModelTable table = ModelTable.Parse(new StringReader("Model,Publication date,Training compute (FLOP),Compute rank when published\nA,2020-01-01,1e20,\n"), "one.csv").GetValueOrThrow();

        Assert.Single(ModelHistory.Largest(new HistoryRequest { Top = 200 }, table).GetValueOrThrow().Rows);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(2.5)]
    public void Largest_TopOutOfRange_ErrorNamesTop(double top)
    {
        Assert.Equal("top", Assert.Single(ModelHistory.Largest(new HistoryRequest { Top = top }).Errors).Field);
    }

    [Fact]
    public void Chart_Placement_ModelsSince2010FrontierTrendAndC()
    {
        HistoryResult result = Place(1e27);

        Chart chart = ModelHistory.Chart(result, ModelTable.Epoch);

        Assert.True(chart.YLogarithmic);
        Assert.Equal(Epoch.Count(m => m.PublicationDate >= FrontierTrend.Since), chart.Series[0].X.Count);
        Assert.Equal(result.Frontier!.Models, chart.Series[1].X.Count);
        Assert.All(chart.Series[1].Y, y => Assert.Contains(Epoch, m => m.TrainingCompute.Flop == y && m.ComputeRankWhenPublished <= FrontierTrend.MaxRank));
        ChartSeries trend = chart.Series[2];
        Assert.Equal(result.FrontierReachesYear!.Value, trend.X[1], 9);
        AssertClose.Relative(1e27, trend.Y[1], 1e-9, "trend at the year it reaches C");
        AssertClose.Relative(Math.Pow(result.Frontier.GrowthPerYear, trend.X[1] - trend.X[0]), trend.Y[1] / trend.Y[0], 1e-9, "growth along the line");
        Assert.Equal([1e27, 1e27], chart.Series[3].Y);
    }

    [Fact]
    public void Validate_TopOrCompute_ChecksTheOneAsked()
    {
        Assert.Empty(new HistoryRequest { Compute = 1e25 }.Validate());
        Assert.Equal("top", Assert.Single(new HistoryRequest { Top = 0 }.Validate()).Field);
        Assert.Equal("compute", Assert.Single(new HistoryRequest().Validate()).Field);
    }

    private static HistoryResult Place(double compute) =>
        ModelHistory.Evaluate(new HistoryRequest { Compute = compute }).GetValueOrThrow();
}
