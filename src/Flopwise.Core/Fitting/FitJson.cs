using System.Globalization;
using System.Text.Json.Nodes;
using Flopwise.Reporting;

namespace Flopwise.Fitting;

/// <summary>
/// The JSON form of a fit that both front ends share (<c>flopwise fit --json</c> and <c>POST /api/fit</c>): the
/// <c>law</c> object, readable back as a law file, then the fit's diagnostics, the rows read, the bootstrap when one
/// was run, and the assumptions. Pure: it builds JSON nodes and performs no I/O.
/// </summary>
/// <remarks>
/// Numbers that are not finite (a diagnostic the fit could not compute) are written as <c>null</c>. The law's name is
/// the file's stem with <c>-fit</c> appended (<c>runs.csv</c> → <c>runs-fit</c>), and its <c>source</c> says how it
/// was fitted. Instances are immutable and thread-safe; add <c>provenance</c> with
/// <see cref="ResultJson.WriteWithProvenance"/>.
/// </remarks>
public sealed class FitJson
{
    private readonly string _fileName;
    private readonly FitMethod _method;
    private readonly RunTable _table;

    /// <summary>Initializes a new instance of the <see cref="FitJson"/> class.</summary>
    /// <param name="fileName">The name of the runs file, without its directory (<c>runs.csv</c>).</param>
    /// <param name="method">The fit method.</param>
    /// <param name="table">The runs that were fitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> or <paramref name="table"/> is null.</exception>
    public FitJson(string fileName, FitMethod method, RunTable table)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(table);
        _fileName = fileName;
        _method = method;
        _table = table;
    }

    /// <summary>Gets the method's name as the CLI's <c>--method</c> takes it: <c>huber</c>, <c>likelihood</c> or <c>isoflop</c>.</summary>
    public string MethodName => _method.ToString().ToLowerInvariant();

    private string LawName => Path.GetFileNameWithoutExtension(_fileName) is { Length: > 0 } stem ? stem + "-fit" : "fit";

    private string Source =>
        string.Create(CultureInfo.InvariantCulture, $"flopwise fit {_fileName} --method {MethodName}: {_table.Count} runs")
        + (_table.DroppedRows > 0 ? string.Create(CultureInfo.InvariantCulture, $", {_table.DroppedRows} highest-loss rows dropped") : string.Empty)
        + (_method == FitMethod.IsoFlop ? string.Empty : ", Huber delta 1e-3 in log-loss space");

    /// <summary>Builds the answer of a Chinchilla fit (<c>huber</c> or <c>likelihood</c>), with its bootstrap when one was run.</summary>
    /// <param name="fit">The fit, made with Huber delta <see cref="Fit.DefaultDelta"/>.</param>
    /// <param name="boot">The bootstrap, or <see langword="null"/> when none was asked for.</param>
    /// <param name="seed">The seed the user gave (0 when none), to say whether the bootstrap's seed is the default.</param>
    /// <returns>A new JSON object: <c>law</c> (form <c>chinchilla</c>), diagnostics, rows, <c>nonphysical</c> (only when <see cref="FitChecks"/> finds the data or the fit no law), <c>bootstrap</c>, <c>standardErrors</c>, <c>ci95</c>, <c>assumptions</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public JsonObject Chinchilla(ChinchillaFit fit, BootstrapFit? boot, int seed)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var root = new JsonObject
        {
            ["law"] = new JsonObject
            {
                ["name"] = LawName,
                ["form"] = "chinchilla",
                ["E"] = fit.E,
                ["A"] = fit.A,
                ["B"] = fit.B,
                ["alpha"] = fit.Alpha,
                ["beta"] = fit.Beta,
                ["source"] = Source,
            },
            ["method"] = MethodName,
            ["objective"] = Number(fit.Objective),
            ["starts"] = fit.Starts,
            ["convergedStarts"] = fit.ConvergedStarts,
            ["exitReason"] = ExitName(fit.ExitReason),
            ["iterations"] = fit.Iterations,
            ["parametersExponent"] = Number(fit.ParametersExponent),
            ["tokensExponent"] = Number(fit.TokensExponent),
            ["parametersCoefficient"] = Number(fit.ParametersCoefficient),
            ["hoffmannG"] = Number(fit.HoffmannG),
        };
        if (fit.LogSigma is double s)
        {
            root["logSigma"] = Number(s);
        }

        if (fit.LogLikelihood is double ll)
        {
            root["logLikelihood"] = Number(ll);
        }

        if (fit.GradientNorm is double norm)
        {
            root["gradientNorm"] = Number(norm);
        }

        if (fit.GradientFloor is double floor)
        {
            root["gradientFloor"] = Number(floor);
        }

        if (fit.ScreeningRows is int screened)
        {
            root["screeningRows"] = screened;
        }

        AddRows(root);
        string[] nonphysical = [.. FitChecks.Identification(_table), .. FitChecks.Physical(fit)];
        if (nonphysical.Length > 0)
        {
            // Kept only on request (flopwise fit --allow-nonphysical); marked so that no reader takes it for a law.
            root["nonphysical"] = Strings(nonphysical);
        }

        if (boot is not null)
        {
            root["bootstrap"] = new JsonObject { ["resamples"] = boot.Resamples, ["converged"] = boot.Converged, ["seed"] = boot.Seed };
            var se = new JsonObject();
            foreach ((string key, double value) in boot.StandardErrors)
            {
                se[key] = Number(value);
            }

            var ci = new JsonObject();
            foreach ((string key, (double low, double high)) in boot.Ci95)
            {
                ci[key] = new JsonObject { ["low"] = Number(low), ["high"] = Number(high) };
            }

            root["standardErrors"] = se;
            root["ci95"] = ci;
        }

        var assumptions = new JsonArray(
            Assumption("method", "Method", _method == FitMethod.Likelihood
                ? "likelihood: maximum likelihood with Huber-shaped residual density (Epoch), BFGS from Hoffmann's estimate"
                : "huber: summed Huber loss of log-loss residuals, L-BFGS from Hoffmann's 4500-start grid, best converged start"),
            new JsonObject { ["name"] = "huberDelta", ["label"] = "Huber delta", ["value"] = Fit.DefaultDelta, ["isDefault"] = true },
            Assumption("exitReason", "Exit of the best start", ExitName(fit.ExitReason)));
        if (boot is not null)
        {
            assumptions.Add(new JsonObject { ["name"] = "seed", ["label"] = "Bootstrap seed", ["value"] = boot.Seed, ["isDefault"] = seed == 0 });
        }

        root["assumptions"] = assumptions;
        return root;
    }

    /// <summary>Builds the answer of an IsoFLOP fit (Approach 2): the power-law frontier, each budget's parabola, rows and warnings.</summary>
    /// <param name="iso">The fit.</param>
    /// <returns>A new JSON object: <c>law</c> (form <c>power</c>, compute in FLOP), <c>budgets</c>, rows, <c>warnings</c>, <c>assumptions</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="iso"/> is null.</exception>
    public JsonObject IsoFlop(IsoFlopFit iso)
    {
        ArgumentNullException.ThrowIfNull(iso);
        var root = new JsonObject
        {
            ["law"] = new JsonObject
            {
                ["name"] = LawName,
                ["form"] = "power",
                ["parametersCoefficient"] = Number(iso.ParametersCoefficient),
                ["parametersExponent"] = Number(iso.ParametersExponent),
                ["tokensCoefficient"] = Number(iso.TokensCoefficient),
                ["tokensExponent"] = Number(iso.TokensExponent),
                ["computeUnit"] = "flop",
                ["source"] = Source,
            },
            ["method"] = MethodName,
            ["budgetsUsed"] = iso.Budgets,
            ["parametersExponentCi95"] = new JsonObject { ["low"] = Number(iso.ParametersExponentCi95.Low), ["high"] = Number(iso.ParametersExponentCi95.High) },
            ["tokensExponentCi95"] = new JsonObject { ["low"] = Number(iso.TokensExponentCi95.Low), ["high"] = Number(iso.TokensExponentCi95.High) },
        };
        var budgets = new JsonArray();
        foreach (IsoFlopBudget b in iso.BudgetRows)
        {
            budgets.Add(new JsonObject
            {
                ["computeFlop"] = Number(b.Compute),
                ["runs"] = b.Runs,
                ["minParameters"] = Number(b.MinParameters),
                ["maxParameters"] = Number(b.MaxParameters),
                ["optimalParameters"] = Number(b.OptimalParameters),
                ["optimalTokens"] = Number(b.OptimalTokens),
                ["minimumLoss"] = Number(b.MinimumLoss),
                ["used"] = b.Used,
                ["reason"] = b.Reason,
            });
        }

        root["budgets"] = budgets;
        AddRows(root);
        root["warnings"] = Strings(iso.Warnings);
        root["assumptions"] = new JsonArray(Assumption("method", "Method", "isoflop: a parabola of loss against log N per compute budget; log N_opt and log D_opt regressed on log C"));
        return root;
    }

    /// <summary>Gets the JSON name of a fit's exit reason: <c>converged</c>, <c>maxIterations</c>, <c>lineSearchFailed</c> or <c>nonFinite</c>.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <returns>The name.</returns>
    public static string ExitName(ExitReason reason) => reason switch
    {
        ExitReason.Converged => "converged",
        ExitReason.MaxIterations => "maxIterations",
        ExitReason.LineSearchFailed => "lineSearchFailed",
        _ => "nonFinite",
    };

    private void AddRows(JsonObject root)
    {
        root["rows"] = _table.Count;
        root["rowsRead"] = _table.RowsRead;
        root["droppedRows"] = _table.DroppedRows;
        root["skippedRows"] = _table.SkippedRows;
        root["notes"] = Strings(_table.Notes);
        if (_method != FitMethod.IsoFlop)
        {
            root["warnings"] = Strings(_table.Warnings);
        }
    }

    private static JsonArray Strings(IEnumerable<string> texts) => new(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());

    private static JsonObject Assumption(string name, string label, string text) => new() { ["name"] = name, ["label"] = label, ["text"] = text };

    private static JsonNode? Number(double? value) => value is double v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
