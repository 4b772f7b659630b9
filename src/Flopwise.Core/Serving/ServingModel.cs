using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <summary>
/// Estimates serving: prefill and decode times from a per-operation roofline, memory (weights, KV cache, workspace),
/// the largest batch and context that fit, throughput, and cost and energy per million tokens.
/// </summary>
/// <remarks>
/// <para>
/// Each operation takes max(FLOP ÷ (dense peak × ηc), bytes ÷ (bandwidth × ηm)); a phase is the sum (Williams, Waterman
/// and Patterson, "Roofline", CACM 2009; docs/formulas.md, "Serving"). Prefill computes the logits of the last position
/// only; a decode step reads every weight except the input embedding table (its b rows are gathered) and the KV cache
/// at its context; the time per output token is the mean over o steps at contexts p … p+o−1. Integer weights are
/// dequantised into the compute dtype (docs/formulas.md, "Serving"), so matmuls run at its dense peak.
/// </para>
/// <para>
/// In serving a model that does not fit is an input error: it names the batch or GPU count and says what would fit.
/// </para>
/// </remarks>
public static class ServingModel
{
    private const double MaxSearchBatch = 1e6;

    /// <summary>Evaluates the estimate at the requested batch, or at the largest batch meeting the latency targets.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<ServingResult> Evaluate(ServingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Outcome<Setup> prepared = Prepare(request, forSweep: false);
        if (prepared.Value is not Setup setup)
        {
            return Outcome<ServingResult>.Failure(prepared.Errors);
        }

        double batch;
        if (setup.HasTargets)
        {
            FieldError? error = ChooseBatch(setup, out batch);
            if (error is not null)
            {
                return Outcome<ServingResult>.Failure([error]);
            }
        }
        else
        {
            batch = setup.RequestedBatch;
            if (Misfit(setup, batch) is FieldError error)
            {
                return Outcome<ServingResult>.Failure([error]);
            }
        }

        ServingResult result = At(setup, batch, withContextSearch: true);
        if (result.Fields.Any(f => f.Text is null && !double.IsFinite(f.Value)))
        {
            return Outcome<ServingResult>.Failure([new FieldError("batch", "makes a result non-finite", InputSpec.Format(batch), "a smaller batch or context")]);
        }

