using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;
using Flopwise.Reporting;
using Flopwise.Training;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise memory</c>: per-GPU training memory and whether it fits.</summary>
internal static class MemoryCommand
{
    public const string Name = "memory";

    public const string Description =
        "Per-GPU training memory (weights, gradients, optimizer state, activations) of the most loaded GPU under "
        + "tensor, pipeline and ZeRO data parallelism, and whether it fits. Activations follow Korthikanti et al. 2022.";

    public static void Configure(Command command, CliContext context)
    {
        var model = new ModelOptions(command);
        var gpu = new GpuOptions(command, "Training dtype of weights and gradients: bf16 (default), fp16 or fp32.");
        var inputs = new InputOptions(command, MemoryInputs.All);
        var recompute = RecomputeOption.Create(command);
        var sequenceParallel = new Option<bool>("--sequence-parallel") { Description = "Shard the non-tensor-parallel activations across the TP group (Korthikanti et al. 2022)." };
        var flash = new Option<bool>("--flash-attention") { Description = "FlashAttention: the a·s² attention matrices are not stored." };
        command.Add(sequenceParallel);
        command.Add(flash);
        var optimizer = new ChoiceOption<Optimizer>(command, "--optimizer", "Optimizer whose state is kept: adamw (default; 12 B/param in mixed precision) or sgd (momentum; 8 B/param).", ["adamw", "sgd"], TryParseOptimizer);
        var output = new OutputOptions(command, csv: false, plotDescription: null);
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            var notes = new List<Assumption>();
            ResolvedModel? resolved = model.Resolve(parse);
            if (resolved is not null)
            {
                notes.AddRange(resolved.Notes);
            }

            MemoryRequest request = MemoryRequest.From(inputs.Collect(parse)) with
            {
                Model = resolved?.Shape,
                Gpu = gpu.Resolve(parse, notes),
                DataType = gpu.DataType(parse),
                Recompute = recompute.Get(parse) ?? Recompute.None,
                SequenceParallel = parse.GetValue(sequenceParallel),
                FlashAttention = parse.GetValue(flash),
                Optimizer = optimizer.Get(parse) ?? Optimizer.AdamW,
                Notes = notes,
            };
            MemoryResult result = CommandOutput.Unwrap(TrainingMemory.Evaluate(request));
            CommandOutput.Write(context, format, "Training memory per GPU", result);
            return CliApp.Ok;
        });
    }

    private static bool TryParseOptimizer(string? text, out Optimizer optimizer)
    {
        optimizer = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "adamw" or "adam":
                optimizer = Optimizer.AdamW;
                return true;
            case "sgd":
                optimizer = Optimizer.Sgd;
                return true;
            default:
                return false;
        }
    }
}
