using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Scenarios;
using Flopwise.Serving;
using Flopwise.Tests.Shared;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Core.Tests.Scenarios;

public class ScenarioChainTests
{
    private static readonly GpuSpec H100 = GpuCatalog.Default.Resolve("h100").Spec!;
    private static readonly ScalingLaw Epoch = LawCatalog.Default.Resolve("epoch").Law!;

    private static Scenario Parse(string yaml)
    {
        ScenarioCheck check = ScenarioFile.Parse(yaml);
        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        return check.Scenario!;
    }

    private static ScenarioResult Run(string yaml) => ScenarioChain.Evaluate(Parse(yaml)).GetValueOrThrow();

    private static ScenarioResult RunExample(string file) => Run(File.ReadAllText(RepositoryRoot.File("scenarios", file)));

    private static double Field(ScenarioResult result, string key) =>
        result.Get(key) ?? throw new Xunit.Sdk.XunitException($"no field {key}; have {string.Join(", ", result.Fields.Select(f => f.Key))}");

    /// <summary>Each of the stage's fields equals the calculator's own field of the same key.</summary>
    private static void AssertStageEquals(ScenarioResult result, string stage, ICalculationResult expected)
    {
        ScenarioStage found = result.Stage(stage) ?? throw new Xunit.Sdk.XunitException($"stage {stage} did not run");
        foreach (ResultField field in expected.Fields.Where(f => !f.Key.StartsWith("law.", StringComparison.Ordinal)))
        {
            ResultField mine = Assert.Single(found.Fields, f => f.Key == stage + "." + field.Key);
            Assert.Equal(field.Value, mine.Value);
            Assert.Equal(field.Text, mine.Text);
        }
    }

    [Fact]
    public void Budget_EveryStageEqualsItsOwnCalculator()
    {
        ScenarioResult result = Run("usd: 100M\ngpu: h100\nprice-per-gpu-hour: 2.5\nmfu: 0.4\ninference-tokens: 1e13\n");
        BudgetResult budget = Budget.Compute(new BudgetRequest { Usd = 100e6, Gpu = H100, Law = Epoch, PricePerGpuHour = 2.5, Mfu = 0.4, InferenceTokens = 1e13 });

        Assert.Equal(budget.TrainingFlop, Field(result, "budget.trainingFlop"));
        Assert.Equal(budget.GpuHours, Field(result, "budget.gpuHours"));
        AssertStageEquals(result, "optimal", budget.Optimal);
        AssertStageEquals(result, "inferenceAware", budget.Plan!);
        AssertStageEquals(result, "copies", budget.Copies);

        // The run trains the optimal N and D at the budget's MFU: the same GPU-hours, so the budget's dollars.
        TrainingResult train = TrainingAccounting.Evaluate(new TrainingRequest
        {
            Parameters = budget.Optimal.Allocation.Parameters,
            Tokens = budget.Optimal.Allocation.Tokens,
            Gpu = H100,
            Mfu = 0.4,
            PricePerGpuHour = 2.5,
        }).GetValueOrThrow();
        AssertStageEquals(result, "train", train);
        AssertClose.Relative(100e6, Field(result, "train.costUsd"), 1e-12);
        AssertClose.Relative(budget.GpuHours, Field(result, "train.gpuHours"), 1e-12);
    }

    [Fact]
    public void Compute_TrainUsesTheOptimalParametersAndTokens()
    {
        ScenarioResult result = Run("compute: 3e25\ngpu: h100\ngpus: 8192\nmfu: 0.35\nprice-per-gpu-hour: 2\ngrid: france\n");
        OptimalResult optimal = OptimalAllocation.Evaluate(new OptimalRequest { Compute = 3e25, Law = Epoch }).GetValueOrThrow();
        GridRegions.TryResolve("france", out GridRegion? france);
        TrainingResult train = TrainingAccounting.Evaluate(new TrainingRequest
        {
            Parameters = optimal.Allocation.Parameters,
            Tokens = optimal.Allocation.Tokens,
            Gpu = H100,
            Gpus = 8192,
            Mfu = 0.35,
            PricePerGpuHour = 2,
            Grid = france,
        }).GetValueOrThrow();

        Assert.Equal(["optimal", "train", "copies"], result.Stages.Select(s => s.Key));
        AssertStageEquals(result, "optimal", optimal);
        AssertStageEquals(result, "train", train);
        Assert.Equal(optimal.Allocation.Parameters, Field(result, "train.parameters"));

        // The copies stage reallocates the cluster that trained the model: T is the run's wall time, not the 1e7 s default.
        double wallTime = train.Get("wallTimeSeconds")!.Value;
        AssertStageEquals(result, "copies", CopiesModel.Evaluate(new CopiesRequest { Compute = 3e25, DurationSeconds = wallTime }).GetValueOrThrow());
        Assert.Equal(3e25 / wallTime, Field(result, "copies.clusterFlopPerSecond"), 1e-9 * 3e25 / wallTime);
        Assert.Contains(result.Assumptions, a => a.Name == "copies.flows");
    }

