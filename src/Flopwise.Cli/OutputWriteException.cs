namespace Flopwise.Cli;

/// <summary>Writing stdout, stderr or a plot failed (a full disk, a closed pipe, an unwritable device): exit code 1, "cannot write …".</summary>
internal sealed class OutputWriteException : Exception
{
    public OutputWriteException(string message)
        : base(message)
    {
    }

    public OutputWriteException()
    {
    }

    public OutputWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
