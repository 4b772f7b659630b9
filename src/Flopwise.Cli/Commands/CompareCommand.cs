using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise compare</c>: training plans side by side over a model's lifetime (loss, FLOP, dollars, ratio to the cheapest).</summary>
internal static class CompareCommand
{
    /// <summary>Up to this many plans the table puts one plan per column (easier to compare); more get one plan per row.</summary>
    private const int MaximumSideBySide = 4;

    public const string Name = "compare";

    public const string Description =
        "Compare training plans --plan N:D (e.g. --plan 10B:200B --plan 3B:600B) over the model's lifetime: loss under a law "
        + "(default epoch), training 6·N·D and inference 2·N·I FLOP for --inference-tokens I or --requests R (with "
        + "--tokens-per-request T), dollars when priced (globally, or per plan: 10B:200B:training-usd=500K:usd-per-request=1e-4), "
        + "and each total relative to the cheapest. --match-loss extends later plans' tokens to the first plan's loss.";

    public static void Configure(Command command, CliContext context)
    {
        var law = new LawOptions(command);
        var plans = new Option<string[]>("--plan")
        {
            Description = "A plan N:D (parameters:tokens, suffixes K M B T), optionally with its own prices as :key=value: training-usd "
                + "(USD), usd-per-request (USD), usd-per-million-tokens (USD). Give --plan once per plan, at most 200.",
            HelpName = "N:D[:key=value…]",
            Arity = ArgumentArity.OneOrMore,
        };
        command.Add(plans);
        var matchLoss = new Option<bool>("--match-loss")
        {
            Description = "Solve every later plan's training tokens so that its loss equals the first plan's (more or fewer than given); "
                + "a plan too small to reach that loss is an error. Chinchilla-form laws only.",
        };
        command.Add(matchLoss);
        var inputs = new InputOptions(command, PlanInputs.Comparison);
        var gpu = new GpuOptions(command, null);
        var output = new OutputOptions(command, csv: true, plotDescription: null);
        var uncertainty = new UncertaintyOptions(command);
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
            if (parse.GetResult(plans) is { } given && given.IdentifierTokenCount > given.Tokens.Count)
            {
                throw new UsageException(ErrorText.ForOption("--plan", "needs a value", Messages.Nothing, PlanCandidate.Expected));
            }

            var candidates = new List<PlanCandidate>();
            foreach (string text in parse.GetValue(plans) ?? [])
            {
                candidates.Add(PlanCandidate.Parse(text, out FieldError? error) ?? throw UsageException.From(error!));
            }

            var notes = new List<Assumption>();
            ScalingLaw chosen = law.Resolve(parse, notes);
            Func<InputValues, ScalingLaw>? pick = law.Mixture(parse, notes, ref uncertain);
            PlanComparisonRequest request = PlanComparisonRequest.From(chosen, candidates, values) with
            {
                MatchLoss = parse.GetValue(matchLoss),
                Gpu = gpu.Resolve(parse, notes),
                Notes = notes,
            };
            string title = $"Plan comparison ({law.Label(parse, chosen)})";
            Outcome<ICalculationResult> Sampled(InputValues v)
            {
                Outcome<PlanComparisonResult> outcome = PlanComparison.Evaluate(PlanComparisonRequest.From(pick?.Invoke(v) ?? chosen, candidates, v) with
                {
                    MatchLoss = request.MatchLoss,
                    Gpu = request.Gpu,
                    Notes = notes,
                });
                return outcome.Value is PlanComparisonResult comparison
                    ? Outcome<ICalculationResult>.Success(new FlatComparison(comparison))
                    : Outcome<ICalculationResult>.Failure(outcome.Errors);
            }

            if (uncertainty.TryRun(context, format, null, title, parse, values, uncertain, Sampled))
            {
                return CliApp.Ok;
            }

            PlanComparisonResult result = CommandOutput.Unwrap(PlanComparison.Evaluate(request));
            if (format == OutputFormat.Table && result.Rows.Count <= MaximumSideBySide)
            {
                WriteSideBySide(TableOutput.CreateConsole(context.Output, context.IsTerminal), title, result);
            }
            else
            {
                LawOutput.WriteRows(context, format, title, [.. result.Rows], result.Assumptions, chosen);
            }

            return CliApp.Ok;
        });
    }

    /// <summary>One column per plan, one row per output (the fields are the same in every row), then the assumptions.</summary>
    private static void WriteSideBySide(IAnsiConsole console, string title, PlanComparisonResult result)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("Output");
        foreach (PlanComparisonRow row in result.Rows)
        {
            string[] parts = row.Candidate.Text.Split(':');
            table.AddColumn(new TableColumn(Markup.Escape($"Plan {row.Index}: {parts[0]}:{parts[1]}")).RightAligned());
        }

        table.AddColumn("Unit");
        IReadOnlyList<ResultField>[] fields = [.. result.Rows.Select(r => r.Fields)];
        for (int i = 0; i < fields[0].Count; i++)
        {
            ResultField first = fields[0][i];
            if (first.Key == "plan")
            {
                continue;
            }

            table.AddRow([new Text(first.Label), .. fields.Select(f => (IRenderable)new Text(NumberDisplay.Format(f[i]))), new Text(first.Unit)]);
        }

        console.Write(table);
        TableOutput.WriteAssumptions(console, result.Assumptions);
    }
}
