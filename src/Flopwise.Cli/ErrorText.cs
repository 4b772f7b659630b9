using System.Globalization;
using System.Text;
using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>The one-line error forms of the CLI: <c>--option: problem (got X; expected Y)</c>.</summary>
internal static class ErrorText
{
    /// <summary>The longest error line the CLI prints; longer lines (a long file name in several places) are cut.</summary>
    public const int MaxLineLength = 2000;

    /// <summary>A Core error in the CLI's spelling: <c>--field: problem (got X; expected Y)</c>, field references as options.</summary>
    public static string ForField(FieldError error)
    {
        FieldError rendered = FieldText.Render(error, Spell);
        return (rendered.Got.Length == 0 ? rendered with { Got = "''" } : rendered).ToString();
    }

    /// <summary>A Core text in the CLI's spelling: each field reference <c>{=name}</c> becomes <c>--name</c>.</summary>
    public static string Render(string text) => FieldText.Render(text, Spell);

    /// <summary>The CLI's spelling of a field: its option.</summary>
    public static string Spell(string name) => "--" + name;

    public static string ForOption(string option, string problem, string got, string expected) =>
        $"{option}: {problem} (got {got}; expected {expected})";

    /// <summary>
    /// The line as printed: any control character left in it (a file name, a message from the system) escaped as
    /// <see cref="FieldError.Echo"/> does, and the line cut to <see cref="MaxLineLength"/> characters, so one line it stays.
    /// </summary>
    public static string Line(string message)
    {
        bool plain = message.Length <= MaxLineLength && !message.Any(char.IsControl);
        if (plain)
        {
            return message;
        }

        var builder = new StringBuilder(Math.Min(message.Length, MaxLineLength) + 16);
        foreach (char c in message)
        {
            if (builder.Length >= MaxLineLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' when char.IsControl(c) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
