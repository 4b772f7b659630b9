using Flopwise.Architectures;
using Flopwise.Calculators;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>The declarations of the training calculators: <c>model</c>, <c>memory</c> and <c>train</c>.</summary>
public static class TrainingCalculators
{
    private const string TrainTitle = "Training run";

    /// <summary>Gets the <c>flop-convention</c> field: how training FLOP are counted.</summary>
    public static Field FlopConventionField { get; } = new()
    {
        Name = "flop-convention",
        Kind = FieldKind.Choice,
        Label = "FLOP convention",
        Description = "How training FLOP are counted: 6n (C = 6·N·D, default), model (PaLM/Megatron: + non-causal attention 12·L·a·d·T per token), causal (+ half that).",
        Choices = FlopConventions.Names,
        Advanced = true,
    };

    /// <summary>Gets the <c>recompute</c> field: activation recomputation.</summary>
    public static Field RecomputeField { get; } = new()
    {
        Name = "recompute",
        Kind = FieldKind.Choice,
        Label = "Activation recomputation",
        Description = "Activation recomputation: none (default), selective (re-run the attention matmuls), full (re-run each layer's forward pass).",
        Choices = RecomputeModes.Names,
        Advanced = true,
    };

    /// <summary>Gets <c>model</c>: parameters and FLOP per token of one architecture.</summary>
    public static Calculator Model { get; } = new()
    {
        Name = "model",
        Title = "Model",
        Summary = "How many parameters (total, active, non-embedding), FLOP per token, KV cache and weight bytes does a model have?",
        Description = "Parameters (total, active, non-embedding), FLOP per token under each convention, KV cache and weight bytes of a model.",
        Group = CalculatorGroup.Train,
        Fields =
        [
            ModelFields.Preset with { Positional = true },
            .. ModelFields.All.Skip(1),
            Field.Number(TrainingInputs.Seq, advanced: true),
            FlopConventionField,
        ],
        Primary = ["model"],
        Evaluate = static inputs =>
        {
            ResolvedModel? resolved = ModelFields.Read(inputs);
            FlopConvention? convention = inputs.Choice<FlopConvention>(FlopConventionField.Name, FlopConventions.TryParse);
            inputs.Complete();
            if (resolved is null)
            {
                throw new InputErrorsException(new FieldError("model", "is required", Messages.Nothing, "a preset (positional or {=model}), {=hf-config} FILE, or shape flags"));
            }

            ModelReportResult result = InputErrorsException.Unwrap(ModelReport.Evaluate(resolved, inputs.Values.Get(TrainingInputs.Seq), convention ?? FlopConvention.SixN, convention is not null));
            return CalculatorAnswer.Single($"Model {resolved.Shape.Name}", result);
        },
    };

    /// <summary>Gets <c>memory</c>: per-GPU training memory of the most loaded GPU, and whether it fits.</summary>
    public static Calculator Memory { get; } = new()
    {
        Name = "memory",
        Title = "Training memory per GPU",
        Summary = "Does my training layout fit? Weights, gradients, optimizer state and activations of the most loaded GPU.",
        Description = "Per-GPU training memory (weights, gradients, optimizer state, activations) of the most loaded GPU under "
            + "tensor, pipeline and ZeRO data parallelism, and whether it fits. Activations follow Korthikanti et al. 2022.",
        Group = CalculatorGroup.Train,
        Fields =
        [
            .. ModelFields.All,
            .. GpuFields.All,
            GpuFields.DataType("Training dtype of weights and gradients: bf16 (default), fp16 or fp32."),
            .. Field.Numbers(MemoryInputs.All),
            RecomputeField,
            new Field
            {
                Name = "sequence-parallel",
                Kind = FieldKind.Flag,
                Label = "Sequence parallelism",
                Description = "Shard the non-tensor-parallel activations across the TP group (Korthikanti et al. 2022).",
                Advanced = true,
            },
            new Field
            {
                Name = "flash-attention",
                Kind = FieldKind.Flag,
                Label = "FlashAttention",
                Description = "FlashAttention: the a·s² attention matrices are not stored.",
                Advanced = true,
            },
            new Field
            {
                Name = "optimizer",
                Kind = FieldKind.Choice,
                Label = "Optimizer",
                Description = "Optimizer whose state is kept: adamw (default; 12 B/param in mixed precision) or sgd (momentum; 8 B/param).",
                Choices = ["adamw", "sgd"],
                Advanced = true,
            },
        ],
        Primary = ["model", "gpu", "gpus", "tp", "pp", "zero", "micro-batch"],
        Evaluate = EvaluateMemory,
    };

