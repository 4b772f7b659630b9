namespace Flopwise.Scaling;

/// <summary>The functional form of a scaling law.</summary>
public enum LawForm
{
    /// <summary>L(N, D) = E + A/N^α + B/D^β with C = 6·N·D (Hoffmann et al. 2022).</summary>
    Chinchilla,

    /// <summary>Only a compute-optimal frontier: N_opt = G·C^a, D_opt = H·C^b (no loss).</summary>
    Power,

    /// <summary>Kaplan et al. 2020: joint L(N, D) of Table 2 and the frontier of Table 6 (N non-embedding, C in PF-days).</summary>
    Kaplan,

    /// <summary>DeepSeek LLM 2024: M_opt (FLOP per token) and D_opt as powers of C (no loss).</summary>
    DeepSeek,

    /// <summary>
    /// Muennighoff et al. 2023: E + A/N′^α + B/D′^β, the Chinchilla form with repeated-data and excess-parameter decay
    /// R_D*, R_N*; equal to the Chinchilla form only without repetition and with N ≤ N*(D).
    /// </summary>
    Muennighoff,
}
