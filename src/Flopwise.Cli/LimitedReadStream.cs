namespace Flopwise.Cli;

/// <summary>
/// A read-only view of a stream that refuses to read past a byte limit: the read that would cross it throws a
/// <see cref="UsageException"/> with the given line, so a huge file (or <c>/dev/zero</c>) is refused, not read to its end.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string tooLarge) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        _read += read;
        return _read > limit ? throw new UsageException(tooLarge) : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
