using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <summary>
/// The serving estimate at one batch: latency, throughput, memory, and cost and energy per million tokens (and of a
/// volume of requests when one was given).
/// </summary>
/// <remarks>
/// Byte totals (<see cref="WeightsBytes"/>, <see cref="KvCacheBytes"/>) are summed over the t GPUs, replicated parts
/// counted on every GPU; <see cref="MemoryPerGpuBytes"/> is one GPU's. Cost and energy are <see langword="null"/>
/// when no price or power is known (see <see cref="Missing"/>). Immutable and thread-safe; every value is finite.
/// </remarks>
public sealed record ServingResult : ICalculationResult
{
    /// <summary>Gets the batch b.</summary>
    public required double Batch { get; init; }

    /// <summary>Gets the tensor-parallel degree t.</summary>
    public required double Gpus { get; init; }

    /// <summary>Gets the prompt tokens p.</summary>
    public required double PromptTokens { get; init; }

    /// <summary>Gets the output tokens o.</summary>
    public required double OutputTokens { get; init; }

    /// <summary>Gets the prefill time of the batch: the time to first token.</summary>
    public required double PrefillSeconds { get; init; }

    /// <summary>Gets the mean decode step time over contexts p … p+o−1: the time per output token.</summary>
    public required double DecodeSecondsPerToken { get; init; }

    /// <summary>Gets the prefill FLOP of the batch, per GPU.</summary>
    public required double PrefillFlopPerGpu { get; init; }

    /// <summary>Gets the mean decode-step FLOP, per GPU.</summary>
    public required double DecodeFlopPerStepPerGpu { get; init; }

    /// <summary>Gets the mean decode-step bytes read and written, per GPU.</summary>
    public required double DecodeBytesPerStepPerGpu { get; init; }

    /// <summary>Gets the all-reduce time within one decode step.</summary>
    public required double DecodeCommunicationSeconds { get; init; }

    /// <summary>Gets a value indicating whether compute-bound operations dominate the prefill.</summary>
    public required bool PrefillComputeBound { get; init; }

    /// <summary>Gets a value indicating whether compute-bound operations dominate a decode step.</summary>
    public required bool DecodeComputeBound { get; init; }

    /// <summary>Gets the dense peak ÷ bandwidth of the compute dtype, FLOP per byte.</summary>
    public required double RidgePointFlopPerByte { get; init; }

    /// <summary>Gets the smallest batch whose decode weight matmuls are compute-bound, or <see langword="null"/> when none up to 1e6 is.</summary>
    public required double? RidgeBatch { get; init; }

    /// <summary>Gets the weight bytes, summed over the GPUs.</summary>
    public required double WeightsBytes { get; init; }

    /// <summary>Gets the KV-cache bytes of the batch at its final context p + o, summed over the GPUs.</summary>
    public required double KvCacheBytes { get; init; }

    /// <summary>Gets the KV-cache bytes per token of context of one sequence, summed over the GPUs.</summary>
    public required double KvCacheBytesPerToken { get; init; }

    /// <summary>Gets the activation workspace of one GPU.</summary>
    public required double WorkspaceBytesPerGpu { get; init; }

    /// <summary>Gets one GPU's weights + KV cache + workspace.</summary>
    public required double MemoryPerGpuBytes { get; init; }

    /// <summary>Gets one GPU's memory.</summary>
    public required double GpuMemoryBytes { get; init; }

    /// <summary>Gets the largest batch that fits at context p + o.</summary>
    public required double MaxBatch { get; init; }

    /// <summary>Gets the longest context p + o (output fixed) that fits at this batch, at most the model's context length.</summary>
    public required double MaxContextTokens { get; init; }

    /// <summary>Gets the price per GPU-hour used, or <see langword="null"/>.</summary>
    public required double? PricePerGpuHour { get; init; }

    /// <summary>Gets the facility power of one GPU (power × PUE, W), or <see langword="null"/>.</summary>
    public required double? FacilityWattsPerGpu { get; init; }

    /// <summary>Gets the requests of the volume, or <see langword="null"/>.</summary>
    public double? Requests { get; init; }

    /// <summary>Gets the tokens per request of the volume.</summary>
    public double? TokensPerRequest { get; init; }

