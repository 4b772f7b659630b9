namespace Flopwise.Fitting;

/// <summary>How a minimisation ended: the objective at the returned point, iterations, evaluations and the reason.</summary>
internal readonly record struct MinimizerResult(double Value, int Iterations, int Evaluations, ExitReason Reason);
