using System.CommandLine;
using Flopwise.Calculators;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Uncertainty;

namespace Flopwise.Cli.Commands;

/// <summary>
/// A command built from a Core <see cref="Calculator"/> declaration: one option per declared field (numbers with their
/// unit, default and source; names, choices, flags, sweeps, files), the output options, and an action that reads the
/// options through <see cref="CliFieldSource"/>, runs the calculator and writes its answer (table, JSON, CSV, plot),
/// running its Monte Carlo plan when an input is a distribution.
/// </summary>
internal static class DeclaredCommand
{
    public static void Configure(Command command, CliContext context, Calculator calculator)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        Argument<string?>? positional = null;
        foreach (Field field in calculator.AllFields)
        {
            if (field.Positional)
            {
                positional = new Argument<string?>(field.HelpName ?? field.Name)
                {
                    Description = $"{field.Label} (same as --{field.Name}).",
                    Arity = ArgumentArity.ZeroOrOne,
                };
                command.Add(positional);
            }

            Option option = Create(field);
            command.Add(option);
            options[field.Name] = option;
        }

        var output = new OutputOptions(command, calculator.Csv, calculator.PlotDescription is null ? null : ErrorText.Render(calculator.PlotDescription));
        command.SetAction(parse => Run(context, parse, calculator, new CliFieldSource(parse, options, positional, output.PlotPath(parse) is not null), output));
    }

    private static Option Create(Field field)
    {
        string name = "--" + field.Name;
        return field.Kind switch
        {
            FieldKind.Number => new Option<string>(name)
            {
                Description = InputOptions.Describe(field.Spec!),
                HelpName = field.Spec!.Unit.Length == 0 ? "number" : field.Spec.Unit,
            },
            FieldKind.Flag => new Option<bool>(name) { Description = ErrorText.Render(field.Description) },
            FieldKind.Choice => new Option<string>(name)
            {
                Description = ErrorText.Render(field.Description) + " One of: " + string.Join(", ", field.Choices) + ".",
                HelpName = string.Join('|', field.Choices),
            },
            _ when field.Repeats => new Option<string[]>(name)
            {
                Description = ErrorText.Render(field.Description),
                HelpName = field.HelpName,
                AllowMultipleArgumentsPerToken = false,
            },
            _ => new Option<string>(name) { Description = ErrorText.Render(field.Description), HelpName = field.HelpName },
        };
    }

    private static int Run(CliContext context, ParseResult parse, Calculator calculator, CliFieldSource source, OutputOptions output)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        CalculatorAnswer answer = Unwrap(calculator.Run(source));
        if (answer.MonteCarlo is MonteCarloPlan plan)
        {
            MonteCarloResult result = Unwrap(plan.Run());
            answer = CalculatorAnswer.Sampled(answer.Title, result, plan.Sensitivity);
            if (plotPath is not null && result.Outputs.Count > 0)
            {
                CommandOutput.SavePlot(context, format, Unwrap(answer.Plot()), plotPath);
                if (answer.HasTornado)
                {
                    string tornado = Path.Combine(Path.GetDirectoryName(plotPath) ?? string.Empty, Path.GetFileNameWithoutExtension(plotPath) + "-tornado" + Path.GetExtension(plotPath));
                    CommandOutput.SavePlot(context, format, Unwrap(answer.Tornado()), tornado);
                }
            }
        }
        else if (plotPath is not null)
        {
            CommandOutput.SavePlot(context, format, Unwrap(answer.Plot()), plotPath);
        }

        Write(context, format, answer);
        return CliApp.Ok;
    }

    private static void Write(CliContext context, OutputFormat format, CalculatorAnswer answer)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(answer.ToJson());
        }
        else if (answer.Rows is not null)
        {
            CommandOutput.WriteRows(context, format, answer.Title, answer.Rows, answer.RowAssumptions);
        }
        else
        {
            CommandOutput.Write(context, format, answer.Title, answer.Result!);
        }
    }

    private static T Unwrap<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Value ?? throw UsageException.From(outcome.Errors[0]);
}

/// <summary>The values of a declared command's options, as Core's <see cref="IFieldSource"/>: file fields are read here (Core sees their text).</summary>
internal sealed class CliFieldSource(ParseResult parse, IReadOnlyDictionary<string, Option> options, Argument<string?>? positional, bool plotting) : IFieldSource
{
    public bool Plotting => plotting;

    public string? Text(Field field)
    {
        Option option = options[field.Name];
        string? text = option is Option<string> single ? parse.GetValue(single) : null;
        if (field.Positional && positional is not null && parse.GetValue(positional) is string argument)
        {
            if (text is not null)
            {
                throw new UsageException(ErrorText.ForOption(option.Name, "is given twice (positionally and with " + option.Name + ")", text, "one model"));
            }

            text = argument;
        }

        return field.Kind == FieldKind.File && text is not null ? TextFiles.Read(option.Name, text) : text;
    }

    public IReadOnlyList<string> Texts(Field field) =>
        options[field.Name] is Option<string[]> many ? parse.GetValue(many) ?? [] : Text(field) is string one ? [one] : [];

    public bool Flag(Field field) => options[field.Name] is Option<bool> flag && parse.GetValue(flag);

    public string? FileName(Field field) => options[field.Name] is Option<string> single ? parse.GetValue(single) : null;

    /// <summary>Gets no errors: the CLI stops at the first problem it finds itself (<see cref="UsageException"/>).</summary>
    public IReadOnlyList<FieldError> Errors => [];
}
