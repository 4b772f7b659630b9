using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// What planning and comparison share: the assumptions they state, the law check, and the resolution of training and
/// inference prices into USD per FLOP.
/// </summary>
internal static class PlanNotes
{
    /// <summary>The source of the inference-aware objective.</summary>
    public const string SardanaFrankle = "Sardana, Portes, Doubov and Frankle 2024, 'Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws', arXiv 2401.00448";

    /// <summary>How inference FLOP are counted.</summary>
    public static readonly Assumption InferenceFlopPerToken = new()
    {
        Name = "inferenceFlopPerToken",
        Label = "Inference FLOP per token",
        Text = "2·N",
        Description = "Serving a token costs one forward pass, 2·N FLOP (attention and KV-cache FLOP neglected); training costs 6·N FLOP per token (C = 6·N·D).",
        Source = SardanaFrankle + "; Kaplan et al. 2020, §2.1",
        IsDefault = true,
    };

    /// <summary>The constants of the law (the law itself is named by the front end's note).</summary>
    public static Assumption Law(ScalingLaw law)
    {
        (string text, string description) = law.Form.LossConstants(law);
        return new Assumption
        {
            Name = "lawConstants",
            Label = "Law constants",
            Text = text,
            Description = description,
            Source = law.Source,
            IsDefault = false,
        };
    }

    /// <summary>Returns the error for a law that is not of the Chinchilla form, on the input that supplied it (<c>law</c> or <c>law-file</c>), or <see langword="null"/>.</summary>
    public static FieldError? RequireChinchilla(ScalingLaw law, string purpose) => law.IsChinchillaForm
        ? null
        : new FieldError(
            law.InputField,
            $"has no loss of the form E + A/N^α + B/D^β, which {purpose} needs",
            law.Id,
            law.InputField == "law"
                ? "a Chinchilla-form law: hoffmann, hoffmann-unrounded, epoch, or E=…,A=…,B=…,alpha=…,beta=…"
                : "a law file of the chinchilla form (E, A, B, alpha, beta), or --law with a Chinchilla-form preset");

    /// <summary>
    /// Resolves the training price per FLOP from <c>--usd-per-training-flop</c>, or from <c>--gpu</c> with
    /// <c>--mfu</c> (default 0.375) and <c>--price-per-gpu-hour</c> (default the catalog price).
    /// </summary>
    /// <returns>USD per training FLOP; <see langword="null"/> when no training price is given or on error (recorded).</returns>
    public static double? TrainingUsdPerFlop(ResolvedInputs inputs, GpuSpec? gpu, double? mfuGiven, double? priceGiven, double? perFlop)
    {
        if (perFlop is double given)
        {
            string? other = gpu is not null ? "--gpu" : mfuGiven is not null ? "--mfu" : priceGiven is not null ? "--price-per-gpu-hour" : null;
            if (other is not null)
            {
                inputs.AddError(new FieldError(PlanInputs.UsdPerTrainingFlop.Name, $"cannot be combined with {other}", InputSpec.Format(given), "either --usd-per-training-flop or --gpu (with --mfu and --price-per-gpu-hour)"));
                return null;
            }

            return given;
        }

        if (gpu is null)
        {
            (string Name, double? Value) orphan = mfuGiven is not null ? (PlanInputs.Mfu.Name, mfuGiven) : (PlanInputs.PricePerGpuHour.Name, priceGiven);
            if (orphan.Value is double v)
            {
                inputs.AddError(new FieldError(orphan.Name, "needs --gpu (its dense peak turns GPU-hours into FLOP)", InputSpec.Format(v), "--gpu ID as well, or --usd-per-training-flop instead"));
            }

            return null;
        }

        DataType dtype = gpu.DefaultTrainingType;
        double peak = gpu.DensePeak(dtype)!.Value.FlopPerSecond;
        inputs.Note(new Assumption
        {
            Name = "gpu",
            Label = "Training accelerator",
            Text = gpu.Id,
            Description = $"{gpu.Name}; dense {DataTypes.Name(dtype)} peak {InputSpec.Format(peak / 1e12)} TFLOP/s.",
            Source = gpu.Source,
            IsDefault = false,
        });
        double mfu = inputs.Use(PlanInputs.Mfu, mfuGiven);
        double price;
        if (priceGiven is double p)
        {
            price = p;
        }
        else if (gpu.Price is GpuPrice catalog)
        {
            price = catalog.PerHour.Usd;
            inputs.Note(new Assumption
            {
                Name = "pricePerGpuHour",
                Label = "Training price per GPU-hour",
                Value = price,
                Unit = "USD/GPU-h",
                Description = $"Catalog on-demand rental price of {gpu.Id} as of {catalog.Date}; volatile, give --price-per-gpu-hour for a current one.",
                Source = catalog.Source,
                IsDefault = true,
            });
        }
        else
        {
            inputs.AddError(new FieldError(PlanInputs.PricePerGpuHour.Name, $"is needed: the catalog has no price for {gpu.Id}", Messages.Nothing, PlanInputs.PricePerGpuHour.Expected));
            return null;
        }

        double perTrainingFlop = price / (3600 * peak * mfu);
        inputs.Note(new Assumption
        {
            Name = "trainingUsdPerFlop",
            Label = "USD per training FLOP",
            Value = perTrainingFlop,
            Unit = "USD/FLOP",
            Description = "Price per GPU-hour ÷ (3600 s × dense peak × MFU).",
            IsDefault = false,
        });
        return perTrainingFlop;
    }

