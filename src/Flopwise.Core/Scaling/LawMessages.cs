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

    /// <summary>The problem when a law lacks a loss function.</summary>
    public static string HasNoLoss(string id) =>
        $"'{id}' predicts no loss, only a compute-optimal frontier";
}
