using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>
/// One plan to compare: N parameters trained on D tokens, optionally with its own prices, written
/// <c>N:D[:key=value…]</c>, e.g. <c>10B:200B</c> or <c>3B:600B:training-usd=600K:usd-per-request=3e-5</c>.
/// </summary>
/// <remarks>
/// <para>Numbers take the suffixes K, M, B, T as everywhere (<see cref="NumberText"/>). Keys:
/// <c>training-usd</c> (the training run's cost, USD), <c>usd-per-request</c> (serving cost per request, USD) and
/// <c>usd-per-million-tokens</c> (serving cost per million tokens, USD); each at most once, greater than zero. A
/// plan's own price overrides a global one.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record PlanCandidate
{
    /// <summary>The key of a plan's training cost in USD.</summary>
    public const string TrainingUsdKey = "training-usd";

    /// <summary>The key of a plan's serving cost per request in USD.</summary>
    public const string UsdPerRequestKey = "usd-per-request";

    /// <summary>The key of a plan's serving cost per million tokens in USD.</summary>
    public const string UsdPerMillionTokensKey = "usd-per-million-tokens";

    /// <summary>The field that parse errors name (the CLI option <c>--plan</c>).</summary>
    public const string Field = "plan";

    /// <summary>What a plan looks like, for messages.</summary>
    public const string Expected =
        "N:D[:key=value…], N parameters and D tokens (suffixes K M B T), keys training-usd, usd-per-request, usd-per-million-tokens; e.g. 10B:200B or 3B:600B:training-usd=600K:usd-per-request=3e-5";

    private const double MaximumCount = 1e18;

    /// <summary>Gets the plan as written.</summary>
    public required string Text { get; init; }

    /// <summary>Gets N, the parameters.</summary>
    public required double Parameters { get; init; }

    /// <summary>Gets D, the training tokens.</summary>
    public required double Tokens { get; init; }

    /// <summary>Gets the plan's own training cost in USD, or <see langword="null"/>.</summary>
    public double? TrainingUsd { get; init; }

    /// <summary>Gets the plan's own serving cost per request in USD, or <see langword="null"/>.</summary>
    public double? UsdPerRequest { get; init; }

    /// <summary>Gets the plan's own serving cost per million tokens in USD, or <see langword="null"/>.</summary>
    public double? UsdPerMillionTokens { get; init; }

    /// <summary>Gets a value indicating whether the plan carries any price of its own.</summary>
    public bool HasOwnPrice => TrainingUsd is not null || UsdPerRequest is not null || UsdPerMillionTokens is not null;

    /// <summary>Parses <c>N:D[:key=value…]</c>.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="error">Why the text was rejected, naming <see cref="Field"/> and the whole text; <see langword="null"/> on success.</param>
    /// <returns>The plan, or <see langword="null"/> on error.</returns>
    public static PlanCandidate? Parse(string text, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        string[] parts = text.Split(':');
        if (parts.Length < 2)
        {
            error = Error("has no training tokens: write parameters:tokens", text);
            return null;
        }

        double? parameters = Number(parts[0], "parameters", text, MaximumCount, out error);
        double? tokens = error is null ? Number(parts[1], "tokens", text, MaximumCount, out error) : null;
        if (parameters is null || tokens is null)
        {
            return null;
        }

        var candidate = new PlanCandidate { Text = text, Parameters = parameters.Value, Tokens = tokens.Value };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string pair in parts.Skip(2))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = Error($"has '{pair}' where key=value was expected", text);
                return null;
            }

            string key = pair[..equals];
            if (key is not (TrainingUsdKey or UsdPerRequestKey or UsdPerMillionTokensKey))
            {
                error = Error($"has an unknown key '{key}'", text);
                return null;
            }

            if (!seen.Add(key))
            {
                error = Error($"repeats the key '{key}'", text);
                return null;
            }

            double? value = Number(pair[(equals + 1)..], key, text, key == TrainingUsdKey ? 1e15 : 1e6, out error);
            if (value is null)
            {
                return null;
            }

            candidate = key switch
            {
                TrainingUsdKey => candidate with { TrainingUsd = value },
                UsdPerRequestKey => candidate with { UsdPerRequest = value },
                _ => candidate with { UsdPerMillionTokens = value },
            };
        }

        if (candidate.UsdPerRequest is not null && candidate.UsdPerMillionTokens is not null)
        {
            error = Error($"has both {UsdPerRequestKey} and {UsdPerMillionTokensKey}; give one serving price", text);
            return null;
        }

        return candidate;
    }

    private static double? Number(string part, string what, string text, double maximum, out FieldError? error)
    {
        error = null;
        if (part.Trim().Length == 0)
        {
            error = Error($"has no {what}", text);
            return null;
        }

        if (!NumberText.TryParse(part, out double value, out string? problem))
        {
            error = Error($"has {what} '{part}' that {problem}", text);
            return null;
        }

        if (!(value > 0))
        {
            error = Error($"has {what} {InputSpec.Format(value)}, which must be greater than 0", text);
            return null;
        }

        if (value > maximum)
        {
            error = Error($"has {what} {InputSpec.Format(value)}, above the maximum {InputSpec.Format(maximum)}", text);
            return null;
        }

        return value;
    }

    private static FieldError Error(string problem, string text) => new(Field, problem, text.Length == 0 ? "''" : text, Expected);
}
