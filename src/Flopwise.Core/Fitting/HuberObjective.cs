using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Flopwise.Fitting;

/// <summary>
/// Σ H_δ(r_i)·w with r_i = ln L_i − LSE(a − α·ln N_i, b − β·ln D_i, e) over x = (a, b, e, α, β), w = 1 (summed) or
/// 1/n (mean); H_δ(r) = ½r² for |r| ≤ δ, else δ(|r| − δ/2). Analytic gradient; contiguous arrays; no allocation.
/// </summary>
/// <remarks>The rows live in buffers the caller may refill (bootstrap resamples) through <see cref="Load"/>.</remarks>
internal sealed class HuberObjective : Objective
{
    private readonly double[] _logN;
    private readonly double[] _logD;
    private readonly double[] _logL;
    private readonly double _delta;
    private readonly bool _mean;
    private int _count;

    /// <summary>Initializes a new instance of the <see cref="HuberObjective"/> class with room for <paramref name="capacity"/> rows.</summary>
    public HuberObjective(int capacity, double delta, bool mean)
    {
        _logN = new double[capacity];
        _logD = new double[capacity];
        _logL = new double[capacity];
        _delta = delta;
        _mean = mean;
    }

    /// <inheritdoc/>
    public override int Dimension => 5;

    /// <summary>
    /// Gets or sets a value indicating whether the unshifted fast path may be used (default); false always evaluates the
    /// max-shifted form, which rounds differently.
    /// </summary>
    public bool Unshifted { get; set; } = true;

    /// <summary>Gets the log-space rows (ln N, ln D, ln L) for refilling.</summary>
    public Span<double> LogN => _logN;

    /// <summary>Gets ln D per row.</summary>
    public Span<double> LogD => _logD;

    /// <summary>Gets ln L per row.</summary>
    public Span<double> LogL => _logL;

    /// <summary>Creates an objective over all rows of <paramref name="data"/>.</summary>
    public static HuberObjective For(FitData data, double delta, bool mean)
    {
        var objective = new HuberObjective(data.Count, delta, mean);
        for (int i = 0; i < data.Count; i++)
        {
            objective._logN[i] = Math.Log(data.RawParameters[i]);
            objective._logD[i] = Math.Log(data.RawTokens[i]);
            objective._logL[i] = Math.Log(data.RawLoss[i]);
        }

        objective._count = data.Count;
        return objective;
    }

    /// <summary>Sets the number of rows in use after the buffers were refilled.</summary>
    public void Load(int count) => _count = count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        // Fast path without the max shift: two exponentials and one logarithm per row (e^e once). Overflow or total
        // underflow shows up as a non-finite sum or gradient, and then the shifted evaluation below is used instead.
        if (Unshifted && Vector512.IsHardwareAccelerated && _count >= Vector512<double>.Count)
        {
            double fast = EvaluateUnshifted(x, gradient);
            if (double.IsFinite(fast) && double.IsFinite(gradient[0]) && double.IsFinite(gradient[1]) && double.IsFinite(gradient[2])
                && double.IsFinite(gradient[3]) && double.IsFinite(gradient[4]))
            {
                return fast;
            }
        }

