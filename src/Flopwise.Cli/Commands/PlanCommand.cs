using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise plan</c>: the model that reaches a loss at the least training-plus-inference cost (Sardana and Frankle 2024).</summary>
internal static class PlanCommand
{
    private const string Title = "Inference-aware plan";

    public const string Name = "plan";

    public const string Description =
        "Find the model that reaches a target loss (--target-loss, or --reference-params with --reference-tokens) at the least "
        + "lifetime cost, training 6·N·D plus inference 2·N·I FLOP for --inference-tokens I (Sardana & Frankle 2024), compared with "
        + "the compute-optimal model of equal loss; with training and inference prices, in dollars. --params fixes N and "
        + "solves for the tokens; --sweep-inference varies I. Chinchilla-form laws only (default epoch).";

    public static void Configure(Command command, CliContext context)
    {
        var law = new LawOptions(command);
        var inputs = new InputOptions(command, PlanInputs.Planner);
        var gpu = new GpuOptions(command, null);
        var sweep = new Option<string>("--sweep-inference")
        {
            Description = "Plan one row per decade of lifetime inference tokens from FROM to TO (at most 200 rows), instead of --inference-tokens.",
            HelpName = "FROM:TO",
        };
        command.Add(sweep);
        var output = new OutputOptions(
            command,
            csv: true,
            plotDescription: "With --sweep-inference: draw the optimal parameters and tokens per parameter against inference tokens (log–log) to FILE.svg or FILE.png.");
        var uncertainty = new UncertaintyOptions(command);
        command.SetAction(parse => Run(context, parse, law, inputs, gpu, sweep, output, uncertainty));
    }

    private static int Run(CliContext context, ParseResult parse, LawOptions lawOptions, InputOptions inputs, GpuOptions gpu, Option<string> sweepOption, OutputOptions output, UncertaintyOptions uncertainty)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
        var notes = new List<Assumption>();
        ScalingLaw law = lawOptions.Resolve(parse, notes);
        Func<InputValues, ScalingLaw>? pick = lawOptions.Mixture(parse, notes, ref uncertain);
        PlanRequest request = PlanRequest.From(law, values) with { Gpu = gpu.Resolve(parse, notes), Notes = notes };
        string? sweepText = parse.GetValue(sweepOption);
        UncertaintyOptions.Reject(uncertain, "--sweep-inference", sweepText);
        if (uncertainty.TryRun(context, format, plotPath, $"{Title} ({lawOptions.Label(parse, law)})", parse, values, uncertain, v => CalculationOutcome.Widen(InferencePlanner.Evaluate(PlanRequest.From(pick?.Invoke(v) ?? law, v) with { Gpu = request.Gpu, Notes = notes }))))
        {
            return CliApp.Ok;
        }

        if (sweepText is null)
        {
            if (plotPath is not null)
            {
                throw new UsageException(ErrorText.ForOption("--plot", "needs --sweep-inference", InputOptions.Quote(plotPath), "--sweep-inference FROM:TO with --plot"));
            }

            PlanResult result = CommandOutput.Unwrap(InferencePlanner.Evaluate(request));
            LawOutput.Write(context, format, $"{Title} ({law.Id})", result, law);
            return CliApp.Ok;
        }

        GeometricSweep points = GeometricSweep.Parse("sweep-inference", sweepText, out FieldError? error) ?? throw UsageException.From(error!);
        PlanSweep swept = CommandOutput.Unwrap(InferencePlanner.Sweep(request, points));
        if (plotPath is not null)
        {
            CommandOutput.SavePlot(context, format, InferencePlanner.Chart(swept), plotPath);
        }

        LawOutput.WriteRows(context, format, $"{Title} by lifetime inference tokens ({law.Id})", [.. swept.Rows], swept.Assumptions, law);
        return CliApp.Ok;
    }
}
