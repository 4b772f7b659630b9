using Flopwise.Fitting;
using Flopwise.Reporting;

namespace Flopwise.Core.Tests.Fitting;

public class RunTableChartTests
{
    private static readonly ChinchillaFit Law = new()
    {
        E = 1.8,
        A = 480,
        B = 2100,
        Alpha = 0.35,
        Beta = 0.37,
        Objective = 0,
        Starts = 1,
        ConvergedStarts = 1,
        ExitReason = ExitReason.Converged,
        Iterations = 1,
    };

    [Fact]
    public void ObservedVsFittedChart_RunsAsScatterAndIdentityLine()
    {
        const string Csv = "N,D,loss\n1e8,2e9,3.4\n4e8,8e9,2.9\n1e9,2e10,2.6\n3e9,6e10,2.4\n1e10,2e11,2.2\n";
        RunTable table = RunTable.Parse(new StringReader(Csv), "runs.csv", new RunTableOptions()).GetValueOrThrow();

        Chart chart = table.ObservedVsFittedChart(Law);

        ChartSeries runs = chart.Series[0];
        Assert.False(runs.Lines);
        Assert.Equal([2.2, 2.4, 2.6, 2.9, 3.4], runs.X);
        Assert.Equal(1.8 + (480 / Math.Pow(1e10, 0.35)) + (2100 / Math.Pow(2e11, 0.37)), runs.Y[0], 12);
        ChartSeries identity = chart.Series[1];
        Assert.True(identity.Lines);
        Assert.Equal(identity.X, identity.Y);
    }
}
