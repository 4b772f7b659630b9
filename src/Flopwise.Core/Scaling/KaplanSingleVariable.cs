namespace Flopwise.Scaling;

/// <summary>
/// Kaplan et al. 2020's single-variable laws (Table 5): L(N) = (N_c/N)^α_N for models trained to convergence on
/// enough data, and L(D) = (D_c/D)^α_D for large models trained with early stopping.
/// </summary>
/// <remarks>
/// <para>Source: Kaplan et al. 2020, Scaling Laws for Neural Language Models, eq. 1.1, 1.2 and Table 5
/// (https://arxiv.org/abs/2001.08361). N is non-embedding parameters, D tokens, loss in nats per token.</para>
/// <para>These constants differ from the joint law's (Table 2: α_D 0.103, N_c 6.4e13, D_c 1.8e13), which the
/// <c>kaplan</c> preset uses; never mix the two sets. Thread-safe.</para>
/// </remarks>
public static class KaplanSingleVariable
{
    /// <summary>α_N of L(N) (Table 5, eq. 1.1): 0.076.</summary>
    public const double AlphaN = 0.076;

    /// <summary>N_c of L(N) (Table 5, eq. 1.1): 8.8e13 non-embedding parameters.</summary>
    public const double CriticalParameters = 8.8e13;

    /// <summary>α_D of L(D) (Table 5, eq. 1.2): 0.095.</summary>
    public const double AlphaD = 0.095;

    /// <summary>D_c of L(D) (Table 5, eq. 1.2): 5.4e13 tokens.</summary>
    public const double CriticalTokens = 5.4e13;

    /// <summary>Gets L(N) = (N_c/N)^α_N, the loss of an N-parameter model trained to convergence (Table 5, eq. 1.1).</summary>
    /// <param name="parameters">N, non-embedding parameters (&gt; 0).</param>
    /// <returns>The loss in nats per token; L(8.8e9) = 2.013724.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameters"/> is not finite and greater than 0.</exception>
    public static double LossOfParameters(double parameters)
    {
        if (!double.IsFinite(parameters) || parameters <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, "Value should be in range (0, +∞).");
        }

        return Math.Pow(CriticalParameters / parameters, AlphaN);
    }

    /// <summary>Gets L(D) = (D_c/D)^α_D, the loss of a large model trained on D tokens with early stopping (Table 5, eq. 1.2).</summary>
    /// <param name="tokens">D, tokens (&gt; 0).</param>
    /// <returns>The loss in nats per token; L(5.4e12) = 1.244515.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokens"/> is not finite and greater than 0.</exception>
    public static double LossOfTokens(double tokens)
    {
        if (!double.IsFinite(tokens) || tokens <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "Value should be in range (0, +∞).");
        }

        return Math.Pow(CriticalTokens / tokens, AlphaD);
    }
}
