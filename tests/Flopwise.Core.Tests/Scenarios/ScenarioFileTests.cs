using Flopwise.Inputs;
using Flopwise.Scenarios;
using Flopwise.Tests.Shared;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Core.Tests.Scenarios;

public class ScenarioFileTests
{
    private static ScenarioError Error(string yaml)
    {
        ScenarioCheck check = ScenarioFile.Parse(yaml);
        Assert.Null(check.Scenario);
        return check.Errors[0];
    }

    private static Scenario Valid(string yaml)
    {
        ScenarioCheck check = ScenarioFile.Parse(yaml);
        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        return check.Scenario!;
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepositoryRoot.File("scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_EveryExampleInTheRepository_IsValid(string file)
    {
        Valid(File.ReadAllText(RepositoryRoot.File("scenarios", file)));
    }

    [Fact]
    public void Parse_NumbersWithSuffixesAndRanges_AsTheCommandsParseThem()
    {
        Scenario scenario = Valid("params: 70B\ntokens: '2T'\ngpu: h100\ngpus: 8..16\nmfu: normal(0.4, 0.05)\n");

        Assert.Equal(70e9, scenario.Fixed.Get(TrainingInputs.Parameters));
        Assert.Equal(2e12, scenario.Fixed.Get(TrainingInputs.Tokens));
        Assert.Equal(["gpus", "mfu"], scenario.Uncertain.Select(u => u.Spec.Name));
        Assert.IsType<LogNormalRange>(scenario.Uncertain[0].Distribution);
        Assert.Equal(ScenarioMode.Run, scenario.Mode);
    }

    [Fact]
    public void Parse_SectionNumbers_AreSampledUnderTheirDottedName()
    {
        Scenario scenario = Valid("compute: 1e25\ngpu: h100\nserving:\n  gpus: 2..8\n  batch: 16\n");

        UncertainInput gpus = Assert.Single(scenario.Uncertain);
        Assert.Equal("serving.gpus", gpus.Spec.Name);
        Assert.Equal(16, scenario.Fixed.Get(ScenarioKeys.Find("serving.batch")!.Sampled!));
        Assert.Null(scenario.Fixed.Get(TrainingInputs.Gpus));
    }

    [Fact]
    public void UnknownKey_NamesLineColumnAndTheClosestKey()
    {
        ScenarioError error = Error("compute: 1e25\ngpu: h100\nmfuu: 0.4\n");

        Assert.Equal((3, 1, "mfuu"), (error.Line, error.Column, error.Key));
        Assert.Equal("is not a key at the top level", error.Problem);
        Assert.Contains("did you mean mfu?", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyInASection_SuggestsFromThatSection()
    {
        ScenarioError error = Error("compute: 1e25\ngpu: h100\nserving:\n  promt-tokens: 512\n");

        Assert.Equal((4, 3, "serving.promt-tokens"), (error.Line, error.Column, error.Key));
        Assert.Contains("did you mean prompt-tokens?", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfAnotherSection_SaysWhereItBelongs()
    {
        ScenarioError error = Error("compute: 1e25\nbatch: 8\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("it belongs in the serving: section", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute: 1e25\n  gpu: h100\n", 2, 6)]
    [InlineData("compute: 1e25\ngpu: 'h100\n", 2, 6)]
    [InlineData("compute: 1e25\ngpu: [h100\nmfu: 0.4\n", 3, 1)]
    [InlineData("compute: 1e25\ngpu: h100\nhuman:\n\ttask-hours: 5\n", 4, 1)] // the tab's own line, not the mapping's start
    public void YamlSyntaxError_NamesLineAndColumn(string yaml, int line, int column)
    {
        ScenarioError error = Error(yaml);

        Assert.StartsWith("is not valid YAML: ", error.Problem, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("params: 70B\ngpu: h100\n", "params", "needs tokens")]
    [InlineData("gpu: h100\ntokens: 2T\n", "tokens", "needs params")]
    public void RunWork_WithOnlyOneOfParamsAndTokens_IsAnErrorAtItsLine(string yaml, string key, string problem)
    {
        ScenarioError error = Error(yaml);

        Assert.Equal(key, error.Key);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.StartsWith(key, StringComparison.Ordinal)) + 1, error.Line);
    }

    [Fact]
    public void DuplicateKey_IsAnError()
    {
        ScenarioError error = Error("compute: 1e25\ncompute: 1e26\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("Duplicate key", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute: 1e25\ngpu: h100..b200\n", "gpu")]
    [InlineData("compute: 1e25\ngpu: h100\nflop-convention: normal(1, 2)\n", "flop-convention")]
    [InlineData("compute: 1e25\nserving:\n  model: llama-2-7b..llama-2-70b\n  gpu: h100\n", "serving.model")]
    public void RangeOnAName_IsAnError(string yaml, string key)
    {
        ScenarioError error = Error(yaml);

        Assert.Equal(key, error.Key);
        Assert.Equal($"is a range, but {key} takes one name", error.Problem);
    }

    [Theory]
    [InlineData("samples")]
    [InlineData("seed")]
    public void RangeOnSamplesOrSeed_IsAnError(string key)
    {
        ScenarioError error = Error($"compute: 1e25..1e26\n{key}: 10..20\n");

        Assert.Equal((2, key), (error.Line, error.Key));
        Assert.Equal("takes one number, not a range or distribution", error.Problem);
    }

    [Fact]
    public void BadNumber_HasTheCommandsMessage()
    {
        ScenarioError error = Error("compute: 1,000\n");
        NumberText.TryParse("1,000", out _, out string? problem);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(Flopwise.Scaling.ScalingInputs.Compute.Expected, error.Expected);
    }

    [Fact]
    public void NumberOutOfRange_HasTheInputsOwnCheck()
    {
        ScenarioError error = Error("compute: 1e25\ngpu: h100\nmfu: 1.5\n");

        Assert.Equal((3, "mfu"), (error.Line, error.Key));
        Assert.Equal(TrainingInputs.Mfu.Check(1.5)!.Problem, error.Problem);
    }

    [Fact]
    public void UnknownGpu_SuggestsCatalogNames()
    {
        ScenarioError error = Error("usd: 1e6\ngpu: h10\n");

        Assert.Equal((2, "gpu"), (error.Line, error.Key));
        Assert.Contains("h100-sxm5-80gb", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n")]
    public void EmptyFile_IsAnError(string yaml)
    {
        Assert.Equal("is empty", Error(yaml).Problem);
    }

    [Fact]
    public void OnlyComments_IsAnError()
    {
        Assert.Equal("has no keys (only comments)", Error("# nothing here\n").Problem);
    }

    [Fact]
    public void NotAMapping_IsAnError()
    {
        Assert.Equal("is not a mapping of keys to values", Error("- compute\n- 1e25\n").Problem);
    }

    [Theory]
    [InlineData("compute: 1e25\nmfu: 0.4\n", "mfu", "is an input of the training run")]
    [InlineData("params: 7B\ntokens: 1T\nlaw: hoffmann\n", "law", "is not used")]
    [InlineData("flop: 1e23\ninference-tokens: 1e12\n", "inference-tokens", "needs the model")]
    [InlineData("compute: 1e25\nflop: 1e25\n", "compute", "is given with the run's own work")]
    [InlineData("compute: 1e25\nseed: 3\n", "seed", "needs an input given as a distribution")]
    [InlineData("usd: 1e6\n", "gpu", "is missing")]
    [InlineData("human:\n  brain-watts: 20\n", "human", "needs task-hours")]
    [InlineData("gpu: h100\n", "", "has nothing to run")]
    [InlineData("usd: 1e6\ngpu: h100\ndtype: fp8\n", "dtype", "would make the run's GPU-hours differ from the budget's")]
    [InlineData("gpu-hours: 1e6\ngpu: h100\nachieved-tflops: 400\n", "achieved-tflops", "would make the run's GPU-hours differ")]
    public void KeysNoStageUses_AreErrors(string yaml, string key, string problem)
    {
        ScenarioError error = Error(yaml);

        Assert.Equal(key, error.Key);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LawMixture_IsSampled()
    {
        Scenario scenario = Valid("compute: 1e25\nlaw: epoch|hoffmann\n");

        Assert.NotNull(scenario.LawMixture);
        Assert.Contains(scenario.Uncertain, u => u.Spec == LawMixture.ChoiceInput);
    }

    [Fact]
    public void Keys_AreTheCommandsOptionNames()
    {
        string[] topLevel = [.. ScenarioKeys.TopLevel.Select(k => k.Name)];

        foreach (InputSpec spec in Flopwise.Scenarios.BudgetInputs.All.Concat(TrainingInputs.All))
        {
            Assert.Contains(spec.Name, topLevel);
        }

        Assert.All(Flopwise.Serving.ServingInputs.All, s => Assert.NotNull(ScenarioKeys.Find("serving." + s.Name)));
        Assert.All(Flopwise.Forecasting.HumanInputs.All, s => Assert.NotNull(ScenarioKeys.Find("human." + s.Name)));
    }
}
