using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;

namespace Flopwise.Serving;

/// <content>Memory fit: the layout checks, the largest batch and context that fit, and what would fit instead.</content>
public static partial class ServingModel
{
    private static void CheckLayout(ResolvedInputs inputs, ModelShape model, GpuSpec gpu, double t)
    {
        if (model.Attention.CheckTensorParallel("gpus", t, model.Name) is FieldError split)
        {
            inputs.AddError(split);
        }

        if (t > 1 && gpu.InterconnectBandwidth is null)
        {
            inputs.AddError(new FieldError("gpus", $"needs an interconnect bandwidth, and the catalog has none for {gpu.Id}", InputSpec.Format(t), "1"));
        }
    }

    /// <summary>Memory per GPU at a batch and a context (prompt p', output o).</summary>
    private static double MemoryPerGpu(Setup s, double batch, double prompt) => MemoryPerGpu(s.Roofline, batch, prompt, s.OutputTokens);

    /// <summary>Memory per GPU on a roofline: weights + KV cache at p' + o + workspace.</summary>
    private static double MemoryPerGpu(InferenceRoofline roofline, double batch, double prompt, double output) =>
        roofline.WeightsBytesPerGpu + roofline.KvBytesPerGpu(batch, prompt + output) + roofline.WorkspaceBytes(batch, prompt);

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

    /// <summary>The longest context (p' + o) that fits at a batch: p' from p up to the model's context less o.</summary>
    private static double MaxContext(Setup s, double batch)
    {
        double high = s.Model.ContextLength - s.OutputTokens;
        if (MemoryPerGpu(s, batch, high) <= s.Gpu.Memory.Bytes)
        {
            return high + s.OutputTokens;
        }

        return Bisection.LastHolding(s.PromptTokens, high, prompt => MemoryPerGpu(s, batch, prompt) <= s.Gpu.Memory.Bytes) + s.OutputTokens;
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
        double kv = s.Roofline.KvBytesPerGpu(batch, s.PromptTokens + s.OutputTokens);
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
        bool Fits(RooflineHardware hardware) =>
            MemoryPerGpu(new InferenceRoofline(s.Model, hardware), batch, s.PromptTokens, s.OutputTokens) <= s.Gpu.Memory.Bytes;

        double heads = s.Model.Heads;
        bool linked = s.Gpu.InterconnectBandwidth is not null;
        for (double t = s.TensorParallel + 1; linked && t <= heads; t++)
        {
            if (s.Model.Attention.CheckTensorParallel("gpus", t, s.Model.Name) is null && Fits(s.Hardware with { TensorParallel = t }))
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
            double prompt = Bisection.LastHolding(1, s.PromptTokens, p => MemoryPerGpu(s, batch, p) <= s.Gpu.Memory.Bytes);
            yield return $"--prompt-tokens at most {InputSpec.Format(prompt)} at this batch";
        }
    }
}
