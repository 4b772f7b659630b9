namespace Flopwise.Calculators;

/// <summary>The question a visitor comes with, which groups the calculators on the page and in the help.</summary>
public enum CalculatorGroup
{
    /// <summary>Forecasting: what a compute buys, and where it sits.</summary>
    Forecast,

    /// <summary>Training: a model, a run, its memory.</summary>
    Train,

    /// <summary>Serving: latency, throughput, cost.</summary>
    Serve,

    /// <summary>Fitting a law to one's own runs.</summary>
    Fit,
}
