using BenchmarkDotNet.Attributes;
using Flopwise.Forecasting;
using Flopwise.Inputs;

namespace Flopwise.Benchmarks;

/// <summary>The closed-form copies model: one evaluation (with validation and assumptions) and a 200-row sweep.</summary>
[MemoryDiagnoser]
public class CopiesModelBenchmarks
{
    private readonly CopiesRequest _request = new() { Compute = 3e25 };
    private GeometricSweep _sweep = null!;

    [GlobalSetup]
    public void Setup() => _sweep = GeometricSweep.Parse("sweep", "1e-100:1e99", out _)!;

    [Benchmark]
    public CopiesResult Evaluate() => CopiesModel.Evaluate(_request).GetValueOrThrow();

    [Benchmark]
    public CopiesSweep Sweep200Rows() => CopiesModel.Sweep(new CopiesRequest(), _sweep).GetValueOrThrow();
}
