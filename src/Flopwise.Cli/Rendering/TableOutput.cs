using Flopwise.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Flopwise.Cli.Rendering;

/// <summary>Renders results as Spectre.Console tables: the outputs, then the assumptions with their sources.</summary>
internal static class TableOutput
{
    /// <summary>Width used when stdout is not a terminal, so that redirected output is stable.</summary>
    public const int RedirectedWidth = 110;

    public static IAnsiConsole CreateConsole(TextWriter output, bool isTerminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    public static void Write(IAnsiConsole console, string title, ICalculationResult result)
    {
        if (result is Flopwise.Uncertainty.MonteCarloResult monteCarlo)
        {
            WriteDistribution(console, title, monteCarlo);
            return;
        }

        var table = new Table().Title(Markup.Escape(title)).AddColumn("Output").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit");
        foreach (ResultField field in result.Fields)
        {
            table.AddRow(Cell(field.Label), Cell(NumberDisplay.Format(field)), Cell(field.Unit));
        }

        console.Write(table);
        WriteMissing(console, result.Missing);
        WriteAssumptions(console, result.Assumptions);
    }

    /// <summary>Writes a Monte Carlo result: one row per output with its percentiles and mean, then the sample counts.</summary>
    private static void WriteDistribution(IAnsiConsole console, string title, Flopwise.Uncertainty.MonteCarloResult result)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("Output");
        foreach (string column in new[] { "p5", "p25", "median", "p75", "p95", "mean" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn("Unit");
        foreach (Flopwise.Uncertainty.OutputDistribution o in result.Outputs)
        {
            table.AddRow(
                Cell(o.Label),
                Cell(NumberDisplay.Format(o.P5)),
                Cell(NumberDisplay.Format(o.P25)),
                Cell(NumberDisplay.Format(o.P50)),
                Cell(NumberDisplay.Format(o.P75)),
                Cell(NumberDisplay.Format(o.P95)),
                Cell(NumberDisplay.Format(o.Mean)),
                Cell(o.Unit));
        }

        console.Write(table);
        string redraws = string.Join(", ", result.Redraws.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Input} {r.Redraws}")));
        console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{result.Samples} samples; {result.InfeasibleSamples} infeasible{(result.InfeasibleReason is null ? string.Empty : " (" + result.InfeasibleReason + ")")}; redraws outside the valid range: {redraws}."));
        WriteSensitivity(console, result);
        WriteAssumptions(console, result.Assumptions);
    }

    /// <summary>Writes the tornado of a Monte Carlo result, when one was asked for.</summary>
    public static void WriteSensitivity(IAnsiConsole console, Flopwise.Uncertainty.MonteCarloResult result)
    {
        if (result.SensitivityOutput is string output)
        {
            var tornado = new Table().Title(Markup.Escape($"Sensitivity of {output}: each input from its p5 to its p95, the others at their medians"))
                .AddColumn("Input").AddColumn(new TableColumn("p5").RightAligned()).AddColumn(new TableColumn("p95").RightAligned())
                .AddColumn(new TableColumn("output at p5").RightAligned()).AddColumn(new TableColumn("output at p95").RightAligned())
                .AddColumn(new TableColumn("swing").RightAligned()).AddColumn(new TableColumn("rank corr.").RightAligned());
            foreach (Flopwise.Uncertainty.InputSensitivity s in result.Sensitivity)
            {
                tornado.AddRow(
                    Cell(s.Label),
                    Cell(NumberDisplay.Format(s.InputLow)),
                    Cell(NumberDisplay.Format(s.InputHigh)),
                    Cell(s.OutputAtLow is double low ? NumberDisplay.Format(low) : "infeasible"),
                    Cell(s.OutputAtHigh is double high ? NumberDisplay.Format(high) : "infeasible"),
                    Cell(NumberDisplay.Format(s.Swing)),
                    Cell(double.IsFinite(s.RankCorrelation) ? s.RankCorrelation.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "–"));
            }

            console.Write(tornado);
        }

    }

    public static void WriteMissing(IAnsiConsole console, IReadOnlyList<MissingField> missing)
    {
        if (missing.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Not derived").AddColumn("Output").AddColumn("Why");
        foreach (MissingField m in missing)
        {
            table.AddRow(Cell(m.Label), Cell(m.Reason));
        }

        console.Write(table);
    }

    public static void WriteRows(IAnsiConsole console, string title, IReadOnlyList<ICalculationResult> rows, IReadOnlyList<Assumption> assumptions)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (ResultField field in rows[0].Fields)
        {
            string header = field.Unit.Length == 0 ? field.Label : $"{field.Label} ({field.Unit})";
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (ICalculationResult row in rows)
        {
            table.AddRow(row.Fields.Select(f => Cell(NumberDisplay.Format(f))).ToArray());
        }

        console.Write(table);
        WriteAssumptions(console, assumptions);
    }

    /// <summary>Writes the assumptions with their numbered sources, as under every result.</summary>
    public static void WriteAssumptions(IAnsiConsole console, IReadOnlyList<Assumption> assumptions)
    {
        var table = new Table().Title("Assumptions").AddColumn("Input").AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn("Unit").AddColumn("Origin");
        var sources = new List<string>();
        foreach (Assumption a in assumptions)
        {
            IRenderable value = a.Value is double v
                ? Cell(NumberDisplay.Format(v))
                : new Text(a.Text ?? string.Empty) { Justification = Justify.Left };
            string origin = AssumptionOrigin.Of(a, sources);

            table.AddRow(Cell(a.Label), value, Cell(a.Unit), Cell(origin));
        }

        console.Write(table);
        for (int i = 0; i < sources.Count; i++)
        {
            console.Write(new Text($"[{i + 1}] {sources[i]}"));
            console.WriteLine();
        }
    }

    private static IRenderable Cell(string text) => new Text(text);
}
