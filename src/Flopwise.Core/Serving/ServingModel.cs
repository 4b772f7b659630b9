using System.Globalization;
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
public static partial class ServingModel
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

    private static ServingResult At(Setup s, double batch, bool withContextSearch)
    {
        StepCost prefill = s.Roofline.Prefill(batch, s.PromptTokens);
        StepCost decode = s.Roofline.MeanDecode(batch, s.PromptTokens, s.OutputTokens);
        double workspace = s.Roofline.WorkspaceBytes(batch, s.PromptTokens);
        double kvPerGpu = s.Roofline.KvBytesPerGpu(batch, s.PromptTokens + s.OutputTokens);
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
}
