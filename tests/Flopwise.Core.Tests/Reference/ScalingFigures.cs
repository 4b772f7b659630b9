namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Published and derived scaling-law figures (S1–S5, S8–S12), each with its source and
/// tolerance: half a unit of the last printed digit of a printed figure (<see cref="HalfUnit"/>), unless stated.
/// </summary>
public static class ScalingFigures
{
    /// <summary>Chinchilla's budget 6·70e9·1.4e12 (Hoffmann et al. 2022, arXiv 2203.15556, Table 1: 70B parameters,
    /// 1.4T tokens).</summary>
    public const double ChinchillaCompute = 5.88e23;

    /// <summary>The published Chinchilla/Gopher budget (Hoffmann et al. 2022, Table 1; Table 3's 67B row).</summary>
    public const double GopherCompute = 5.76e23;

    /// <summary>Half a unit of the last of <paramref name="figures"/> significant figures of a printed value.</summary>
    public static double HalfUnit(double printed, int figures) =>
        0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(printed))) - (figures - 1));

    /// <summary>Half a unit of the last digit when <paramref name="decimals"/> decimals are printed (e.g. 92.8: 1 decimal, 0.05).</summary>
    public static double HalfUnitOfDecimals(int decimals) => 0.5 * Math.Pow(10, -decimals);

    /// <summary>
    /// S1 (seed 002): 10× compute multiplies N by 10^0.49 = 3.090 and D by 10^0.51 = 3.236 (Hoffmann Table 2,
    /// Approach 2 exponents 0.49 and 0.51), printed to 4 figures. The seed swaps the labels (it writes
    /// N′ = 10^0.51·N = 3.09N, D′ = 10^0.49·D = 3.24D); the multipliers are right.
    /// </summary>
    public static class S1
    {
        public const double ParametersExponent = 0.49;
        public const double TokensExponent = 0.51;
        public const double ParametersMultiplier = 3.090;
        public const double TokensMultiplier = 3.236;
        public const int Figures = 4;
    }

    /// <summary>One row of S2–S4: N, D, D/N, L at a compute, printed to 4 significant figures (D/N to 1 decimal).</summary>
    public sealed record OptimalRow(double Compute, double Parameters, double Tokens, double TokensPerParameter, double Loss);

    /// <summary>S2: Hoffmann printed constants (G 1.344711, a 0.451613), closed form; derived (Hoffmann et al. 2022 §3.3).</summary>
    public static readonly OptimalRow[] S2 =
    [
        new(1e21, 1.824e9, 9.136e10, 50.1, 2.3289),
        new(5.76e23, 3.219e10, 2.982e12, 92.6, 1.9307),
        new(1e24, 4.130e10, 4.036e12, 97.7, 1.9112),
    ];

    /// <summary>S2's printed G and a (6 decimals).</summary>
    public const double S2G = 1.344711;
    public const double S2A = 0.451613;

    /// <summary>S3: Hoffmann unrounded constants (G 1.300046, a 0.456526); derived.</summary>
    public static readonly OptimalRow[] S3 =
    [
        new(1e21, 2.217e9, 7.518e10, 33.9, 2.2955),
        new(5.76e23, 4.036e10, 2.379e12, 58.9, 1.9184),
        new(1e24, 5.192e10, 3.210e12, 61.8, 1.9000),
    ];

    /// <summary>S3's printed G and a (6 decimals).</summary>
    public const double S3G = 1.300046;
    public const double S3A = 0.456526;

    /// <summary>
    /// S4: Epoch likelihood fit (G 0.119634, a 0.512640); derived. The 1e24 row's N, printed 9.601e10, is what the
    /// rounded G and a give (9.6007e10); the law's own constants give 9.6005e10, which rounds to 9.600e10. The tests
    /// check that row's N against <see cref="S4NAt1e24FromConstants"/> and reproduce 9.601e10 from the rounded G, a.
    /// </summary>
    public static readonly OptimalRow[] S4 =
    [
        new(1e21, 2.782e9, 5.991e10, 21.5, 2.3048),
        new(5.88e23, 7.313e10, 1.340e12, 18.3, 1.9734),
        new(1e24, 9.601e10, 1.736e12, 18.1, 1.9592),
    ];

    /// <summary>S4's printed G and a (6 decimals).</summary>
    public const double S4G = 0.119634;
    public const double S4A = 0.512640;

    /// <summary>N at 1e24 from the Epoch constants (A 482.006, B 2085.434, α 0.347813, β 0.365854) at full precision; derived here.</summary>
    public const double S4NAt1e24FromConstants = 9.60049e10;

    /// <summary>Tolerance of <see cref="S4NAt1e24FromConstants"/>: half a unit of its 6th figure.</summary>
    public const double S4NAt1e24Tolerance = 0.000005e10;

    /// <summary>S5: L̂(70e9, 1.4e12) and L̂(1e9, 20e9), 5 significant figures; derived.</summary>
    public static class S5
    {
        public const double HoffmannChinchilla = 1.9366;
        public const double HoffmannSmall = 2.5800;
        public const double UnroundedChinchilla = 1.9208;
        public const double UnroundedSmall = 2.5307;
        public const double EpochChinchilla = 1.9734;
        public const double EpochSmall = 2.5292;
        public const int Figures = 5;
    }

    /// <summary>S8: Kaplan Table 5 single-variable laws, 7 significant figures; derived.</summary>
    public static class S8
    {
        public const double LossAtN8p8e9 = 2.013724;
        public const double LossAtN1e9 = 2.375640;
        public const double LossAtD5p4e12 = 1.244515;
        public const int Figures = 7;
    }

    /// <summary>S9: Kaplan Table 2 joint law, 7 significant figures; derived.</summary>
    public static class S9
    {
        public const double LossAt1e9And1e10 = 2.419652;
        public const double LossAt1e9And1e12 = 2.320053;
        public const int Figures = 7;
    }

    /// <summary>S10: Kaplan frontier (Table 6, eq. 1.3) at 1 and 1e3 PF-days; derived. N, D to 4 figures (1 PF-day: exact), L to 5.</summary>
    public static class S10
    {
        public const double PetaflopDay = 8.64e19;
        public const double NAt1 = 1.3e9;
        public const double DAt1 = 2e10;
        public const double LossAt1 = 2.6581;
        public const double NAt1e3 = 2.013e11;
        public const double DAt1e3 = 1.291e11;
        public const double LossAt1e3 = 1.8818;

        /// <summary>6·N_opt·D_opt ÷ C on Kaplan's frontier, printed 1.81 (Kaplan et al. 2020, arXiv 2001.08361, Table 6): 6·1.3e9·2e10 ÷ 8.64e19 = 1.8056.</summary>
        public const double FrontierFlopRatio = 1.81;
    }

    /// <summary>S11: DeepSeek at C = 1e24, 4 significant figures; derived.</summary>
    public static class S11
    {
        public const double Compute = 1e24;
        public const double ModelFlopPerToken = 6.568e11;
        public const double Tokens = 1.523e12;
        public const double LearningRate = 3.118e-4;
        public const double BatchSize = 2.069e7;

        /// <summary>
        /// M·D = C only approximately: M·D ÷ C = 0.1715 × 5.8316 = 1.000119 at every C (the exponents sum to 1), i.e.
        /// 0.012% (DeepSeek LLM 2024, arXiv 2401.02954, eq. 4). The tests assert the exact product.
        /// </summary>
        public const double ModelTimesTokensOverCompute = 0.1715 * 5.8316;
    }

    /// <summary>S12: Muennighoff et al. 2023, datablations README, Parametric Fit.</summary>
    public static class S12
    {
        /// <summary>README: <c>scaling_law(6.34e9, 242e9, 25e9)</c>, printed to 17 figures.</summary>
        public const double LossAt6p34e9 = 2.2256440889984477;

        /// <summary>README: <c>scaling_law(8.67e9, 178e9, 25e9)</c>.</summary>
        public const double LossAt8p67e9 = 2.2269634075087867;

        /// <summary>Relative tolerance for the README's losses (they are printed to 17 figures).</summary>
        public const double LossRelativeTolerance = 1e-12;

        /// <summary>Grid search from (8.67e9, 178e9, 25e9): 226.5B tokens, 9.06 epochs, 6.81B parameters (README: 227B, 9.1, 6.8B).</summary>
        public const double StartParameters = 8.67e9;
        public const double StartTokens = 178e9;
        public const double UniqueTokens = 25e9;
        public const double GridTokens = 226.5e9;
        public const double GridEpochs = 9.06;
        public const double GridParameters = 6.81e9;

        /// <summary>The README's own rounding: "227B tokens, 9.1 epochs, 6.8B parameters".</summary>
        public const double ReadmeTokens = 227e9;
        public const double ReadmeEpochs = 9.1;
        public const double ReadmeParameters = 6.8e9;

        /// <summary>Relative tolerance of the grid result (the README prints 2 figures).</summary>
        public const double GridRelativeTolerance = 0.01;
    }

    /// <summary>
    /// Hoffmann et al. 2022, Table 3 (Approach 1): params, FLOP, tokens. Source: arXiv 2203.15556, Table 3. The 67B row's FLOP is Gopher's 5.76e23 (6ND is 4.7% higher).
    /// </summary>
    public static readonly (double Parameters, double Flop, double Tokens)[] Table3 =
    [
        (400e6, 1.92e19, 8.0e9),
        (1e9, 1.21e20, 20.2e9),
        (10e9, 1.23e22, 205.1e9),
        (67e9, 5.76e23, 1.5e12),
        (175e9, 3.85e24, 3.7e12),
        (280e9, 9.90e24, 5.9e12),
        (520e9, 3.43e25, 11.0e12),
        (1e12, 1.27e26, 21.2e12),
        (10e12, 1.30e28, 216.2e12),
    ];

    /// <summary>
    /// How close the Table-3 fit (hoffmann-approach1) comes to each row's params: within 0.3% for eight rows (the
    /// printed FLOP has 3 figures, ±0.17%, i.e. ±0.08% in N, and the fit's own 3–4 printed figures add the rest), and
    /// 1.3% on the 67B row, whose FLOP is Gopher's budget rather than 6·N·D.
    /// </summary>
    public const double Table3ParametersTolerance = 0.003;

    /// <summary>The 67B row's tolerance (see <see cref="Table3ParametersTolerance"/>).</summary>
    public const double Table3ParametersTolerance67B = 0.015;

    /// <summary>App. D.4: "2.86 billion" parameters at 1e21 FLOP (Approach 1), 3 figures.</summary>
    public const double AppendixD4Parameters = 2.86e9;

    /// <summary>App. D.4's compute.</summary>
    public const double AppendixD4Compute = 1e21;

    /// <summary>Tokens per parameter at C = 5.88e23 (derived from each law's constants), one decimal printed (20 exact).</summary>
    public static class TokensPerParameterAtChinchilla
    {
        public const double Hoffmann = 92.8;
        public const double HoffmannAtGopher = 92.6;
        public const double Unrounded = 59.0;
        public const double UnroundedAtGopher = 58.9;
        public const double Epoch = 18.3;
        public const double Approach1 = 21.0;
        public const double Approach2 = 23.9;
        public const double RuleOfThumb = 20;
        public const double Kaplan = 0.27;
    }

    /// <summary>Fig. 4 (Hoffmann et al. 2022): the Gopher-budget optimum of Approach 3 is 40B (unrounded constants 40.4B; printed constants 32.2B).</summary>
    public static class Figure4
    {
        public const double PublishedParameters = 40e9;
        public const int PublishedFigures = 2;
        public const double UnroundedParameters = 40.4e9;
        public const double PrintedParameters = 32.2e9;
        public const int Figures = 3;
    }
}
