namespace Flopwise.Reporting;

/// <summary>A result that front ends can render generically: its numeric fields and the assumptions behind them.</summary>
public interface ICalculationResult
{
    /// <summary>Gets the numeric outputs in display order.</summary>
    IReadOnlyList<ResultField> Fields { get; }

    /// <summary>Gets the inputs and conventions the outputs rest on.</summary>
    IReadOnlyList<Assumption> Assumptions { get; }

    /// <summary>Gets the outputs that could not be derived from what was given, with the reason; empty by default.</summary>
    IReadOnlyList<MissingField> Missing => [];
}
