namespace Flopwise.Scaling;

/// <summary>The texts of the scaling-law messages, so that tests can assert exact strings.</summary>
internal static class LawMessages
{
    /// <summary>What <c>--law</c> accepts, for messages.</summary>
    public const string LawExpected = "a law preset (see flopwise laws) or E=…,A=…,B=…,alpha=…,beta=…";

    /// <summary>What an inline law looks like, for messages.</summary>
    public const string InlineExpected = "E=…,A=…,B=…,alpha=…,beta=… (a Chinchilla-form law) or parametersCoefficient=…,parametersExponent=…,tokensCoefficient=…,tokensExponent=… (a power-form frontier)";

    /// <summary>What a law file holds, for messages.</summary>
    public const string LawFileExpected = "a JSON object {\"name\", \"form\": \"chinchilla\", \"E\", \"A\", \"B\", \"alpha\", \"beta\", \"source\"} or {\"name\", \"form\": \"power\", \"parametersCoefficient\", \"parametersExponent\", \"tokensCoefficient\", \"tokensExponent\", \"computeUnit\": \"flop\", \"source\"}, at the top level or under \"law\"";

    /// <summary>The problem when a JSON file does not parse.</summary>
    public static string MalformedJson(string fileName, long? line, long? column) =>
        line is null
            ? $"{fileName}: is not valid JSON"
            : FormattableString.Invariant($"{fileName}: is not valid JSON at line {line + 1}, column {column + 1}");

    /// <summary>What a law's E, A, B, α, β must allow: a finite, positive compute-optimal frontier.</summary>
    public const string FrontierExpected = "constants whose compute-optimal frontier N_opt = G·(C/6)^a, D_opt = (C/6)^b/G has a finite G > 0 (α·A and β·B within about 300 orders of magnitude of each other)";

    /// <summary>The hint for the lower-case keys a, b, e of an inline law.</summary>
    public const string LogSpaceHint = "a, b, e are the log-space constants: give A, B, E, or logA, logB, logE";

    /// <summary>The problem when exp of a log-space constant is not usable.</summary>
    public static string LogOutOfRange(string key, double value) =>
        value == 0
            ? $"makes {key} = exp(log{key}) 0 (it underflows)"
            : $"makes {key} = exp(log{key}) infinite (it overflows)";

    /// <summary>What a log-space constant must be.</summary>
    public static string LogExpected(bool allowZero) =>
        allowZero ? "a natural logarithm below 709" : "a natural logarithm between -708 and 709";

    /// <summary>The problem when a law lacks a loss function.</summary>
    public static string HasNoLoss(string id) =>
        $"'{id}' predicts no loss, only a compute-optimal frontier";
}
