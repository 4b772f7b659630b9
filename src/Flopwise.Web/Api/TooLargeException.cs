using System.Globalization;

namespace Flopwise.Web.Api;

/// <summary>An uploaded file or a body is over its size limit: the API answers 413 with a problem naming the field.</summary>
internal sealed class TooLargeException : Exception
{
    public TooLargeException(string field, long? bytes)
        : base(string.Create(CultureInfo.InvariantCulture, $"{field}: is too large (got {(bytes is long b ? b + " bytes" : "more")}; expected at most {CalculatorEndpoints.MaxFileBytes:N0} bytes)"))
    {
        Field = field;
    }

    public TooLargeException()
        : this("body", (long?)null)
    {
    }

    public TooLargeException(string message)
        : base(message)
    {
        Field = "body";
    }

    public TooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "body";
    }

    public string Field { get; } = "body";
}
