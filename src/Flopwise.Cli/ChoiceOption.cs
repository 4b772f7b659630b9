using System.CommandLine;

namespace Flopwise.Cli;

/// <summary>
/// An option whose value is one of a fixed set of names (<c>--dtype bf16</c>, <c>--recompute full</c>), parsed by a
/// Core parser; an unknown name is a one-line error listing the choices and suggesting the closest.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
internal sealed class ChoiceOption<T>
    where T : struct
{
    private readonly Option<string> _option;
    private readonly TryParser _parse;
    private readonly IReadOnlyList<string> _names;

    public ChoiceOption(Command command, string name, string description, IReadOnlyList<string> names, TryParser parse)
    {
        _names = names;
        _parse = parse;
        _option = new Option<string>(name)
        {
            Description = description + " One of: " + string.Join(", ", names) + ".",
            HelpName = string.Join('|', names),
        };
        command.Add(_option);
    }

    public delegate bool TryParser(string? text, out T value);

    public string Name => _option.Name;

    /// <summary>Gets the parsed value, or <see langword="null"/> when the option was not given.</summary>
    public T? Get(ParseResult parse)
    {
        string? text = parse.GetValue(_option);
        if (text is null)
        {
            return null;
        }

        if (_parse(text, out T value))
        {
            return value;
        }

        string? closest = Flopwise.Inputs.Suggestions.Closest(text, _names).FirstOrDefault();
        string expected = "one of " + string.Join(", ", _names) + (closest is null ? string.Empty : $"; did you mean {closest}?");
        throw new UsageException(ErrorText.ForOption(_option.Name, "is unknown", InputOptions.Quote(text), expected));
    }
}
