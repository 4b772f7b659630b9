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

    [Fact]
    public void IsoFlopChart_TwoBudgets_DataAndFitCurvePerBudgetInOneColour()
    {
        // Three runs near 1e20 FLOP and three near 1e22 FLOP (C = 6·N·D).
        const string Csv = "N,D,loss\n1e8,1.6667e11,2.9\n1e9,1.6667e10,2.7\n1e10,1.6667e9,3.0\n1e9,1.6667e12,2.4\n1e10,1.6667e11,2.3\n1e11,1.6667e10,2.5\n";
        RunTable table = RunTable.Parse(new StringReader(Csv), "runs.csv", new RunTableOptions()).GetValueOrThrow();

        Chart chart = table.IsoFlopChart(Law, bins: 2);

        Assert.True(chart.XLogarithmic);
        Assert.Equal(4, chart.Series.Count);
        Assert.Equal([1e8, 1e9, 1e10], chart.Series[0].X);
        Assert.False(chart.Series[0].Lines);
        Assert.False(chart.Series[1].Markers);
        Assert.Equal(chart.Series[0].ColorIndex, chart.Series[1].ColorIndex);
        Assert.NotEqual(chart.Series[1].ColorIndex, chart.Series[3].ColorIndex);
        ChartSeries curve = chart.Series[1];
        double c = 6 * 1e9 * 1.6667e10;
        Assert.Equal(Law.E + (Law.A / Math.Pow(curve.X[0], Law.Alpha)) + (Law.B / Math.Pow(c / (6 * curve.X[0]), Law.Beta)), curve.Y[0], 1e-3);
    }
}