    /// <summary>Gets <c>train</c>: time, GPU-hours, MFU, cost, energy and CO2e of a training run, with a sweep of cluster sizes and a plot.</summary>
    public static Calculator Train { get; } = new()
    {
        Name = "train",
        Title = TrainTitle,
        Summary = "How long, how many GPU-hours, what MFU, cost, energy and CO2e does a training run take?",
        Description = "Account for a training run. Give the work ({=model} P {=tokens} D, {=params} N {=tokens} D, or {=flop} C), the hardware "
            + "({=gpu} ID {=gpus} n, or {=peak-tflops}), and one efficiency or duration ({=mfu}, {=achieved-tflops}, "
            + "{=tokens-per-second-per-gpu}, {=gpu-hours}, or {=days}); the rest is derived. Without any, MFU is 0.375.",
        Group = CalculatorGroup.Train,
        Fields =
        [
            .. ModelFields.All,
            .. GpuFields.All,
            GpuFields.DataType("Data type of the matrix arithmetic; default bf16 (fp16 on GPUs without bf16, such as the V100)."),
            .. Field.Numbers(TrainingInputs.All, distribution: true),
            FlopConventionField,
            RecomputeField,
            GridFields.Grid,
            new Field
            {
                Name = "sweep-gpus",
                Kind = FieldKind.Sweep,
                Label = "Sweep of cluster sizes, FROM:TO GPUs (instead of GPUs; draws a plot)",
                Description = "Evaluate one row per doubling of the cluster size, FROM, 2·FROM, 4·FROM, … up to TO GPUs (at most 200 rows), instead of {=gpus}.",
                HelpName = "FROM:TO",
                Advanced = true,
            },
        ],
        TakesDistributions = true,
        Csv = true,
        PlotDescription = "With {=sweep-gpus}: draw wall time and cost against cluster size to FILE.svg or FILE.png.",
        PlotWhen = "sweep-gpus",
        Primary = ["model", "gpu", "params", "tokens", "flop", "gpus", "mfu", "days", "price-per-gpu-hour"],
        Evaluate = EvaluateTrain,
    };

    /// <summary>Parses an optimizer: <c>adamw</c> (or <c>adam</c>) or <c>sgd</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>Whether the text names one.</returns>
    public static bool TryParseOptimizer(string? text, out Optimizer optimizer)
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

    private static CalculatorAnswer EvaluateMemory(CalculatorInputs inputs)
    {
        ResolvedModel? resolved = ModelFields.Read(inputs);
        GpuSpec? gpu = GpuFields.Read(inputs);
        DataType? dataType = GpuFields.ReadDataType(inputs);
        Recompute? recompute = inputs.Choice<Recompute>(RecomputeField.Name, RecomputeModes.TryParse);
        bool sequenceParallel = inputs.Flag("sequence-parallel");
        bool flash = inputs.Flag("flash-attention");
        Optimizer? optimizer = inputs.Choice<Optimizer>("optimizer", TryParseOptimizer);
        inputs.Complete();
        MemoryRequest request = MemoryRequest.From(inputs.Values) with
        {
            Model = resolved?.Shape,
            Gpu = gpu,
            DataType = dataType,
            Recompute = recompute ?? Recompute.None,
            SequenceParallel = sequenceParallel,
            FlashAttention = flash,
            Optimizer = optimizer ?? Optimizer.AdamW,
            Notes = [.. inputs.Notes],
        };
        return CalculatorAnswer.Single("Training memory per GPU", InputErrorsException.Unwrap(TrainingMemory.Evaluate(request)));
    }

    private static CalculatorAnswer EvaluateTrain(CalculatorInputs inputs)
    {
        ResolvedModel? resolved = ModelFields.Read(inputs);
        GpuSpec? gpu = GpuFields.Read(inputs);
        DataType? dataType = GpuFields.ReadDataType(inputs);
        FlopConvention? convention = inputs.Choice<FlopConvention>(FlopConventionField.Name, FlopConventions.TryParse);
        Recompute? recompute = inputs.Choice<Recompute>(RecomputeField.Name, RecomputeModes.TryParse);
        GridRegion? grid = GridFields.Read(inputs);
        string? sweepText = inputs.Text("sweep-gpus");
        inputs.Complete();
        IReadOnlyList<Assumption> notes = [.. inputs.Notes];
        TrainingRequest Sampled(InputValues v) => TrainingRequest.From(v) with
        {
            Model = resolved?.Shape,
            Gpu = gpu,
            DataType = dataType,
            Convention = convention ?? FlopConvention.SixN,
            ConventionGiven = convention is not null,
            Recompute = recompute ?? Recompute.None,
            Grid = grid,
            Notes = notes,
        };
        GridFields.RejectWithIntensity(inputs, grid, TrainingInputs.GridIntensity);
        inputs.RejectWithDistribution("sweep-gpus", sweepText);
        if (inputs.MonteCarlo(v => CalculationOutcome.Widen(TrainingAccounting.Evaluate(Sampled(v)))) is CalculatorAnswer sampled)
        {
            return sampled;
        }

        TrainingRequest request = Sampled(inputs.Values);
        if (sweepText is null)
        {
            TrainingResult result = InputErrorsException.Unwrap(TrainingAccounting.Evaluate(request));
            return CalculatorAnswer.Single(TrainTitle, result, static () => throw new InputErrorsException(new FieldError("plot", "needs {=sweep-gpus}", "{=plot}", "{=sweep-gpus} FROM:TO with {=plot}")));
        }

        if (request.Gpus is not null)
        {
            throw new InputErrorsException(new FieldError("sweep-gpus", "cannot be combined with {=gpus}", sweepText, "either {=gpus} n or {=sweep-gpus} FROM:TO"));
        }

        GeometricSweep points = GeometricSweep.ParseDoubling("sweep-gpus", sweepText, out FieldError? error) ?? throw new InputErrorsException(error!);
        foreach (double n in points.Points)
        {
            if (TrainingInputs.Gpus.Check(n) is FieldError bad)
            {
                throw new InputErrorsException(bad with { Field = "sweep-gpus", Problem = "has a cluster size that " + bad.Problem, Got = sweepText });
            }
        }

        IReadOnlyList<TrainingResult> rows = InputErrorsException.Unwrap(TrainingAccounting.Sweep(request, points));
        return CalculatorAnswer.Table(TrainTitle + " by cluster size", rows, rows[0].Assumptions.Where(a => a.Name != "gpus").ToList(), () => TrainingAccounting.Chart(rows));
    }
}
