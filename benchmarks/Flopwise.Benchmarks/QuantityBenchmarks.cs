using BenchmarkDotNet.Attributes;

namespace Flopwise.Benchmarks;

/// <summary>
/// The cost of unit safety: dividing FLOP by FLOP/s into wall times through the quantity structs versus bare doubles.
/// The structs also check that every result is finite.
/// </summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private double[] _flop = [];
    private double[] _rates = [];

    [Params(1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        _flop = Enumerable.Range(0, Count).Select(_ => Math.Pow(10, 20 + (6 * random.NextDouble()))).ToArray();
        _rates = Enumerable.Range(0, Count).Select(_ => Math.Pow(10, 15 + (3 * random.NextDouble()))).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double BareDoubles()
    {
        double total = 0;
        for (int i = 0; i < _flop.Length; i++)
        {
            total += _flop[i] / _rates[i];
        }

        return total;
    }

    [Benchmark]
    public double Quantities()
    {
        WallTime total = WallTime.Zero;
        for (int i = 0; i < _flop.Length; i++)
        {
            total += FlopCount.FromFlop(_flop[i]) / FlopRate.FromFlopPerSecond(_rates[i]);
        }

        return total.Seconds;
    }
}
