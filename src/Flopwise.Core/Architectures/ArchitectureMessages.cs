using System.Globalization;

namespace Flopwise.Architectures;

/// <summary>The texts of the model-shape, catalog and config-import messages, so that tests can assert exact strings.</summary>
internal static class ArchitectureMessages
{
    /// <summary>The <c>expected</c> text when a count is out of range.</summary>
    public static string WholeNumber(int maximum) =>
        string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to {maximum}");

    /// <summary>The problem when the KV heads do not divide the query heads.</summary>
    public static string MustDivideHeads(int heads) =>
        string.Create(CultureInfo.InvariantCulture, $"must divide heads ({heads})");

    /// <summary>The <c>expected</c> text when the KV heads do not divide the query heads.</summary>
    public static string DivisorOf(int heads) =>
        string.Create(CultureInfo.InvariantCulture, $"a divisor of {heads} (1 for multi-query, {heads} for multi-head attention)");

    /// <summary>The problem when a head count does not divide a width (config import without a head-width key).</summary>
    public static string MustDivide(string widthKey, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"must divide {widthKey} ({width})");

    /// <summary>The <c>expected</c> text for <see cref="MustDivide"/>.</summary>
    public static string DivisorOf(string widthKey, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"a divisor of {widthKey} ({width})");

    /// <summary>The <c>expected</c> text when d_head cannot default to h/a.</summary>
    public static string DHeadNeeded(int dModel, int heads) =>
        string.Create(CultureInfo.InvariantCulture, $"a head width, since heads ({heads}) does not divide d-model ({dModel})");

    /// <summary>The problem when a shape has more than <see cref="ModelShape.MaxParameters"/> parameters.</summary>
    public const string TooManyParameters = "makes the model larger than 1e18 parameters";

    /// <summary>The <c>expected</c> text for <see cref="TooManyParameters"/>.</summary>
    public const string AtMostParameters = "a shape with at most 1e18 parameters";

    /// <summary>The problem when a JSON key is missing.</summary>
    public static string KeyMissing(string fileName, string key) => $"{fileName}: key '{key}' is missing";

    /// <summary>The problem when a JSON key has the wrong type or value.</summary>
    public static string KeyInvalid(string fileName, string key) => $"{fileName}: key '{key}' is not valid";

    /// <summary>The problem when a JSON document does not parse.</summary>
    public static string MalformedJson(string fileName, long? line, long? bytePosition) =>
        line is null
            ? $"{fileName}: is not valid JSON"
            : string.Create(CultureInfo.InvariantCulture, $"{fileName}: is not valid JSON (line {line + 1}, position {bytePosition + 1})");
}
