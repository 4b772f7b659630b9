using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Forecasting;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Serving;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Scenarios;

/// <summary>
/// Runs a scenario: every calculator whose inputs are present, in order, each feeding the next. Budget or compute →
/// compute-optimal model (and the inference-aware model of the same loss with <c>inference-tokens</c>) → training run
/// with that N and D → copies after training, serving, human equivalents.
/// </summary>
/// <remarks>
/// <para>Each stage calls its command's own Core calculator (<see cref="Budget.Convert(BudgetRequest)"/>,
/// <see cref="OptimalAllocation"/>, <see cref="InferencePlanner"/>, <see cref="TrainingAccounting"/>,
/// <see cref="CopiesModel"/>, <see cref="ServingModel"/>, <see cref="HumanEquivalents"/>), so each number equals what
/// that command prints for the same inputs.</para>
/// <para>What flows forward: the budget's training FLOP is the compute; the optimal N and D are the run's
/// <c>params</c> and <c>tokens</c> (a budget's GPU-hours or days are not passed on: the run derives them again from
/// its MFU); the compute (else the run's training FLOP) is what copies reallocates; serving serves
/// <c>serving.model</c>, else the dense preset nearest in parameter count to N (nearest in log N, named in the
/// assumptions); human equivalents take the run's facility energy and training tokens unless the section gives its
/// own. With <c>params</c> and <c>tokens</c> (or <c>flop</c>) the run is given and no model is picked; the
/// inference-aware model then matches the loss of that N and D.</para>
/// <para>Pure and thread-safe: the Monte Carlo runner calls <see cref="Evaluate(Scenario, InputValues)"/> once per joint sample.</para>
/// </remarks>
public static class ScenarioChain
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Stage, string Key), string> PrefixedKeys = new();
    private static readonly HashSet<string> DerivedWork = ["params", "tokens", "flop"];
    private static readonly HashSet<string> DerivedCompute = ["compute"];

    private static readonly HashSet<string> DerivedComputeAndDuration = ["compute", "durationSeconds"];

    private static readonly Assumption CopiesDurationNote = new()
    {
        Name = "copies.flows",
        Label = "Copies after the run",
        Text = "durationSeconds",
        Description = "Not given in copies: the training duration T is the run's wall time (train.wallTimeSeconds), so C/T is the FLOP/s the training cluster actually delivered.",
        IsDefault = true,
    };
    private static readonly HashSet<string> DerivedPlan = ["targetLoss", "referenceParams", "referenceTokens"];
    private static readonly Lazy<ModelPreset[]> DensePresets = new(() => [.. ModelCatalog.Default.All.Where(p => p.Shape.Experts == 1).OrderBy(p => p.PublishedParameters)]);

    /// <summary>Gets each stage's title by its key prefix, in chain order.</summary>
    public static IReadOnlyDictionary<string, string> StageTitles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["budget"] = "Budget",
        ["optimal"] = "Compute-optimal model",
        ["inferenceAware"] = "Inference-aware model of the same loss",
        ["train"] = "Training run",
        [ScenarioKeys.Copies] = "Copies after training (seed 000)",
        [ScenarioKeys.Serving] = "Serving",
        [ScenarioKeys.Human] = "Human equivalents (seeds 004 and 001)",
    };

    /// <summary>Says where a scenario's training compute comes from, given which keys it gives.</summary>
    /// <param name="gives">Whether the file gives a top-level key.</param>
    /// <returns>The run's own work (<c>flop</c>, <c>params</c>, <c>tokens</c>) first, then <c>compute</c>, then a budget.</returns>
    public static ScenarioMode ModeOf(Func<string, bool> gives)
    {
        ArgumentNullException.ThrowIfNull(gives);
        if (gives("flop") || gives("params") || gives("tokens"))
        {
            return ScenarioMode.Run;
        }

        if (gives("compute"))
        {
            return ScenarioMode.Compute;
        }

        return gives("usd") || gives("gpu-hours") || gives("days") ? ScenarioMode.Budget : ScenarioMode.None;
    }

    /// <summary>Evaluates the scenario at its fixed values (no distribution drawn).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The result, or the first stage's input errors (fields as dotted keys).</returns>
    public static Outcome<ScenarioResult> Evaluate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Evaluate(scenario, scenario.Fixed);
    }

    /// <summary>Evaluates the scenario for one set of values (a Monte Carlo sample, or <see cref="Scenario.Fixed"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="values">Every number, by <see cref="ScenarioKey.Sampled"/> name.</param>
    /// <returns>The result, or the first failing stage's input errors (fields as dotted keys).</returns>
    public static Outcome<ScenarioResult> Evaluate(Scenario scenario, InputValues values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(values);
        ScenarioMode mode = scenario.Mode;
        ScalingLaw law = scenario.LawMixture is LawMixture mixture ? mixture.Pick(values.Get(LawMixture.ChoiceInput) ?? 0) : scenario.Law;
        var stages = new List<ScenarioStage>(7);
        var assumptions = new Assumptions(scenario.Notes);
        double? compute = null;
        double? parameters = null;
        double? tokens = null;
        double? loss = null;

        if (mode == ScenarioMode.Budget)
        {
            Outcome<BudgetConversion> budget = Budget.Convert(BudgetRequest.From(values) with { Gpu = scenario.Gpu, Law = law, Grid = scenario.Grid });
            if (budget.Value is not BudgetConversion conversion)
            {
                return Outcome<ScenarioResult>.Failure(budget.Errors);
            }

            compute = conversion.TrainingFlop;
            stages.Add(Stage("budget", conversion, conversion.Fields));
            assumptions.Add(conversion.Assumptions, string.Empty, null);
        }
        else if (mode == ScenarioMode.Compute)
        {
            compute = values.Get(ScalingInputs.Compute);
        }
        else if (mode == ScenarioMode.Run)
        {
            parameters = values.Get(TrainingInputs.Parameters);
            tokens = values.Get(TrainingInputs.Tokens);
        }

        if (compute is double c)
        {
            Outcome<OptimalResult> optimal = OptimalAllocation.Evaluate(new OptimalRequest { Compute = c, Law = law });
            if (optimal.Value is not OptimalResult allocation)
            {
                return Outcome<ScenarioResult>.Failure(optimal.Errors);
            }

            parameters = allocation.Allocation.Parameters;
            tokens = allocation.Allocation.Tokens;
            loss = allocation.Allocation.Loss;
            stages.Add(Stage("optimal", allocation, allocation.AllocationFields));
            assumptions.Add(allocation.Assumptions, string.Empty, mode == ScenarioMode.Budget ? DerivedCompute : null);
        }

        if (values.Get(PlanInputs.InferenceTokens) is double inferenceTokens)
        {
            if (compute is not null && loss is null)
            {
                return Fail("inference-tokens", $"needs a law that predicts loss ({law.Id} does not)", InputSpec.Format(inferenceTokens), "a Chinchilla-form law, e.g. law: epoch");
            }

            PlanRequest request = loss is double target
                ? new PlanRequest { Law = law, TargetLoss = target, InferenceTokens = inferenceTokens }
                : new PlanRequest { Law = law, ReferenceParameters = parameters, ReferenceTokens = tokens, InferenceTokens = inferenceTokens };
            Outcome<PlanResult> planned = InferencePlanner.Evaluate(request);
            if (planned.Value is not PlanResult plan)
            {
                return Outcome<ScenarioResult>.Failure(planned.Errors);
            }

            stages.Add(Stage("inferenceAware", plan, plan.PlanFields));
            assumptions.Add(plan.Assumptions, string.Empty, loss is null ? null : DerivedPlan);
        }

        TrainingResult? train = null;
        if (mode != ScenarioMode.None && (scenario.Gpu is not null || values.Get(TrainingInputs.PeakTflops) is not null))
        {
            TrainingRequest request = TrainingRequest.From(values) with
            {
                Gpu = scenario.Gpu,
                DataType = scenario.DataType,
                Convention = scenario.Convention ?? FlopConvention.SixN,
                ConventionGiven = scenario.Convention is not null,
                Recompute = scenario.Recompute ?? Recompute.None,
                Grid = scenario.Grid,
            };
            if (compute is not null)
            {
                request = request with { Parameters = parameters, Tokens = tokens, Flop = null };
            }

            if (mode == ScenarioMode.Budget)
            {
                request = request with { GpuHours = null, Days = null };
            }

            Outcome<TrainingResult> trained = TrainingAccounting.Evaluate(request);
            if (trained.Value is not TrainingResult run)
            {
                return Outcome<ScenarioResult>.Failure(trained.Errors);
            }

            train = run;
            stages.Add(Stage("train", run, run.Fields));
            assumptions.Add(run.Assumptions, string.Empty, compute is null ? null : DerivedWork);
        }

        double? copiesCompute = compute ?? train?.TrainingFlop?.Flop ?? values.Get(TrainingInputs.Flop) ?? (6 * parameters * tokens);
        if (copiesCompute is double forCopies)
        {
            CopiesRequest copiesRequest = CopiesRequest.From(Section(values, ScenarioKeys.CopiesKeys)) with { Compute = forCopies };
            // The cluster that trained the model is the one reallocated: T is the run's wall time, not the default.
            double? runSeconds = copiesRequest.DurationSeconds is null ? train?.WallTime?.Seconds : null;
            bool runDuration = runSeconds is not null;
            if (runDuration)
            {
                copiesRequest = copiesRequest with { DurationSeconds = runSeconds };
            }

            Outcome<CopiesResult> copied = CopiesModel.Evaluate(copiesRequest);
            if (copied.Value is not CopiesResult copies)
            {
                return Outcome<ScenarioResult>.Failure(Prefix(ScenarioKeys.Copies, copied.Errors));
            }

            stages.Add(Stage(ScenarioKeys.Copies, copies, copies.Fields));
            assumptions.Add(copies.Assumptions, ScenarioKeys.Copies, runDuration ? DerivedComputeAndDuration : DerivedCompute);
            if (runDuration)
            {
                assumptions.Add([CopiesDurationNote], string.Empty, null);
            }
        }

        if (scenario.Has(ScenarioKeys.Serving))
        {
            Outcome<ServingResult>? served = Serve(scenario, values, parameters, assumptions);
            if (served?.Value is not ServingResult serving)
            {
                return served is null
                    ? Fail("serving.model", "is missing: no parameter count to find the nearest preset from", Messages.Nothing, "serving.model, or compute, a budget or params")
                    : Outcome<ScenarioResult>.Failure(Prefix(ScenarioKeys.Serving, served.Errors));
            }

            stages.Add(Stage(ScenarioKeys.Serving, serving, serving.Fields));
            assumptions.Add(serving.Assumptions, ScenarioKeys.Serving, null);
        }

        if (scenario.Has(ScenarioKeys.Human))
        {
            HumanRequest request = HumanRequest.From(Section(values, ScenarioKeys.HumanKeys));
            var flowed = new HashSet<string>(StringComparer.Ordinal);
            if (request.EnergyKwh is null && train?.FacilityEnergyKwh is double energy)
            {
                request = request with { EnergyKwh = energy };
                flowed.Add("energyKwh");
            }

            if (request.Tokens is null && tokens is double trainingTokens)
            {
                request = request with { Tokens = trainingTokens };
                flowed.Add("tokens");
            }

            Outcome<HumanResult> human = HumanEquivalents.Evaluate(request);
            if (human.Value is not HumanResult equivalents)
            {
                return Outcome<ScenarioResult>.Failure(Prefix(ScenarioKeys.Human, human.Errors));
            }

            stages.Add(Stage(ScenarioKeys.Human, equivalents, equivalents.Fields));
            assumptions.Add(equivalents.Assumptions, ScenarioKeys.Human, flowed);
            if (flowed.Count > 0)
            {
                assumptions.Add(
                    [new Assumption
                    {
                        Name = "human.flows",
                        Label = "Human equivalents of the run",
                        Text = string.Join(", ", flowed.Order(StringComparer.Ordinal)),
                        Description = "Not given in human: the run's facility energy (energyKwh) and training tokens (tokens) are taken from the chain.",
                        IsDefault = true,
                    }],
                    string.Empty,
                    null);
            }
        }

        return Outcome<ScenarioResult>.Success(new ScenarioResult(stages, assumptions.Merge));
    }

    /// <summary>Finds the dense preset nearest to <paramref name="parameters"/> in log N.</summary>
    /// <param name="parameters">The parameter count N (&gt; 0).</param>
    /// <returns>The preset.</returns>
    public static ModelPreset NearestPreset(double parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        ModelPreset[] presets = DensePresets.Value;
        ModelPreset best = presets[0];
        double bestDistance = double.MaxValue;
        foreach (ModelPreset preset in presets)
        {
            double distance = Math.Abs(Math.Log(preset.PublishedParameters / parameters));
            if (distance < bestDistance)
            {
                best = preset;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static Outcome<ServingResult>? Serve(Scenario scenario, InputValues values, double? parameters, Assumptions assumptions)
    {
        ModelPreset preset;
        string how;
        if (scenario.ServingModel is ModelPreset given)
        {
            preset = given;
            how = "Given as serving.model.";
        }
        else if (parameters is double n && n > 0)
        {
            preset = NearestPreset(n);
            how = string.Create(CultureInfo.InvariantCulture, $"The dense preset nearest in parameter count (log N) to the trained model's N = {InputSpec.Format(n)}: {preset.DisplayName}, {preset.PublishedParametersText} parameters; serve needs a shape, the chain has only N.");
        }
        else
        {
            return null;
        }

        assumptions.Add(
            [new Assumption { Name = "serving.model", Label = "Model served", Text = preset.Id, Description = how, Source = preset.Source, IsDefault = scenario.ServingModel is null }],
            string.Empty,
            null);
        return ServingModel.Evaluate(ServingRequest.From(Section(values, ScenarioKeys.ServingKeys)) with
        {
            Model = preset.Shape,
            Gpu = scenario.ServingGpu ?? scenario.Gpu,
            WeightDtype = scenario.WeightDtype,
            KvDtype = scenario.KvDtype,
            Attention = scenario.Attention ?? AttentionKernel.Fused,
            Efficiency = scenario.Efficiency ?? EfficiencyPreset.Roofline,
            LatencyClass = scenario.LatencyClass,
        });
    }

    /// <summary>A section's numbers under the calculator's own names.</summary>
    private static InputValues Section(InputValues values, IReadOnlyList<ScenarioKey> keys)
    {
        InputValues section = InputValues.Empty;
        foreach (ScenarioKey key in keys)
        {
            if (key.Input is InputSpec input && values.Get(key.Sampled!) is double value)
            {
                section = section.With(input, value);
            }
        }

        return section;
    }

    private static ScenarioStage Stage(string key, ICalculationResult result, IReadOnlyList<ResultField> fields)
    {
        var prefixed = new ResultField[fields.Count];
        for (int i = 0; i < prefixed.Length; i++)
        {
            // The same few dozen keys recur in every Monte Carlo sample: build each dotted key once.
            prefixed[i] = fields[i] with { Key = PrefixedKeys.GetOrAdd((key, fields[i].Key), static k => k.Stage + "." + k.Key) };
        }

        return new ScenarioStage(key, StageTitles[key], result, prefixed);
    }

    private static List<FieldError> Prefix(string section, IReadOnlyList<FieldError> errors) =>
        [.. errors.Select(e => e with { Field = section + "." + e.Field })];

    private static Outcome<ScenarioResult> Fail(string field, string problem, string got, string expected) =>
        Outcome<ScenarioResult>.Failure([new FieldError(field, problem, got, expected)]);

    /// <summary>The stages' assumptions, each name once (the first wins), a section's names under its prefix; merged only when asked for.</summary>
    private sealed class Assumptions(IReadOnlyList<Assumption> notes)
    {
        private readonly List<(IReadOnlyList<Assumption> List, string Section, HashSet<string>? Skip)> _parts = [];

        public void Add(IReadOnlyList<Assumption> list, string section, HashSet<string>? skip) => _parts.Add((list, section, skip));

        public IReadOnlyList<Assumption> Merge()
        {
            var merged = new List<Assumption>(notes);
            var seen = new HashSet<string>(notes.Select(n => n.Name), StringComparer.Ordinal);
            foreach ((IReadOnlyList<Assumption> list, string section, HashSet<string>? skip) in _parts)
            {
                foreach (Assumption a in list)
                {
                    if (skip?.Contains(a.Name) == true)
                    {
                        continue;
                    }

                    Assumption named = section.Length == 0 ? a : a with { Name = section + "." + a.Name, Label = a.Label + " (" + section + ")" };
                    if (seen.Add(named.Name))
                    {
                        merged.Add(named);
                    }
                }
            }

            return merged;
        }
    }
}
