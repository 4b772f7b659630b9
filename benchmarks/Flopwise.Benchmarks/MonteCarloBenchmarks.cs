using BenchmarkDotNet.Attributes;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Training;
using Flopwise.Uncertainty;

namespace Flopwise.Benchmarks;

/// <summary>
/// Issue 14's speed target: 100,000 Monte Carlo samples of <c>train</c> (a 70B run on 1024–4096 H100 at MFU
/// 0.3–0.5 and $2–3 per GPU-hour) in at most 1 s on the 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private InputValues _fixed = null!;
    private UncertainInput[] _uncertain = null!;
    private TrainingRequest _template = null!;

    [Params(10_000, 100_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixed = InputValues.Empty.With(TrainingInputs.Parameters, 70e9).With(TrainingInputs.Tokens, 2e12);
        _uncertain =
        [
            new UncertainInput(TrainingInputs.Gpus, new LogNormalRange(1024, 4096), "1024..4096"),
            new UncertainInput(TrainingInputs.Mfu, new LogNormalRange(0.3, 0.5), "0.3..0.5"),
            new UncertainInput(TrainingInputs.PricePerGpuHour, new LogNormalRange(2, 3), "2..3"),
        ];
        _template = new TrainingRequest { Gpu = GpuCatalog.Default.Resolve("h100").Spec };
    }

    [Benchmark]
    public MonteCarloResult Train() => MonteCarlo.Run(_fixed, _uncertain, Evaluate, Samples, 0).GetValueOrThrow();

    private Outcome<ICalculationResult> Evaluate(InputValues values)
    {
        Outcome<TrainingResult> outcome = TrainingAccounting.Evaluate(TrainingRequest.From(values) with { Gpu = _template.Gpu });
        return outcome.Value is TrainingResult result ? Outcome<ICalculationResult>.Success(result) : Outcome<ICalculationResult>.Failure(outcome.Errors);
    }
}
