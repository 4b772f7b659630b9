using System.Globalization;
using System.Text;

namespace Flopwise.Inputs;

/// <summary>
/// Makes a value the user gave safe and short to repeat in an error message: control characters (C0, DEL, C1, the
/// line and paragraph separators and the bidirectional overrides) are written as escapes (<c>\n</c>, <c>\u001B</c>), and
/// a value longer than <see cref="MaxLength"/> characters is cut, its total length said, so that an error never grows
/// with the input and never reaches a terminal or a page as raw control bytes.
/// </summary>
public static class EchoText
{
    /// <summary>The most characters an echoed value keeps (escapes and the cut's note included).</summary>
    public const int MaxLength = 80;

    /// <summary>Escapes the control characters of <paramref name="text"/> and cuts it to at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">The value as given.</param>
    /// <param name="maxLength">The most characters to return (at least 32).</param>
    /// <returns><paramref name="text"/> itself when it is short and has no control character; else the escaped, cut text,
    /// e.g. <c>aaaa… (900,000 characters)</c>.</returns>
    public static string Cut(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 32);
        if (text.Length <= maxLength && !text.Any(NeedsEscape))
        {
            return text;
        }

        // Escape piece by piece, remembering where each raw character's piece ends, until past the limit.
        var escaped = new StringBuilder(maxLength + 8);
        var ends = new List<int>(maxLength + 1);
        int taken = 0;
        for (; taken < text.Length && escaped.Length <= maxLength; taken++)
        {
            Append(escaped, text[taken]);
            ends.Add(escaped.Length);
        }

        if (taken == text.Length && escaped.Length <= maxLength)
        {
            return escaped.ToString();
        }

        string note = string.Create(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
        int keep = 0;
        for (int i = 0; i < ends.Count && ends[i] + note.Length <= maxLength; i++)
        {
            // Never end between the two halves of a surrogate pair.
            keep = char.IsHighSurrogate(text[i]) ? keep : i + 1;
        }

        int length = keep == 0 ? 0 : ends[keep - 1];
        return escaped.ToString(0, length) + note;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static void Append(StringBuilder to, char c)
    {
        switch (c)
        {
            case '\n':
                to.Append("\\n");
                break;
            case '\r':
                to.Append("\\r");
                break;
            case '\t':
                to.Append("\\t");
                break;
            default:
                if (NeedsEscape(c))
                {
                    to.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    to.Append(c);
                }

                break;
        }
    }
}
