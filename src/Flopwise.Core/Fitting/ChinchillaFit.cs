using Flopwise.Scaling;

namespace Flopwise.Fitting;

/// <summary>
/// A fitted Chinchilla-form law L(N, D) = E + A/N^α + B/D^β, with how the optimiser ended and the implied
/// compute-optimal frontier N_opt = G·(C/6)^a, D_opt = (C/6)^b / G.
/// </summary>
/// <remarks>
/// The fit works in log space (a = ln A, b = ln B, e = ln E) on residuals ln L_obs − ln L̂ (Besiroglu et al. 2024,
/// arXiv 2404.10102; Hoffmann et al. 2022, arXiv 2203.15556, App. D.2).
/// Immutable and thread-safe.
/// </remarks>
public sealed record ChinchillaFit
{
    /// <summary>Gets E, the irreducible loss in nats per token.</summary>
    public required double E { get; init; }

    /// <summary>Gets A, the parameter-term coefficient.</summary>
    public required double A { get; init; }

    /// <summary>Gets B, the data-term coefficient.</summary>
    public required double B { get; init; }

    /// <summary>Gets α, the parameter exponent.</summary>
    public required double Alpha { get; init; }

    /// <summary>Gets β, the data exponent.</summary>
    public required double Beta { get; init; }

    /// <summary>
    /// Gets the objective at the optimum: the summed Huber loss (<see cref="Fit.Huber"/>), the mean Huber loss
    /// (<see cref="Fit.HuberMean"/>), or the negative log-likelihood (<see cref="Fit.Likelihood"/>).
    /// </summary>
    public required double Objective { get; init; }

    /// <summary>Gets the number of starting points tried (4500 for the grid, 1 for a single start).</summary>
    public required int Starts { get; init; }

    /// <summary>
    /// Gets how many starts ended with <see cref="ExitReason.Converged"/> under their own stopping rule: for the
    /// grid, every start is first run to a screening tolerance (relative objective change 1e-5) and the best 20 are
    /// continued to the full tolerance, so this counts screening convergence for the others.
    /// </summary>
    public required int ConvergedStarts { get; init; }

    /// <summary>Gets why the optimiser stopped for the start that was kept.</summary>
    public required ExitReason ExitReason { get; init; }

    /// <summary>Gets the iterations of the start that was kept.</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets a = β/(α+β), the exponent of N_opt ∝ C^a.</summary>
    public double ParametersExponent => Beta / (Alpha + Beta);

    /// <summary>Gets b = α/(α+β), the exponent of D_opt ∝ C^b.</summary>
    public double TokensExponent => Alpha / (Alpha + Beta);

    /// <summary>Gets G = (α·A/(β·B))^(1/(α+β)) of N_opt = G·(C/6)^a (Hoffmann et al. 2022, §3.3; Epoch's 0.119634).</summary>
    public double HoffmannG => Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta));

    /// <summary>
    /// Gets the coefficient of N_opt = coefficient·C^a with C in FLOP, G·6^−a: the <c>parametersCoefficient</c> of the
    /// law-file power form and of <c>flopwise optimal</c>, so the same key means the same number everywhere.
    /// </summary>
    public double ParametersCoefficient => HoffmannG * Math.Pow(6, -ParametersExponent);

    /// <summary>Gets s = ln σ of the Huber likelihood (<see cref="Fit.Likelihood"/> only; otherwise <see langword="null"/>).</summary>
    public double? LogSigma { get; init; }

    /// <summary>
    /// Gets the number of rows of the stratified subsample the grid's starts were screened on before the best were
    /// refined on all rows, or <see langword="null"/> when every start ran on all rows (tables up to 5,000 rows).
    /// </summary>
    public int? ScreeningRows { get; init; }

    /// <summary>Gets the maximised log-likelihood (<see cref="Fit.Likelihood"/> only; otherwise <see langword="null"/>).</summary>
    public double? LogLikelihood { get; init; }

    /// <summary>
    /// Gets ‖∇f‖₂, the Euclidean norm of the objective's gradient over the fitted variables at the returned point
    /// (<see cref="Fit.Likelihood"/> only; otherwise <see langword="null"/>).
    /// </summary>
    public double? GradientNorm { get; init; }

    /// <summary>
    /// Gets how small <see cref="GradientNorm"/> can get in double precision: ‖ |H|·ulp(x) ‖₂, the change of the gradient
    /// when every fitted variable moves by one unit in its last place (<see cref="Fit.Likelihood"/> only).
    /// </summary>
    public double? GradientFloor { get; init; }

    /// <summary>Converts the fit to a <see cref="LawForm.Chinchilla"/> law.</summary>
    /// <param name="name">The law's id and display name.</param>
    /// <param name="source">Where the data and procedure come from.</param>
    /// <returns>A law with E, A, B, α, β and the frontier exponents and coefficient; marked as derived.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="source"/> is empty.</exception>
    public ScalingLaw ToLaw(string name, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new ScalingLaw
        {
            Id = name,
            DisplayName = name,
            Form = LawForm.Chinchilla,
            Source = source,
            IsDerived = true,
            E = E,
            A = A,
            B = B,
            Alpha = Alpha,
            Beta = Beta,
        };
    }
}
