using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class OptimalCommandTests
{
    private static JsonElement Json(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Optimal_GopherBudgetHoffmann_Table()
    {
        CliRun run = Shell.RunLine("optimal --compute 5.76e23 --law hoffmann");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Optimal_Kaplan1e24_Json()
    {
        CliRun run = Shell.RunLine("optimal --compute 1e24 --law kaplan --json");
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.True(root.GetProperty("parametersAreNonEmbedding").GetBoolean());
        Assert.Equal(1.81, root.GetProperty("frontierFlopRatio").GetDouble(), 0.005);
        JsonElement law = root.GetProperty("law");
        Assert.Equal("kaplan", law.GetProperty("form").GetString());
        Assert.Equal(0.73, law.GetProperty("parametersExponent").GetDouble());
        Assert.False(law.TryGetProperty("a", out _));
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Optimal_HoffmannJson_LawObjectIsAReadableLawFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-law-{Guid.NewGuid():N}.json");
        try
        {
            CliRun first = Shell.RunLine("optimal --compute 5.76e23 --law hoffmann --json");
            File.WriteAllText(path, first.Stdout);

            JsonElement again = Json($"optimal --compute 5.76e23 --law-file {path} --json");

            Assert.Equal(JsonDocument.Parse(first.Stdout).RootElement.GetProperty("parameters").GetDouble(), again.GetProperty("parameters").GetDouble());
            Assert.Equal("hoffmann", again.GetProperty("law").GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Optimal_NoLaw_DefaultsToEpoch()
    {
        JsonElement root = Json("optimal --compute 5.88e23 --json");

        Assert.Equal("epoch", root.GetProperty("law").GetProperty("name").GetString());
        Assert.Equal(18.3, root.GetProperty("tokensPerParameter").GetDouble(), 0.05);
        JsonElement law = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "law");
        Assert.True(law.GetProperty("default").GetBoolean());
    }

    [Fact]
    public void Optimal_DeepSeek_ReportsModelFlopPerTokenAndFlagsParameters()
    {
        JsonElement root = Json("optimal --compute 1e24 --law deepseek --json");

        Assert.Equal(6.568e11, root.GetProperty("modelFlopPerToken").GetDouble(), 0.0005e11);
        Assert.True(root.GetProperty("parametersAreApproximate").GetBoolean());
        Assert.Equal(root.GetProperty("modelFlopPerToken").GetDouble() / 6, root.GetProperty("parameters").GetDouble(), 1e-3);
        Assert.False(root.TryGetProperty("loss", out _));
        Assert.Contains(root.GetProperty("notDerived").EnumerateArray(), m => m.GetProperty("key").GetString() == "loss");
    }

    [Fact]
    public void Optimal_DataConstrained_ReadmeBudget_Table()
    {
        CliRun run = Shell.RunLine("optimal --compute 9.25956e21 --unique-tokens 25B");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Optimal_DataConstrained_ReadmeBudget_227BTokens9p1Epochs6p8B()
    {
        JsonElement root = Json("optimal --compute 9.25956e21 --unique-tokens 25B --json");

        Assert.Equal(227e9, root.GetProperty("tokens").GetDouble(), 0.5e9);
        Assert.Equal(9.1, root.GetProperty("epochs").GetDouble(), 0.05);
        Assert.Equal(6.8e9, root.GetProperty("parameters").GetDouble(), 0.05e9);
        Assert.Equal("muennighoff", root.GetProperty("law").GetProperty("name").GetString());
    }

    [Fact]
    public void Optimal_DataConstrainedWithEpoch_SaysTheDecayIsMuennighoffs()
    {
        JsonElement root = Json("optimal --compute 1e23 --unique-tokens 100B --law epoch --json");

        JsonElement decay = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "repetitionDecay");
        Assert.Contains("'epoch'", decay.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Optimal_Sweep_OneRowPerDecadeAsCsv()
    {
        CliRun run = Shell.RunLine("optimal --law hoffmann --sweep 1e18:1e28 --csv");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.Equal("trainingFlop,parameters,tokens,tokensPerParameter,loss", lines[0]);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Optimal_SweepJson_RowsAndOneLawObject()
    {
        JsonElement root = Json("optimal --law hoffmann-approach1 --sweep 1e20:1e22 --json");

        Assert.Equal(3, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(0.0992, root.GetProperty("law").GetProperty("parametersCoefficient").GetDouble());
        Assert.False(root.GetProperty("rows")[0].TryGetProperty("law", out _));
    }

    [Fact]
    public void Optimal_Plot_WritesFrontierAndLossPlots()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"flopwise-optimal-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            CliRun run = Shell.RunLine($"optimal --law epoch --sweep 1e18:1e26 --plot {Path.Combine(dir, "frontier.svg")}");

            Assert.Equal(0, run.ExitCode);
            Assert.True(File.Exists(Path.Combine(dir, "frontier.svg")));
            Assert.True(File.Exists(Path.Combine(dir, "frontier-loss.svg")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Optimal_LawFileUnderLawProperty_IsRead()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-fit-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"law": {"name": "my-fit", "form": "power", "parametersCoefficient": 0.0992, "parametersExponent": 0.4981, "tokensCoefficient": 1.696, "tokensExponent": 0.5019, "computeUnit": "flop", "source": "fit"}}""");

            JsonElement root = Json($"optimal --compute 1e21 --law-file {path} --json");

            Assert.Equal(2.86e9, root.GetProperty("parameters").GetDouble(), 0.005e9);
            Assert.Equal("my-fit", root.GetProperty("law").GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("optimal --compute -1e24", "error: --compute: must be greater than 0 (got -1e+24; expected a number > 0 and <= 1e+40 (FLOP))")]
    [InlineData("optimal --compute 0", "error: --compute: must be greater than 0 (got 0; expected a number > 0 and <= 1e+40 (FLOP))")]
    [InlineData("optimal --compute 1e400", "error: --compute: is too large to represent (got 1e400; expected a number > 0 and <= 1e+40 (FLOP))")]
    [InlineData("optimal --law epoch", "error: --compute: is required (got nothing; expected a number > 0 and <= 1e+40 (FLOP))")]
    [InlineData("optimal --compute 1e24 --law hofmann", "error: --law: is unknown (got hofmann; expected a law preset (see flopwise laws); did you mean hoffmann?)")]
    [InlineData("optimal --compute 1e24 --law E=1.69,A=406.4,B=410.7,alpha=0.34,beta=-1", "error: --law: has beta=-1, which must be greater than 0 (got E=1.69,A=406.4,B=410.7,alpha=0.34,beta=-1; expected E=…,A=…,B=…,alpha=…,beta=… (a Chinchilla-form law) or parametersCoefficient=…,parametersExponent=…,tokensCoefficient=…,tokensExponent=… (a power-form frontier))")]
    [InlineData("optimal --compute 1e24 --law deepseek --unique-tokens 1T", "error: --unique-tokens: needs a law with E, A, B, alpha, beta, and 'deepseek' (deepseek form) has none (got 1000000000000; expected --law hoffmann, hoffmann-unrounded, epoch, muennighoff or inline constants E=…,A=…,B=…,alpha=…,beta=…)")]
    [InlineData("optimal --compute 1e24 --unique-tokens 0", "error: --unique-tokens: must be greater than 0 (got 0; expected a number > 0 and <= 1e+20 (tokens))")]
    [InlineData("optimal --compute 1e24 --sweep 1e18:1e20", "error: --sweep: cannot be combined with --compute (got 1e18:1e20; expected either --compute C or --sweep FROM:TO)")]
    [InlineData("optimal --compute 1e24 --law-file /nonexistent/law.json", "error: --law-file: names a file that does not exist (got /nonexistent/law.json; expected a readable JSON file)")]
    public void Optimal_BadInput_IsOneLineExit2(string commandLine, string message)
    {
        Assert.Equal(message, Shell.AssertUsageError(Shell.RunLine(commandLine)));
    }

    [Fact]
    public void Optimal_MalformedLawFile_NamesTheFileAndTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-bad-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"name": "x", "form": "chinchilla", "E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34}""");

            string line = Shell.AssertUsageError(Shell.RunLine($"optimal --compute 1e24 --law-file {path}"));

            Assert.Equal($"error: --law-file: {Path.GetFileName(path)}: key 'beta' is missing (got nothing; expected a finite number)", line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("optimal --sweep 1e10:1e41", "error: --sweep: has a compute of 1e+41 FLOP, which must be at most 1e+40 (got 1e+10:1e+41; expected FROM:TO with every compute a number > 0 and <= 1e+40 (FLOP))")]
    [InlineData("optimal --compute 1e24 --law E=1,A=1e-300,B=1,alpha=0.3,beta=0.3", "error: --law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows) (got E=1,A=1e-300,B=1,alpha=0.3,beta=0.3;")]
    [InlineData("optimal --compute 1e24 --law E=1,A=1,B=1e-300,alpha=0.3,beta=0.3 --json", "error: --law: has A=1, B=1e-300, alpha=0.3, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) infinite (it overflows)")]
    [InlineData("optimal --compute 1e24 --law E=1.69,a=406.4,B=410.7,alpha=0.34,beta=0.28", "error: --law: has the key 'a', but E, A, B are case-sensitive and a, b, e are the log-space constants")]
    public void Optimal_BadLawOrSweep_BlamesTheOptionGiven(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
    }

    [Fact]
    public void Optimal_DeepSeek_FlagsParametersAsNonEmbedding()
    {
        JsonElement root = Json("optimal --compute 1e24 --law deepseek --json");

        Assert.True(root.GetProperty("parametersAreNonEmbedding").GetBoolean());
        Assert.True(root.GetProperty("parametersAreApproximate").GetBoolean());
    }

    [Fact]
    public void Optimal_DataConstrainedWithoutRepetition_KeepsTheChinchillaStart()
    {
        JsonElement root = Json("optimal --compute 1e21 --unique-tokens 1e15 --json");

        Assert.Equal(root.GetProperty("startParameters").GetDouble(), root.GetProperty("parameters").GetDouble());
        Assert.Equal(2.91509e9, root.GetProperty("parameters").GetDouble(), 0.000005e9);
    }
}
