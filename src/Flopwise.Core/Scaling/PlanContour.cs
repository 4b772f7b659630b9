namespace Flopwise.Scaling;

/// <summary>
/// The iso-loss contour L(N, D) = ℓ of a Chinchilla-form law: the models (N parameters, D training tokens) that
/// reach one loss, with its ends and its compute-optimal point.
/// </summary>
/// <remarks>
/// <para>With s = ℓ − E &gt; 0 the reducible loss, the contour is A·N^−α + B·D^−β = s, so
/// D(N) = (B / (s − A·N^−α))^(1/β), defined only for N &gt; N_min = (A/s)^(1/α) (and N(D) likewise for
/// D &gt; D_min = (B/s)^(1/β)). As N falls to N_min the tokens needed grow without bound.</para>
/// <para>The compute-optimal point of the contour, the minimum of 6·N·D on it, has α·A·N^−α = β·B·D^−β (Lagrange),
/// so A·N^−α = s·β/(α+β) and B·D^−β = s·α/(α+β): N_co = (A·(α+β)/(β·s))^(1/α), D_co = (B·(α+β)/(α·s))^(1/β). This
/// is the point of Hoffmann et al.'s closed-form frontier (§3.3) whose loss is ℓ.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class PlanContour
{
    private readonly double _a;
    private readonly double _b;
    private readonly double _alpha;
    private readonly double _beta;

    private PlanContour(ScalingLaw law, double loss)
    {
        Law = law;
        Loss = loss;
        _a = law.A!.Value;
        _b = law.B!.Value;
        _alpha = law.Alpha!.Value;
        _beta = law.Beta!.Value;
        ReducibleLoss = loss - law.E!.Value;
        MinimumParameters = Math.Pow(_a / ReducibleLoss, 1 / _alpha);
        MinimumTokens = Math.Pow(_b / ReducibleLoss, 1 / _beta);
        ComputeOptimalParameters = Math.Pow(_a * (_alpha + _beta) / (_beta * ReducibleLoss), 1 / _alpha);
        ComputeOptimalTokens = Math.Pow(_b * (_alpha + _beta) / (_alpha * ReducibleLoss), 1 / _beta);
    }

    /// <summary>Gets the law.</summary>
    public ScalingLaw Law { get; }

    /// <summary>Gets the loss ℓ of the contour, in nats per token.</summary>
    public double Loss { get; }

    /// <summary>Gets the reducible loss s = ℓ − E (&gt; 0).</summary>
    public double ReducibleLoss { get; }

    /// <summary>Gets N_min = (A/s)^(1/α): a model must have more parameters than this to reach ℓ with any data.</summary>
    /// <remarks>Positive; may be +∞ when s is so small that the power overflows.</remarks>
    public double MinimumParameters { get; }

    /// <summary>Gets D_min = (B/s)^(1/β): a model needs more tokens than this to reach ℓ at any size.</summary>
    public double MinimumTokens { get; }

    /// <summary>Gets N_co = (A·(α+β)/(β·s))^(1/α), the parameters of the compute-optimal model of loss ℓ.</summary>
    public double ComputeOptimalParameters { get; }

    /// <summary>Gets D_co = (B·(α+β)/(α·s))^(1/β), the training tokens of the compute-optimal model of loss ℓ.</summary>
    public double ComputeOptimalTokens { get; }

    /// <summary>Gets ln N_min = ln(A/s)/α, finite even where N_min itself overflows.</summary>
    internal double LogMinimumParameters => Math.Log(_a / ReducibleLoss) / _alpha;

    /// <summary>Gets δ_co = ln(N_co/N_min) = ln((α+β)/β)/α, where the compute-optimal point lies above N_min in ln N.</summary>
    internal double ComputeOptimalOffset => Math.Log((_alpha + _beta) / _beta) / _alpha;

    /// <summary>Gets α/β, the ratio of the law's exponents.</summary>
    internal double ExponentRatio => _alpha / _beta;

    /// <summary>Creates the contour of loss <paramref name="loss"/> under <paramref name="law"/>.</summary>
    /// <param name="law">A Chinchilla-form law (<see cref="ScalingLaw.IsChinchillaForm"/>).</param>
    /// <param name="loss">ℓ in nats per token; range: ℓ &gt; E, finite.</param>
    /// <returns>The contour.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="law"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="law"/> is not of the Chinchilla form.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is not finite or not above E.</exception>
    public static PlanContour Create(ScalingLaw law, double loss)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!law.IsChinchillaForm)
        {
            throw new ArgumentException($"Law '{law.Id}' is of the {law.Form} form; the contour needs E + A/N^α + B/D^β.", nameof(law));
        }

        Guard.Finite(loss, nameof(loss));
        double e = law.E!.Value;
        if (loss <= e)
        {
            throw new ArgumentOutOfRangeException(nameof(loss), loss, $"Value should be in range ({Guard.Format(e)}, +∞) (above the law's E).");
        }

        return new PlanContour(law, loss);
    }

    /// <summary>Gets the training tokens D(N) = (B / (s − A·N^−α))^(1/β) at which a model of N parameters reaches ℓ.</summary>
    /// <param name="parameters">N; range: N &gt; <see cref="MinimumParameters"/>.</param>
    /// <returns>D in tokens; +∞ when N is so close to N_min that D overflows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameters"/> is not finite or not above N_min.</exception>
    public double TokensAt(double parameters)
    {
        Guard.Finite(parameters, nameof(parameters));
        double share = DataShareAbove(Math.Log(parameters) - LogMinimumParameters);
        if (!(share > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(parameters), parameters, $"Value should be in range ({Guard.Format(MinimumParameters)}, +∞) (above N_min for loss {Guard.Format(Loss)}).");
        }

        return Math.Exp(LogTokensAtShare(share));
    }

    /// <summary>Gets the parameters N(D) = (A / (s − B·D^−β))^(1/α) at which D training tokens reach ℓ.</summary>
    /// <param name="tokens">D; range: D &gt; <see cref="MinimumTokens"/>.</param>
    /// <returns>N; +∞ when D is so close to D_min that N overflows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokens"/> is not finite or not above D_min.</exception>
    public double ParametersAt(double tokens)
    {
        Guard.Finite(tokens, nameof(tokens));
        double parameterShare = -ExpM1(Math.Log(_b / ReducibleLoss) - (_beta * Math.Log(tokens)));
        if (!(parameterShare > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(tokens), tokens, $"Value should be in range ({Guard.Format(MinimumTokens)}, +∞) (above D_min for loss {Guard.Format(Loss)}).");
        }

        return Math.Exp((Math.Log(_a / ReducibleLoss) - Math.Log(parameterShare)) / _alpha);
    }

    /// <summary>
    /// Gets y = B·D^−β / s, the share of the reducible loss the data term takes for the model δ = ln(N/N_min) above
    /// N_min: y = 1 − e^(−α·δ), computed with expm1 so that it keeps full relative precision as δ → 0.
    /// </summary>
    /// <param name="offset">δ = ln N − ln N_min.</param>
    /// <returns>y in (0, 1) for δ &gt; 0; zero or negative for δ ≤ 0.</returns>
    internal double DataShareAbove(double offset) => -ExpM1(-_alpha * offset);

    /// <summary>Gets 1 − y = A·N^−α / s = e^(−α·δ), the share the parameter term takes.</summary>
    /// <param name="offset">δ = ln N − ln N_min.</param>
    /// <returns>1 − y.</returns>
    internal double ParameterShareAbove(double offset) => Math.Exp(-_alpha * offset);

    /// <summary>Gets N = N_min·e^δ.</summary>
    /// <param name="offset">δ = ln N − ln N_min.</param>
    /// <returns>N; +∞ on overflow.</returns>
    internal double ParametersAtOffset(double offset) => Math.Exp(LogMinimumParameters + offset);

    /// <summary>Gets ln D = (ln(B/s) − ln y)/β from the data share y.</summary>
    /// <param name="share">y in (0, 1).</param>
    /// <returns>ln D.</returns>
    internal double LogTokensAtShare(double share) => (Math.Log(_b / ReducibleLoss) - Math.Log(share)) / _beta;

    /// <summary>e^x − 1 without cancellation for small x (Kahan's method: (u − 1)·x / ln u with u = e^x).</summary>
    /// <remarks>Written out so that the accuracy near N_min does not depend on how the runtime implements expm1.</remarks>
    private static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }
}
