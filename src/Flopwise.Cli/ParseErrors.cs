using System.CommandLine;
using System.CommandLine.Parsing;
using Flopwise.Inputs;

namespace Flopwise.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into the CLI's single line, <c>--option: problem (got X; expected Y)</c>,
/// with the closest option or command suggested for a typo.
/// </summary>
internal static class ParseErrors
{
    public static string? Describe(ParseResult parse)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        Command command = parse.CommandResult.Command;
        foreach (string token in parse.UnmatchedTokens)
        {
            return token.StartsWith('-') ? UnknownOption(command, token) : UnexpectedArgument(command, token);
        }

        ParseError first = parse.Errors[0];
        if (first.SymbolResult is OptionResult optionResult)
        {
            Option option = optionResult.Option;
            int count = optionResult.Tokens.Count;
            string expected = option is Option<bool> ? "no value (a flag)" : "one value";
            return count == 0
                ? ErrorText.ForOption(option.Name, "needs a value", Messages.Nothing, expected)
                : ErrorText.ForOption(option.Name, "is given more than once or with more than one value", FieldError.Echo(string.Join(' ', optionResult.Tokens.Select(t => t.Value))), expected);
        }

        return first.Message;
    }

    private static string UnknownOption(Command command, string token)
    {
        string name = token.Split('=')[0];
        IEnumerable<string> candidates = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        string? closest = Suggestions.Closest(name, candidates).FirstOrDefault();
        string expected = closest is null ? $"an option of '{CommandPath(command)}' (see --help)" : $"an option of '{CommandPath(command)}'; did you mean {closest}?";
        return ErrorText.ForOption(FieldError.Echo(name), "unknown option", FieldError.Echo(token), expected);
    }

    private static string UnexpectedArgument(Command command, string token)
    {
        if (command is RootCommand || command.Subcommands.Count > 0)
        {
            string[] names = command.Subcommands.Select(c => c.Name).ToArray();
            string? closest = Suggestions.Closest(token, names).FirstOrDefault();
            string expected = "one of " + string.Join(", ", names) + (closest is null ? string.Empty : $"; did you mean {closest}?");
            return $"{FieldError.Echo(token)}: unknown command (got {FieldError.Echo(token)}; expected {expected})";
        }

        return $"{FieldError.Echo(token)}: unexpected argument (got {FieldError.Echo(token)}; expected options of '{CommandPath(command)}' only, each as --name value)";
    }

    private static string CommandPath(Command command) => command is RootCommand ? "flopwise" : "flopwise " + command.Name;
}
