using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Flopwise.Fitting;

/// <summary>
/// exp and ln over <see cref="Vector512{T}"/> of doubles, inlined into the caller. The runtime's
/// <c>Vector512.Exp</c>/<c>Log</c> are large generic methods that the JIT does not inline, so in a sub-second process
/// they run as unoptimised tier-0 code until tiering catches up, and lanes outside exp's fast range fall back to
/// scalar <c>Math.Exp</c>; inlined into an <see cref="MethodImplOptions.AggressiveOptimization"/> method these are
/// compiled optimised once. Accuracy: within a few ulp over the whole double range (tested against
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>).
/// </summary>
internal static class VectorMath512
{
    private const double Log2E = 1.4426950408889634;

    // ln 2 split so that k·Ln2 is carried to about 2^-106 with fused multiply-adds.
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>e^x per lane: NaN stays NaN, below about −745 gives 0 (subnormals in between), above about 709.8 gives +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        // x = k·ln 2 + r with |r| ≤ ln2/2; e^r by its Taylor series to r^13 (truncation below 5e-18 relative).
        Vector512<double> clamped = Vector512.Min(Vector512.Max(x, Vector512.Create(-1100.0)), Vector512.Create(1100.0));
        Vector512<double> k = Vector512.Round(clamped * Vector512.Create(Log2E));
        Vector512<double> r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Hi), clamped);
        r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Lo), r);
        Vector512<double> p = Vector512.Create(1.0 / 6227020800.0); // 1/13!
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);

        // 2^k in two factors, so that k down to −2100 (subnormal and zero results) and up to 2046 (+∞) scale correctly.
        Vector512<long> ki = Vector512.ConvertToInt64(k);
        Vector512<long> k1 = ki >> 1;
        Vector512<long> k2 = ki - k1;
        Vector512<double> s1 = ((k1 + Vector512.Create(1023L)) << 52).AsDouble();
        Vector512<double> s2 = ((k2 + Vector512.Create(1023L)) << 52).AsDouble();
        Vector512<double> result = p * s1 * s2;
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-1000.0)), Vector512<double>.Zero, result);
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(1000.0)), Vector512.Create(double.PositiveInfinity), result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    /// <summary>ln x per lane: ln 0 = −∞, ln +∞ = +∞, NaN for x &lt; 0 or NaN; subnormal x handled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        // x = 2^k·m with m in [√2/2, √2); ln m = 2·atanh(s), s = f/(2 + f), f = m − 1, |s| ≤ 0.1716, written as
        // f − f²/2 + s·(f²/2 + R) with R = Σ 2s^(2j)/(2j + 1) to j = 11 (truncation below 1e-18 relative).
        Vector512<double> subnormal = Vector512.LessThan(x, Vector512.Create(SmallestNormal));
        Vector512<double> scaled = Vector512.ConditionalSelect(subnormal, x * Vector512.Create(18014398509481984.0), x); // 2^54
        Vector512<ulong> bits = scaled.AsUInt64();
        Vector512<double> m = ((bits & Vector512.Create(0x000FFFFFFFFFFFFFUL)) | Vector512.Create(0x3FF0000000000000UL)).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble((bits >> 52).AsInt64() - Vector512.Create(1023L));
        k -= subnormal & Vector512.Create(54.0);
        Vector512<double> high = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(high, m * Vector512.Create(0.5), m);
        k += high & Vector512<double>.One;
        Vector512<double> f = m - Vector512<double>.One;
        Vector512<double> s = f / (Vector512.Create(2.0) + f);
        Vector512<double> z = s * s;
        Vector512<double> r = Vector512.Create(2.0 / 23);
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 21));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 19));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 17));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 15));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 13));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 11));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 9));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 7));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 5));
        r = Vector512.FusedMultiplyAdd(r, z, Vector512.Create(2.0 / 3));
        r *= z;
        Vector512<double> hfsq = Vector512.Create(0.5) * f * f;
        Vector512<double> tail = Vector512.FusedMultiplyAdd(s, hfsq + r, k * Vector512.Create(Ln2Lo)) - hfsq;
        Vector512<double> result = Vector512.FusedMultiplyAdd(k, Vector512.Create(Ln2Hi), f + tail);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)), x, result);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
    }
}
