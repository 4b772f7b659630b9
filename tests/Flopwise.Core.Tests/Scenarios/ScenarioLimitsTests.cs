using System.Text;
using CsCheck;
using Flopwise.Scenarios;

namespace Flopwise.Core.Tests.Scenarios;

/// <summary>Issue 25 §3 and §7: size and nesting limits before YamlDotNet, grid with grid-intensity, and a fuzz of scenario YAML.</summary>
public sealed class ScenarioLimitsTests
{
    private static ScenarioError Single(string yaml)
    {
        ScenarioCheck check = ScenarioFile.Parse(yaml);
        Assert.Null(check.Scenario);
        return Assert.Single(check.Errors);
    }

    [Fact]
    public void Parse_50000NestedBrackets_IsOneErrorNotAStackOverflow()
    {
        // 100 KB: `compute: ` then 50,000 '[' aborted scenario check and run with exit 134 before the limit.
        ScenarioError error = Single("compute: " + new string('[', 50_000));

        Assert.Equal(1, error.Line);
        Assert.Equal("nests deeper than 64 levels", error.Problem);
        Assert.Equal("at most 64 levels of nesting", error.Expected);
        Assert.InRange(error.ToString().Length, 0, 300);
    }

    [Fact]
    public void Parse_DeepBlockMappings_IsRefusedAtTheLineThatGoesTooDeep()
    {
        var yaml = new StringBuilder("a:\n");
        for (int level = 1; level < 100; level++)
        {
            yaml.Append(' ', level).Append('k').Append(level).Append(":\n");
        }

        ScenarioError error = Single(yaml.ToString());

        Assert.Equal(65, error.Line);
        Assert.Equal("nests deeper than 64 levels", error.Problem);
    }

    [Theory]
    [InlineData("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n")]
    [InlineData("compute: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: 1}")]
    public void Parse_DeepSequencesOrFlowMappings_AreRefused(string yaml) =>
        Assert.Equal("nests deeper than 64 levels", Single(yaml).Problem);

    [Fact]
    public void Parse_BracketsInsideQuotesAndComments_DoNotCount()
    {
        string yaml = "compute: 1e27 # " + new string('[', 200) + "\nname: '" + new string('[', 200) + "'\n";

        ScenarioCheck check = ScenarioFile.Parse(yaml);

        Assert.DoesNotContain(check.Errors, e => e.Problem.Contains("nests", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Over1MB_IsRefusedBeforeParsing()
    {
        ScenarioError error = Single("compute: 1e27\n# " + new string('x', ScenarioFile.MaxBytes) + "\n");

        Assert.Equal("is too large", error.Problem);
        Assert.Equal("at most 1000000 bytes (1 MB)", error.Expected);
    }

    [Fact]
    public void Parse_GridWithGridIntensity_IsRefusedAsTheCliRefusesThePair()
    {
        ScenarioError error = Single("compute: 1e27\ngpu: h100\ngrid: france\ngrid-intensity: 0.3\n");

        Assert.Equal("line 3, column 1: grid: cannot be combined with grid-intensity (got france; expected one of grid or grid-intensity)", error.ToString());
    }

    [Fact]
    public void Parse_HugeValue_EchoesItCut()
    {
        ScenarioCheck check = ScenarioFile.Parse("compute: 1e27\ngpu: " + new string('h', 900_000) + "\n");

        Assert.All(check.Errors, e => Assert.InRange(e.ToString().Length, 0, 1000));
    }

    /// <summary>Scenario YAML built from keys, values and hostile fragments: Parse answers (a scenario or errors), never throws.</summary>
    [Fact]
    public void Parse_FuzzedYaml_NeverThrows()
    {
        string[] keys = ["compute", "gpu", "mfu", "params", "tokens", "usd", "grid", "grid-intensity", "serving", "copies", "human", "samples", "seed", "law", "flop", "days", "gpus", "x", "- a", "? k"];
        string[] values = ["1e27", "h100", "0.4", "70B", "1e25..1e27", "normal(0.4, 0.05)", "epoch|hoffmann", "[", "{", "]", "'", "\"", "&a", "*a", "!!str 3", "-1", "nan", "1e400", "", "\t", "\u001b[2J", "|", ">", "[[[[[[", "{a: [1, {b: 2}]}", "0.5", "1e-310"];
        Gen<string> line = Gen.Select(Gen.Int[0, 4], Gen.Int[0, keys.Length - 1], Gen.Int[0, values.Length - 1], Gen.Int[0, 3])
            .Select((indent, k, v, kind) => kind switch
            {
                0 => new string(' ', indent * 2) + keys[k] + ": " + values[v],
                1 => new string(' ', indent * 2) + keys[k] + ":",
                2 => new string(' ', indent * 2) + "- " + values[v],
                _ => values[v] + values[(v + k) % values.Length],
            });
        Gen<string> file = line.Array[0, 12].Select(lines => string.Join('\n', lines));
        var pcg = new PCG(25, 2026);
        for (int i = 0; i < 400; i++)
        {
            string yaml = file.Generate(pcg, null, out _);
            ScenarioCheck check = ScenarioFile.Parse(yaml);
            Assert.True(check.Scenario is not null || check.Errors.Count > 0, yaml);
            Assert.All(check.Errors, e => Assert.DoesNotContain('\n', e.ToString()));
        }
    }
}
