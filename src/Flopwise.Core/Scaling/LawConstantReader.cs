using Flopwise.Architectures;
using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>
/// Reads the constants of one law entry (<c>laws.json</c>, <c>--law-file</c>) for its <see cref="LawForm"/>: constants
/// must be finite and greater than 0 (or at least 0 where allowed); E, A, B may be given as natural logarithms.
/// Errors are recorded, not thrown. Not thread-safe.
/// </summary>
internal sealed class LawConstantReader(JsonObjectReader read, List<FieldError> errors)
{
    /// <summary>Gets a value indicating whether the entry has <paramref name="key"/>.</summary>
    public bool Has(string key) => read.Has(key);

    /// <summary>Reads an optional number, any sign.</summary>
    public double? Double(string key) => read.Double(key);

    /// <summary>
    /// Reads <paramref name="key"/>, or its natural logarithm <c>log</c><paramref name="key"/> (as some sources
    /// print E, A, B); exp of the logarithm must be finite and greater than 0 (or at least 0 where allowed).
    /// </summary>
    public double RequiredOrLog(string key, bool allowZero = false)
    {
        string logKey = "log" + key;
        if (!read.Has(logKey))
        {
            return Required(key, allowZero);
        }

        if (read.Has(key))
        {
            read.Reject(logKey, $"is given with '{key}'", $"{key} and {logKey}", $"either '{key}' or '{logKey}' (its natural logarithm)");
            return 0;
        }

        int before = errors.Count;
        double log = read.RequiredDouble(logKey);
        if (errors.Count > before)
        {
            return 0;
        }

        double value = Math.Exp(log);
        if (!double.IsFinite(value) || (allowZero ? value < 0 : value <= 0))
        {
            read.Reject(logKey, LawMessages.LogOutOfRange(key, value), InputSpec.Format(log), LawMessages.LogExpected(allowZero));
        }

        return value;
    }

    /// <summary>Reads a required constant, greater than 0 (or at least 0 with <paramref name="allowZero"/>).</summary>
    public double Required(string key, bool allowZero = false)
    {
        int before = errors.Count;
        double value = read.RequiredDouble(key);
        if (errors.Count == before)
        {
            Check(key, value, allowZero);
        }

        return value;
    }

    /// <summary>Reads an optional constant, greater than 0 when present.</summary>
    public double? Optional(string key)
    {
        double? value = read.Double(key);
        if (value is double v)
        {
            Check(key, v, allowZero: false);
        }

        return value;
    }

    /// <summary>
    /// Reads a power-form frontier: <c>computeUnit</c> (<c>flop</c>, the default, or <c>pf-day</c>) and
    /// <c>parametersCoefficient</c>, <c>parametersExponent</c>, <c>tokensCoefficient</c>, <c>tokensExponent</c>.
    /// </summary>
    public ScalingLaw Frontier(ScalingLaw law, bool required)
    {
        string? unit = read.String("computeUnit");
        double unitFlop = 1;
        switch (unit?.Trim().ToLowerInvariant())
        {
            case null or "flop":
                break;
            case "pf-day" or "pf-days" or "petaflop-day" or "petaflop-days":
                unitFlop = LawCatalog.PetaflopDay;
                break;
            default:
                read.Reject("computeUnit", "is unknown", unit, "flop or pf-day");
                break;
        }

        return law with
        {
            ComputeUnitFlop = unitFlop,
            ParametersCoefficient = required ? Required("parametersCoefficient") : Optional("parametersCoefficient"),
            ParametersExponent = required ? Required("parametersExponent") : Optional("parametersExponent"),
            TokensCoefficient = required ? Required("tokensCoefficient") : Optional("tokensCoefficient"),
            TokensExponent = required ? Required("tokensExponent") : Optional("tokensExponent"),
        };
    }

    private void Check(string key, double value, bool allowZero)
    {
        if (allowZero ? value < 0 : value <= 0)
        {
            read.Reject(key, allowZero ? "must be at least 0" : "must be greater than 0", InputSpec.Format(value), allowZero ? "a number >= 0" : "a number > 0");
        }
    }
}
