using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Serving;

/// <content>Latency: the ridge batch and the largest batch meeting the latency targets.</content>
public static partial class ServingModel
{
    private static double? RidgeBatch(Setup s)
    {
        if (!s.Roofline.DecodeMatmulsComputeBound(MaxSearchBatch))
        {
            return null;
        }

        return Bisection.LastHolding(0, MaxSearchBatch, b => !s.Roofline.DecodeMatmulsComputeBound(b)) + 1;
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

        double low = Bisection.LastHolding(1, maxBatch + 1, b => Meets(b, out _, out _));
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
}
