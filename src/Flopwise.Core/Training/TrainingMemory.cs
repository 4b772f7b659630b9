using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>
/// Estimates training memory per GPU: weights, gradients and optimizer state under tensor, pipeline and ZeRO data
/// parallelism, plus activations (Korthikanti et al. 2022), for the most loaded GPU.
/// </summary>
/// <remarks>
/// <para>Layout (docs/formulas.md): data-parallel degree N_d = n/(t·p). Each pipeline stage holds ⌈L/p⌉ layers; tensor
/// parallelism splits the layers' matrices by t and replicates their norms; it shards the input embedding and the
/// output layer by vocabulary (Megatron). The input embedding (and a learned position table) sit on the first stage,
/// the final norm and the output layer on the last (a tied table is duplicated there when p &gt; 1).</para>
/// <para>Model state (ZeRO, Rajbhandari et al. 2019): weights and gradients in the training dtype, optimizer state
/// K bytes per parameter (mixed-precision AdamW 12), sharded across N_d by stage. Activations (Korthikanti et al.
/// 2022, Table 2): the first stage holds L layers' worth under 1F1B (× (1 + (p−1)/(p·m)) interleaved), the last
/// ⌈L/p⌉ layers' worth plus the fp32 logits 4·s·b·V/t. The GPU reported is the more loaded of the two. Mixture-of-
/// experts layers keep all experts on every tensor-parallel rank (no expert parallelism).</para>
/// </remarks>
public static class TrainingMemory
{
    /// <summary>Evaluates the estimate, validating the layout.</summary>
    /// <param name="request">The layout.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<MemoryResult> Evaluate(MemoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double n = inputs.Use(MemoryInputs.Gpus, request.Gpus);
        double t = inputs.Use(MemoryInputs.TensorParallel, request.TensorParallel);
        double p = inputs.Use(MemoryInputs.PipelineParallel, request.PipelineParallel);
        double m = inputs.Use(MemoryInputs.Interleave, request.Interleave);
        double zeroStage = inputs.Use(MemoryInputs.Zero, request.Zero);
        double b = inputs.Use(MemoryInputs.MicroBatch, request.MicroBatch);
        double? seqGiven = inputs.UseOptional(MemoryInputs.Seq, request.Seq);
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        ModelShape? model = request.Model;
        GpuSpec? gpu = request.Gpu;
        inputs.RequireModelAndGpu(model, gpu);

        if (inputs.HasErrors || model is null || gpu is null)
        {
            return Outcome<MemoryResult>.Failure(inputs.Errors);
        }

        int zero = (int)zeroStage;

        CheckLayout(inputs, model, n, t, p, m);
        DataType dtype = request.DataType ?? gpu.DefaultTrainingType;
        if (dtype is not (DataType.Bf16 or DataType.Fp16 or DataType.Fp32))
        {
            inputs.AddError(new FieldError("dtype", "is not a training dtype for weights and gradients", DataTypes.Name(dtype), "one of bf16, fp16, fp32"));
        }
        else if (!gpu.Supports(dtype))
        {
            string has = string.Join(", ", new[] { DataType.Bf16, DataType.Fp16, DataType.Fp32 }.Where(gpu.Supports).Select(DataTypes.Name));
            inputs.AddError(new FieldError("dtype", $"has no dense peak on {gpu.Id}", DataTypes.Name(dtype), "one of " + has));
        }

        if (inputs.HasErrors)
        {
            return Outcome<MemoryResult>.Failure(inputs.Errors);
        }

        double s = seqGiven ?? model.DefaultSequenceLength;
        if (seqGiven is null)
        {
            inputs.Note(Assumption.ForInput(MemoryInputs.Seq, s, isDefault: true) with { Source = $"training context of {model.Name}" });
        }

        double dataParallel = n / (t * p);
        double h = model.DModel;
        double layersPerStage = Math.Ceiling(model.Layers / p);
        Embedding embedding = model.Embedding;
        OutputHead outputHead = model.Head;
        double sharded = model.Attention.Parameters + model.MlpBlock.Parameters;
        double replicated = model.Norms.Parameters;
        double layerParameters = layersPerStage * ((sharded / t) + replicated);
        double table = embedding.TableParameters / t;
        double positions = embedding.PositionParameters;
        double head = outputHead.Tied && p == 1 ? 0 : table;
        double finalNorm = outputHead.FinalNorm.ParametersPerNorm;
        double first = layerParameters + table + positions + (p == 1 ? head + finalNorm : 0);
        double last = layerParameters + head + finalNorm;

        bool mixed = dtype != DataType.Fp32;
        double bytes = DataTypes.BytesPerElement(dtype);
        double k = ModelStateMemory.OptimizerBytesPerParameter(request.Optimizer, mixed);
        double perLayer = ActivationMemory.PerLayer(model.Attention, s, b, t, request.SequenceParallel, request.Recompute, request.FlashAttention);
        double logits = ActivationMemory.LogitsBytes(s, b, model.Vocab, t);
        double firstActivations = (perLayer * ActivationMemory.FirstStageLayers(p * layersPerStage, p, m)) + (p == 1 ? logits : 0);
        double lastActivations = (perLayer * layersPerStage) + logits;

