using System.Text.RegularExpressions;

namespace Flopwise.Tests.Shared;

/// <summary>
/// The names of the team's two note files, which are not part of this repository: no file, doc or printed source
/// may cite them. The names are built from parts so that this file does not contain them itself.
/// </summary>
public static partial class TeamNotes
{
    /// <summary>The file names themselves, matched ignoring case.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["REFER" + "ENCE" + ".md", "DES" + "IGN" + ".md"];

    /// <summary>Every mention in <paramref name="text"/>, as (line number, line), empty when there is none.</summary>
    public static IReadOnlyList<(int Line, string Text)> Mentions(string text)
    {
        var found = new List<(int, string)>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (Mentions(lines[i], out _))
            {
                found.Add((i + 1, lines[i].Trim()));
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="text"/> names either file; <paramref name="name"/> is the name found.</summary>
    public static bool Mentions(string text, out string name)
    {
        foreach (string file in FileNames)
        {
            if (text.Contains(file, StringComparison.OrdinalIgnoreCase))
            {
                name = file;
                return true;
            }
        }

        Match bare = BareName().Match(text);
        if (bare.Success)
        {
            name = bare.Value;
            return true;
        }

        name = string.Empty;
        return false;
    }

    // The bare upper-case names as citations use them ("… §5", "… conventions"): whole upper-case words only, so
    // "Reference/" (a test folder) or "reference" in prose is not a citation.
    [GeneratedRegex("(?<![A-Za-z_])(?:" + "REFER" + "ENCE|" + "DES" + "IGN" + ")(?![A-Za-z_])", RegexOptions.CultureInvariant)]
    private static partial Regex BareName();
}
