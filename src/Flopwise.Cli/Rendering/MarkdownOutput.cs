using System.Globalization;
using Flopwise.Reporting;
using Flopwise.Uncertainty;

namespace Flopwise.Cli.Rendering;

/// <summary>Writes a scenario's report as GitHub Markdown: a heading and a table per stage, then the assumptions with their sources.</summary>
internal static class MarkdownOutput
{
    public static void Write(TextWriter output, string title, ICalculationResult result, IReadOnlyDictionary<string, string> titles)
    {
        output.WriteLine("# " + Cell(title));
        if (result is MonteCarloResult monteCarlo)
        {
            foreach (IGrouping<string, OutputDistribution> stage in monteCarlo.Outputs.GroupBy(o => ScenarioTables.StageOf(o.Key)))
            {
                output.WriteLine();
                output.WriteLine("## " + Cell(ScenarioTables.TitleOf(titles, stage.Key)));
                output.WriteLine();
                output.WriteLine("| Output | p5 | p25 | median | p75 | p95 | mean | Unit |");
                output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
                foreach (OutputDistribution o in stage)
                {
                    output.WriteLine($"| {Cell(o.Label)} | {NumberDisplay.Format(o.P5)} | {NumberDisplay.Format(o.P25)} | {NumberDisplay.Format(o.P50)} | {NumberDisplay.Format(o.P75)} | {NumberDisplay.Format(o.P95)} | {NumberDisplay.Format(o.Mean)} | {Cell(o.Unit)} |");
                }
            }

            output.WriteLine();
            output.WriteLine(Cell(ScenarioTables.SampleLine(monteCarlo)));
            if (monteCarlo.SensitivityOutput is string sensitivity)
            {
                output.WriteLine();
                output.WriteLine($"## Sensitivity of {Cell(sensitivity)}");
                output.WriteLine();
                output.WriteLine("| Input | p5 | p95 | output at p5 | output at p95 | swing | rank corr. |");
                output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
                foreach (InputSensitivity s in monteCarlo.Sensitivity)
                {
                    string low = s.OutputAtLow is double a ? NumberDisplay.Format(a) : "infeasible";
                    string high = s.OutputAtHigh is double b ? NumberDisplay.Format(b) : "infeasible";
                    string rank = double.IsFinite(s.RankCorrelation) ? s.RankCorrelation.ToString("0.00", CultureInfo.InvariantCulture) : "–";
                    output.WriteLine($"| {Cell(s.Label)} | {NumberDisplay.Format(s.InputLow)} | {NumberDisplay.Format(s.InputHigh)} | {low} | {high} | {NumberDisplay.Format(s.Swing)} | {rank} |");
                }
            }
        }
        else
        {
            foreach (IGrouping<string, ResultField> stage in result.Fields.GroupBy(f => ScenarioTables.StageOf(f.Key)))
            {
                output.WriteLine();
                output.WriteLine("## " + Cell(ScenarioTables.TitleOf(titles, stage.Key)));
                output.WriteLine();
                output.WriteLine("| Output | Value | Unit |");
                output.WriteLine("|---|---:|---|");
                foreach (ResultField field in stage)
                {
                    output.WriteLine($"| {Cell(field.Label)} | {Cell(NumberDisplay.Format(field))} | {Cell(field.Unit)} |");
                }
            }

            if (result.Missing.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("## Not derived");
                output.WriteLine();
                output.WriteLine("| Output | Why |");
                output.WriteLine("|---|---|");
                foreach (MissingField m in result.Missing)
                {
                    output.WriteLine($"| {Cell(m.Label)} | {Cell(m.Reason)} |");
                }
            }
        }

        WriteAssumptions(output, result.Assumptions);
    }

    private static void WriteAssumptions(TextWriter output, IReadOnlyList<Assumption> assumptions)
    {
        output.WriteLine();
        output.WriteLine("## Assumptions");
        output.WriteLine();
        output.WriteLine("| Input | Value | Unit | Origin | Note |");
        output.WriteLine("|---|---:|---|---|---|");
        var sources = new List<string>();
        foreach (Assumption a in assumptions)
        {
            string origin = AssumptionOrigin.Of(a, sources);

            string value = a.Value is double v ? NumberDisplay.Format(v) : a.Text ?? string.Empty;
            output.WriteLine($"| {Cell(a.Label)} | {Cell(value)} | {Cell(a.Unit)} | {origin} | {Cell(a.Description)} |");
        }

        if (sources.Count > 0)
        {
            output.WriteLine();
            for (int i = 0; i < sources.Count; i++)
            {
                output.WriteLine($"[{i + 1}] {Cell(sources[i])}  ");
            }
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
