namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// The four sheets of the seed 000 spreadsheet (h/t Lukas Finnveden): training compute C and the printed p, runtime
/// FLOP per forward pass, tokens per second and tasks in parallel, with h = 1.5, k = 1.5, m = 20, T = 1e7 s and
/// 10 tokens/s per task. Source: the seed 000 spreadsheet (h/t Lukas Finnveden).
/// </summary>
/// <remarks>
/// The sheet prints three significant figures (<c>4.71E+11</c>), so the tolerance is half a unit of the third
/// figure: 0.005 × the printed power of ten.
/// </remarks>
public static class Seed000CopiesSheet
{
    /// <summary>One printed sheet: compute and the four printed outputs (each a mantissa × 10^exponent).</summary>
    public sealed record Sheet(double Compute, double Parameters, double RuntimeFlopPerForward, double TokensPerSecond, double ParallelTasks);

    public static readonly Sheet Sheet3e25 = new(3.00e25, 4.71e11, 7.07e11, 4.24e6, 4.24e5);
    public static readonly Sheet Sheet3e27 = new(3.00e27, 4.71e12, 7.07e12, 4.24e7, 4.24e6);
    public static readonly Sheet Sheet3e29 = new(3.00e29, 4.71e13, 7.07e13, 4.24e8, 4.24e7);
    public static readonly Sheet Sheet3e33 = new(3.00e33, 4.71e15, 7.07e15, 4.24e10, 4.24e9);

    /// <summary>Half a unit of the last of <paramref name="figures"/> significant figures of a printed value.</summary>
    public static double HalfUnit(double printed, int figures) =>
        0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(printed))) - (figures - 1));

    /// <summary>Half a unit of the third significant figure, the sheet's printed precision.</summary>
    public static double HalfUnitOfThirdFigure(double printed) => HalfUnit(printed, 3);

    /// <summary>
    /// The unrounded first row (derived from the sheet's formulas): p 4.7140452e11,
    /// k·p 7.0710678e11, tokens/s 4.2426407e6, tasks 4.2426407e5 — eight significant figures printed, so half a unit
    /// of the eighth figure (<see cref="HalfUnit"/> with 8 figures).
    /// </summary>
    public const double UnroundedParameters = 4.7140452e11;
    public const double UnroundedRuntimeFlop = 7.0710678e11;
    public const double UnroundedTokensPerSecond = 4.2426407e6;
    public const double UnroundedTasks = 4.2426407e5;
    public const int UnroundedFigures = 8;

    /// <summary>Closed form with the defaults: tasks = √(60·C)/1e8 (docs/formulas.md, "Copies after training"); exact up to rounding.</summary>
    public const double ClosedFormRelativeTolerance = 1e-12;
}