        (double Weights, double Gradients, double Optimizer) firstState = ModelStateMemory.PerGpu(first, bytes, bytes, k, zero, dataParallel);
        (double Weights, double Gradients, double Optimizer) lastState = ModelStateMemory.PerGpu(last, bytes, bytes, k, zero, dataParallel);
        double firstTotal = firstState.Weights + firstState.Gradients + firstState.Optimizer + firstActivations;
        double lastTotal = lastState.Weights + lastState.Gradients + lastState.Optimizer + lastActivations;
        bool reportFirst = p == 1 || firstTotal >= lastTotal;
        (double Weights, double Gradients, double Optimizer) state = reportFirst ? firstState : lastState;
        string stage = p == 1 ? "only" : reportFirst ? "first" : "last";

        inputs.Note(new Assumption
        {
            Name = "reportedGpu",
            Label = "GPU reported",
            Text = p == 1 ? "every GPU (one pipeline stage)" : $"{stage} pipeline stage (the more loaded)",
            Description = "The most loaded GPU: the first stage holds L layers' worth of activations under 1F1B, the last the output layer and its fp32 logits.",
            IsDefault = true,
        });
        inputs.Note(new Assumption
        {
            Name = "memoryModel",
            Label = "Memory model",
            Text = string.Create(CultureInfo.InvariantCulture, $"{DataTypes.Name(dtype)} weights and gradients, {request.Optimizer} K = {k} B/param, ZeRO-{zero}"),
            Description = "Weights and gradients in the training dtype; optimizer state K bytes per parameter (fp32 master, moments); ZeRO shards across the data-parallel group. "
                + "Activations use Korthikanti et al.'s GPT-block constants (16-bit activations, 1-byte dropout masks); for SwiGLU blocks without dropout they are an approximation.",
            Source = "Rajbhandari et al. 2019 (arXiv 1910.02054); Korthikanti et al. 2022 (arXiv 2205.05198), Table 2",
            IsDefault = true,
        });
        if (model.IsMixtureOfExperts)
        {
            inputs.Note(new Assumption
            {
                Name = "mixtureOfExperts",
                Label = "Mixture of experts",
                Text = "all experts on every TP rank; one MLP's activations per token",
                Description = "Every expert's weights sit on every tensor-parallel rank (no expert parallelism), and activations are counted as for one dense MLP per token, "
                    + "an underestimate for top-e routing, which stores e experts' MLP activations.",
                IsDefault = true,
            });
        }

        inputs.Note(new Assumption
        {
            Name = "parallelism",
            Label = "Parallelism",
            Text = string.Create(CultureInfo.InvariantCulture, $"TP {t} × PP {p} × DP {dataParallel}; recompute {request.Recompute.ToString().ToLowerInvariant()}; sequence parallel {(request.SequenceParallel ? "on" : "off")}; FlashAttention {(request.FlashAttention ? "on" : "off")}"),
            Description = "Data parallelism is n ÷ (t·p).",
            IsDefault = false,
        });

        return Outcome<MemoryResult>.Success(new MemoryResult
        {
            ParametersPerGpu = reportFirst ? first : last,
            DataParallel = dataParallel,
            Weights = ByteCount.FromBytes(state.Weights),
            Gradients = ByteCount.FromBytes(state.Gradients),
            Optimizer = ByteCount.FromBytes(state.Optimizer),
            Activations = ByteCount.FromBytes(reportFirst ? firstActivations : lastActivations),
            GpuMemory = gpu.Memory,
            Stage = stage,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Computes the estimate for a valid request.</summary>
    /// <param name="request">The layout.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The inputs are invalid.</exception>
    public static MemoryResult Compute(MemoryRequest request) => Evaluate(request).GetValueOrThrow();

    private static void CheckLayout(ResolvedInputs inputs, ModelShape model, double n, double t, double p, double m)
    {
        string Format(double v) => InputSpec.Format(v);
        if (model.Heads % t != 0)
        {
            inputs.AddError(new FieldError("tp", $"does not divide the {model.Heads} query heads", Format(t), "a divisor of " + model.Heads.ToString(CultureInfo.InvariantCulture)));
        }

        if (model.KvHeads % t != 0)
        {
            inputs.AddError(new FieldError("tp", $"does not divide the {model.KvHeads} key/value heads (Megatron requires it)", Format(t), "a divisor of " + model.KvHeads.ToString(CultureInfo.InvariantCulture)));
        }

        if (p > model.Layers)
        {
            inputs.AddError(new FieldError("pp", $"exceeds the {model.Layers} layers", Format(p), "at most " + model.Layers.ToString(CultureInfo.InvariantCulture)));
        }

        if (n % (t * p) != 0)
        {
            inputs.AddError(new FieldError("gpus", $"is not a multiple of t·p = {Format(t * p)}", Format(n), $"a multiple of {Format(t * p)}"));
        }

        if (m > 1 && p == 1)
        {
            inputs.AddError(new FieldError("interleave", "needs pipeline parallelism (--pp > 1)", Format(m), "1 when --pp is 1"));
        }
        else if (m > 1 && model.Layers % (p * m) != 0)
        {
            inputs.AddError(new FieldError("interleave", $"does not split the {model.Layers} layers into {Format(p)} stages × {Format(m)} equal chunks", Format(m), "a value with layers divisible by pp × interleave"));
        }
    }
}
