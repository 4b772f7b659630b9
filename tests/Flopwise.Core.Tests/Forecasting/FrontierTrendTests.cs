using System.Globalization;
using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Tests.Shared;
using Microsoft.VisualBasic.FileIO;

namespace Flopwise.Core.Tests.Forecasting;

public class FrontierTrendTests
{
    [Theory]
    [InlineData(2024, 1, 1, 2024.0)]
    [InlineData(2023, 7, 2, 2023 + (182 / 365.0))]
    [InlineData(2024, 12, 31, 2024 + (365 / 366.0))]
    public void FractionalYear_DayOfYearOverDaysInYear(int year, int month, int day, double expected)
    {
        Assert.Equal(expected, FrontierTrend.FractionalYear(new DateOnly(year, month, day)), 12);
    }

    [Fact]
    public void Fit_ExactExponential_RecoversGrowthAndYear()
    {
        // Given frontier models on C = 1e20 · 3^(t − 2015), and non-frontier models that must be ignored
        HistoricalModel[] models =
        [
            .. Enumerable.Range(2015, 6).Select(y => Model(new DateOnly(y, 1, 1), 1e20 * Math.Pow(3, y - 2015), rank: 1 + (y % 10))),
            Model(new DateOnly(2018, 1, 1), 1e30, rank: 11),
            Model(new DateOnly(2018, 1, 1), 1e30, rank: null),
            Model(new DateOnly(2009, 12, 31), 1e30, rank: 1),
        ];

        FrontierTrend trend = FrontierTrend.Fit(models)!;

        Assert.Equal(6, trend.Models);
        Assert.Equal(3, trend.GrowthPerYear, 10);
        Assert.Equal(2017, trend.YearReaching(FlopCount.FromFlop(9e20))!.Value, 10);
        Assert.Equal(2010, trend.YearReaching(FlopCount.FromFlop(1e20 / Math.Pow(3, 5)))!.Value, 10);
        Assert.Equal(new DateOnly(2015, 1, 1), trend.First);
        Assert.Equal(new DateOnly(2020, 1, 1), trend.Last);
    }

    [Fact]
    public void Fit_FallingLine_NeverReachesALargerCompute()
    {
        FrontierTrend trend = FrontierTrend.Fit([Model(new DateOnly(2020, 1, 1), 1e22, 1), Model(new DateOnly(2021, 1, 1), 1e21, 1)])!;

        Assert.Equal(0.1, trend.GrowthPerYear, 12);
        Assert.Null(trend.YearReaching(FlopCount.FromFlop(1e23)));
    }

    [Fact]
    public void Fit_FewerThanTwoFrontierModelsOrOneDate_Null()
    {
        Assert.Null(FrontierTrend.Fit([Model(new DateOnly(2020, 1, 1), 1e22, 1), Model(new DateOnly(2021, 1, 1), 1e23, 12)]));
        Assert.Null(FrontierTrend.Fit([Model(new DateOnly(2020, 1, 1), 1e22, 1), Model(new DateOnly(2020, 1, 1), 1e23, 2)]));
    }

    [Fact]
    public void Fit_EpochSnapshot_MatchesAnIndependentFitOfTheRawCsv()
    {
        // Given the raw CSV read by a different parser, with time in days since 2010 / 365.25 and MathNet's line fit
        var x = new List<double>();
        var y = new List<double>();
        using (var parser = new TextFieldParser(RepositoryRoot.File("data", "epoch_ai_models", "all_ml_systems.csv")))
        {
            parser.SetDelimiters(",");
            parser.HasFieldsEnclosedInQuotes = true;
            string[] header = parser.ReadFields()!;
            int date = Array.IndexOf(header, "Publication date");
            int compute = Array.IndexOf(header, "Training compute (FLOP)");
            int rank = Array.IndexOf(header, "Compute rank when published");
            while (!parser.EndOfData)
            {
                string[] row = parser.ReadFields()!;
                if (row[rank].Length == 0 || double.Parse(row[rank], CultureInfo.InvariantCulture) > 10)
                {
                    continue;
                }

                DateTime published = DateTime.Parse(row[date], CultureInfo.InvariantCulture);
                if (published >= new DateTime(2010, 1, 1))
                {
                    x.Add((published - new DateTime(2010, 1, 1)).TotalDays / 365.25);
                    y.Add(Math.Log10(double.Parse(row[compute], CultureInfo.InvariantCulture)));
                }
            }
        }

        (double _, double slope) = MathNet.Numerics.Fit.Line([.. x], [.. y]);

        // When
        FrontierTrend trend = FrontierTrend.Fit(ModelTable.Epoch.Models)!;

        // Then: the same models, and the same growth up to the two calendar conventions (well under 0.1 %)
        Assert.Equal(x.Count, trend.Models);
        AssertClose.Relative(Math.Pow(10, slope), trend.GrowthPerYear, 1e-3, "growth per year");
    }

    [Fact]
    public void Fit_EpochSnapshot_WithinEpochsPublishedFourToFiveTimesPerYear()
    {
        FrontierTrend trend = FrontierTrend.Fit(ModelTable.Epoch.Models)!;

        double tolerance = HistoryFigures.EpochFrontierGrowthRelativeTolerance;
        Assert.InRange(trend.GrowthPerYear, HistoryFigures.EpochFrontierGrowthLow * (1 - tolerance), HistoryFigures.EpochFrontierGrowthHigh * (1 + tolerance));
        Assert.True(trend.First >= FrontierTrend.Since);
    }

    private static HistoricalModel Model(DateOnly date, double compute, int? rank) => new()
    {
        Name = $"m{date:yyyyMMdd}-{compute:0e0}-{rank}",
        PublicationDate = date,
        TrainingCompute = FlopCount.FromFlop(compute),
        ComputeRankWhenPublished = rank,
        Line = 2,
    };
}
