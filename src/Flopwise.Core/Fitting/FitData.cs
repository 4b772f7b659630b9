namespace Flopwise.Fitting;

/// <summary>
/// Training runs to fit a scaling law to: parameters N, tokens D, final loss L, and optionally the compute C of each run.
/// </summary>
/// <remarks>
/// All arrays have the same length; every value must be finite and greater than zero. When <see cref="Compute"/> is
/// absent, C = 6·N·D is used where a compute is needed (IsoFLOP binning). The arrays are copied, so the instance is
/// immutable and thread-safe.
/// </remarks>
public sealed class FitData
{
    private readonly double[] _parameters;
    private readonly double[] _tokens;
    private readonly double[] _loss;
    private readonly double[]? _compute;

    /// <summary>Initializes a new instance of the <see cref="FitData"/> class.</summary>
    /// <param name="parameters">N per run, total parameters (&gt; 0).</param>
    /// <param name="tokens">D per run, training tokens (&gt; 0).</param>
    /// <param name="loss">Final loss per run, nats per token (&gt; 0).</param>
    /// <param name="compute">C per run in FLOP (&gt; 0), or <see langword="null"/> to use 6·N·D.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite or not positive.</exception>
    public FitData(double[] parameters, double[] tokens, double[] loss, double[]? compute = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(loss);
        int n = parameters.Length;
        if (n == 0)
        {
            throw new ArgumentException("Value should hold at least 1 row.", nameof(parameters));
        }

        if (tokens.Length != n || loss.Length != n || (compute is not null && compute.Length != n))
        {
            throw new ArgumentException(FormattableString.Invariant($"Value should have {n} rows, like {nameof(parameters)}."), tokens.Length != n ? nameof(tokens) : loss.Length != n ? nameof(loss) : nameof(compute));
        }

        for (int i = 0; i < n; i++)
        {
            Guard.Positive(parameters[i], nameof(parameters));
            Guard.Positive(tokens[i], nameof(tokens));
            Guard.Positive(loss[i], nameof(loss));
            if (compute is not null)
            {
                Guard.Positive(compute[i], nameof(compute));
            }
        }

        _parameters = (double[])parameters.Clone();
        _tokens = (double[])tokens.Clone();
        _loss = (double[])loss.Clone();
        _compute = compute is null ? null : (double[])compute.Clone();
    }

    /// <summary>Gets N per run, total parameters.</summary>
    public ReadOnlyMemory<double> Parameters => _parameters;

    /// <summary>Gets D per run, training tokens.</summary>
    public ReadOnlyMemory<double> Tokens => _tokens;

    /// <summary>Gets the final loss per run, nats per token.</summary>
    public ReadOnlyMemory<double> Loss => _loss;

    /// <summary>Gets C per run in FLOP, or <see langword="null"/> when it was not given (then C = 6·N·D).</summary>
    public ReadOnlyMemory<double>? Compute => _compute;

    /// <summary>Gets the number of runs.</summary>
    public int Count => _parameters.Length;

    /// <summary>Gets C of run <paramref name="index"/>: the given compute, or 6·N·D.</summary>
    internal double ComputeAt(int index) => _compute is null ? 6 * _parameters[index] * _tokens[index] : _compute[index];

    internal double[] RawParameters => _parameters;

    internal double[] RawTokens => _tokens;

    internal double[] RawLoss => _loss;

    internal double[]? RawCompute => _compute;
}
