using BenchmarkDotNet.Attributes;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scenarios;
using Flopwise.Uncertainty;

namespace Flopwise.Benchmarks;

/// <summary>
/// Issue 14 §4's speed target: 100,000 Monte Carlo samples of the scenario chain without serving (the frontier
/// forecast: compute, GPUs, MFU, price and inference tokens as ranges and a law mixture, through optimal,
/// inference-aware, train, copies and human) in at most 1 s on the 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    /// <summary>scenarios/frontier-forecast.yaml without its comments.</summary>
    private const string FrontierForecast = """
        compute: 1e27..1e28
        gpu: h100
        gpus: 100K..300K
        mfu: 0.3..0.45
        price-per-gpu-hour: 2..3
        inference-tokens: 1e13..1e15
        law: epoch|hoffmann
        seed: 1
        human:
        """;

    private Scenario _scenario = null!;

    [Params(10_000, 100_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioFile.Parse(FrontierForecast).Scenario!;

    [Benchmark]
    public MonteCarloResult FrontierForecastChain() =>
        MonteCarlo.Run(_scenario.Fixed, _scenario.Uncertain, Evaluate, Samples, 1).GetValueOrThrow();

    private Outcome<ICalculationResult> Evaluate(InputValues values)
    {
        Outcome<ScenarioResult> outcome = ScenarioChain.Evaluate(_scenario, values);
        return outcome.Value is ScenarioResult result ? Outcome<ICalculationResult>.Success(result) : Outcome<ICalculationResult>.Failure(outcome.Errors);
    }
}
