using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

/// <summary><c>flopwise fit --method likelihood|isoflop</c> on the Epoch data, through the CLI.</summary>
public class FitMethodCommandTests
{
    private static readonly string Epoch = RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv");

    [Fact]
    public void Fit_Likelihood_EpochReportedEstimate()
    {
        // F2 (Besiroglu et al. 2024, arXiv 2404.10102): A 482.006, B 2085.434, E 1.816864, α 0.347813, β 0.365854,
        // log σ −12.2666, log-likelihood 879.77; 1e-4 relative.
        CliRun run = Shell.Run("fit", Epoch, "--drop-highest-loss", "5", "--method", "likelihood", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement law = json.RootElement.GetProperty("law");
        Assert.Equal(482.006, law.GetProperty("A").GetDouble(), 482.006 * 1e-4);
        Assert.Equal(2085.434, law.GetProperty("B").GetDouble(), 2085.434 * 1e-4);
        Assert.Equal(1.816864, law.GetProperty("E").GetDouble(), 1.816864 * 1e-4);
        Assert.Equal(0.347813, law.GetProperty("alpha").GetDouble(), 0.347813 * 1e-4);
        Assert.Equal(0.365854, law.GetProperty("beta").GetDouble(), 0.365854 * 1e-4);
        Assert.Equal(-12.2666, json.RootElement.GetProperty("logSigma").GetDouble(), 12.2666 * 1e-4);
        Assert.Equal(879.77, json.RootElement.GetProperty("logLikelihood").GetDouble(), 879.77 * 1e-4);
        Assert.Equal("converged", json.RootElement.GetProperty("exitReason").GetString());
        double floor = json.RootElement.GetProperty("gradientFloor").GetDouble();
        Assert.InRange(json.RootElement.GetProperty("gradientNorm").GetDouble(), 0, floor);
    }

    [Fact]
    public void Fit_IsoFlopWithDefaultBudgets_TooFewUsableBudgetsIsAUsageError()
    {
        string line = Shell.AssertUsageError(Shell.Run("fit", Epoch, "--drop-highest-loss", "5", "--method", "isoflop"));

        Assert.StartsWith("error: chinchilla_epoch_digitized.csv: IsoFLOP fit needs at least 2 budgets with an interior minimum; found 1 of 6 (got --method isoflop;", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_IsoFlopWithBins_PowerLawFeedsOptimal()
    {
        CliRun fit = Shell.Run("fit", Epoch, "--drop-highest-loss", "5", "--method", "isoflop", "--compute-bins", "4", "--json");

        Assert.Equal(0, fit.ExitCode);
        using JsonDocument json = JsonDocument.Parse(fit.Stdout);
        JsonElement law = json.RootElement.GetProperty("law");
        Assert.Equal("power", law.GetProperty("form").GetString());
        double a = law.GetProperty("parametersExponent").GetDouble();
        Assert.InRange(a, 0.3, 0.7);
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-isoflop-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, fit.Stdout);
        try
        {
            CliRun optimal = Shell.Run("optimal", "--compute", "1e24", "--law-file", path, "--json");

            Assert.True(optimal.ExitCode == 0, optimal.Stderr);
            using JsonDocument result = JsonDocument.Parse(optimal.Stdout);
            double expected = law.GetProperty("parametersCoefficient").GetDouble() * Math.Pow(1e24, a);
            Assert.Equal(expected, result.RootElement.GetProperty("parameters").GetDouble(), expected * 1e-12);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
