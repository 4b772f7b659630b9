using System.Runtime.Intrinsics;
using CsCheck;
using Flopwise.Fitting;
using Xunit.Sdk;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>The inlined vector exp and ln of the Huber objective agree with <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>.</summary>
public class VectorMath512Tests
{
    private const int MaxUlps = 2;

    [Fact]
    public void Exp_AcrossTheDoubleRange_WithinTwoUlps()
    {
        // Every lane of a sweep from −745 to 709.7, including the subnormal results below −708.4.
        double[] xs = Enumerable.Range(0, 200_000).Select(i => -745.0 + (i * (709.7 + 745.0) / 199_999)).ToArray();
        AssertLanes(xs, VectorMath512.Exp, Math.Exp);
    }

    [Fact]
    public void Exp_RandomArguments_WithinTwoUlps()
    {
        Gen.Double[-745, 709.78].Array[8].Sample(xs => AssertLanes(xs, VectorMath512.Exp, Math.Exp), iter: 20_000);
    }

    [Fact]
    public void Exp_SpecialValues()
    {
        double[] xs = [double.NaN, double.NegativeInfinity, double.PositiveInfinity, 710, -746, 0, -0.0, 1e-300];
        double[] expected = [double.NaN, 0, double.PositiveInfinity, double.PositiveInfinity, 0, 1, 1, 1];
        Assert.Equal(expected, Apply(VectorMath512.Exp, xs));
    }

    [Fact]
    public void Log_LogUniformAndNearOne_WithinTwoUlps()
    {
        double[] wide = Enumerable.Range(0, 100_000).Select(i => Math.Pow(10, -307 + (i * 614.0 / 99_999))).ToArray();
        double[] nearOne = Enumerable.Range(0, 100_000).Select(i => 0.5 + (i * 1.5 / 99_999)).ToArray();
        AssertLanes(wide, VectorMath512.Log, Math.Log);
        AssertLanes(nearOne, VectorMath512.Log, Math.Log);
        AssertLanes([1 + 1e-15, 1 - 1e-15, 1 + 1e-9, 1 - 1e-9, Math.Sqrt(2), Math.BitDecrement(Math.Sqrt(2)), Math.BitIncrement(Math.Sqrt(2)), 2], VectorMath512.Log, Math.Log);
    }

    [Fact]
    public void Log_RandomArguments_WithinTwoUlps()
    {
        Gen.Double[-307.5, 308].Select(e => Math.Pow(10, e)).Array[8].Sample(xs => AssertLanes(xs, VectorMath512.Log, Math.Log), iter: 20_000);
    }

    [Fact]
    public void Log_SpecialAndSubnormalValues()
    {
        double[] xs = [0, double.PositiveInfinity, -1, double.NaN, double.Epsilon, 1e-310, 1, double.MaxValue];
        double[] got = Apply(VectorMath512.Log, xs);

        Assert.Equal(double.NegativeInfinity, got[0]);
        Assert.Equal(double.PositiveInfinity, got[1]);
        Assert.True(double.IsNaN(got[2]));
        Assert.True(double.IsNaN(got[3]));
        Assert.InRange(Ulps(got[4], Math.Log(double.Epsilon)), 0, MaxUlps);
        Assert.InRange(Ulps(got[5], Math.Log(1e-310)), 0, MaxUlps);
        Assert.Equal(0.0, got[6]);
        Assert.InRange(Ulps(got[7], Math.Log(double.MaxValue)), 0, MaxUlps);
    }

    private static void AssertLanes(double[] xs, Func<Vector512<double>, Vector512<double>> vector, Func<double, double> scalar)
    {
        for (int start = 0; start < xs.Length; start += 8)
        {
            double[] lanes = new double[8];
            int count = Math.Min(8, xs.Length - start);
            Array.Copy(xs, start, lanes, 0, count);
            double[] got = Apply(vector, lanes);
            for (int i = 0; i < count; i++)
            {
                double expected = scalar(lanes[i]);
                long ulps = Ulps(got[i], expected);
                if (ulps > MaxUlps)
                {
                    throw new XunitException($"f({lanes[i]:R}) = {got[i]:R}, expected {expected:R} ({ulps} ulps apart)");
                }
            }
        }
    }

    private static double[] Apply(Func<Vector512<double>, Vector512<double>> f, double[] lanes)
    {
        double[] result = new double[8];
        f(Vector512.Create(lanes)).CopyTo(result);
        return result;
    }

    /// <summary>The distance in units in the last place between two finite doubles of any sign (0 when both are equal).</summary>
    private static long Ulps(double a, double b)
    {
        if (a == b)
        {
            return 0;
        }

        static long Ordered(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            return bits < 0 ? long.MinValue - bits : bits;
        }

        return Math.Abs(Ordered(a) - Ordered(b));
    }
}
