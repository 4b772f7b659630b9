using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise loss</c>: the loss a scaling law predicts for N parameters on D tokens (U unique), and isoFLOP curves.</summary>
internal static class LossCommand
{
    private const string Title = "Predicted loss";
    private const string DefaultRange = "1e18:1e24";

    public const string Name = "loss";

    public const string Description =
        "The loss a scaling law predicts for a model of --params N trained on --tokens D (with --unique-tokens U: repeated "
        + "data, Muennighoff et al. 2023); with --plot, isoFLOP curves (loss against N at fixed compute, one per decade).";

    public static void Configure(Command command, CliContext context)
    {
        var law = new LawOptions(command);
        var inputs = new InputOptions(command, ScalingInputs.LossInputs);
        var range = new Option<string>("--compute-range")
        {
            Description = $"With --plot: one isoFLOP curve per decade of compute from FROM to TO FLOP (at most 200). Default {DefaultRange}.",
            HelpName = "FROM:TO",
        };
        command.Add(range);
        var output = new OutputOptions(
            command,
            csv: true,
            plotDescription: "Draw isoFLOP curves (loss against N at fixed C = 6·N·D, one per decade of --compute-range) to FILE.svg "
                + "or FILE.png; without --params and --tokens the curves' minima are written as rows.");
        command.SetAction(parse => Run(context, parse, law, inputs, range, output));
    }

    private static int Run(CliContext context, ParseResult parse, LawOptions lawOptions, InputOptions inputs, Option<string> rangeOption, OutputOptions output)
    {
        OutputFormat format = output.Format(parse);
        string? plotPath = output.PlotPath(parse);
        InputValues values = inputs.Collect(parse);
        LossRequest request = LossRequest.From(values);
        string? rangeText = parse.GetValue(rangeOption);
        if (rangeText is not null && plotPath is null)
        {
            throw new UsageException(ErrorText.ForOption("--compute-range", "needs --plot", rangeText, "--plot FILE.svg with --compute-range FROM:TO"));
        }

        var notes = new List<Assumption>();
        bool repeated = request.UniqueTokens is not null;
        lawOptions.RejectMixture(parse, "loss");
        ScalingLaw law = lawOptions.Resolve(
            parse,
            notes,
            repeated ? LawCatalog.DataConstrainedLawId : LawCatalog.DefaultLawId,
            repeated ? "No --law given: the data-constrained law, since --unique-tokens was given." : null);
        request = request with { Law = law, Notes = notes };

        if (plotPath is not null)
        {
            GeometricSweep sweep = GeometricSweep.Parse("compute-range", rangeText ?? DefaultRange, out FieldError? error) ?? throw UsageException.From(error!);
            IsoFlopCurves curves = CommandOutput.Unwrap(LossCalculator.IsoFlop(law, sweep, request.UniqueTokens, notes));
            Chart chart = rangeText is null ? curves.Chart with { Note = $"no --compute-range given: plotted {DefaultRange} FLOP" } : curves.Chart;
            if (request.Parameters is null && request.Tokens is null)
            {
                CommandOutput.SavePlot(context, format, chart, plotPath);
                LawOutput.WriteRows(context, format, $"Minima of the isoFLOP curves ({law.Id})", curves.Rows, curves.Assumptions, law);
                return CliApp.Ok;
            }

            LossResult withPlot = CommandOutput.Unwrap(LossCalculator.Evaluate(request));
            CommandOutput.SavePlot(context, format, chart, plotPath);
            LawOutput.Write(context, format, Title, withPlot, law);
            return CliApp.Ok;
        }

        LossResult result = CommandOutput.Unwrap(LossCalculator.Evaluate(request));
        LawOutput.Write(context, format, Title, result, law);
        return CliApp.Ok;
    }
}
