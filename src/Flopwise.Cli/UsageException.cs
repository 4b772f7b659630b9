using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>Something is wrong with what the user gave; the CLI prints one line and exits with code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string line)
        : base(line)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a Core field error, naming the field as a CLI option.</summary>
    public static UsageException From(FieldError error) => new(ErrorText.ForField(error));
}
