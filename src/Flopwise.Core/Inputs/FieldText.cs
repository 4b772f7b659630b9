using System.Text;

namespace Flopwise.Inputs;

/// <summary>
/// Field names inside Core's texts. Core never spells a field the way one front end does (<c>--gpus</c> in the CLI,
/// <c>gpus</c> on the web, <c>serving.gpus</c> in a scenario file): a text refers to a field as <c>{=gpus}</c>
/// (<see cref="Ref"/>), and each front end renders the reference in its own spelling (<see cref="Render(string, Func{string, string})"/>).
/// </summary>
/// <remarks>A reference is <c>{=</c>, a kebab-case name of lowercase letters, digits and hyphens, and <c>}</c>. Thread-safe.</remarks>
public static class FieldText
{
    /// <summary>Gets the reference to a field, for use inside a Core text.</summary>
    /// <param name="name">The field's kebab-case name, e.g. <c>sweep-gpus</c>.</param>
    /// <returns>The reference, e.g. <c>{=sweep-gpus}</c>.</returns>
    public static string Ref(string name) => "{=" + name + "}";

    /// <summary>Replaces every field reference in <paramref name="text"/> with <paramref name="spell"/> of its name.</summary>
    /// <param name="text">A Core text.</param>
    /// <param name="spell">The front end's spelling of a kebab-case name, e.g. <c>n =&gt; "--" + n</c>.</param>
    /// <returns>The text as the front end shows it; the same instance when it holds no reference.</returns>
    public static string Render(string text, Func<string, string> spell)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spell);
        int at = text.IndexOf("{=", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var rendered = new StringBuilder(text.Length + 16);
        int from = 0;
        while (at >= 0)
        {
            int end = at + 2;
            while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || char.IsAsciiDigit(text[end]) || text[end] == '-'))
            {
                end++;
            }

            if (end == at + 2 || end >= text.Length || text[end] != '}')
            {
                rendered.Append(text, from, end - from);
                from = end;
            }
            else
            {
                rendered.Append(text, from, at - from).Append(spell(text[(at + 2)..end]));
                from = end + 1;
            }

            at = text.IndexOf("{=", from, StringComparison.Ordinal);
        }

        return rendered.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>Renders the field and the texts of an error with <paramref name="spell"/>.</summary>
    /// <param name="error">A Core error (its field kebab-case).</param>
    /// <param name="spell">The front end's spelling of a kebab-case name.</param>
    /// <returns>The error as the front end shows it.</returns>
    public static FieldError Render(FieldError error, Func<string, string> spell)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Field = spell(error.Field),
            Problem = Render(error.Problem, spell),
            Got = Render(error.Got, spell),
            Expected = Render(error.Expected, spell),
        };
    }

    /// <summary>Gets the camelCase form of a kebab-case name (<c>sweep-gpus</c> → <c>sweepGpus</c>); a name without hyphens is unchanged.</summary>
    /// <param name="kebab">The name.</param>
    /// <returns>The camelCase name.</returns>
    public static string CamelCase(string kebab)
    {
        ArgumentNullException.ThrowIfNull(kebab);
        if (!kebab.Contains('-', StringComparison.Ordinal))
        {
            return kebab;
        }

        string[] parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
