using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <content>Preparing an evaluation: the inputs resolved, checked and noted, and the roofline built.</content>
public static partial class ServingModel
{
    private static Outcome<Setup> Prepare(ServingRequest request, bool forSweep)
    {
        var inputs = new ResolvedInputs();
        double t = inputs.Use(ServingInputs.Gpus, request.Gpus);
        double? batchGiven = inputs.UseOptional(ServingInputs.Batch, request.Batch);
        double p = inputs.Use(ServingInputs.PromptTokens, request.PromptTokens);
        double o = inputs.Use(ServingInputs.OutputTokens, request.OutputTokens);
        double? computeGiven = inputs.UseOptional(ServingInputs.ComputeEfficiency, request.ComputeEfficiency);
        double? bandwidthGiven = inputs.UseOptional(ServingInputs.BandwidthEfficiency, request.BandwidthEfficiency);
        double? priceGiven = inputs.UseOptional(ServingInputs.PricePerGpuHour, request.PricePerGpuHour);
        double? powerGiven = inputs.UseOptional(ServingInputs.PowerWatts, request.PowerWatts);
        double pue = inputs.Use(ServingInputs.Pue, request.Pue);
        double? ttftGiven = inputs.UseOptional(ServingInputs.MaxTtftMs, request.MaxTtftMs);
        double? tpotGiven = inputs.UseOptional(ServingInputs.MaxTpotMs, request.MaxTpotMs);
        double? requests = inputs.UseOptional(ServingInputs.Requests, request.Requests);
        double? tokensPerRequest = inputs.UseOptional(ServingInputs.TokensPerRequest, request.TokensPerRequest);
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        ModelShape? model = request.Model;
        GpuSpec? gpu = request.Gpu;
        inputs.RequireModelAndGpu(model, gpu);

        bool targets = ttftGiven is not null || tpotGiven is not null || request.LatencyClass is not null;
        if (targets && batchGiven is not null)
        {
            inputs.AddError(new FieldError("batch", "cannot be combined with a latency target, which chooses the batch", InputSpec.Format(batchGiven.Value), "--batch, or --max-ttft-ms / --max-tpot-ms / --latency-class"));
        }

        if (forSweep && (targets || batchGiven is not null))
        {
            string field = batchGiven is not null ? "batch" : ttftGiven is not null ? "max-ttft-ms" : tpotGiven is not null ? "max-tpot-ms" : "latency-class";
            inputs.AddError(new FieldError(field, "cannot be combined with --sweep-batch, which sets the batches", batchGiven is double bg ? InputSpec.Format(bg) : "given", "--sweep-batch alone"));
        }

        if (tokensPerRequest is not null && requests is null)
        {
            inputs.AddError(new FieldError("tokens-per-request", "needs --requests (the volume it describes)", InputSpec.Format(tokensPerRequest.Value), "--requests R with it"));
        }

        if (inputs.HasErrors || model is null || gpu is null)
        {
            return Outcome<Setup>.Failure(inputs.Errors);
        }

        CheckLayout(inputs, model, gpu, t);
        if (p + o > model.ContextLength)
        {
            inputs.AddError(new FieldError(
                "prompt-tokens",
                $"plus --output-tokens {InputSpec.Format(o)} exceeds the {model.ContextLength.ToString(CultureInfo.InvariantCulture)}-token context of {model.Name}",
                InputSpec.Format(p),
                $"p + o at most {model.ContextLength.ToString(CultureInfo.InvariantCulture)}"));
        }

        DataType sixteen = gpu.DefaultTrainingType;
        DataType weights = request.WeightDtype ?? sixteen;
        DataType kv = request.KvDtype ?? sixteen;
        DataType compute = weights is DataType.Int8 or DataType.Int4 ? sixteen : weights;
        if (weights == DataType.Tf32)
        {
            inputs.AddError(new FieldError("weight-dtype", "is a compute mode, not a storage format", "tf32", "one of fp32, bf16, fp16, fp8, int8, int4"));
        }
        else if (!gpu.Supports(compute))
        {
            string has = string.Join(", ", new[] { DataType.Fp32, DataType.Bf16, DataType.Fp16, DataType.Fp8 }.Where(gpu.Supports).Select(DataTypes.Name));
            inputs.AddError(new FieldError("weight-dtype", $"has no dense peak on {gpu.Id}", DataTypes.Name(weights), $"one of {has}, int8, int4 (integers are dequantised to {DataTypes.Name(sixteen)})"));
        }

        if (kv == DataType.Tf32)
        {
            inputs.AddError(new FieldError("kv-dtype", "is a compute mode, not a storage format", "tf32", "one of fp32, bf16, fp16, fp8, int8, int4"));
        }

        if (inputs.HasErrors)
        {
            return Outcome<Setup>.Failure(inputs.Errors);
        }

        double computeEfficiency = computeGiven ?? (request.Efficiency == EfficiencyPreset.Measured ? ServingInputs.MeasuredComputeEfficiency : 1);
        double bandwidthEfficiency = bandwidthGiven ?? (request.Efficiency == EfficiencyPreset.Measured ? ServingInputs.MeasuredBandwidthEfficiency : 1);
        NoteEfficiency(inputs, ServingInputs.ComputeEfficiency, computeGiven, computeEfficiency, request.Efficiency);
        NoteEfficiency(inputs, ServingInputs.BandwidthEfficiency, bandwidthGiven, bandwidthEfficiency, request.Efficiency);

        double peak = gpu.DensePeak(compute)!.Value.FlopPerSecond;
        double plainPeak = gpu.DensePeak(weights == DataType.Fp32 ? DataType.Fp32 : sixteen)!.Value.FlopPerSecond;
        double plainBytes = weights == DataType.Fp32 ? 4 : 2;
        var hardware = new RooflineHardware(
            t,
            plainPeak * computeEfficiency,
            peak * computeEfficiency,
            gpu.MemoryBandwidth.BytesPerSecond * bandwidthEfficiency,
            gpu.InterconnectBandwidth is Bandwidth link ? link.BytesPerSecond / 2 : double.PositiveInfinity,
            DataTypes.BytesPerElement(weights),
            plainBytes,
            plainBytes,
            DataTypes.BytesPerElement(kv),
            request.Attention);
        var roofline = new InferenceRoofline(model, hardware);

        double? ttft = ttftGiven ?? (request.LatencyClass is LatencyClass c1 ? LatencyClasses.MaxTtftMs(c1) : null);
        double? tpot = tpotGiven ?? (request.LatencyClass is LatencyClass c2 ? LatencyClasses.MaxTpotMs(c2) : null);
        if (request.LatencyClass is LatencyClass latency)
        {
            inputs.Note(new Assumption
            {
                Name = "latencyClass",
                Label = "Latency class",
                Text = LatencyClasses.Name(latency),
                Description = $"{LatencyClasses.Describe(latency)}: time to first token at most {InputSpec.Format(LatencyClasses.MaxTtftMs(latency))} ms"
                    + (LatencyClasses.MaxTpotMs(latency) is double classTpot ? $", time per output token at most {InputSpec.Format(classTpot)} ms" : ", no per-token target")
                    + (ttftGiven is not null || tpotGiven is not null ? "; a target given replaces the class's" : string.Empty) + ".",
                Source = "seed 001 (latency classes); targets in docs/formulas.md, \"Serving\"",
                IsDefault = false,
            });
        }

        double? watts = powerGiven ?? gpu.Tdp?.Watts;
        double? price = priceGiven ?? gpu.Price?.PerHour.Usd;
        NoteCatalogDefaults(inputs, gpu, priceGiven, powerGiven);
        NoteConventions(inputs, model, gpu, t, weights, kv, compute, request.Attention, roofline);
        if (batchGiven is null && !targets && !forSweep)
        {
            inputs.Note(Assumption.ForInput(ServingInputs.Batch, 1, isDefault: true));
        }

        return Outcome<Setup>.Success(new Setup(
            model,
            gpu,
            roofline,
            hardware,
            inputs,
            t,
            batchGiven ?? 1,
            p,
            o,
            ttft,
            tpot,
            ttftGiven is null && tpotGiven is null ? request.LatencyClass : null,
            peak / gpu.MemoryBandwidth.BytesPerSecond,
            price,
            watts is double w ? w * pue : null,
            requests,
            tokensPerRequest));
    }
    private static void NoteEfficiency(ResolvedInputs inputs, InputSpec spec, double? given, double value, EfficiencyPreset preset)
    {
        if (given is not null)
        {
            return;
        }

        inputs.Note(Assumption.ForInput(spec, value, isDefault: true) with
        {
            Source = preset == EfficiencyPreset.Measured ? "--efficiency measured: " + ServingInputs.MeasuredSource : spec.Source,
        });
    }