    /// <summary>Gets the name of the GPU, for the reasons of missing fields.</summary>
    public required string GpuName { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    /// <summary>Gets the time of one request: prefill + o decode steps.</summary>
    public double RequestSeconds => PrefillSeconds + (OutputTokens * DecodeSecondsPerToken);

    /// <summary>Gets the output tokens per second each user sees.</summary>
    public double TokensPerSecondPerUser => 1 / DecodeSecondsPerToken;

    /// <summary>Gets the output tokens per second of the batch.</summary>
    public double TokensPerSecond => Batch / DecodeSecondsPerToken;

    /// <summary>Gets the prompt tokens per second of the prefill.</summary>
    public double PrefillTokensPerSecond => Batch * PromptTokens / PrefillSeconds;

    /// <summary>Gets the GPU-seconds one request occupies: t × request time ÷ b (static batching).</summary>
    public double GpuSecondsPerRequest => Gpus * RequestSeconds / Batch;

    /// <inheritdoc/>
    public IReadOnlyList<MissingField> Missing
    {
        get
        {
            var missing = new List<MissingField>();
            if (PricePerGpuHour is null)
            {
                string reason = $"needs --price-per-gpu-hour (no catalog price for {GpuName})";
                missing.Add(new MissingField("costUsdPerMillionOutputTokens", "Cost per million output tokens", reason));
                missing.Add(new MissingField("costUsdPerMillionInputTokens", "Cost per million input tokens", reason));
                missing.Add(new MissingField("costUsdPerRequest", "Cost per request", reason));
                missing.Add(new MissingField("costUsdPerMillionTokens", "Cost per million tokens, prompt and output", reason));
                if (Requests is not null)
                {
                    missing.Add(new MissingField("volume.costUsd", "Volume: cost", reason));
                }
            }

            if (FacilityWattsPerGpu is null)
            {
                string reason = $"needs --power-watts (no published power for {GpuName})";
                missing.Add(new MissingField("energyKwhPerMillionTokens", "Energy per million output tokens", reason));
                missing.Add(new MissingField("energyKwhPerRequest", "Energy per request", reason));
                if (Requests is not null)
                {
                    missing.Add(new MissingField("volume.energyKwh", "Volume: energy", reason));
                }
            }

            return missing;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ResultField> Fields
    {
        get
        {
            var fields = new List<ResultField>
            {
                new("batch", "Batch b", Batch, "sequences"),
                new("prefillSeconds", "Prefill (time to first token)", PrefillSeconds, "s"),
                new("decodeSecondsPerToken", "Decode step (time per output token)", DecodeSecondsPerToken, "s"),
                new("requestSeconds", "Request (prefill + o steps)", RequestSeconds, "s"),
                new("tokensPerSecondPerUser", "Output tokens/s per user", TokensPerSecondPerUser, "tokens/s"),
                new("tokensPerSecond", "Output tokens/s, whole batch", TokensPerSecond, "tokens/s"),
                new("tokensPerSecondPerGpu", "Output tokens/s per GPU", TokensPerSecond / Gpus, "tokens/s"),
                new("prefillTokensPerSecond", "Prompt tokens/s in prefill", PrefillTokensPerSecond, "tokens/s"),
                ResultField.Word("boundBy.prefill", "Prefill bound by", PrefillComputeBound ? "compute" : "memory"),
                ResultField.Word("boundBy.decode", "Decode bound by", DecodeComputeBound ? "compute" : "memory"),
                new("ridgePointFlopPerByte", "Ridge point (dense peak ÷ bandwidth)", RidgePointFlopPerByte, "FLOP/B"),
            };
            if (RidgeBatch is double ridge)
            {
                fields.Add(new ResultField("ridgeBatch", "Ridge batch: decode matmuls compute-bound", ridge, "sequences"));
            }

            fields.AddRange(
            [
                new("prefillFlopPerGpu", "Prefill FLOP per GPU", PrefillFlopPerGpu, "FLOP"),
                new("decodeFlopPerStepPerGpu", "Decode FLOP per step per GPU", DecodeFlopPerStepPerGpu, "FLOP"),
                new("decodeBytesPerStepPerGpu", "Decode bytes moved per step per GPU", DecodeBytesPerStepPerGpu, "B"),
                new("weightsBytes", "Weights (all GPUs)", WeightsBytes, "B"),
                new("kvCacheBytes", "KV cache at p + o (all GPUs)", KvCacheBytes, "B"),
                new("kvCacheBytesPerToken", "KV cache per token (all GPUs)", KvCacheBytesPerToken, "B"),
                new("workspaceBytesPerGpu", "Activation workspace per GPU", WorkspaceBytesPerGpu, "B"),
                new("memoryPerGpuBytes", "Memory per GPU", MemoryPerGpuBytes, "B"),
                new("gpuMemoryBytes", "GPU memory", GpuMemoryBytes, "B"),
                ResultField.Boolean("fits", "Fits", MemoryPerGpuBytes <= GpuMemoryBytes),
                new("maxBatch", "Largest batch that fits", MaxBatch, "sequences"),
                new("maxContextTokens", "Longest context that fits at this batch", MaxContextTokens, "tokens"),
            ]);

            if (PricePerGpuHour is double price)
            {
                double usdPerGpuSecond = price / 3600;
                fields.Add(new ResultField("costUsdPerMillionOutputTokens", "Cost per million output tokens", usdPerGpuSecond * Gpus * 1e6 / TokensPerSecond, "USD"));
                fields.Add(new ResultField("costUsdPerMillionInputTokens", "Cost per million input tokens", usdPerGpuSecond * Gpus * 1e6 / PrefillTokensPerSecond, "USD"));
                fields.Add(new ResultField("costUsdPerRequest", "Cost per request", usdPerGpuSecond * GpuSecondsPerRequest, "USD"));
                fields.Add(new ResultField("costUsdPerMillionTokens", "Cost per million tokens, prompt and output", usdPerGpuSecond * GpuSecondsPerRequest * 1e6 / (PromptTokens + OutputTokens), "USD"));
            }

            if (FacilityWattsPerGpu is double watts)
            {
                fields.Add(new ResultField("energyKwhPerMillionTokens", "Energy per million output tokens", Gpus * watts * 1e6 / TokensPerSecond / 3.6e6, "kWh"));
                fields.Add(new ResultField("energyKwhPerRequest", "Energy per request", watts * GpuSecondsPerRequest / 3.6e6, "kWh"));
            }

            if (Requests is double requests)
            {
                double tokensPerRequest = TokensPerRequest ?? (PromptTokens + OutputTokens);
                double gpuHours = requests * GpuSecondsPerRequest * tokensPerRequest / (PromptTokens + OutputTokens) / 3600;
                fields.Add(new ResultField("volume.requests", "Volume: requests", requests, "requests"));
                fields.Add(new ResultField("volume.tokens", "Volume: tokens", requests * tokensPerRequest, "tokens"));
                fields.Add(new ResultField("volume.gpuHours", "Volume: GPU-hours", gpuHours, "GPU-h"));
                if (PricePerGpuHour is double volumePrice)
                {
                    fields.Add(new ResultField("volume.costUsd", "Volume: cost", gpuHours * volumePrice, "USD"));
                }

                if (FacilityWattsPerGpu is double volumeWatts)
                {
                    fields.Add(new ResultField("volume.energyKwh", "Volume: energy", gpuHours * volumeWatts / 1000, "kWh"));
                }
            }

            return fields;
        }
    }

    /// <summary>Gets the few fields a row of a batch sweep shows, with short labels: latency, throughput, bound, memory and cost.</summary>
    public ICalculationResult SweepRow => new Row(
        [.. Fields.Where(f => SweepKeys.Contains(f.Key)).Select(f => f with { Label = SweepLabels[f.Key], Unit = string.Empty })],
        Assumptions);

    private static readonly Dictionary<string, string> SweepLabels = new(StringComparer.Ordinal)
    {
        ["batch"] = "Batch",
        ["prefillSeconds"] = "TTFT s",
        ["decodeSecondsPerToken"] = "TPOT s",
        ["tokensPerSecondPerUser"] = "tok/s user",
        ["tokensPerSecond"] = "tok/s batch",
        ["tokensPerSecondPerGpu"] = "tok/s GPU",
        ["boundBy.decode"] = "Decode",
        ["memoryPerGpuBytes"] = "Mem/GPU B",
        ["costUsdPerMillionOutputTokens"] = "USD/M out",
    };

    private static readonly HashSet<string> SweepKeys = [.. SweepLabels.Keys];

    /// <summary>Gets a field's value by JSON key, or <see langword="null"/> when it is absent.</summary>
    /// <param name="key">The JSON key, e.g. <c>prefillSeconds</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? Get(string key) => Fields.FirstOrDefault(f => f.Key == key && f.Text is null)?.Value;

    private sealed record Row(IReadOnlyList<ResultField> Fields, IReadOnlyList<Assumption> Assumptions) : ICalculationResult;
}
