using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>The one-line error forms of the CLI: <c>--option: problem (got X; expected Y)</c>.</summary>
internal static class ErrorText
{
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
}