    private static void NoteCatalogDefaults(ResolvedInputs inputs, GpuSpec gpu, double? priceGiven, double? powerGiven)
    {
        if (powerGiven is null && gpu.Tdp is Power tdp)
        {
            inputs.Note(new Assumption
            {
                Name = "powerWatts",
                Label = "Power per GPU",
                Value = tdp.Watts,
                Unit = "W",
                Description = $"Catalog TDP of {gpu.Id} (board power at full load), for the energy figures.",
                Source = gpu.Source,
                IsDefault = true,
            });
        }

        if (priceGiven is null && gpu.Price is GpuPrice catalogPrice)
        {
            inputs.Note(new Assumption
            {
                Name = "pricePerGpuHour",
                Label = "Price per GPU-hour",
                Value = catalogPrice.PerHour.Usd,
                Unit = "USD/GPU-h",
                Description = $"Catalog on-demand rental price of {gpu.Id} as of {catalogPrice.Date}; volatile, give --price-per-gpu-hour for a current one.",
                Source = catalogPrice.Source,
                IsDefault = true,
            });
        }
    }

    private static void NoteConventions(ResolvedInputs inputs, ModelShape model, GpuSpec gpu, double t, DataType weights, DataType kv, DataType compute, AttentionKernel attention, InferenceRoofline roofline)
    {
        inputs.Note(new Assumption
        {
            Name = "dtypes",
            Label = "Data types",
            Text = $"weights {DataTypes.Name(weights)}, KV cache {DataTypes.Name(kv)}, compute {DataTypes.Name(compute)}",
            Description = "Layer matrices in the weight dtype (integers dequantised into the compute dtype, so matmuls run at its dense peak); norms, biases, router, embeddings and output head unquantised; "
                + "activations 16-bit. Quantisation scales are not counted.",
            Source = "docs/formulas.md, \"Serving\" (data types)",
            IsDefault = true,
        });
        inputs.Note(new Assumption
        {
            Name = "roofline",
            Label = "Time model",
            Text = "per-operation roofline, summed",
            Description = $"Each operation takes max(FLOP ÷ ({DataTypes.Name(compute)} dense peak × ηc), bytes ÷ (bandwidth × ηm)); a phase is their sum, without overlap. "
                + "Prefill computes the logits of the last position only; a decode step reads every weight except the input embedding table (its b rows are gathered) and the KV cache at its context; "
                + "the time per output token is the mean over o steps at contexts p … p+o−1, and a request takes prefill + o steps.",
            Source = "Williams, Waterman and Patterson, \"Roofline\", CACM 2009; kipply, \"Transformer Inference Arithmetic\"; docs/formulas.md, \"Serving\"",
            IsDefault = true,
        });
        inputs.Note(new Assumption
        {
            Name = "attention",
            Label = "Attention kernel",
            Text = attention == AttentionKernel.Fused ? "fused (FlashAttention)" : "unfused (eager)",
            Description = attention == AttentionKernel.Fused
                ? "One kernel reads Q, K and V and writes the output; the scores stay on chip and masked tiles are skipped (causal prefill)."
                : "Scores, softmax and weighted sum are separate kernels over the full q × context score matrix, which is written and read back (non-causal FLOP, as LLM-Viewer counts).",
            IsDefault = attention == AttentionKernel.Fused,
        });
        if (t > 1)
        {
            inputs.Note(new Assumption
            {
                Name = "tensorParallel",
                Label = "Tensor parallelism",
                Text = string.Create(CultureInfo.InvariantCulture, $"{t} GPUs, {model.Heads / t} query and {roofline.KvHeadsPerGpu} KV heads each"),
                Description = $"Megatron-style: matrices, heads and vocabulary split t ways, norms replicated; two ring all-reduces per layer, 2·(t−1)/t × the activations over the one-way {gpu.InterconnectName} bandwidth "
                    + "(half the catalog's bidirectional figure), bandwidth only (no per-message latency) and not overlapped. With fewer KV heads than GPUs each GPU holds one KV head's cache (replicated), counted on every GPU.",
                Source = "Shoeybi et al. 2019, Megatron-LM (arXiv 1909.08053) §3; docs/formulas.md, \"Serving\"",
                IsDefault = false,
            });
        }

        if (model.IsMixtureOfExperts)
        {
            inputs.Note(new Assumption
            {
                Name = "mixtureOfExperts",
                Label = "Mixture of experts",
                Text = string.Create(CultureInfo.InvariantCulture, $"{model.ActiveExperts} of {model.Experts} experts per token; E·(1 − (1 − e/E)^n) experts read"),
                Description = "A step routing n tokens reads the expected number of distinct experts under uniform independent routing (all e active experts' weights at one token); every expert is held on every GPU.",
                IsDefault = true,
            });
        }

        inputs.Note(new Assumption
        {
            Name = "memoryCapacity",
            Label = "Memory",
            Text = "weights + KV cache at p + o + workspace ≤ GPU memory",
            Description = "All of the GPU's memory is usable (no framework reserve); the workspace is the largest operation's inputs and outputs in the prefill plus the fp32 logits.",
            IsDefault = true,
        });
    }

    private sealed record Setup(
        ModelShape Model,
        GpuSpec Gpu,
        InferenceRoofline Roofline,
        RooflineHardware Hardware,
        ResolvedInputs Inputs,
        double TensorParallel,
        double RequestedBatch,
        double PromptTokens,
        double OutputTokens,
        double? MaxTtftMs,
        double? MaxTpotMs,
        LatencyClass? TargetsFromClass,
        double RidgePoint,
        double? Price,
        double? FacilityWatts,
        double? Requests,
        double? TokensPerRequest)
    {
        public bool HasTargets => MaxTtftMs is not null || MaxTpotMs is not null;
    }
}