    [Fact]
    public void Copies_DurationGivenInItsSection_IsKeptOverTheRunsWallTime()
    {
        ScenarioResult result = Run("compute: 3e25\ngpu: h100\ngpus: 8192\ncopies:\n  duration-seconds: 1e7\n");

        AssertStageEquals(result, "copies", CopiesModel.Evaluate(new CopiesRequest { Compute = 3e25, DurationSeconds = 1e7 }).GetValueOrThrow());
        Assert.DoesNotContain(result.Assumptions, a => a.Name == "copies.flows");
    }

    [Fact]
    public void Serving_WithoutAModel_UsesTheNearestPreset_NamedInTheAssumptions()
    {
        ScenarioResult result = Run("params: 65B\ntokens: 1.4T\nserving:\n  gpu: a100\n  gpus: 2\n  batch: 8\n");
        ServingResult expected = ServingModel.Evaluate(new ServingRequest
        {
            Model = Flopwise.Architectures.ModelCatalog.Default.Find("llama-65b")!.Shape,
            Gpu = GpuCatalog.Default.Resolve("a100").Spec,
            Gpus = 2,
            Batch = 8,
        }).GetValueOrThrow();

        Assert.Equal("llama-65b", ScenarioChain.NearestPreset(65e9).Id);
        AssertStageEquals(result, "serving", expected);
        Assumption model = Assert.Single(result.Assumptions, a => a.Name == "serving.model");
        Assert.Equal("llama-65b", model.Text);
        Assert.Contains("nearest in parameter count", model.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Serving_ModelGiven_IsServed()
    {
        ScenarioResult result = Run("compute: 1e24\ngpu: h100\nserving:\n  model: llama-3-70b\n  gpus: 4\n");

        Assert.Equal("llama-3-70b", Assert.Single(result.Assumptions, a => a.Name == "serving.model").Text);
        Assert.NotNull(result.Get("serving.costUsdPerMillionTokens"));
    }

    [Fact]
    public void Human_TakesTheRunsEnergyAndTokens_UnlessGiven()
    {
        ScenarioResult result = Run("params: 7B\ntokens: 2T\ngpu: a100\ngpus: 1024\nhuman:\n  task-hours: 2\n");
        HumanResult expected = HumanEquivalents.Evaluate(new HumanRequest
        {
            TaskHours = 2,
            EnergyKwh = Field(result, "train.facilityEnergyKwh"),
            Tokens = 2e12,
        }).GetValueOrThrow();

        AssertStageEquals(result, "human", expected);
        Assert.Contains(result.Assumptions, a => a.Name == "human.flows");
    }

    [Fact]
    public void SectionError_NamesTheDottedKey()
    {
        Scenario scenario = Parse("compute: 1e24\ngpu: h100\nserving:\n  model: llama-3-70b\n  gpus: 3\n");

        Outcome<ScenarioResult> outcome = ScenarioChain.Evaluate(scenario);

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("serving.gpus", error.Field);
        Assert.Equal(5, scenario.Locate(error).Line);
    }

    [Theory]
    [MemberData(nameof(Seed000Sheets))]
    public void Seed000_EachSheet_ReproducesThePrintedRow(string file, Seed000CopiesSheet.Sheet sheet)
    {
        ScenarioResult result = RunExample(file);

        Assert.Equal(sheet.Compute, Field(result, "copies.trainingFlop"));
        AssertClose.ToPrinted(sheet.Parameters, Field(result, "copies.parameters"), Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.Parameters));
        AssertClose.ToPrinted(sheet.RuntimeFlopPerForward, Field(result, "copies.runtimeFlopPerForward"), Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.RuntimeFlopPerForward));
        AssertClose.ToPrinted(sheet.TokensPerSecond, Field(result, "copies.tokensPerSecond"), Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.TokensPerSecond));
        AssertClose.ToPrinted(sheet.ParallelTasks, Field(result, "copies.parallelTasks"), Seed000CopiesSheet.HalfUnitOfThirdFigure(sheet.ParallelTasks));
    }

    public static TheoryData<string, Seed000CopiesSheet.Sheet> Seed000Sheets() => new()
    {
        { "seed000-3e25.yaml", Seed000CopiesSheet.Sheet3e25 },
        { "seed000-3e27.yaml", Seed000CopiesSheet.Sheet3e27 },
        { "seed000-3e29.yaml", Seed000CopiesSheet.Sheet3e29 },
        { "seed000-3e33.yaml", Seed000CopiesSheet.Sheet3e33 },
    };

    [Fact]
    public void Seed001_Gpt3OnV100_ThirteenDaysAtTwentyTwoPercent()
    {
        ScenarioResult result = RunExample("seed001-gpt3.yaml");

        Assert.Equal(TrainingRunFigures.Gpt3Flop, Field(result, "train.trainingFlop"));
        AssertClose.Relative(TrainingRunFigures.Seed001Days, Field(result, "train.wallTimeDays"), TrainingRunFigures.Seed001DaysRelativeTolerance);
        AssertClose.Absolute(TrainingRunFigures.Seed001Mfu, Field(result, "train.mfu"), TrainingRunFigures.Seed001MfuTolerance);

        // Energy is GPUs × 300 W × wall time, so it carries the wall time's 1 % against the seed's 13 days.
        AssertClose.Relative(TrainingRunFigures.Seed001ItKwh, Field(result, "train.itEnergyKwh"), TrainingRunFigures.Seed001DaysRelativeTolerance);
        AssertClose.Relative(TrainingRunFigures.Seed001FacilityKwh, Field(result, "train.facilityEnergyKwh"), TrainingRunFigures.Seed001DaysRelativeTolerance);
        AssertStageEquals(result, "train", TrainingAccounting.Evaluate(new TrainingRequest
        {
            Flop = TrainingRunFigures.Gpt3Flop,
            Gpu = GpuCatalog.Default.Resolve("v100").Spec,
            Gpus = TrainingRunFigures.Seed001Gpus,
            AchievedTflops = TrainingRunFigures.Seed001AchievedTflops,
            Pue = TrainingRunFigures.Seed001Pue,
        }).GetValueOrThrow());
    }

    [Fact]
    public void Seed003_InferenceHeavy_SameLossWithASmallerModelOnMoreTokens()
    {
        ScenarioResult result = RunExample("seed003-inference-heavy.yaml");

        AssertClose.ToPrinted(PlanningFigures.S6LargeTrainingFlop, Field(result, "copies.trainingFlop"), PlanningFigures.S6TrainingFlopHalfUnit);
        AssertClose.ToPrinted(PlanningFigures.S6LargeLoss, Field(result, "inferenceAware.loss"), PlanningFigures.S6LossHalfUnit);
        Assert.True(Field(result, "inferenceAware.parameters") < PlanningFigures.Seed003LargeParameters, "serving 1e14 tokens favours a smaller model");
        Assert.True(Field(result, "inferenceAware.tokensPerParameter") > PlanningFigures.Seed003LargeTokens / PlanningFigures.Seed003LargeParameters);
        AssertStageEquals(result, "inferenceAware", InferencePlanner.Evaluate(new PlanRequest
        {
            Law = LawCatalog.Default.Resolve("hoffmann").Law!,
            ReferenceParameters = PlanningFigures.Seed003LargeParameters,
            ReferenceTokens = PlanningFigures.Seed003LargeTokens,
            InferenceTokens = 1e14,
        }).GetValueOrThrow());
        Assert.NotNull(result.Get("serving.costUsdPerMillionTokens"));
    }

    [Fact]
    public void Seed004_Fermat_SinglePassModelAndAgentTime()
    {
        ScenarioResult result = RunExample("seed004-fermat.yaml");

        Assert.Equal(["human"], result.Stages.Select(s => s.Key));
        AssertClose.Relative(HumanEquivalentFigures.FermatSinglePassParameters, Field(result, "human.singlePassParameters"), 1e-15);
        AssertClose.ToPrinted(HumanEquivalentFigures.FermatTrainingFlop, Field(result, "human.singlePassTrainingFlop"), HumanEquivalentFigures.FermatTrainingFlopHalfUnit);
        AssertClose.Relative(HumanEquivalentFigures.FermatAgentHours * 3600, Field(result, "human.agenticWallTimeSeconds"), 1e-15);
        AssertClose.ToPrinted(HumanEquivalentFigures.FermatCalendarDays, Field(result, "human.calendarWallTimeDays"), HumanEquivalentFigures.FermatCalendarDaysHalfUnit);
    }

    [Fact]
    public void FrontierForecast_MonteCarlo_IsTheSameWhateverTheCoreCount()
    {
        Scenario scenario = Parse(File.ReadAllText(RepositoryRoot.File("scenarios", "frontier-forecast.yaml")));
        MonteCarloResult Run(int cores) => MonteCarlo.Run(
            scenario.Fixed,
            scenario.Uncertain,
            v => ScenarioChain.Evaluate(scenario, v) is { Value: ScenarioResult r } ? Outcome<ICalculationResult>.Success(r) : Outcome<ICalculationResult>.Failure([new FieldError("x", "y", "z", "w")]),
            2000,
            scenario.Seed!.Value,
            maxDegreeOfParallelism: cores).GetValueOrThrow();

        MonteCarloResult one = Run(1);
        MonteCarloResult two = Run(2);

        Assert.Equal(ResultJson.Write(one), ResultJson.Write(two));
        Assert.Equal(0, one.InfeasibleSamples);
        OutputDistribution compute = one.Get("optimal.trainingFlop")!;
        Assert.InRange(compute.P5, 0.9e27, 1.1e27);
        Assert.InRange(compute.P95, 0.9e28, 1.1e28);
        Assert.True(one.Get("inferenceAware.parameters")!.P50 < one.Get("optimal.parameters")!.P50, "serving tokens favour smaller models");
        Assert.NotNull(one.Get("train.costUsd"));
        Assert.Contains(one.Assumptions, a => a.Name == "lawMixture");
    }
}
