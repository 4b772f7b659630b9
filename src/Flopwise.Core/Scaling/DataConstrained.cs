namespace Flopwise.Scaling;

/// <summary>
/// Data-constrained scaling (Muennighoff et al. 2023): the loss when U unique tokens are repeated to D total tokens,
/// and the README's grid search for the best allocation under repetition.
/// </summary>
/// <remarks>
/// <para>R_D = max(D/U − 1, 0); D′ = U + U·R_D*·(1 − e^(−R_D/R_D*)). U_N = min(N, N*(U)) with
/// N*(D) = (D·G)^(β/α)·G, G = (α·A/(β·B))^(1/(α+β)); R_N = max(N/U_N − 1, 0); N′ = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)).
/// L = E + A/N′^α + B/D′^β. Without repetition (U ≥ D) and with N ≤ N*(D) this is the Chinchilla form; with U ≥ D
/// but N &gt; N*(D) the excess-parameter decay still applies (N′ &lt; N), so the loss is higher. Every point of the
/// compute-optimal frontier has N = N*(D) exactly, so the frontier and its loss are the Chinchilla form's.</para>
/// <para>Source: Muennighoff et al. 2023, Scaling Data-Constrained Language Models, arXiv 2305.16264; the code and
/// constants of the huggingface/datablations README, "Parametric Fit" (https://github.com/huggingface/datablations).
/// Thread-safe.</para>
/// </remarks>
public static class DataConstrained
{
    /// <summary>The number of multipliers i of the grid search (the README's 500).</summary>
    public const int GridPoints = 500;

    /// <summary>The smallest multiplier i of the grid search (the README's 1.0001).</summary>
    public const double GridFrom = 1.0001;

    /// <summary>The largest multiplier i of the grid search (the README's 3).</summary>
    public const double GridTo = 3;

    /// <summary>Gets D′, the effective data of D tokens drawn from U unique ones: U + U·R_D*·(1 − e^(−R_D/R_D*)).</summary>
    /// <param name="tokens">D, total tokens (&gt; 0).</param>
    /// <param name="uniqueTokens">U, unique tokens (&gt; 0; at most D for repetition to count).</param>
    /// <param name="decay">R_D*, the decay constant (&gt; 0; Muennighoff: 15.387756).</param>
    /// <returns>D′ in tokens; U ≤ D′ ≤ D, and D′ = U when U ≥ D.</returns>
    /// <remarks>Source: Muennighoff et al. 2023, eq. 5; datablations README.</remarks>
    public static double EffectiveTokens(double tokens, double uniqueTokens, double decay)
    {
        double repeats = Math.Max((tokens / uniqueTokens) - 1, 0);
        return uniqueTokens + (uniqueTokens * decay * (1 - Math.Exp(-1 * repeats / decay)));
    }

