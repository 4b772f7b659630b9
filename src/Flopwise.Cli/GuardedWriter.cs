using System.Text;

namespace Flopwise.Cli;

/// <summary>
/// Standard output as the commands see it: every write that fails with an <see cref="IOException"/> (a full disk,
/// <c>/dev/full</c>) becomes an <see cref="OutputWriteException"/> naming the stream, which the CLI reports as
/// "cannot write stdout" with exit code 1.
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, string name) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        string text = buffer.ToString();
        Guard(() => inner.Write(text));
    }

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputWriteException($"cannot write {name} ({e.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')})", e);
        }
    }
}
