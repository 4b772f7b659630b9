using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;
using Flopwise.Training;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise model</c>: parameter counts and FLOP per token of one architecture.</summary>
internal static class ModelCommand
{
    public const string Name = "model";

    public const string Description =
        "Parameters (total, active, non-embedding), FLOP per token under each convention, KV cache and weight bytes of a model.";

    public static void Configure(Command command, CliContext context)
    {
        var preset = new Argument<string?>("preset") { Description = "A model preset (same as --model).", Arity = ArgumentArity.ZeroOrOne };
        command.Add(preset);
        var model = new ModelOptions(command);
        var seq = new InputOptions(command, [TrainingInputs.Seq]);
        ChoiceOption<FlopConvention> convention = FlopConventionOption.Create(command);
        var output = new OutputOptions(command, csv: false, plotDescription: null);
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            ResolvedModel resolved = model.Resolve(parse, parse.GetValue(preset))
                ?? throw new UsageException(ErrorText.ForOption("--model", "is required", Flopwise.Messages.Nothing, "a preset (positional or --model), --hf-config FILE, or shape flags"));
            FlopConvention? chosen = convention.Get(parse);
            double? seqValue = seq.Collect(parse).Get(TrainingInputs.Seq);
            ModelReportResult result = CommandOutput.Unwrap(ModelReport.Evaluate(resolved, seqValue, chosen ?? FlopConvention.SixN, chosen is not null));
            CommandOutput.Write(context, format, $"Model {resolved.Shape.Name}", result);
            return CliApp.Ok;
        });
    }
}

/// <summary>The <c>--flop-convention 6n|model|causal</c> option.</summary>
internal static class FlopConventionOption
{
    public static ChoiceOption<FlopConvention> Create(Command command) => new(
        command,
        "--flop-convention",
        "How training FLOP are counted: 6n (C = 6·N·D, default), model (PaLM/Megatron: + non-causal attention 12·L·a·d·T per token), causal (+ half that).",
        FlopConventions.Names,
        FlopConventions.TryParse);
}
