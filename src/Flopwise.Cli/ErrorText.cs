using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>The one-line error forms of the CLI: <c>--option: problem (got X; expected Y)</c>.</summary>
internal static class ErrorText
{
    public static string ForField(FieldError error) => "--" + error.ToString();

    public static string ForOption(string option, string problem, string got, string expected) =>
        $"{option}: {problem} (got {got}; expected {expected})";
}
