using Flopwise.Reporting;

namespace Flopwise.Inputs;

/// <summary>
/// Resolves the inputs of one calculation: given value or default, range check, and the assumption record;
/// and, when an output overflows, names the input most likely to blame.
/// </summary>
/// <remarks>Used inside Core's calculations only; one instance per evaluation, not thread-safe.</remarks>
internal sealed class ResolvedInputs
{
    private readonly List<FieldError> _errors = [];
    private readonly List<Assumption> _assumptions = [];
    private readonly List<(InputSpec Spec, double Value)> _given = [];

    [ThreadStatic]
    private static bool _quiet;

    /// <summary>
    /// Whether this calculation keeps its assumptions: false inside <see cref="Quiet"/>, where a Monte Carlo run
    /// evaluates samples whose assumptions it never reports (it reports the first sample's).
    /// </summary>
    private readonly bool _records = !_quiet;

    /// <summary>
    /// Runs <paramref name="action"/> with assumption recording off on this thread (values, errors and fields are
    /// unaffected), restoring the previous state afterwards.
    /// </summary>
    /// <param name="action">The evaluations.</param>
    public static void Quiet(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        bool previous = _quiet;
        _quiet = true;
        try
        {
            action();
        }
        finally
        {
            _quiet = previous;
        }
    }

    /// <summary>Gets the errors found so far.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Gets a value indicating whether any input was invalid.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Gets the assumptions recorded so far, in the order the inputs were used.</summary>
    public IReadOnlyList<Assumption> Assumptions => _assumptions;

    /// <summary>Resolves an input that has a default or is required.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="given">The value given, or <see langword="null"/>.</param>
    /// <returns>The value to use; NaN when missing or invalid (an error is recorded).</returns>
    public double Use(InputSpec spec, double? given)
    {
        if (given is null)
        {
            if (spec.Default is double fallback)
            {
                if (_records)
                {
                    _assumptions.Add(Assumption.ForInput(spec, fallback, isDefault: true));
                }

                return fallback;
            }

            _errors.Add(spec.MissingError());
            return double.NaN;
        }

        return UseGiven(spec, given.Value);
    }

    /// <summary>Resolves an optional input without a default.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="given">The value given, or <see langword="null"/>.</param>
    /// <returns>The value, or <see langword="null"/> when not given or invalid.</returns>
    public double? UseOptional(InputSpec spec, double? given)
    {
        if (given is null)
        {
            return null;
        }

        double value = UseGiven(spec, given.Value);
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>Records a convention the calculation rests on.</summary>
    /// <param name="assumption">The convention.</param>
    public void Note(Assumption assumption)
    {
        if (_records)
        {
            _assumptions.Add(assumption);
        }
    }

    /// <summary>Records the errors for a model or a GPU that was not named, as every hardware calculation words them.</summary>
    /// <param name="model">The architecture, or <see langword="null"/>; <paramref name="needsModel"/> false skips it.</param>
    /// <param name="gpu">The accelerator, or <see langword="null"/>.</param>
    /// <param name="needsModel">Whether the calculation needs a model.</param>
    public void RequireModelAndGpu(object? model, object? gpu, bool needsModel = true)
    {
        if (needsModel && model is null)
        {
            AddError(new FieldError("model", Messages.Missing, Messages.Nothing, "an architecture: --model P, --hf-config FILE or shape flags (--layers --d-model --heads ...)"));
        }

        if (gpu is null)
        {
            AddError(new FieldError("gpu", Messages.Missing, Messages.Nothing, "a GPU id (see flopwise gpus)"));
        }
    }

    /// <summary>Records an error that is not a range violation of one input.</summary>
    /// <param name="error">The error.</param>
    public void AddError(FieldError error) => _errors.Add(error);

    /// <summary>
    /// Checks that every output is finite and, since every output passed here must be positive, neither zero nor
    /// subnormal by underflow (below the smallest normal double, 2.2250738585072014e-308); if one fails, records an error against the given input that lies furthest from its default
    /// (in orders of magnitude), or else the first given input.
    /// </summary>
    /// <param name="outputs">The outputs, by label.</param>
    /// <returns><see langword="true"/> when every output is a normal double (finite, non-zero, not subnormal).</returns>
    /// <exception cref="InvalidOperationException">An output fails although no input was given (a bug).</exception>
    public bool CheckFinite(params ReadOnlySpan<(string Label, double Value)> outputs)
    {
        foreach ((string label, double value) in outputs)
        {
            // Below the smallest normal double (2.2e-308) a result has lost its precision as well as its meaning.
            if (double.IsNormal(value))
            {
                continue;
            }

            (InputSpec Spec, double Value) culprit = _given
                .Where(g => g.Spec.Default is double d && d != 0 && g.Value != 0)
                .OrderByDescending(g => Math.Abs(Math.Log(Math.Abs(g.Value / g.Spec.Default!.Value))))
                .Concat(_given)
                .First();
            _errors.Add(new FieldError(
                culprit.Spec.Name, Messages.MakesResultNonFinite(label), InputSpec.Format(culprit.Value), Messages.KeepsResultsFinite));
            return false;
        }

        return true;
    }

    private double UseGiven(InputSpec spec, double value)
    {
        FieldError? error = spec.Check(value);
        if (error is not null)
        {
            _errors.Add(error);
            return double.NaN;
        }

        _given.Add((spec, value));
        if (_records)
        {
            _assumptions.Add(Assumption.ForInput(spec, value, isDefault: false));
        }

        return value;
    }
}
