namespace Flopwise.Fitting;

/// <summary>
/// The summed (or mean) Huber objective of <see cref="HuberObjective"/> over many rows, split into a fixed number of
/// chunks that are evaluated in parallel and summed in chunk order, so the value does not depend on the core count.
/// </summary>
/// <remarks>Used to refine a large table's best starts on all its rows. Not thread-safe (one minimiser at a time).</remarks>
internal sealed class ChunkedObjective : Objective
{
    /// <summary>The number of chunks (fixed, so the summation order never depends on the machine).</summary>
    public const int Chunks = 32;

    private readonly HuberObjective[] _chunks;
    private readonly double[] _values;
    private readonly double[] _gradients;
    private readonly double _scale;
    private readonly ParallelOptions _parallel;

    public ChunkedObjective(FitData data, double delta, bool mean, int? maxDegreeOfParallelism)
    {
        int n = data.Count;
        int count = Math.Min(Chunks, n);
        _chunks = new HuberObjective[count];
        for (int c = 0; c < count; c++)
        {
            int from = (int)((long)n * c / count);
            int to = (int)((long)n * (c + 1) / count);
            var chunk = new HuberObjective(to - from, delta, mean: false);
            for (int i = from; i < to; i++)
            {
                chunk.LogN[i - from] = Math.Log(data.RawParameters[i]);
                chunk.LogD[i - from] = Math.Log(data.RawTokens[i]);
                chunk.LogL[i - from] = Math.Log(data.RawLoss[i]);
            }

            chunk.Load(to - from);
            _chunks[c] = chunk;
        }

        _values = new double[count];
        _gradients = new double[count * 5];
        _scale = mean ? 1.0 / n : 1.0;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
    }

    /// <inheritdoc/>
    public override int Dimension => 5;

    /// <inheritdoc/>
    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double[] point = x.ToArray();
        Parallel.For(0, _chunks.Length, _parallel, c => _values[c] = _chunks[c].Evaluate(point, _gradients.AsSpan(c * 5, 5)));
        double sum = 0;
        gradient.Clear();
        for (int c = 0; c < _chunks.Length; c++)
        {
            sum += _values[c];
            for (int k = 0; k < 5; k++)
            {
                gradient[k] += _gradients[(c * 5) + k];
            }
        }

        for (int k = 0; k < 5; k++)
        {
            gradient[k] *= _scale;
        }

        return sum * _scale;
    }
}
