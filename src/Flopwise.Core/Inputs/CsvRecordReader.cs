using System.Buffers;

namespace Flopwise.Inputs;

/// <summary>
/// A streaming RFC 4180 record reader over a <see cref="TextReader"/>: quoted fields (with <c>""</c> escapes, commas
/// and line breaks inside), LF or CRLF line ends, a leading byte-order mark. It keeps one 64 Ki-char buffer and the
/// current record, so memory does not grow with the file.
/// </summary>
/// <remarks>
/// Why hand-rolled rather than CsvHelper: Core has no package dependencies, and the errors must name the physical
/// line (header = line 1) and column of a bad value. Speed is not the reason: on a 1,000,000-row, 7-column file
/// (112 MB, 2 shared vCPUs) this reader took 1.4–1.9 s and 115 MB peak working set against CsvHelper 34.0.0's
/// span API at 1.1–1.5 s and 88 MB, both within the 2 s / 300 MB target. The fast path copies an unquoted line once
/// and splits it on commas; quoted fields and lines across buffer boundaries take the general path.
/// Not thread-safe.
/// </remarks>
internal sealed class CsvRecordReader
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<char> Special = SearchValues.Create(",\r\n\"\0");
    private static readonly SearchValues<char> LineEndOrQuote = SearchValues.Create("\r\n\"\0");
    private static readonly SearchValues<char> QuoteOrNewline = SearchValues.Create("\"\n\0");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferSize];
    private int _position;
    private int _length;
    private bool _eof;
    private bool _first = true;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private int _line = 1;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>Gets the number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Gets the 1-based physical line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Gets a value indicating whether a NUL character was met (the file is binary, not text).</summary>
    public bool SawNul { get; private set; }

    /// <summary>Gets field <paramref name="index"/> of the current record.</summary>
    public ReadOnlySpan<char> Field(int index) => _record.AsSpan(_starts[index], _ends[index] - _starts[index]);

    /// <summary>Gets a value indicating whether the current record is a blank line.</summary>
    public bool IsBlank => FieldCount == 1 && _ends[0] == _starts[0];

    /// <summary>Reads the next record; <see langword="false"/> at the end of the input.</summary>
    public bool Read()
    {
        if (_position >= _length && !Fill())
        {
            return false;
        }

        if (_first)
        {
            _first = false;
            if (_buffer[_position] == '\uFEFF')
            {
                _position++;
                if (_position >= _length && !Fill())
                {
                    return false;
                }
            }
        }

        Line = _line;
        FieldCount = 0;
        _recordLength = 0;
        int fieldStart = 0;
        if (TryReadPlainLine())
        {
            return true;
        }

        while (true)
        {
            if (_position >= _length && !Fill())
            {
                EndField(ref fieldStart);
                return true;
            }

            ReadOnlySpan<char> rest = _buffer.AsSpan(_position, _length - _position);
            int at = rest.IndexOfAny(Special);
            if (at < 0)
            {
                Append(rest);
                _position = _length;
                continue;
            }

            Append(rest[..at]);
            _position += at + 1;
            switch (rest[at])
            {
                case ',':
                    EndField(ref fieldStart);
                    break;
                case '\n':
                    _line++;
                    EndField(ref fieldStart);
                    return true;
                case '\r':
                    _line++;
                    if ((_position < _length || Fill()) && _buffer[_position] == '\n')
                    {
                        _position++;
                    }

                    EndField(ref fieldStart);
                    return true;
                case '\0':
                    // Binary data: end the record here, so a file of NULs (/dev/zero) is refused at once, not read to its end.
                    SawNul = true;
                    EndField(ref fieldStart);
                    return true;
                default:
                    ReadQuoted();
                    break;
            }
        }
    }

    /// <summary>The fast path: a whole line without quotes inside the buffer is copied once and split on commas.</summary>
    private bool TryReadPlainLine()
    {
        ReadOnlySpan<char> rest = _buffer.AsSpan(_position, _length - _position);
        int end = rest.IndexOfAny(LineEndOrQuote);
        if (end < 0 || rest[end] is '"' or '\0')
        {
            return false;
        }

        int consumed = end + 1;
        if (rest[end] == '\r')
        {
            if (end + 1 >= rest.Length)
            {
                return false;
            }

            consumed += rest[end + 1] == '\n' ? 1 : 0;
        }

        Append(rest[..end]);
        _position += consumed;
        _line++;
        int start = 0;
        while (true)
        {
            int comma = _record.AsSpan(start, _recordLength - start).IndexOf(',');
            int fieldEnd = comma < 0 ? _recordLength : start + comma;
            AddField(start, fieldEnd);
            if (comma < 0)
            {
                return true;
            }

            start = fieldEnd + 1;
        }
    }

    private void ReadQuoted()
    {
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                return;
            }

            ReadOnlySpan<char> rest = _buffer.AsSpan(_position, _length - _position);
            int at = rest.IndexOfAny(QuoteOrNewline);
            if (at < 0)
            {
                Append(rest);
                _position = _length;
                continue;
            }

            Append(rest[..at]);
            _position += at + 1;
            char c = rest[at];
            if (c == '\n')
            {
                _line++;
                Append("\n");
            }
            else if (c == '\0')
            {
                SawNul = true;
                return;
            }
            else if ((_position < _length || Fill()) && _buffer[_position] == '"')
            {
                _position++;
                Append("\"");
            }
            else
            {
                return;
            }
        }
    }

    private void EndField(ref int fieldStart)
    {
        AddField(fieldStart, _recordLength);
        fieldStart = _recordLength;
    }

    private void AddField(int start, int end)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _starts[FieldCount] = start;
        _ends[FieldCount] = end;
        FieldCount++;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        if (_recordLength + chars.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        }

        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _position = 0;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        if (_length == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }
}
