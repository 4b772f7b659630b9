using System.Globalization;
using Flopwise.Reporting;
using Flopwise.Scenarios;
using Flopwise.Uncertainty;
using Spectre.Console;

namespace Flopwise.Cli.Rendering;

/// <summary>Renders a scenario's report as Spectre.Console tables: one per stage, then what was not derived and the assumptions.</summary>
internal static class ScenarioTables
{
    public static void Write(IAnsiConsole console, string title, ICalculationResult result, IReadOnlyDictionary<string, string> titles)
    {
        if (result is MonteCarloResult monteCarlo)
        {
            foreach (IGrouping<string, OutputDistribution> stage in monteCarlo.Outputs.GroupBy(o => StageOf(o.Key)))
            {
                var table = new Table().Title(Markup.Escape($"{title} — {TitleOf(titles, stage.Key)} (Monte Carlo)")).AddColumn("Output");
                foreach (string column in new[] { "p5", "p25", "median", "p75", "p95", "mean" })
                {
                    table.AddColumn(new TableColumn(column).RightAligned());
                }

                table.AddColumn("Unit");
                foreach (OutputDistribution o in stage)
                {
                    table.AddRow(
                        new Text(o.Label),
                        new Text(NumberDisplay.Format(o.P5)),
                        new Text(NumberDisplay.Format(o.P25)),
                        new Text(NumberDisplay.Format(o.P50)),
                        new Text(NumberDisplay.Format(o.P75)),
                        new Text(NumberDisplay.Format(o.P95)),
                        new Text(NumberDisplay.Format(o.Mean)),
                        new Text(o.Unit));
                }

                console.Write(table);
            }

            console.WriteLine(SampleLine(monteCarlo));
            TableOutput.WriteSensitivity(console, monteCarlo);
            TableOutput.WriteAssumptions(console, monteCarlo.Assumptions);
            return;
        }

        foreach (IGrouping<string, ResultField> stage in result.Fields.GroupBy(f => StageOf(f.Key)))
        {
            var table = new Table().Title(Markup.Escape($"{title} — {TitleOf(titles, stage.Key)}")).AddColumn("Output").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit");
            foreach (ResultField field in stage)
            {
                table.AddRow(new Text(field.Label), new Text(NumberDisplay.Format(field)), new Text(field.Unit));
            }

            console.Write(table);
        }

        TableOutput.WriteMissing(console, result.Missing);
        TableOutput.WriteAssumptions(console, result.Assumptions);
    }

    public static string StageOf(string key)
    {
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? key : key[..dot];
    }

    public static string TitleOf(IReadOnlyDictionary<string, string> titles, string stage) =>
        titles.TryGetValue(stage, out string? title) ? title : stage;

    public static string SampleLine(MonteCarloResult result)
    {
        string redraws = string.Join(", ", result.Redraws.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Input} {r.Redraws}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Samples} samples; {result.InfeasibleSamples} infeasible{(result.InfeasibleReason is null ? string.Empty : " (" + result.InfeasibleReason + ")")}; redraws outside the valid range: {redraws}.");
    }
}
