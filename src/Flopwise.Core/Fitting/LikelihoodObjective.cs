using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Flopwise.Fitting;

/// <summary>
/// Negative Huber log-likelihood over x = (a, b, e, α, β, s), σ = e^s: Σ [H_δ(r_i/σ) + s + ln Z(δ)] with
/// Z(δ) = √(2π)·(1 − 2Φ̄(δ)) + 2e^(−δ²/2)/δ (Besiroglu et al. 2024, arXiv 2404.10102; Epoch's
/// <c>data_analysis.ipynb</c>, github.com/epoch-research/analyzing-chinchilla). Analytic gradient; no allocation.
/// </summary>
internal sealed class LikelihoodObjective : Objective
{
    private readonly double[] _logN;
    private readonly double[] _logD;
    private readonly double[] _logL;
    private readonly double _delta;
    private readonly double _logZ;

    /// <summary>Initializes a new instance of the <see cref="LikelihoodObjective"/> class.</summary>
    public LikelihoodObjective(FitData data, double delta)
    {
        int n = data.Count;
        _logN = new double[n];
        _logD = new double[n];
        _logL = new double[n];
        for (int i = 0; i < n; i++)
        {
            _logN[i] = Math.Log(data.RawParameters[i]);
            _logD[i] = Math.Log(data.RawTokens[i]);
            _logL[i] = Math.Log(data.RawLoss[i]);
        }

        _delta = delta;
        _logZ = Math.Log(Normaliser(delta));
    }

    /// <inheritdoc/>
    public override int Dimension => 6;

    /// <summary>Z(δ) = √(2π)·erf(δ/√2) + 2e^(−δ²/2)/δ, the normaliser of exp(−H_δ(u)).</summary>
    internal static double Normaliser(double delta) =>
        (Math.Sqrt(2 * Math.PI) * SpecialFunctions.Erf(delta / Math.Sqrt(2))) + (2 * Math.Exp(-0.5 * delta * delta) / delta);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double a = x[0];
        double b = x[1];
        double e = x[2];
        double alpha = x[3];
        double beta = x[4];
        double logSigma = x[5];
        double inv = Math.Exp(-logSigma);
        double delta = _delta;
        double sum = 0;
        double ga = 0;
        double gb = 0;
        double ge = 0;
        double gAlpha = 0;
        double gBeta = 0;
        double gs = 0;
        for (int i = 0; i < _logN.Length; i++)
        {
            double t1 = a - (alpha * _logN[i]);
            double t2 = b - (beta * _logD[i]);
            double m = Math.Max(Math.Max(t1, t2), e);
            double x1 = Math.Exp(t1 - m);
            double x2 = Math.Exp(t2 - m);
            double x3 = Math.Exp(e - m);
            double s = x1 + x2 + x3;
            double u = (_logL[i] - (m + Math.Log(s))) * inv;
            double abs = Math.Abs(u);
            double psi;
            if (abs <= delta)
            {
                sum += 0.5 * u * u;
                psi = u;
            }
            else
            {
                sum += delta * (abs - (0.5 * delta));
                psi = u > 0 ? delta : -delta;
            }

            gs += 1 - (psi * u);
            double q = psi * inv / s;
            double w1 = q * x1;
            double w2 = q * x2;
            ga -= w1;
            gb -= w2;
            ge -= q * x3;
            gAlpha += w1 * _logN[i];
            gBeta += w2 * _logD[i];
        }

        gradient[0] = ga;
        gradient[1] = gb;
        gradient[2] = ge;
        gradient[3] = gAlpha;
        gradient[4] = gBeta;
        gradient[5] = gs;
        return sum + (_logN.Length * (logSigma + _logZ));
    }
}
