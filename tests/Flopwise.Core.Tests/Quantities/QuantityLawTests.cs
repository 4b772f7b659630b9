using System.Globalization;
using System.Numerics;
using CsCheck;
using Flopwise.Core.Tests.Support;

namespace Flopwise.Core.Tests.Quantities;

/// <summary>
/// Laws every quantity obeys, run once per quantity by the sealed <c>XTests</c> classes: equality and ordering,
/// same-type arithmetic, scaling, closeness, overflow, and invariant formatting. The generic constraints are the
/// interfaces each quantity must implement, so a missing one fails to compile.
/// </summary>
public abstract class QuantityLawTests<T>
    where T : struct, IEquatable<T>, IComparable<T>, IComparable, IFormattable,
        IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IUnaryNegationOperators<T, T>,
        IMultiplyOperators<T, double, T>, IDivisionOperators<T, double, T>, IDivisionOperators<T, T, double>,
        IComparisonOperators<T, T, bool>
{
    private static readonly Gen<double> Values = Gen.Double[-1e30, 1e30];

    /// <summary>The SI symbol that ToString appends, e.g. "FLOP".</summary>
    protected abstract string Symbol { get; }

    /// <summary>The type's static Zero.</summary>
    protected abstract T Zero { get; }

    /// <summary>Creates a quantity from its SI value, e.g. FlopCount.FromFlop.</summary>
    protected abstract T FromSi(double value);

    /// <summary>Reads the SI value, e.g. FlopCount.Flop.</summary>
    protected abstract double ToSi(T value);

    /// <summary>The <c>double * T</c> operator, which no generic-math interface covers.</summary>
    protected abstract T MultiplyLeft(double left, T right);

    /// <summary>The type's IsCloseTo, which no interface covers.</summary>
    protected abstract bool IsCloseTo(T value, T other, double relativeTolerance);

    /// <summary>
    /// NodaTime-style equality and comparison laws: <paramref name="value"/> equals <paramref name="equal"/> and is
    /// less than <paramref name="greater"/>, through every equality and comparison member.
    /// </summary>
    public static void AssertEqualityLaws(T value, T equal, T greater)
    {
        // IEquatable<T> and object.Equals
        Assert.True(value.Equals(equal));
        Assert.True(equal.Equals(value));
        Assert.False(value.Equals(greater));
        Assert.True(value.Equals((object)equal));
        Assert.False(value.Equals((object)greater));
        Assert.False(value.Equals(null));
        Assert.False(value.Equals(new object()));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());

        // == and !=
        Assert.True(value == equal);
        Assert.False(value == greater);
        Assert.False(value != equal);
        Assert.True(value != greater);

        // IComparable<T>
        Assert.Equal(0, value.CompareTo(equal));
        Assert.True(value.CompareTo(greater) < 0);
        Assert.True(greater.CompareTo(value) > 0);

        // IComparable
        IComparable boxed = value;
        Assert.Equal(0, boxed.CompareTo(equal));
        Assert.True(boxed.CompareTo(greater) < 0);
        Assert.Equal(1, boxed.CompareTo(null));
        ArgumentException ex = Assert.Throws<ArgumentException>(() => boxed.CompareTo(new object()));
        Assert.Equal("obj", ex.ParamName);

        // <, <=, >, >=
        Assert.True(value < greater);
        Assert.False(greater < value);
        Assert.False(value < equal);
        Assert.True(value <= greater);
        Assert.True(value <= equal);
        Assert.False(greater <= value);
        Assert.True(greater > value);
        Assert.False(value > greater);
        Assert.False(value > equal);
        Assert.True(greater >= value);
        Assert.True(value >= equal);
        Assert.False(value >= greater);
    }

    [Fact]
    public void Zero_ComparedWithDefault_IsEqualAndHoldsZero()
    {
        Assert.Equal(default, Zero);
        Assert.Equal(0.0, ToSi(Zero));
        Assert.Equal(0.0, ToSi(default));
    }

    [Fact]
    public void Zero_AddedToValue_IsNeutralElement()
    {
        T value = FromSi(4.2e17);
        Assert.Equal(value, value + Zero);
        Assert.Equal(value, Zero + value);
        Assert.Equal(value, value - Zero);
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(-3e20, 5.0)]
    [InlineData(0.0, 1e-300)]
    [InlineData(-1.7976931348623157e308, 1.7976931348623157e308)]
    [InlineData(6.02e23, 6.020000000000001e23)]
    public void Equals_EqualAndGreaterValues_SatisfiesEqualityLaws(double value, double greater)
    {
        AssertEqualityLaws(FromSi(value), FromSi(value), FromSi(greater));
    }

    [Fact]
    public void Equals_ZeroAndNegativeZero_AreEqualWithSameHashCode()
    {
        AssertEqualityLaws(FromSi(0.0), FromSi(-0.0), FromSi(1.0));
        AssertEqualityLaws(Zero, -Zero, FromSi(double.Epsilon));
    }

    [Fact]
    public void Equals_BoxedDoubleWithSameSiValue_ReturnsFalse()
    {
        Assert.False(FromSi(2.5).Equals((object)2.5));
    }

    [Fact]
    public void CompareTo_RandomPairs_MatchesUnderlyingDoubles()
    {
        Gen.Select(Values, Values).Sample((a, b) =>
        {
            T qa = FromSi(a);
            T qb = FromSi(b);
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(qa.CompareTo(qb)));
            Assert.Equal(a < b, qa < qb);
            Assert.Equal(a <= b, qa <= qb);
            Assert.Equal(a > b, qa > qb);
            Assert.Equal(a >= b, qa >= qb);
            Assert.Equal(a == b, qa == qb);
            Assert.Equal(a == b, qa.Equals(qb));
        });
    }

    [Fact]
    public void OperatorAddSubtract_RandomPairs_RoundTripsToFirstOperand()
    {
        Gen.Select(Values, Values).Sample((a, b) =>
        {
            T result = FromSi(a) + FromSi(b) - FromSi(b);

            // Same arithmetic as the doubles; the rounding error is relative to the larger operand.
            Assert.Equal(a + b - b, ToSi(result));
            AssertClose.Absolute(a, ToSi(result), 1e-15 * Math.Max(Math.Abs(a), Math.Abs(b)));
        });
    }

    [Fact]
    public void OperatorNegate_RandomValue_NegatesSiValue()
    {
        Values.Sample(v =>
        {
            Assert.Equal(-v, ToSi(-FromSi(v)));
            Assert.Equal(Zero, FromSi(v) + -FromSi(v));
        });
    }

    [Fact]
    public void OperatorMultiply_ByDouble_MatchesDoublesOnEitherSide()
    {
        Gen.Select(Values, Gen.Double[-1e6, 1e6]).Sample((v, k) =>
        {
            Assert.Equal(v * k, ToSi(FromSi(v) * k));
            Assert.Equal(v * k, ToSi(MultiplyLeft(k, FromSi(v))));
        });
    }

    [Fact]
    public void OperatorDivide_ByDouble_MatchesDoubles()
    {
        Gen.Select(Values, Gen.Double[1e-6, 1e6]).Sample((v, k) =>
        {
            Assert.Equal(v / k, ToSi(FromSi(v) / k));
            Assert.Equal(v / -k, ToSi(FromSi(v) / -k));
        });
    }

    [Fact]
    public void OperatorDivide_SameType_ReturnsDoubleRatio()
    {
        double ratio = FromSi(6e20) / FromSi(2e20);
        Assert.Equal(3.0, ratio);
        Assert.Equal(-0.5, FromSi(-1.0) / FromSi(2.0));
    }

    [Fact]
    public void OperatorDivide_SameTypeByZero_FollowsIeee()
    {
        Assert.Equal(double.PositiveInfinity, FromSi(1.0) / Zero);
        Assert.Equal(double.NegativeInfinity, FromSi(-1.0) / Zero);
        Assert.True(double.IsNaN(Zero / Zero));
    }

    [Fact]
    public void OperatorDivide_ByZeroDouble_ThrowsDivideByZeroException()
    {
        Assert.Throws<DivideByZeroException>(() => FromSi(1.0) / 0.0);
        Assert.Throws<DivideByZeroException>(() => Zero / -0.0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void OperatorMultiplyDivide_NonFiniteDouble_ThrowsWithParamName(double k)
    {
        T value = FromSi(2.0);
        Assert.Equal("right", Assert.Throws<ArgumentOutOfRangeException>(() => value * k).ParamName);
        Assert.Equal("left", Assert.Throws<ArgumentOutOfRangeException>(() => MultiplyLeft(k, value)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentOutOfRangeException>(() => value / k).ParamName);
    }

    [Fact]
    public void Operators_ResultOverflows_ThrowOverflowException()
    {
        T max = FromSi(double.MaxValue);
        Assert.Throws<OverflowException>(() => max + max);
        Assert.Throws<OverflowException>(() => -max - max);
        Assert.Throws<OverflowException>(() => max * 2.0);
        Assert.Throws<OverflowException>(() => MultiplyLeft(-2.0, max));
        Assert.Throws<OverflowException>(() => max / 0.5);
    }

    [Fact]
    public void Operators_ResultAtEdgeOfRange_DoNotThrow()
    {
        T max = FromSi(double.MaxValue);
        Assert.Equal(0.0, ToSi(max - max));
        Assert.Equal(double.MaxValue, ToSi(max * 1.0));
        Assert.Equal(double.MaxValue / 2, ToSi(max / 2.0));
        Assert.Equal(0.0, ToSi(FromSi(double.Epsilon) * 0.5));
    }

    [Theory]
    [InlineData(1.0, 1.0 + 1e-10, 1e-9, true)]
    [InlineData(1.0, 1.0 + 1e-10, 1e-11, false)]
    [InlineData(-5e24, -5e24, 0.0, true)]
    [InlineData(100.0, 101.0, 0.01, true)]
    [InlineData(100.0, 101.0, 0.0099, false)]
    [InlineData(0.0, 0.0, 0.0, true)]
    [InlineData(0.0, 1e-300, 0.5, false)]
    [InlineData(1.0, -1.0, 1.0, false)]
    [InlineData(1.0, -1.0, 2.0, true)]
    public void IsCloseTo_RelativeTolerance_ComparesAgainstLargerMagnitude(double a, double b, double tolerance, bool expected)
    {
        Assert.Equal(expected, IsCloseTo(FromSi(a), FromSi(b), tolerance));
        Assert.Equal(expected, IsCloseTo(FromSi(b), FromSi(a), tolerance));
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void IsCloseTo_InvalidTolerance_ThrowsWithParamName(double tolerance)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => IsCloseTo(FromSi(1.0), FromSi(1.0), tolerance));
        Assert.Equal("relativeTolerance", ex.ParamName);
    }

    [Theory]
    [InlineData(3.14e23, "3.14e+23")]
    [InlineData(1.5e24, "1.5e+24")]
    [InlineData(1e7, "1e+07")]
    [InlineData(123456.0, "1.235e+05")]
    [InlineData(-2.5e-3, "-2.5e-03")]
    [InlineData(0.0, "0e+00")]
    [InlineData(1.7976931348623157e308, "1.798e+308")]
    public void ToString_Default_IsInvariantScientificWithSymbol(double value, string number)
    {
        Assert.Equal(number + " " + Symbol, FromSi(value).ToString());
    }

    [Fact]
    public void ToString_UnderGermanCulture_StillUsesDecimalPoint()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is German

            T value = FromSi(3.14e23);
            Assert.Equal("3.14e+23 " + Symbol, value.ToString());
            Assert.Equal("3.14e+23 " + Symbol, value.ToString(null, null));
            Assert.Equal("3.14e+23 " + Symbol, $"{value}");
            Assert.Equal("1234.5 " + Symbol, FromSi(1234.5).ToString("F1", null));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(1234.5, "F1", "en-US", "1234.5")]
    [InlineData(1234.5, "F1", "de-DE", "1234,5")]
    [InlineData(1234567.8, "N0", "en-US", "1,234,568")]
    [InlineData(3.14159e23, "0.00e+00", "", "3.14e+23")]
    [InlineData(3.14159e23, "G3", "", "3.14E+23")]
    [InlineData(3.14159e23, null, "de-DE", "3,142e+23")]
    [InlineData(3.14159e23, "", "", "3.142e+23")]
    public void ToStringFormatProvider_FormatAndCulture_FormatsSiValueThenSymbol(
        double value, string? format, string culture, string number)
    {
        Assert.Equal(number + " " + Symbol, FromSi(value).ToString(format, new CultureInfo(culture)));
    }

    [Fact]
    public void ToStringFormatProvider_NullProvider_UsesInvariantCulture()
    {
        Assert.Equal("0.25 " + Symbol, FromSi(0.25).ToString("0.00", null));
    }
}
