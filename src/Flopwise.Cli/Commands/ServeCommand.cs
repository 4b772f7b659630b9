using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Serving;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise serve</c>: prefill and decode latency, throughput, memory and cost of serving a model.</summary>
internal static class ServeCommand
{
    private const string Title = "Serving";

    public const string Name = "serve";

    public const string Description =
        "Serving a model on GPUs: time to first token and per output token from a per-operation roofline, KV cache and "
        + "the largest batch and context that fit, throughput, and cost and energy per million tokens; latency targets "
        + "pick the batch. (seed 001)";

    public static void Configure(Command command, CliContext context)
    {
        var model = new ModelOptions(command);
        var gpu = new GpuOptions(command, dtypeDescription: null);
        var inputs = new InputOptions(command, ServingInputs.All);
        string[] storage = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"];
        var weightDtype = new ChoiceOption<DataType>(command, "--weight-dtype", "Dtype of the layer matrices; default the GPU's 16-bit type (int8 and int4 are dequantised into it for compute).", storage, DataTypes.TryParse);
        var kvDtype = new ChoiceOption<DataType>(command, "--kv-dtype", "Dtype of the KV cache; default the GPU's 16-bit type.", storage, DataTypes.TryParse);
        var attention = new ChoiceOption<AttentionKernel>(command, "--attention", "Attention kernel: fused (default; FlashAttention, causal prefill) or unfused (eager: full score matrix written and read, as LLM-Viewer counts).", ["fused", "unfused"], EnumNames.TryParse);
        var efficiency = new ChoiceOption<EfficiencyPreset>(command, "--efficiency", "Efficiency preset for the efficiencies not given: roofline (default; ηc = ηm = 1) or measured (ηc 0.70, ηm 0.75; A100 kernel profiles).", ["roofline", "measured"], EnumNames.TryParse);
        var latency = new ChoiceOption<LatencyClass>(command, "--latency-class", "Latency targets of seed 001's product classes: keystroke (TTFT ≤ 200 ms, TPOT ≤ 10 ms), interactive (2 s, 100 ms) or batch (TTFT ≤ 30 s); the largest batch meeting them is chosen.", ["keystroke", "interactive", "batch"], EnumNames.TryParse);
        var sweep = new Option<string>("--sweep-batch")
        {
            Description = "One row per doubling of the batch from FROM to TO (at most 200 rows); batches that do not fit are left out and counted.",
            HelpName = "FROM:TO",
        };
        command.Add(sweep);
        var uncertainty = new UncertaintyOptions(command);
        var output = new OutputOptions(command, csv: true, plotDescription: "With --sweep-batch: draw output tokens/s per GPU against tokens/s per user, one point per batch, with the ridge point marked, to FILE.svg or FILE.png.");
        command.SetAction(parse =>
        {
            OutputFormat format = output.Format(parse);
            string? plotPath = output.PlotPath(parse);
            var notes = new List<Assumption>();
            ResolvedModel? resolved = model.Resolve(parse);
            if (resolved is not null)
            {
                notes.AddRange(resolved.Notes);
            }

            InputValues values = inputs.Collect(parse, out IReadOnlyList<Flopwise.Uncertainty.UncertainInput> uncertain);
            var template = new ServingRequest
            {
                Model = resolved?.Shape,
                Gpu = gpu.Resolve(parse, notes),
                WeightDtype = weightDtype.Get(parse),
                KvDtype = kvDtype.Get(parse),
                Attention = attention.Get(parse) ?? AttentionKernel.Fused,
                Efficiency = efficiency.Get(parse) ?? EfficiencyPreset.Roofline,
                LatencyClass = latency.Get(parse),
                Notes = notes,
            };
            ServingRequest Sampled(InputValues v) => template.WithNumbers(v);
            ServingRequest request = Sampled(values);
            string? sweepText = parse.GetValue(sweep);
            UncertaintyOptions.Reject(uncertain, "--sweep-batch", sweepText);
            if (uncertainty.TryRun(context, format, plotPath, Title, parse, values, uncertain, v => CalculationOutcome.Widen(ServingModel.Evaluate(Sampled(v)))))
            {
                return CliApp.Ok;
            }

            if (sweepText is null)
            {
                if (plotPath is not null)
                {
                    throw new UsageException(ErrorText.ForOption("--plot", "needs --sweep-batch (the plot is the batch trade-off)", InputOptions.Quote(plotPath), "--sweep-batch FROM:TO with --plot"));
                }

                CommandOutput.Write(context, format, Title, CommandOutput.Unwrap(ServingModel.Evaluate(request)));
                return CliApp.Ok;
            }

            GeometricSweep batches = GeometricSweep.ParseDoubling("sweep-batch", sweepText, out FieldError? error) ?? throw UsageException.From(error!);
            if (batches.Points.Any(b => b != Math.Floor(b)))
            {
                throw new UsageException(ErrorText.ForOption("--sweep-batch", "has a batch that is not a whole number", sweepText, "whole numbers FROM:TO, e.g. 1:512"));
            }

            ServingSweep swept = CommandOutput.Unwrap(ServingModel.Sweep(request, batches.Points));
            if (plotPath is not null)
            {
                CommandOutput.SavePlot(context, format, ServingModel.Chart(swept), plotPath);
            }

            CommandOutput.WriteRows(context, format, Title, [.. swept.Rows.Select(r => r.SweepRow)], swept.ReportedAssumptions);
            return CliApp.Ok;
        });
    }
}
