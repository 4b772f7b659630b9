using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class LossCommandTests
{
    private static JsonElement Json(string commandLine)
    {
        CliRun run = Shell.RunLine(commandLine);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Loss_EpochChinchilla_Table()
    {
        CliRun run = Shell.RunLine("loss --law epoch --params 70B --tokens 1.4T");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Loss_EpochChinchilla_Json()
    {
        CliRun run = Shell.RunLine("loss --law epoch --params 70B --tokens 1.4T --json");
        JsonElement root = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal(1.9734, root.GetProperty("loss").GetDouble(), 0.00005);
        JsonElement law = root.GetProperty("law");
        Assert.Equal("epoch", law.GetProperty("name").GetString());
        Assert.Equal("chinchilla", law.GetProperty("form").GetString());
        Assert.Equal(482.006, law.GetProperty("A").GetDouble());
        Assert.Equal(0.347813, law.GetProperty("alpha").GetDouble());
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Loss_NoLaw_DefaultsToEpochAndSaysSo()
    {
        JsonElement root = Json("loss --params 70B --tokens 1.4T --json");

        JsonElement law = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "law");
        Assert.Equal("epoch", law.GetProperty("value").GetString());
        Assert.True(law.GetProperty("default").GetBoolean());
    }

    [Fact]
    public void Loss_DataConstrained_ReadmeFigure1Models()
    {
        JsonElement better = Json("loss --params 6.34e9 --tokens 242e9 --unique-tokens 25e9 --json");
        JsonElement worse = Json("loss --law muennighoff --params 8.67e9 --tokens 178e9 --unique-tokens 25B --json");

        Assert.Equal(2.2256440889984477, better.GetProperty("loss").GetDouble(), 1e-12);
        Assert.Equal(2.2269634075087867, worse.GetProperty("loss").GetDouble(), 1e-12);
        Assert.Equal(242.0 / 25, better.GetProperty("epochs").GetDouble(), 12);
        Assert.Equal("muennighoff", better.GetProperty("law").GetProperty("name").GetString());
    }

    [Fact]
    public void Loss_DataConstrained_Table()
    {
        CliRun run = Shell.RunLine("loss --params 6.34e9 --tokens 242e9 --unique-tokens 25e9");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Loss_InlineLaw_EqualsThePreset()
    {
        JsonElement inline = Json("loss --law E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28 --params 70B --tokens 1.4T --json");
        JsonElement preset = Json("loss --law hoffmann --params 70B --tokens 1.4T --json");

        Assert.Equal(preset.GetProperty("loss").GetDouble(), inline.GetProperty("loss").GetDouble());
        Assert.Equal("inline", inline.GetProperty("law").GetProperty("name").GetString());
    }

    [Fact]
    public void Loss_Kaplan_FlagsNonEmbedding()
    {
        JsonElement root = Json("loss --law kaplan --params 1B --tokens 10B --json");

        Assert.Equal(2.419652, root.GetProperty("loss").GetDouble(), 0.0000005);
        Assert.True(root.GetProperty("parametersAreNonEmbedding").GetBoolean());
    }

    [Fact]
    public void Loss_PlotOnly_WritesIsoFlopCurvesAndTheirMinima()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-isoflop-{Guid.NewGuid():N}.svg");
        try
        {
            JsonElement root = Json($"loss --law hoffmann --plot {path} --compute-range 1e20:1e23 --json");

            Assert.True(File.Exists(path));
            Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal(4, root.GetProperty("rows").GetArrayLength());
            Assert.Equal("hoffmann", root.GetProperty("law").GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("loss --law epoch --params 0 --tokens 1T", "error: --params: must be at least 1 (got 0; expected a number >= 1 and <= 1e+18 (parameters))")]
    [InlineData("loss --law epoch --params -70B --tokens 1T", "error: --params: must be at least 1 (got -70000000000; expected a number >= 1 and <= 1e+18 (parameters))")]
    [InlineData("loss --law epoch --params 70B --tokens 0", "error: --tokens: must be at least 1 (got 0; expected a number >= 1 and <= 1e+20 (tokens))")]
    [InlineData("loss --law epoch --params 70B", "error: --tokens: is required (got nothing; expected a number >= 1 and <= 1e+20 (tokens))")]
    [InlineData("loss --law epoh --params 70B --tokens 1T", "error: --law: is unknown (got epoh; expected a law preset (see flopwise laws); did you mean epoch?)")]
    [InlineData("loss --law deepseek --params 70B --tokens 1T", "error: --law: 'deepseek' predicts no loss, only a compute-optimal frontier (got deepseek; expected a law with a loss: hoffmann, hoffmann-unrounded, epoch, kaplan, muennighoff, or E=…,A=…,B=…,alpha=…,beta=…)")]
    [InlineData("loss --law E=1.69,A=406.4,B=410.7 --params 70B --tokens 1T", "error: --law: is missing alpha, beta (got E=1.69,A=406.4,B=410.7; expected E=…,A=…,B=…,alpha=…,beta=… (a Chinchilla-form law) or parametersCoefficient=…,parametersExponent=…,tokensCoefficient=…,tokensExponent=… (a power-form frontier))")]
    [InlineData("loss --law kaplan --params 70B --tokens 1T --unique-tokens 1T", "error: --unique-tokens: needs a law with E, A, B, alpha, beta, and 'kaplan' (kaplan form) has none (got 1000000000000; expected --law hoffmann, hoffmann-unrounded, epoch, muennighoff or inline constants E=…,A=…,B=…,alpha=…,beta=…)")]
    [InlineData("loss --law epoch --params 70B --tokens 1T --compute-range 1e18:1e20", "error: --compute-range: needs --plot (got 1e18:1e20; expected --plot FILE.svg with --compute-range FROM:TO)")]
    [InlineData("loss --params abc --tokens 1T", "error: --params: is not a number (got abc; expected a number >= 1 and <= 1e+18 (parameters))")]
    public void Loss_BadInput_IsOneLineExit2(string commandLine, string message)
    {
        Assert.Equal(message, Shell.AssertUsageError(Shell.RunLine(commandLine)));
    }

    [Fact]
    public void Loss_BadInput_Golden()
    {
        string[] lines =
        [
            "loss --law epoch --params 0 --tokens 1T",
            "loss --law hofman --params 70B --tokens 1T",
            "loss --law hoffmann-approach --params 70B --tokens 1T",
            "loss --law tokens-per-parameter-20 --params 70B --tokens 1T",
            "loss --law E=1.69,A=x,B=1,alpha=1,beta=1 --params 70B --tokens 1T",
            "loss --law epoch --law-file law.json --params 70B --tokens 1T",
        ];

        Golden.AssertMatches(string.Join('\n', lines.Select(l => l + "\n  " + Shell.AssertUsageError(Shell.RunLine(l)))) + "\n");
    }

    [Theory]
    [InlineData("loss --params 1e9 --tokens 1e10 --law E=1,A=1e-300,B=1,alpha=0.3,beta=0.3 --json", "error: --law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows) (got E=1,A=1e-300,B=1,alpha=0.3,beta=0.3; expected constants whose compute-optimal frontier")]
    [InlineData("loss --params 1e9 --tokens 1e10 --law E=1,A=1e-300,B=1,alpha=0.3,beta=0.3 --plot x.svg --json", "error: --law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G")]
    [InlineData("loss --params 1e9 --tokens 1e10 --law e=0.5267228,a=6.0073404,b=6.0179186,alpha=0.33917084,beta=0.2849083", "error: --law: has the key 'e', but E, A, B are case-sensitive and a, b, e are the log-space constants: give A, B, E, or logA, logB, logE (got e=0.5267228,")]
    [InlineData("loss --params 1e9 --tokens 1e10 --law logE=0.5,logA=-1000,logB=6,alpha=0.3,beta=0.3", "error: --law: has logA=-1000, which makes A = exp(logA) 0 (it underflows) (got logE=0.5,")]
    [InlineData("loss --law hoffmann --plot x.svg --compute-range 1e-10:1e1 --json", "error: --compute-range: has a compute of 1e-10 FLOP, below 6 FLOP (one parameter on one token), where an isoFLOP curve is empty (got 1e-10:1e+01; expected FROM:TO with every compute >= 6 and <= 1e+40 FLOP)")]
    [InlineData("loss --law kaplan --plot x.svg --compute-range 1e200:1e300 --json", "error: --compute-range: has a compute of 1e+200 FLOP, which must be at most 1e+40 (got 1e+200:1e+300;")]
    public void Loss_BadLawOrComputeRange_IsOneLineOnTheOptionGiven(string commandLine, string expectedStart)
    {
        string line = Shell.AssertUsageError(Shell.RunLine(commandLine));

        Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
    }

    [Theory]
    [InlineData("power.json", """{"form": "power", "parametersCoefficient": 0.1, "parametersExponent": 0.5, "tokensCoefficient": 1.6, "tokensExponent": 0.5}""", "error: --law-file: 'power' predicts no loss, only a compute-optimal frontier (got power;")]
    [InlineData("small.json", """{"form": "chinchilla", "logE": 0.5, "logA": -1000, "logB": 6, "alpha": 0.3, "beta": 0.3}""", "error: --law-file: small.json: key 'logA' makes A = exp(logA) 0 (it underflows) (got -1000;")]
    [InlineData("huge.json", """{"form": "chinchilla", "logE": 1000, "logA": 6, "logB": 6, "alpha": 0.3, "beta": 0.3}""", "error: --law-file: huge.json: key 'logE' makes E = exp(logE) infinite (it overflows) (got 1000;")]
    [InlineData("tiny.json", """{"form": "chinchilla", "E": 1, "A": 1e-300, "B": 1, "alpha": 0.3, "beta": 0.3}""", "error: --law-file: tiny.json: keys 'A' and 'B' make the frontier constant G")]
    public void Loss_BadLawFile_IsAnErrorOnLawFile(string name, string json, string expectedStart)
    {
        string dir = Directory.CreateTempSubdirectory("flopwise-law-").FullName;
        try
        {
            string path = Path.Combine(dir, name);
            File.WriteAllText(path, json);

            string line = Shell.AssertUsageError(Shell.RunLine($"loss --params 1e9 --tokens 1e10 --law-file {path}"));

            Assert.True(line.StartsWith(expectedStart, StringComparison.Ordinal), line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Loss_LogSpaceInlineKeys_EqualTheUnroundedPreset()
    {
        JsonElement inline = Json("loss --law logE=0.5267228,logA=6.0073404,logB=6.0179186,alpha=0.33917084,beta=0.2849083 --params 70B --tokens 1.4T --json");
        JsonElement preset = Json("loss --law hoffmann-unrounded --params 70B --tokens 1.4T --json");

        Assert.Equal(preset.GetProperty("loss").GetDouble(), inline.GetProperty("loss").GetDouble());
    }

    [Fact]
    public void Loss_MuennighoffAboveNStar_IsNotTheChinchillaFormAndSaysSo()
    {
        // Given: muennighoff at 100B on 100B tokens (nothing repeated), and its constants as a Chinchilla-form law
        JsonElement muennighoff = Json("loss --law muennighoff --params 100B --tokens 100B --json");
        JsonElement chinchilla = Json("loss --law logE=0.6254804,logA=6.255414,logB=7.3049974,alpha=0.3526596,beta=0.3526596 --params 100B --tokens 100B --json");

        // Then: N > N*(D), so the excess-parameter decay applies (2.16913 against 2.13438), as the assumptions say
        Assert.Equal(2.16913, muennighoff.GetProperty("loss").GetDouble(), 0.000005);
        Assert.Equal(2.13438, chinchilla.GetProperty("loss").GetDouble(), 0.000005);
        JsonElement note = muennighoff.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "withoutRepetition");
        Assert.Equal("excess parameters decay (N > N*(D))", note.GetProperty("value").GetString());
    }

    [Fact]
    public void Loss_PlotMinimumOnTheWindowEdge_IsFlagged()
    {
        string path = Path.Combine(Path.GetTempPath(), $"flopwise-isoflop-{Guid.NewGuid():N}.svg");
        try
        {
            JsonElement root = Json($"loss --law hoffmann --plot {path} --compute-range 6:6e20 --json");

            JsonElement[] rows = [.. root.GetProperty("rows").EnumerateArray()];
            Assert.True(rows[0].GetProperty("minimumAtWindowEdge").GetBoolean());
            Assert.False(rows[^1].GetProperty("minimumAtWindowEdge").GetBoolean());
            Assert.Contains(root.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("name").GetString() == "minimumAtWindowEdge");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
