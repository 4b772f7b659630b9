using System.Globalization;
using Xunit.Sdk;

namespace Flopwise.Core.Tests.Support;

/// <summary>Tolerance assertions for floating-point results (after MathNet's AssertHelpers).</summary>
public static class AssertClose
{
    /// <summary>Asserts |actual − expected| ≤ relTol · |expected|.</summary>
    public static void Relative(double expected, double actual, double relTol, string? what = null)
    {
        if (double.IsNaN(actual) || double.IsInfinity(actual))
        {
            throw new XunitException(Describe(what) + $"expected {Format(expected)} but got {Format(actual)}");
        }

        double error = Math.Abs(actual - expected);
        double allowed = relTol * Math.Abs(expected);
        if (!(error <= allowed))
        {
            throw new XunitException(
                Describe(what) + $"expected {Format(expected)} ± {relTol.ToString("g3", CultureInfo.InvariantCulture)} relative, "
                + $"got {Format(actual)} (relative error {(error / Math.Abs(expected)).ToString("g3", CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Asserts |actual − expected| ≤ absTol.</summary>
    public static void Absolute(double expected, double actual, double absTol, string? what = null)
    {
        double error = Math.Abs(actual - expected);
        if (!(error <= absTol))
        {
            throw new XunitException(
                Describe(what) + $"expected {Format(expected)} ± {Format(absTol)}, got {Format(actual)}");
        }
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> rounds to the published figure: it lies within half a unit of the
    /// last printed digit, given as <paramref name="halfUnit"/> (e.g. 0.005e11 for "4.71E+11").
    /// </summary>
    public static void ToPrinted(double printed, double actual, double halfUnit, string? what = null) =>
        Absolute(printed, actual, halfUnit, what);

    private static string Describe(string? what) => what is null ? string.Empty : what + ": ";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