        return Outcome<ServingResult>.Success(result);
    }

    /// <summary>Computes the estimate for a valid request.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The inputs are invalid.</exception>
    public static ServingResult Compute(ServingRequest request) => Evaluate(request).GetValueOrThrow();

    /// <summary>Evaluates the estimate at each batch of a sweep that fits in memory.</summary>
    /// <param name="request">The question; its batch and latency targets must be unset.</param>
    /// <param name="batches">The batches, e.g. 1, 2, 4, … 512.</param>
    /// <returns>The rows that fit, the largest batch, the ridge batch and the assumptions; or the input errors.</returns>
    public static Outcome<ServingSweep> Sweep(ServingRequest request, IReadOnlyList<double> batches)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(batches);
        Outcome<Setup> prepared = Prepare(request, forSweep: true);
        if (prepared.Value is not Setup setup)
        {
            return Outcome<ServingSweep>.Failure(prepared.Errors);
        }

        double maxBatch = MaxBatch(setup);
        var rows = new List<ServingResult>();
        foreach (double b in batches)
        {
            if (b <= maxBatch)
            {
                rows.Add(At(setup, b, withContextSearch: false));
            }
        }

        if (rows.Count == 0)
        {
            double smallest = batches.Count == 0 ? 1 : batches.Min();
            FieldError misfit = Misfit(setup, smallest) ?? new FieldError("sweep-batch", "has no batch that fits", string.Empty, "batches up to " + InputSpec.Format(maxBatch));
            return Outcome<ServingSweep>.Failure([maxBatch >= 1
                ? new FieldError("sweep-batch", $"starts above the largest batch that fits ({InputSpec.Format(maxBatch)})", InputSpec.Format(smallest), "a range starting at or below " + InputSpec.Format(maxBatch))
                : misfit]);
        }

        double? ridge = RidgeBatch(setup);
        setup.Inputs.Note(new Assumption
        {
            Name = "maxBatch",
            Label = "Largest batch that fits",
            Value = maxBatch,
            Unit = "sequences",
            Description = "The largest batch whose weights, KV cache at p + o and workspace fit in one GPU's memory.",
            IsDefault = true,
        });
        if (ridge is double ridgeValue)
        {
            setup.Inputs.Note(new Assumption
            {
                Name = "ridgeBatch",
                Label = "Ridge batch",
                Value = ridgeValue,
                Unit = "sequences",
                Description = "The smallest batch at which a decode step's largest weight matmul turns compute-bound" + (ridgeValue > maxBatch ? ", beyond the largest batch that fits." : "."),
                IsDefault = true,
            });
        }

        return Outcome<ServingSweep>.Success(new ServingSweep
        {
            Rows = rows,
            MaxBatch = maxBatch,
            RidgeBatch = ridge,
            RidgeRow = ridge is double r && r <= maxBatch ? At(setup, r, withContextSearch: false) : null,
            OmittedBatches = batches.Count(b => b > maxBatch),
            Assumptions = setup.Inputs.Assumptions,
        });
    }

    /// <summary>Draws the batch trade-off of a sweep: output tokens/s per GPU against tokens/s per user, log–log, with the ridge batch marked.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The chart.</returns>
    public static Chart Chart(ServingSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var series = new List<ChartSeries>
        {
            new()
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"batch {sweep.Rows[0].Batch} … {sweep.Rows[^1].Batch}"),
                X = [.. sweep.Rows.Select(r => r.TokensPerSecondPerUser)],
                Y = [.. sweep.Rows.Select(r => r.TokensPerSecond / r.Gpus)],
            },
        };
        if (sweep.RidgeRow is ServingResult ridge)
        {
            series.Add(new ChartSeries
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"ridge: decode matmuls compute-bound from batch {ridge.Batch}"),
                X = [ridge.TokensPerSecondPerUser],
                Y = [ridge.TokensPerSecond / ridge.Gpus],
                Lines = false,
            });
        }

        ServingResult first = sweep.Rows[0];
        return new Chart
        {
            Title = "Serving: throughput against per-user speed",
            XLabel = "output tokens/s per user",
            YLabel = "output tokens/s per GPU",
            XLogarithmic = true,
            YLogarithmic = true,
            Series = series,
            LegendLowerLeft = true,
            Note = string.Create(CultureInfo.InvariantCulture, $"prompt {first.PromptTokens}, output {first.OutputTokens} tokens; {first.Gpus} GPU(s); largest batch that fits {sweep.MaxBatch}")
                + (sweep.RidgeBatch is double r && sweep.RidgeRow is null ? string.Create(CultureInfo.InvariantCulture, $"; ridge at batch {r}, beyond it") : string.Empty),
        };
    }

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

    private static void CheckLayout(ResolvedInputs inputs, ModelShape model, GpuSpec gpu, double t)
    {
        string tp = InputSpec.Format(t);
        if (model.Heads % t != 0)
        {
            inputs.AddError(new FieldError("gpus", $"does not divide the {model.Heads} query heads of {model.Name}", tp, "a divisor of " + model.Heads.ToString(CultureInfo.InvariantCulture)));
        }
        else if (model.KvHeads >= t && model.KvHeads % t != 0)
        {
            inputs.AddError(new FieldError("gpus", $"does not divide the {model.KvHeads} key/value heads of {model.Name}", tp, "a divisor of " + model.KvHeads.ToString(CultureInfo.InvariantCulture) + " or a multiple of it"));
        }
        else if (model.KvHeads < t && t % model.KvHeads != 0)
        {
            inputs.AddError(new FieldError("gpus", $"is not a multiple of the {model.KvHeads} key/value heads of {model.Name}, so they cannot be replicated evenly", tp, "a multiple of " + model.KvHeads.ToString(CultureInfo.InvariantCulture)));
        }

        if (t > 1 && gpu.InterconnectBandwidth is null)
        {
            inputs.AddError(new FieldError("gpus", $"needs an interconnect bandwidth, and the catalog has none for {gpu.Id}", tp, "1"));
        }
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

    private static ServingResult At(Setup s, double batch, bool withContextSearch)
    {
        StepCost prefill = s.Roofline.Prefill(batch, s.PromptTokens);
        StepCost decode = s.Roofline.MeanDecode(batch, s.PromptTokens, s.OutputTokens);
        double workspace = s.Roofline.WorkspaceBytes(batch, s.PromptTokens);
        double kvPerGpu = batch * (s.PromptTokens + s.OutputTokens) * s.Roofline.KvBytesPerTokenPerGpu;
        double weights = s.Roofline.WeightsBytesPerGpu;
        return new ServingResult
        {
            Batch = batch,
            Gpus = s.TensorParallel,
            PromptTokens = s.PromptTokens,
            OutputTokens = s.OutputTokens,
            PrefillSeconds = prefill.Seconds,
            DecodeSecondsPerToken = decode.Seconds,
            PrefillFlopPerGpu = prefill.Flop,
            DecodeFlopPerStepPerGpu = decode.Flop,
            DecodeBytesPerStepPerGpu = decode.Bytes,
            DecodeCommunicationSeconds = decode.CommunicationSeconds,
            PrefillComputeBound = prefill.IsComputeBound,
            DecodeComputeBound = decode.IsComputeBound,
            RidgePointFlopPerByte = s.RidgePoint,
            RidgeBatch = withContextSearch ? RidgeBatch(s) : null,
            WeightsBytes = weights * s.TensorParallel,
            KvCacheBytes = kvPerGpu * s.TensorParallel,
            KvCacheBytesPerToken = s.Roofline.KvBytesPerTokenPerGpu * s.TensorParallel,
            WorkspaceBytesPerGpu = workspace,
            MemoryPerGpuBytes = weights + kvPerGpu + workspace,
            GpuMemoryBytes = s.Gpu.Memory.Bytes,
            MaxBatch = MaxBatch(s),
            MaxContextTokens = withContextSearch ? MaxContext(s, batch) : s.PromptTokens + s.OutputTokens,
            PricePerGpuHour = s.Price,
            FacilityWattsPerGpu = s.FacilityWatts,
            Requests = s.Requests,
            TokensPerRequest = s.TokensPerRequest,
            GpuName = s.Gpu.Id,
            Assumptions = s.Inputs.Assumptions,
        };
    }

    /// <summary>Memory per GPU at a batch and a context (prompt p', output o).</summary>
    private static double MemoryPerGpu(Setup s, double batch, double prompt) =>
        s.Roofline.WeightsBytesPerGpu
        + (batch * (prompt + s.OutputTokens) * s.Roofline.KvBytesPerTokenPerGpu)
        + s.Roofline.WorkspaceBytes(batch, prompt);

    /// <summary>The largest batch that fits at p + o: memory is affine in b, so it is solved directly.</summary>
    private static double MaxBatch(Setup s)
    {
        double free = s.Gpu.Memory.Bytes - s.Roofline.WeightsBytesPerGpu;
        double perSequence = MemoryPerGpu(s, 1, s.PromptTokens) - s.Roofline.WeightsBytesPerGpu;
        double max = Math.Floor(free / perSequence);
        while (max >= 1 && MemoryPerGpu(s, max, s.PromptTokens) > s.Gpu.Memory.Bytes)
        {
            max--;
        }

        return Math.Clamp(max, 0, MaxSearchBatch);
    }

    private static double MaxContext(Setup s, double batch)
    {
        double low = s.PromptTokens;
        double high = s.Model.ContextLength - s.OutputTokens;
        if (MemoryPerGpu(s, batch, high) <= s.Gpu.Memory.Bytes)
        {
            return high + s.OutputTokens;
        }

        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            if (MemoryPerGpu(s, batch, mid) <= s.Gpu.Memory.Bytes)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low + s.OutputTokens;
    }

    private static double? RidgeBatch(Setup s)
    {
        if (!s.Roofline.DecodeMatmulsComputeBound(MaxSearchBatch))
        {
            return null;
        }

        double low = 0;
        double high = MaxSearchBatch;
        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            if (s.Roofline.DecodeMatmulsComputeBound(mid))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    private static FieldError? ChooseBatch(Setup s, out double batch)
    {
        batch = 0;
        double maxBatch = MaxBatch(s);
        if (maxBatch < 1)
        {
            return Misfit(s, 1);
        }

        bool Meets(double b, out string? failure, out double value)
        {
            failure = null;
            value = 0;
            if (s.MaxTtftMs is double ttft)
            {
                value = s.Roofline.Prefill(b, s.PromptTokens).Seconds * 1000;
                if (value > ttft)
                {
                    failure = "max-ttft-ms";
                    return false;
                }
            }

            if (s.MaxTpotMs is double tpot)
            {
                value = s.Roofline.MeanDecode(b, s.PromptTokens, s.OutputTokens).Seconds * 1000;
                if (value > tpot)
                {
                    failure = "max-tpot-ms";
                    return false;
                }
            }

            return true;
        }

        if (!Meets(1, out string? field, out double took))
        {
            double target = field == "max-ttft-ms" ? s.MaxTtftMs!.Value : s.MaxTpotMs!.Value;
            string what = field == "max-ttft-ms" ? "the prefill (time to first token)" : "a decode step (time per output token)";
            string got = InputSpec.Format(target);
            string problem = "is not met by any batch";
            if (s.TargetsFromClass is LatencyClass latencyClass)
            {
                got = LatencyClasses.Name(latencyClass);
                problem = $"sets {(field == "max-ttft-ms" ? "time to first token" : "time per output token")} ≤ {InputSpec.Format(target)} ms, which no batch meets";
                field = "latency-class";
            }

            return new FieldError(
                field!,
                string.Create(CultureInfo.InvariantCulture, $"{problem}: at batch 1 {what} takes {took:G4} ms on {InputSpec.Format(s.TensorParallel)} × {s.Gpu.Id}"),
                got,
                string.Create(CultureInfo.InvariantCulture, $"at least {took:G4} ms, or more --gpus, lower-precision --weight-dtype, a shorter prompt, or faster GPUs"));
        }

        double low = 1;
        double high = maxBatch + 1;
        while (high - low > 1)
        {
            double mid = Math.Floor((low + high) / 2);
            if (Meets(mid, out _, out _))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        batch = low;
        s.Inputs.Note(new Assumption
        {
            Name = "batchChosen",
            Label = "Batch chosen",
            Value = low,
            Unit = "sequences",
            Description = "The largest batch that fits in memory and meets "
                + string.Join(" and ", new[] { s.MaxTtftMs is double a ? $"time to first token ≤ {InputSpec.Format(a)} ms" : null, s.MaxTpotMs is double b ? $"time per output token ≤ {InputSpec.Format(b)} ms" : null }.OfType<string>())
                + (low == maxBatch ? " (memory is the limit)" : " (latency is the limit)") + ".",
            IsDefault = false,
        });
        return null;
    }

    /// <summary>Returns the error for a batch that does not fit, with what would fit; <see langword="null"/> when it fits.</summary>
    private static FieldError? Misfit(Setup s, double batch)
    {
        double need = MemoryPerGpu(s, batch, s.PromptTokens);
        double have = s.Gpu.Memory.Bytes;
        if (need <= have)
        {
            return null;
        }

        double weights = s.Roofline.WeightsBytesPerGpu;
        double kv = batch * (s.PromptTokens + s.OutputTokens) * s.Roofline.KvBytesPerTokenPerGpu;
        double workspace = s.Roofline.WorkspaceBytes(batch, s.PromptTokens);
        double maxBatch = MaxBatch(s);
        var options = new List<string>();
        if (maxBatch >= 1)
        {
            options.Add($"--batch at most {InputSpec.Format(maxBatch)} at {InputSpec.Format(s.PromptTokens)} + {InputSpec.Format(s.OutputTokens)} tokens");
        }

        options.AddRange(Alternatives(s, batch));
        string gb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB");
        return new FieldError(
            maxBatch >= 1 ? "batch" : "gpus",
            $"does not fit: weights {gb(weights)} + KV cache {gb(kv)} + workspace {gb(workspace)} = {gb(need)} per GPU exceed the {gb(have)} of {s.Gpu.Id} by {gb(need - have)}",
            InputSpec.Format(maxBatch >= 1 ? batch : s.TensorParallel),
            string.Join("; or ", options));
    }

    /// <summary>The smallest tensor-parallel degree, and the integer weight dtypes, with which the batch would fit.</summary>
    private static IEnumerable<string> Alternatives(Setup s, double batch)
    {
        bool Fits(RooflineHardware hardware)
        {
            var roofline = new InferenceRoofline(s.Model, hardware);
            double need = roofline.WeightsBytesPerGpu + (batch * (s.PromptTokens + s.OutputTokens) * roofline.KvBytesPerTokenPerGpu)
                + roofline.WorkspaceBytes(batch, s.PromptTokens);
            return need <= s.Gpu.Memory.Bytes;
        }

        double heads = s.Model.Heads;
        double kvHeads = s.Model.KvHeads;
        bool linked = s.Gpu.InterconnectBandwidth is not null;
        for (double t = s.TensorParallel + 1; linked && t <= heads; t++)
        {
            bool valid = heads % t == 0 && (kvHeads >= t ? kvHeads % t == 0 : t % kvHeads == 0);
            if (valid && Fits(s.Hardware with { TensorParallel = t }))
            {
                yield return "--gpus " + InputSpec.Format(t);
                break;
            }
        }

        foreach ((DataType type, string name) in new[] { (DataType.Int8, "int8"), (DataType.Int4, "int4") })
        {
            double bytes = DataTypes.BytesPerElement(type);
            if (bytes < s.Hardware.MatrixBytes && Fits(s.Hardware with { MatrixBytes = bytes }))
            {
                yield return "--weight-dtype " + name;
                break;
            }
        }

        if (DataTypes.BytesPerElement(DataType.Fp8) < s.Hardware.KvBytes && Fits(s.Hardware with { KvBytes = DataTypes.BytesPerElement(DataType.Fp8) }))
        {
            yield return "--kv-dtype fp8";
        }

        if (s.Roofline.WeightsBytesPerGpu < s.Gpu.Memory.Bytes && MemoryPerGpu(s, batch, 1) <= s.Gpu.Memory.Bytes)
        {
            double low = 1;
            double high = s.PromptTokens;
            while (high - low > 1)
            {
                double mid = Math.Floor((low + high) / 2);
                if (MemoryPerGpu(s, batch, mid) <= s.Gpu.Memory.Bytes)
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            yield return $"--prompt-tokens at most {InputSpec.Format(low)} at this batch";
        }
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
