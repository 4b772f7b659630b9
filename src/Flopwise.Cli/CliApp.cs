using System.CommandLine;
using Flopwise.Cli.Commands;

namespace Flopwise.Cli;

/// <summary>
/// The <c>flopwise</c> command line: parses, reports bad input as one line with exit code 2, runs the command,
/// and turns any unexpected failure into one line with exit code 1 (never a stack trace).
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int UsageError = 2;

    /// <summary>
    /// Every command: name, description, and how to add its options and action: first the calculators declared in Core
    /// (<see cref="Flopwise.Calculators.CalculatorCatalog"/>, each built by <see cref="DeclaredCommand"/>), then the
    /// commands not yet declared there. The lambdas keep the command types (and the assemblies their rendering code uses,
    /// such as Spectre.Console) unloaded until a command is invoked.
    /// </summary>
    private static readonly (string Name, string Description, Action<Command, CliContext> Configure)[] Commands =
    [
        .. Flopwise.Calculators.CalculatorCatalog.All.Select(calculator =>
            (calculator.Name, ErrorText.Render(calculator.Description), (Action<Command, CliContext>)((c, x) => DeclaredCommand.Configure(c, x, calculator)))),
        (ModelsCommand.Name, ModelsCommand.Description, static (c, x) => ModelsCommand.Configure(c, x)),
        (GpusCommand.Name, GpusCommand.Description, static (c, x) => GpusCommand.Configure(c, x)),
        (ServeCommand.Name, ServeCommand.Description, static (c, x) => ServeCommand.Configure(c, x)),
        (BudgetCommand.Name, BudgetCommand.Description, static (c, x) => BudgetCommand.Configure(c, x)),
        (OptimalCommand.Name, OptimalCommand.Description, static (c, x) => OptimalCommand.Configure(c, x)),
        (PlanCommand.Name, PlanCommand.Description, static (c, x) => PlanCommand.Configure(c, x)),
        (CompareCommand.Name, CompareCommand.Description, static (c, x) => CompareCommand.Configure(c, x)),
        (FitCommand.Name, FitCommand.Description, static (c, x) => FitCommand.Configure(c, x)),
        (ScenarioCommand.Name, ScenarioCommand.Description, static (c, x) => ScenarioCommand.Configure(c, x)),
    ];

    /// <summary>
    /// Builds the command tree. Only the command named by <paramref name="args"/> gets its options and action; the
    /// others are name and description only (enough for the root help and for suggesting a mistyped command), which
    /// keeps start-up cheap as commands are added.
    /// </summary>
    public static RootCommand BuildRoot(CliContext context, IReadOnlyList<string>? args = null)
    {
        string? target = args?.FirstOrDefault(a => !a.StartsWith('-'));
        var root = new RootCommand(
            "Flopwise: answers, with sourced numbers, the questions people ask when they reason about AI in FLOP. "
            + "Every command prints a table (or --json), and lists the assumptions and sources behind its numbers.");
        foreach ((string name, string description, Action<Command, CliContext> configure) in Commands)
        {
            var command = new Command(name, description);
            if (args is null || name == target)
            {
                configure(command, context);
            }

            root.Add(command);
        }

        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.SetAction(_ => root.Parse("--help").Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error }));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, bool isTerminal)
    {
        try
        {
            var context = new CliContext(output, error, isTerminal);
            RootCommand root = BuildRoot(context, args);
            ParseResult parse = root.Parse(args);
            string? problem = ParseErrors.Describe(parse);
            if (problem is not null)
            {
                return Fail(error, "error: " + problem, UsageError);
            }

            int code = parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
            output.Flush();
            return code;
        }
        catch (UsageException e)
        {
            return Fail(error, "error: " + e.Message, UsageError);
        }
        catch (OutputWriteException e)
        {
            return Fail(error, "error: " + e.Message, InternalError);
        }
#pragma warning disable CA1031 // The CLI's last line of defence: one line, exit code 1, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(error, $"error: internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}", InternalError);
        }
    }

    /// <summary>
    /// Prints the error line (control characters escaped, length bounded) and returns <paramref name="code"/>; when
    /// stderr itself cannot be written (a full disk, <c>/dev/full</c>), the line is lost and the exit code is 1.
    /// </summary>
    private static int Fail(TextWriter error, string line, int code)
    {
        try
        {
            error.WriteLine(ErrorText.Line(line));
            error.Flush();
            return code;
        }
        catch (IOException)
        {
            return InternalError;
        }
    }
}

/// <summary><c>flopwise --version</c>: the version and the date of each embedded catalog.</summary>
internal sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(Flopwise.Reporting.Provenance.Version);
        foreach ((string _, string label, string date) in Flopwise.Reporting.Provenance.Sources())
        {
            output.WriteLine($"{label}: {date}");
        }

        return 0;
    }
}
