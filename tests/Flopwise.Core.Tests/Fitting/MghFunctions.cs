using Flopwise.Fitting;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Moré, Garbow, Hillstrom (1981) test functions with analytic gradients (after MathNet's OptimizationTests/TestFunctions).</summary>
internal sealed class MghFunction(string name, int dimension, Func<double[], double> f, Action<double[], double[]> g, double[] minimum, double minimumValue) : Objective
{
    public string Name { get; } = name;

    public double[] Minimum { get; } = minimum;

    public double MinimumValue { get; } = minimumValue;

    public override int Dimension => dimension;

    public override double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double[] xs = x.ToArray();
        double[] gs = new double[dimension];
        g(xs, gs);
        gs.CopyTo(gradient);
        return f(xs);
    }

    public override string ToString() => Name;

    public static MghFunction Rosenbrock { get; } = new(
        "Rosenbrock", 2,
        x => (100 * Math.Pow(x[1] - (x[0] * x[0]), 2)) + Math.Pow(1 - x[0], 2),
        (x, g) =>
        {
            g[0] = (-400 * x[0] * (x[1] - (x[0] * x[0]))) - (2 * (1 - x[0]));
            g[1] = 200 * (x[1] - (x[0] * x[0]));
        },
        [1, 1], 0);

    public static MghFunction Beale { get; } = new(
        "Beale", 2,
        x => Math.Pow(1.5 - x[0] + (x[0] * x[1]), 2) + Math.Pow(2.25 - x[0] + (x[0] * x[1] * x[1]), 2) + Math.Pow(2.625 - x[0] + (x[0] * x[1] * x[1] * x[1]), 2),
        (x, g) =>
        {
            double f1 = 1.5 - x[0] + (x[0] * x[1]);
            double f2 = 2.25 - x[0] + (x[0] * x[1] * x[1]);
            double f3 = 2.625 - x[0] + (x[0] * x[1] * x[1] * x[1]);
            g[0] = 2 * ((f1 * (x[1] - 1)) + (f2 * ((x[1] * x[1]) - 1)) + (f3 * ((x[1] * x[1] * x[1]) - 1)));
            g[1] = 2 * ((f1 * x[0]) + (f2 * 2 * x[0] * x[1]) + (f3 * 3 * x[0] * x[1] * x[1]));
        },
        [3, 0.5], 0);

    public static MghFunction HelicalValley { get; } = new(
        "HelicalValley", 3,
        x =>
        {
            double theta = Theta(x[0], x[1]);
            double r = Math.Sqrt((x[0] * x[0]) + (x[1] * x[1]));
            return (100 * Math.Pow(x[2] - (10 * theta), 2)) + (100 * Math.Pow(r - 1, 2)) + (x[2] * x[2]);
        },
        (x, g) =>
        {
            double theta = Theta(x[0], x[1]);
            double r2 = (x[0] * x[0]) + (x[1] * x[1]);
            double r = Math.Sqrt(r2);
            double f1 = 10 * (x[2] - (10 * theta));
            double f2 = 10 * (r - 1);
            // ∂θ/∂x1 = −x2/(2π r²), ∂θ/∂x2 = x1/(2π r²)
            double dtx = -x[1] / (2 * Math.PI * r2);
            double dty = x[0] / (2 * Math.PI * r2);
            g[0] = 2 * ((f1 * -100 * dtx) + (f2 * 10 * x[0] / r));
            g[1] = 2 * ((f1 * -100 * dty) + (f2 * 10 * x[1] / r));
            g[2] = (2 * f1 * 10) + (2 * x[2]);
        },
        [1, 0, 0], 0);

    public static MghFunction PowellSingular { get; } = new(
        "PowellSingular", 4,
        x => Math.Pow(x[0] + (10 * x[1]), 2) + (5 * Math.Pow(x[2] - x[3], 2)) + Math.Pow(x[1] - (2 * x[2]), 4) + (10 * Math.Pow(x[0] - x[3], 4)),
        (x, g) =>
        {
            double a = x[0] + (10 * x[1]);
            double b = x[2] - x[3];
            double c = x[1] - (2 * x[2]);
            double d = x[0] - x[3];
            g[0] = (2 * a) + (40 * d * d * d);
            g[1] = (20 * a) + (4 * c * c * c);
            g[2] = (10 * b) - (8 * c * c * c);
            g[3] = (-10 * b) - (40 * d * d * d);
        },
        [0, 0, 0, 0], 0);

    private static double Theta(double x1, double x2) => (Math.Atan(x2 / x1) / (2 * Math.PI)) + (x1 < 0 ? 0.5 : 0);
}