    /// <summary>Gets N*(D) = (D·G)^(β/α)·G, the compute-optimal parameters for D tokens under the Chinchilla form.</summary>
    /// <param name="law">A law with E, A, B, α, β.</param>
    /// <param name="tokens">D in tokens (&gt; 0).</param>
    /// <returns>N* in parameters.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    public static double OptimalParametersForTokens(ScalingLaw law, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        ScalingLaw chinchilla = law.AsChinchilla();
        double g = chinchilla.ChinchillaFrontier().G;
        return Math.Pow(tokens * g, chinchilla.Beta!.Value / chinchilla.Alpha!.Value) * g;
    }

    /// <summary>Gets N′, the effective parameters: U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)), U_N = min(N, N*(U)).</summary>
    /// <param name="law">A law with E, A, B, α, β (for N*).</param>
    /// <param name="parameters">N (&gt; 0).</param>
    /// <param name="uniqueTokens">U (&gt; 0).</param>
    /// <param name="decay">R_N* (&gt; 0; Muennighoff: 5.309743).</param>
    /// <returns>N′; N′ = N when N ≤ N*(U).</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    /// <remarks>Source: Muennighoff et al. 2023, eq. 6; datablations README.</remarks>
    public static double EffectiveParameters(ScalingLaw law, double parameters, double uniqueTokens, double decay)
    {
        double un = Math.Min(parameters, OptimalParametersForTokens(law, uniqueTokens));
        double rn = Math.Max((parameters / un) - 1, 0);
        return un + (un * decay * (1 - Math.Exp(-1 * rn / decay)));
    }

    /// <summary>Gets the data-constrained loss L(N, D, U) = E + A/N′^α + B/D′^β.</summary>
    /// <param name="law">A law with E, A, B, α, β; its R_D*, R_N* if it has them, else Muennighoff's (see <see cref="WithRepetitionDecay"/>).</param>
    /// <param name="parameters">N (&gt; 0).</param>
    /// <param name="tokens">D, total tokens (&gt; 0).</param>
    /// <param name="uniqueTokens">U, unique tokens (&gt; 0). U &gt; D is treated as U = D (nothing repeated).</param>
    /// <returns>The loss in nats per token.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    /// <remarks>Reproduces the datablations README to the last digit: L(6.34e9, 242e9, 25e9) = 2.2256440889984477.</remarks>
    public static double Loss(ScalingLaw law, double parameters, double tokens, double uniqueTokens)
    {
        ScalingLaw decayed = WithRepetitionDecay(law);
        double u = Math.Min(uniqueTokens, tokens);
        double rdStar = decayed.RepeatedTokensDecay!.Value;
        double rnStar = decayed.RepeatedParametersDecay!.Value;
        double rd = Math.Max((tokens / u) - 1, 0);
        double un = Math.Min(parameters, OptimalParametersForTokens(decayed, u));
        double rn = Math.Max((parameters / un) - 1, 0);
        return decayed.E!.Value
            + (decayed.A!.Value / Math.Pow(un + (un * rnStar * (1 - Math.Exp(-1 * rn / rnStar))), decayed.Alpha!.Value))
            + (decayed.B!.Value / Math.Pow(u + (u * rdStar * (1 - Math.Exp(-1 * rd / rdStar))), decayed.Beta!.Value));
    }

    /// <summary>
    /// Returns <paramref name="law"/> as a Muennighoff-form law: itself when it already is one; otherwise its E, A, B,
    /// α, β with Muennighoff's R_D* = 15.387756 and R_N* = 5.309743 (from the <c>muennighoff</c> preset).
    /// </summary>
    /// <param name="law">A law with E, A, B, α, β.</param>
    /// <returns>The law with repetition decay.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    public static ScalingLaw WithRepetitionDecay(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!law.HasChinchillaConstants)
        {
            throw new InvalidOperationException($"Law '{law.Id}' of the {law.Form} form has no constants E, A, B, α, β for data-constrained scaling.");
        }

        if (law.RepeatedTokensDecay is not null && law.RepeatedParametersDecay is not null)
        {
            return law;
        }

        ScalingLaw muennighoff = LawCatalog.Default.Find(LawCatalog.DataConstrainedLawId)
            ?? throw new InvalidOperationException("The muennighoff preset is missing from laws.json.");
        return law with
        {
            Form = LawForm.Muennighoff,
            RepeatedTokensDecay = muennighoff.RepeatedTokensDecay,
            RepeatedParametersDecay = muennighoff.RepeatedParametersDecay,
            Notes = (law.Notes.Length == 0 ? string.Empty : law.Notes + " ") + "Repeated-data decay R_D*, R_N* of Muennighoff et al. 2023 applied.",
        };
    }

    /// <summary>
    /// Searches the README's grid from a start (N₀, D₀) at constant N·D: starting with (N₀, D₀) itself as the best
    /// point, for each of 500 multipliers i in linspace(1.0001, 3), tries (N₀/i, D₀·i) then (N₀·i, D₀/i), each with
    /// U = min(U_base, D), and keeps the first strictly lowest loss.
    /// </summary>
    /// <param name="law">A law with E, A, B, α, β (see <see cref="WithRepetitionDecay"/>).</param>
    /// <param name="startParameters">N₀ (&gt; 0).</param>
    /// <param name="startTokens">D₀ (&gt; 0).</param>
    /// <param name="uniqueTokens">U_base (&gt; 0).</param>
    /// <returns>The best point, with epochs D/U_base.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    /// <remarks>
    /// Source: datablations README, <c>optimal_allocation</c>; from (8.67e9, 178e9, 25e9) it gives 226.5B tokens,
    /// 9.06 epochs, 6.81B parameters ("227B tokens, 9.1 epochs, 6.8B parameters"). Unlike the README, the start
    /// itself (i = 1) is a candidate, so when nothing is repeated the Chinchilla-optimal start is returned unchanged
    /// rather than its nearest grid neighbour. The search cannot move further than a factor 3:
    /// <see cref="DataConstrainedAllocation.AtGridEdge"/> says when the best point is at that edge.
    /// </remarks>
    public static DataConstrainedAllocation GridSearch(ScalingLaw law, double startParameters, double startTokens, double uniqueTokens)
    {
        ScalingLaw decayed = WithRepetitionDecay(law);
        double bestN = startParameters;
        double bestD = startTokens;
        double best = Loss(decayed, bestN, bestD, Math.Min(uniqueTokens, bestD));
        int bestIndex = -1;
        double step = (GridTo - GridFrom) / (GridPoints - 1);
        for (int k = 0; k < GridPoints; k++)
        {
            double i = k == GridPoints - 1 ? GridTo : (k * step) + GridFrom;
            foreach ((double n, double d) in (ReadOnlySpan<(double, double)>)[(startParameters / i, startTokens * i), (startParameters * i, startTokens / i)])
            {
                double loss = Loss(decayed, n, d, Math.Min(uniqueTokens, d));
                if (loss < best)
                {
                    (best, bestN, bestD, bestIndex) = (loss, n, d, k);
                }
            }
        }

        return new DataConstrainedAllocation
        {
            Parameters = bestN,
            Tokens = bestD,
            UniqueTokens = uniqueTokens,
            Loss = best,
            EffectiveTokens = EffectiveTokens(bestD, Math.Min(uniqueTokens, bestD), decayed.RepeatedTokensDecay!.Value),
            EffectiveParameters = EffectiveParameters(decayed, bestN, Math.Min(uniqueTokens, bestD), decayed.RepeatedParametersDecay!.Value),
            StartParameters = startParameters,
            StartTokens = startTokens,
            AtGridEdge = bestIndex == GridPoints - 1,
        };
    }

    /// <summary>
    /// Gets the data-constrained allocation of C FLOP: the README's grid search started from the Chinchilla-optimal
    /// split of C under the law's own E, A, B, α, β (6·N₀·D₀ = C).
    /// </summary>
    /// <param name="law">A law with E, A, B, α, β.</param>
    /// <param name="compute">C in FLOP (&gt; 0).</param>
    /// <param name="uniqueTokens">U (&gt; 0).</param>
    /// <returns>The best point of the grid; 6·N·D = C.</returns>
    /// <exception cref="InvalidOperationException">The law lacks one of E, A, B, α, β.</exception>
    public static DataConstrainedAllocation Optimal(ScalingLaw law, double compute, double uniqueTokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        Allocation start = law.AsChinchilla().ChinchillaOptimal(compute);
        return GridSearch(law, start.Parameters, start.Tokens, uniqueTokens);
    }
}