        return EvaluateShifted(x, gradient);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    private double EvaluateUnshifted(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double delta = _delta;
        ReadOnlySpan<double> logN = _logN.AsSpan(0, _count);
        ReadOnlySpan<double> logD = _logD.AsSpan(0, _count);
        ReadOnlySpan<double> logL = _logL.AsSpan(0, _count);
        // e^e outside the double range is +∞ or 0 without libm's slow overflow and underflow handling.
        double expE = x[2] > 709.8 ? double.PositiveInfinity : x[2] < -745.2 ? 0 : Math.Exp(x[2]);
        var va = Vector512.Create(x[0]);
        var vb = Vector512.Create(x[1]);
        var vExpE = Vector512.Create(expE);
        var vAlpha = Vector512.Create(x[3]);
        var vBeta = Vector512.Create(x[4]);
        var vDelta = Vector512.Create(delta);
        var vHalfDelta = Vector512.Create(0.5 * delta);
        var vHalf = Vector512.Create(0.5);
        Vector512<double> vSum = Vector512<double>.Zero;
        Vector512<double> vGa = Vector512<double>.Zero;
        Vector512<double> vGb = Vector512<double>.Zero;
        Vector512<double> vGe = Vector512<double>.Zero;
        Vector512<double> vGAlpha = Vector512<double>.Zero;
        Vector512<double> vGBeta = Vector512<double>.Zero;
        int width = Vector512<double>.Count;
        int i = 0;
        int last = logN.Length - width;
        while (true)
        {
            // The tail reuses the last full vector and masks out the rows already summed.
            bool tail = i > last;
            int at = tail ? last : i;
            Vector512<double> ln = Vector512.Create(logN.Slice(at, width));
            Vector512<double> ld = Vector512.Create(logD.Slice(at, width));
            Vector512<double> ll = Vector512.Create(logL.Slice(at, width));
            Vector512<double> x1 = VectorMath512.Exp(va - (vAlpha * ln));
            Vector512<double> x2 = VectorMath512.Exp(vb - (vBeta * ld));
            Vector512<double> s = x1 + x2 + vExpE;
            Vector512<double> r = ll - VectorMath512.Log(s);
            Vector512<double> abs = Vector512.Abs(r);
            Vector512<double> inside = Vector512.LessThanOrEqual(abs, vDelta);
            Vector512<double> h = Vector512.ConditionalSelect(inside, vHalf * r * r, vDelta * (abs - vHalfDelta));
            Vector512<double> q = Vector512.Min(Vector512.Max(r, -vDelta), vDelta) / s;
            if (tail)
            {
                Vector512<double> keep = Vector512.GreaterThanOrEqual(Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((double)(i - last)));
                h &= keep;
                q &= keep;
            }

            Vector512<double> w1 = q * x1;
            Vector512<double> w2 = q * x2;
            vSum += h;
            vGa -= w1;
            vGb -= w2;
            vGe -= q;
            vGAlpha += w1 * ln;
            vGBeta += w2 * ld;
            i += width;
            if (tail || i == logN.Length)
            {
                break;
            }
        }

        double scale = _mean ? 1.0 / _count : 1.0;
        gradient[0] = Vector512.Sum(vGa) * scale;
        gradient[1] = Vector512.Sum(vGb) * scale;
        gradient[2] = Vector512.Sum(vGe) * expE * scale;
        gradient[3] = Vector512.Sum(vGAlpha) * scale;
        gradient[4] = Vector512.Sum(vGBeta) * scale;
        return Vector512.Sum(vSum) * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 code in a sub-second run
    private double EvaluateShifted(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double a = x[0];
        double b = x[1];
        double e = x[2];
        double alpha = x[3];
        double beta = x[4];
        double delta = _delta;
        double sum = 0;
        double ga = 0;
        double gb = 0;
        double ge = 0;
        double gAlpha = 0;
        double gBeta = 0;
        ReadOnlySpan<double> logN = _logN.AsSpan(0, _count);
        ReadOnlySpan<double> logD = _logD.AsSpan(0, _count);
        ReadOnlySpan<double> logL = _logL.AsSpan(0, _count);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && logN.Length >= Vector256<double>.Count)
        {
            var va = Vector256.Create(a);
            var vb = Vector256.Create(b);
            var ve = Vector256.Create(e);
            var vAlpha = Vector256.Create(alpha);
            var vBeta = Vector256.Create(beta);
            var vDelta = Vector256.Create(delta);
            var vHalfDelta = Vector256.Create(0.5 * delta);
            var vHalf = Vector256.Create(0.5);
            Vector256<double> vSum = Vector256<double>.Zero;
            Vector256<double> vGa = Vector256<double>.Zero;
            Vector256<double> vGb = Vector256<double>.Zero;
            Vector256<double> vGe = Vector256<double>.Zero;
            Vector256<double> vGAlpha = Vector256<double>.Zero;
            Vector256<double> vGBeta = Vector256<double>.Zero;
            for (; i <= logN.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> ln = Vector256.Create(logN.Slice(i, Vector256<double>.Count));
                Vector256<double> ld = Vector256.Create(logD.Slice(i, Vector256<double>.Count));
                Vector256<double> ll = Vector256.Create(logL.Slice(i, Vector256<double>.Count));
                Vector256<double> t1 = va - (vAlpha * ln);
                Vector256<double> t2 = vb - (vBeta * ld);
                Vector256<double> m = Vector256.Max(Vector256.Max(t1, t2), ve);
                Vector256<double> x1 = Vector256.Exp(t1 - m);
                Vector256<double> x2 = Vector256.Exp(t2 - m);
                Vector256<double> x3 = Vector256.Exp(ve - m);
                Vector256<double> s = x1 + x2 + x3;
                Vector256<double> r = ll - (m + Vector256.Log(s));
                Vector256<double> abs = Vector256.Abs(r);
                Vector256<double> inside = Vector256.LessThanOrEqual(abs, vDelta);
                vSum += Vector256.ConditionalSelect(inside, vHalf * r * r, vDelta * (abs - vHalfDelta));
                Vector256<double> psi = Vector256.Min(Vector256.Max(r, -vDelta), vDelta);
                Vector256<double> q = psi / s;
                Vector256<double> w1 = q * x1;
                Vector256<double> w2 = q * x2;
                vGa -= w1;
                vGb -= w2;
                vGe -= q * x3;
                vGAlpha += w1 * ln;
                vGBeta += w2 * ld;
            }

            sum = Vector256.Sum(vSum);
            ga = Vector256.Sum(vGa);
            gb = Vector256.Sum(vGb);
            ge = Vector256.Sum(vGe);
            gAlpha = Vector256.Sum(vGAlpha);
            gBeta = Vector256.Sum(vGBeta);
        }

        for (; i < logN.Length; i++)
        {
            double t1 = a - (alpha * logN[i]);
            double t2 = b - (beta * logD[i]);
            double m = Math.Max(Math.Max(t1, t2), e);
            double x1 = Math.Exp(t1 - m);
            double x2 = Math.Exp(t2 - m);
            double x3 = Math.Exp(e - m);
            double s = x1 + x2 + x3;
            double r = logL[i] - (m + Math.Log(s));
            double abs = Math.Abs(r);
            double psi;
            if (abs <= delta)
            {
                sum += 0.5 * r * r;
                psi = r;
            }
            else
            {
                sum += delta * (abs - (0.5 * delta));
                psi = r > 0 ? delta : -delta;
            }

            // ∂H/∂θ = −ψ·∂LSE/∂θ with softmax weights w_k = x_k/s.
            double q = psi / s;
            double w1 = q * x1;
            double w2 = q * x2;
            ga -= w1;
            gb -= w2;
            ge -= q * x3;
            gAlpha += w1 * logN[i];
            gBeta += w2 * logD[i];
        }

        double scale = _mean ? 1.0 / _count : 1.0;
        gradient[0] = ga * scale;
        gradient[1] = gb * scale;
        gradient[2] = ge * scale;
        gradient[3] = gAlpha * scale;
        gradient[4] = gBeta * scale;
        return sum * scale;
    }
}