    /// <summary>
    /// Resolves the inference price per FLOP from <c>--usd-per-inference-flop</c>, or from
    /// <c>--usd-per-million-tokens</c> for a model of <c>--quoted-params</c> (default <paramref name="defaultQuoted"/>).
    /// </summary>
    /// <returns>USD per inference FLOP; <see langword="null"/> when no inference price is given or on error (recorded).</returns>
    public static double? InferenceUsdPerFlop(
        ResolvedInputs inputs, double? perFlop, double? perMillion, double? quotedGiven, (double Parameters, string What)? defaultQuoted)
    {
        if (perFlop is not null && perMillion is double both)
        {
            inputs.AddError(new FieldError(PlanInputs.UsdPerMillionTokens.Name, "cannot be combined with --usd-per-inference-flop", InputSpec.Format(both), "one inference price: --usd-per-inference-flop or --usd-per-million-tokens"));
            return null;
        }

        if (quotedGiven is double quotedAlone && perMillion is null)
        {
            inputs.AddError(new FieldError(PlanInputs.QuotedParameters.Name, "needs --usd-per-million-tokens (it is the size that price is for)", InputSpec.Format(quotedAlone), "--usd-per-million-tokens as well, or no --quoted-params"));
            return null;
        }

        if (perMillion is not double perMillionTokens)
        {
            return perFlop;
        }

        double quoted;
        if (quotedGiven is double q)
        {
            quoted = q;
        }
        else if (defaultQuoted is (double parameters, string what))
        {
            quoted = parameters;
            inputs.Note(new Assumption
            {
                Name = "quotedParams",
                Label = "Parameters of the priced model",
                Value = quoted,
                Unit = "parameters",
                Description = $"The --usd-per-million-tokens price is taken to be for {what}.",
                IsDefault = true,
            });
        }
        else
        {
            inputs.AddError(new FieldError(PlanInputs.QuotedParameters.Name, "is needed with --usd-per-million-tokens: the size of the model that price is for", Messages.Nothing, "--quoted-params N, or a size to take it from (--params or --reference-params)"));
            return null;
        }

        double perInferenceFlop = perMillionTokens / (1e6 * 2 * quoted);
        inputs.Note(new Assumption
        {
            Name = "inferenceUsdPerFlop",
            Label = "USD per inference FLOP",
            Value = perInferenceFlop,
            Unit = "USD/FLOP",
            Description = "Price per million tokens ÷ (1e6 × 2·N_q): serving cost per token is taken to grow in proportion to N (2·N FLOP per token at the same utilisation).",
            IsDefault = false,
        });
        return perInferenceFlop;
    }
}
