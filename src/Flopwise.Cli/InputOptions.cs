using System.CommandLine;
using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Uncertainty;

namespace Flopwise.Cli;

/// <summary>
/// The numeric options of a command, built from Core's <see cref="InputSpec"/>s: one <c>--name</c> option per input,
/// whose help text gives the meaning, unit, default and source, and whose values are parsed by Core's
/// <see cref="NumberText"/> into <see cref="InputValues"/>.
/// </summary>
internal sealed class InputOptions
{
    private readonly List<(InputSpec Spec, Option<string> Option)> _options = [];

    public InputOptions(Command command, IEnumerable<InputSpec> specs)
    {
        foreach (InputSpec spec in specs)
        {
            var option = new Option<string>("--" + spec.Name)
            {
                Description = Describe(spec),
                HelpName = spec.Unit.Length == 0 ? "number" : spec.Unit,
            };
            command.Add(option);
            _options.Add((spec, option));
        }
    }

    /// <summary>Collects the given values; throws <see cref="UsageException"/> for text that is not a number.</summary>
    public InputValues Collect(ParseResult parseResult)
    {
        InputValues values = InputValues.Empty;
        foreach ((InputSpec spec, Option<string> option) in _options)
        {
            string? text = parseResult.GetValue(option);
            if (text is null)
            {
                continue;
            }

            if (!NumberText.TryParse(text, out double value, out string? problem))
            {
                throw new UsageException(ErrorText.ForOption(option.Name, problem!, Quote(text), spec.Expected));
            }

            values = values.With(spec, value);
        }

        return values;
    }

    /// <summary>
    /// Collects the given values, where any value may be a distribution (<c>1e25..1e27</c>, <c>normal(0.4, 0.05)</c>);
    /// those go to <paramref name="uncertain"/> instead of the values. Throws <see cref="UsageException"/> for text that
    /// is neither.
    /// </summary>
    public InputValues Collect(ParseResult parseResult, out IReadOnlyList<UncertainInput> uncertain)
    {
        InputValues values = InputValues.Empty;
        var found = new List<UncertainInput>();
        foreach ((InputSpec spec, Option<string> option) in _options)
        {
            string? text = parseResult.GetValue(option);
            if (text is null)
            {
                continue;
            }

            if (NumberOrDistribution.Read(spec, text, out double? value, out UncertainInput? distribution) is FieldError error)
            {
                throw new UsageException(ErrorText.ForOption(option.Name, error.Problem, Quote(text), error.Expected));
            }

            if (distribution is not null)
            {
                found.Add(distribution);
            }
            else
            {
                values = values.With(spec, value!.Value);
            }
        }

        uncertain = found;
        return values;
    }

    /// <summary>Formats a default for help: plain below 1e5, else <c>1e+07</c> style.</summary>
    public static string FormatDefault(double value) => Math.Abs(value) >= 1e5
        ? value.ToString("0.######e+00", CultureInfo.InvariantCulture)
        : value.ToString("G", CultureInfo.InvariantCulture);

    public static string Quote(string text) => text.Length == 0 ? "''" : FieldError.Echo(text);

    public static string Describe(InputSpec spec)
    {
        string unit = spec.Unit.Length == 0 ? string.Empty : $" [{spec.Unit}]";
        string text = ErrorText.Render(spec.Description) + unit;
        if (spec.IsRequired)
        {
            return text + " Required.";
        }

        if (spec.Default is double d)
        {
            text += " Default " + FormatDefault(d) + ".";
            if (spec.Source is not null)
            {
                text += " Source: " + spec.Source + ".";
            }
        }

        return text;
    }
}
