using System.Globalization;
using System.Text.Json.Nodes;
using Flopwise.Fitting;

namespace Flopwise.Web.Api;

/// <summary>
/// A fit in the CLI's <c>fit --json</c> form: the <c>law</c> object (readable back as a law file), the fit's
/// diagnostics, the rows read, the bootstrap when asked for, and the assumptions. The web tests check it against the
/// CLI's output for the same file.
/// </summary>
internal sealed class FitJson(string fileName, FitMethod method, RunTable table)
{
    private const double Delta = Fit.DefaultDelta;

    public string MethodName => method.ToString().ToLowerInvariant();

    private string LawName => Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } stem ? stem + "-fit" : "fit";

    private string Source =>
        string.Create(CultureInfo.InvariantCulture, $"flopwise fit {fileName} --method {MethodName}: {table.Count} runs")
        + (table.DroppedRows > 0 ? string.Create(CultureInfo.InvariantCulture, $", {table.DroppedRows} highest-loss rows dropped") : string.Empty)
        + (method == FitMethod.IsoFlop ? string.Empty : ", Huber delta 1e-3 in log-loss space");

    public JsonObject Chinchilla(ChinchillaFit fit, BootstrapFit? boot, int seed)
    {
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

        AddRows(root);
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
            Assumption("method", "Method", method == FitMethod.Likelihood
                ? "likelihood: maximum likelihood with Huber-shaped residual density (Epoch), BFGS from Hoffmann's estimate"
                : "huber: summed Huber loss of log-loss residuals, L-BFGS from Hoffmann's 4500-start grid, best converged start"),
            new JsonObject { ["name"] = "huberDelta", ["label"] = "Huber delta", ["value"] = Delta, ["isDefault"] = true },
            Assumption("exitReason", "Exit of the best start", ExitName(fit.ExitReason)));
        if (boot is not null)
        {
            assumptions.Add(new JsonObject { ["name"] = "seed", ["label"] = "Bootstrap seed", ["value"] = boot.Seed, ["isDefault"] = seed == 0 });
        }

        root["assumptions"] = assumptions;
        return root;
    }

    public JsonObject IsoFlop(IsoFlopFit iso)
    {
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
        root["warnings"] = new JsonArray(iso.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        root["assumptions"] = new JsonArray(Assumption("method", "Method", "isoflop: a parabola of loss against log N per compute budget; log N_opt and log D_opt regressed on log C"));
        return root;
    }

    private void AddRows(JsonObject root)
    {
        root["rows"] = table.Count;
        root["rowsRead"] = table.RowsRead;
        root["droppedRows"] = table.DroppedRows;
        root["skippedRows"] = table.SkippedRows;
        root["notes"] = new JsonArray(table.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        if (method != FitMethod.IsoFlop)
        {
            root["warnings"] = new JsonArray(table.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        }
    }

    private static JsonObject Assumption(string name, string label, string text) => new() { ["name"] = name, ["label"] = label, ["text"] = text };

    private static string ExitName(ExitReason reason) => reason switch
    {
        ExitReason.Converged => "converged",
        ExitReason.MaxIterations => "maxIterations",
        ExitReason.LineSearchFailed => "lineSearchFailed",
        _ => "nonFinite",
    };

    private static JsonNode? Number(double? value) => value is double v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
