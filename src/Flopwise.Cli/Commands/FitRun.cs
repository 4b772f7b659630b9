using System.Globalization;
using Flopwise.Cli.Rendering;
using Flopwise.Fitting;
using Flopwise.Reporting;
using Spectre.Console;

namespace Flopwise.Cli.Commands;

/// <summary>One <c>flopwise fit</c> run: fits the table, then writes the table, the JSON and the plot.</summary>
internal sealed class FitRun(CliContext context, string path, FitMethod method, RunTable table, int? resamples, int seed, int? computeBins, bool allowNonphysical)
{
    private const double Delta = Fit.DefaultDelta;

    private string MethodName => method.ToString().ToLowerInvariant();

    private FitJson Json => new(Path.GetFileName(path), method, table);

    public void Execute(OutputFormat format, string? plotPath)
    {
        FitData data = table.ToFitData();
        if (method == FitMethod.IsoFlop)
        {
            IsoFlopFit iso;
            try
            {
                iso = Fit.IsoFlop(data, computeBins);
            }
            catch (InvalidOperationException e)
            {
                // Too few usable budgets is a property of the user's data: one line, exit 2.
                throw new UsageException(
                    $"{Path.GetFileName(path)}: {e.Message.TrimEnd('.')} (got --method isoflop; expected runs at two or more compute budgets, each with a loss minimum inside its range of N, or --compute-bins n)",
                    e);
            }

            WriteIsoFlop(format, iso);
            return;
        }

        IReadOnlyList<string> unidentified = FitChecks.Identification(table);
        if (unidentified.Count > 0 && !allowNonphysical)
        {
            throw new UsageException($"{table.FileName}: cannot identify L = E + A/N^alpha + B/D^beta: {string.Join("; ", unidentified)} (got {Columns()}; expected runs that vary N and D independently, or --allow-nonphysical to fit anyway)");
        }

        ChinchillaFit fit;
        using (FitProgress? progress = FitProgress.Create(context, "fitting  "))
        {
            fit = method == FitMethod.Likelihood ? Fit.Likelihood(data, Delta) : Fit.Huber(data, Delta, progress);
        }

        if (!double.IsFinite(fit.E) || !double.IsFinite(fit.A) || !double.IsFinite(fit.B) || !double.IsFinite(fit.Alpha) || !double.IsFinite(fit.Beta))
        {
            throw new UsageException($"{table.FileName}: no start of the fit converged to finite constants (exit: {fit.ExitReason}); the runs may not follow L = E + A/N^alpha + B/D^beta");
        }

        IReadOnlyList<string> nonphysical = FitChecks.Physical(fit);
        if (nonphysical.Count > 0 && !allowNonphysical)
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"{table.FileName}: the fit is no scaling law: {string.Join("; ", nonphysical)} (got E {fit.E:G6}, A {fit.A:G6}, B {fit.B:G6}, alpha {fit.Alpha:G6}, beta {fit.Beta:G6}; expected positive exponents inside the search region, or --allow-nonphysical to keep it)"));
        }

        BootstrapFit? boot = null;
        if (resamples is int n)
        {
            using FitProgress? progress = FitProgress.Create(context, "bootstrap");
            boot = Fit.Bootstrap(data, n, seed, Delta, progress);
        }

        if (plotPath is not null)
        {
            CommandOutput.SavePlot(context, format, table.ObservedVsFittedChart(fit), plotPath);
            string isoPath = Path.Combine(Path.GetDirectoryName(plotPath) ?? string.Empty, Path.GetFileNameWithoutExtension(plotPath) + "-isoflop" + Path.GetExtension(plotPath));
            CommandOutput.SavePlot(context, format, table.IsoFlopChart(fit), isoPath);
        }

        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(ResultJson.WriteWithProvenance(Json.Chinchilla(fit, boot, seed)));
        }
        else
        {
            WriteChinchillaTable(fit, boot);
        }
    }

    private void WriteChinchillaTable(ChinchillaFit fit, BootstrapFit? boot)
    {
        IAnsiConsole console = TableOutput.CreateConsole(context.Output, context.IsTerminal);
        string objective = method == FitMethod.Likelihood ? "Objective (negative log-likelihood)" : "Objective (summed Huber, delta 1e-3)";
        var fields = new List<ResultField>
        {
            new("E", "E (irreducible loss)", fit.E, "nats/token"),
            new("A", "A", fit.A, string.Empty),
            new("alpha", "alpha (parameters exponent)", fit.Alpha, string.Empty),
            new("B", "B", fit.B, string.Empty),
            new("beta", "beta (tokens exponent)", fit.Beta, string.Empty),
            new("parametersExponent", "N_opt ∝ C^a: a = beta/(alpha+beta)", fit.ParametersExponent, string.Empty),
            new("tokensExponent", "D_opt ∝ C^b: b = alpha/(alpha+beta)", fit.TokensExponent, string.Empty),
            new("parametersCoefficient", "N_opt = coefficient·C^a (C in FLOP)", fit.ParametersCoefficient, string.Empty),
            new("hoffmannG", "N_opt = G·(C/6)^a: G (Hoffmann §3.3)", fit.HoffmannG, string.Empty),
            new("objective", objective, fit.Objective, string.Empty),
        };
        if (fit.LogSigma is double s)
        {
            fields.Add(new ResultField("logSigma", "log sigma (residual scale)", s, string.Empty));
        }

        if (fit.GradientNorm is double norm && fit.GradientFloor is double floor)
        {
            fields.Add(new ResultField("gradientNorm", "Gradient norm at the optimum", norm, string.Empty));
            fields.Add(new ResultField("gradientFloor", "Its rounding floor, |H|·ulp(x)", floor, string.Empty));
        }

        fields.Add(new ResultField("starts", "Starts", fit.Starts, string.Empty));
        fields.Add(new ResultField("convergedStarts", "Converged starts (screening; best 20 polished)", fit.ConvergedStarts, string.Empty));
        fields.Add(new ResultField("rows", "Runs fitted", table.Count, string.Empty));
        if (fit.ScreeningRows is int screened)
        {
            fields.Add(new ResultField("screeningRows", "Starts screened on a stratified subsample of", screened, "rows"));
        }

        TableOutput.Write(console, $"Chinchilla fit ({MethodName}) of {Path.GetFileName(path)}", new View(fields, Assumptions(fit, boot, forTable: true)));
        if (boot is not null)
        {
            var t = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Bootstrap: {boot.Converged} of {boot.Resamples} resamples converged (seed {boot.Seed})")))
                .AddColumn("Constant").AddColumn(new TableColumn("Standard error").RightAligned())
                .AddColumn(new TableColumn("95% low").RightAligned()).AddColumn(new TableColumn("95% high").RightAligned());
            foreach ((string key, double se) in boot.StandardErrors)
            {
                (double low, double high) = boot.Ci95.TryGetValue(key, out var ci) ? ci : (double.NaN, double.NaN);
                t.AddRow(new Text(key), new Text(NumberDisplay.Format(se)), new Text(NumberDisplay.Format(low)), new Text(NumberDisplay.Format(high)));
            }

            console.Write(t);
        }

        WriteWarnings(console, [.. table.Warnings, .. FitChecks.Identification(table).Concat(FitChecks.Physical(fit)).Select(r => "nonphysical (kept by --allow-nonphysical): " + r)]);
    }

    private string Columns() =>
        $"parameters '{table.ParametersColumn}'" + (table.TokensColumn is string t ? $", tokens '{t}'" : string.Empty) + (table.ComputeColumn is string c ? $", compute '{c}'" : string.Empty);

    private void WriteIsoFlop(OutputFormat format, IsoFlopFit iso)
    {
        var warnings = table.Warnings.Concat(iso.Warnings).ToList();
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(ResultJson.WriteWithProvenance(Json.IsoFlop(iso)));
            return;
        }

        IAnsiConsole console = TableOutput.CreateConsole(context.Output, context.IsTerminal);
        var fields = new List<ResultField>
        {
            new("parametersExponent", "N_opt = G·C^a: a", iso.ParametersExponent, string.Empty),
            new("parametersCoefficient", "G", iso.ParametersCoefficient, string.Empty),
            new("tokensExponent", "D_opt = H·C^b: b", iso.TokensExponent, string.Empty),
            new("tokensCoefficient", "H", iso.TokensCoefficient, string.Empty),
            new("aLow", "a: 95% low", iso.ParametersExponentCi95.Low, string.Empty),
            new("aHigh", "a: 95% high", iso.ParametersExponentCi95.High, string.Empty),
            new("bLow", "b: 95% low", iso.TokensExponentCi95.Low, string.Empty),
            new("bHigh", "b: 95% high", iso.TokensExponentCi95.High, string.Empty),
            new("budgets", "Budgets used", iso.Budgets, string.Empty),
            new("rows", "Runs", table.Count, string.Empty),
        };
        var notes = table.Notes.Select((n, i) => new Assumption { Name = "note" + i, Label = "Data", Text = n, Description = n }).ToList();
        TableOutput.Write(console, $"IsoFLOP frontier (Approach 2) of {Path.GetFileName(path)}", new View(fields, notes));
        var t = new Table().Title("Budgets").AddColumn(new TableColumn("Compute (FLOP)").RightAligned()).AddColumn(new TableColumn("Runs").RightAligned())
            .AddColumn(new TableColumn("N_opt").RightAligned()).AddColumn(new TableColumn("D_opt").RightAligned()).AddColumn(new TableColumn("Min loss").RightAligned()).AddColumn("Used");
        foreach (IsoFlopBudget b in iso.BudgetRows)
        {
            t.AddRow(
                new Text(NumberDisplay.Format(b.Compute)),
                new Text(b.Runs.ToString(CultureInfo.InvariantCulture)),
                new Text(b.OptimalParameters is double p ? NumberDisplay.Format(p) : "—"),
                new Text(b.OptimalTokens is double d ? NumberDisplay.Format(d) : "—"),
                new Text(b.MinimumLoss is double l ? NumberDisplay.Format(l) : "—"),
                new Text(b.Used ? "yes" : "no: " + (b.Reason ?? string.Empty)));
        }

        console.Write(t);
        WriteWarnings(console, warnings);
    }

    private static void WriteWarnings(IAnsiConsole console, IReadOnlyList<string> warnings)
    {
        foreach (string warning in warnings)
        {
            console.Write(new Text("Warning: " + warning));
            console.WriteLine();
        }
    }

    private List<Assumption> Assumptions(ChinchillaFit fit, BootstrapFit? boot, bool forTable)
    {
        _ = forTable;
        var list = new List<Assumption>
        {
            new() { Name = "method", Label = "Method", Text = MethodName, Description = "fit method" },
            new() { Name = "huberDelta", Label = "Huber delta", Value = Delta, Description = "Huber delta", IsDefault = true },
            new() { Name = "exitReason", Label = "Exit of the best start", Text = FitJson.ExitName(fit.ExitReason), Description = "exit" },
        };
        if (boot is not null)
        {
            list.Add(new Assumption { Name = "seed", Label = "Bootstrap seed", Value = boot.Seed, Description = "seed", IsDefault = seed == 0 });
        }

        list.AddRange(table.Notes.Select((n, i) => new Assumption { Name = "note" + i.ToString(CultureInfo.InvariantCulture), Label = "Data", Text = n, Description = n }));
        return list;
    }

    private sealed class View(IReadOnlyList<ResultField> fields, IReadOnlyList<Assumption> assumptions) : ICalculationResult
    {
        public IReadOnlyList<ResultField> Fields => fields;

        public IReadOnlyList<Assumption> Assumptions => assumptions;
    }
}
