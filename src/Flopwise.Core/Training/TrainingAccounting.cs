using System.Globalization;
using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Training;

/// <summary>
/// Accounts for a training run: from the work, the hardware and one efficiency or duration, derives training and
/// hardware FLOP, wall time, GPU-hours, MFU, cost, IT and facility energy, and CO2e.
/// </summary>
/// <remarks>
/// <para>The run is pinned by its GPU-seconds S = n·t. Exactly one of these fixes S: <c>mfu</c> (S = C ÷ (peak ×
/// MFU)), <c>achieved-tflops</c> X, a hardware rate (S = H ÷ X), <c>tokens-per-second-per-gpu</c> r (S = D ÷ r),
/// or <c>gpu-hours</c> G (S = 3600·G). <c>days</c> fixes the wall time t instead: with <c>gpus</c> it gives S = n·t;
/// with one of the four it gives n = S ÷ t. With none of them, MFU defaults to 0.375 (Epoch's median of 33 runs).
/// Then: t = S ÷ n, GPU-hours = S ÷ 3600, MFU = C ÷ (peak·S), HFU = H ÷ (peak·S) (Chowdhery et al. 2022, App. B).</para>
/// <para>Training FLOP C follow the chosen convention (docs/formulas.md): <c>6n</c> C = 6·N·D, <c>model</c> adds
/// non-causal attention 12·L·a·d·T per token, <c>causal</c> half that. Hardware FLOP H add recomputation: full adds a
/// forward pass (8·N·D under 6n; 4/3 × C when only C is given); selective re-runs the attention matmuls and needs an
/// architecture.</para>
/// <para>Energy: IT = GPU-hours × power per GPU (catalog TDP unless given) × power utilisation × server
/// overhead (both 1 unless given, Epoch's cost model); facility = IT × PUE (default 1.0); CO2e = facility × grid
/// intensity (kg per kWh, default world 0.475). Cost = GPU-hours × price. See docs/formulas.md, "Training runs".</para>
/// </remarks>
public static class TrainingAccounting
{
    private const string WorkNeeded = "needs the work: --flop, or --model/--params with --tokens";

    /// <summary>Evaluates the accounting, validating every input and the consistency of the combination.</summary>
    /// <param name="request">The run.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<TrainingResult> Evaluate(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double? tokens = inputs.UseOptional(TrainingInputs.Tokens, request.Tokens);
        double? parameters = inputs.UseOptional(TrainingInputs.Parameters, request.Parameters);
        double? flop = inputs.UseOptional(TrainingInputs.Flop, request.Flop);
        double? seqGiven = inputs.UseOptional(TrainingInputs.Seq, request.Seq);
        double? gpus = inputs.UseOptional(TrainingInputs.Gpus, request.Gpus);
        double? peakTflops = inputs.UseOptional(TrainingInputs.PeakTflops, request.PeakTflops);
        double? powerGiven = inputs.UseOptional(TrainingInputs.PowerWatts, request.PowerWatts);
        double? mfuGiven = inputs.UseOptional(TrainingInputs.Mfu, request.Mfu);
        double? achieved = inputs.UseOptional(TrainingInputs.AchievedTflops, request.AchievedTflops);
        double? throughput = inputs.UseOptional(TrainingInputs.TokensPerSecondPerGpu, request.TokensPerSecondPerGpu);
        double? days = inputs.UseOptional(TrainingInputs.Days, request.Days);
        double? gpuHoursGiven = inputs.UseOptional(TrainingInputs.GpuHours, request.GpuHours);
        double? priceGiven = inputs.UseOptional(TrainingInputs.PricePerGpuHour, request.PricePerGpuHour);
        double pue = inputs.Use(TrainingInputs.Pue, request.Pue);
        double grid = request.GridIntensity is null && request.Grid is not null
            ? NoteGrid(inputs, request.Grid)
            : inputs.Use(TrainingInputs.GridIntensity, request.GridIntensity);
        double? overhead = inputs.UseOptional(TrainingInputs.ServerOverhead, request.ServerOverhead);
        double? utilisation = inputs.UseOptional(TrainingInputs.PowerUtilisation, request.PowerUtilisation);
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        if (inputs.HasErrors)
        {
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        Work? work = ResolveWork(request, inputs, tokens, parameters, flop, seqGiven);
        Hardware? hardware = work is null ? null : ResolveHardware(request, inputs, peakTflops, powerGiven, priceGiven);
        if (work is null || hardware is null || inputs.HasErrors)
        {
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        Pinning? pin = Pin(inputs, work, hardware, gpus, mfuGiven, achieved, throughput, days, gpuHoursGiven, tokens);
        if (pin is null || inputs.HasErrors)
        {
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        double? mfu = work.TrainingFlop / (hardware.Peak * pin.GpuSeconds);
        double? hfu = work.HardwareFlop / (hardware.Peak * pin.GpuSeconds);
        if (mfu > 1 + 1e-12 && pin.Field != TrainingInputs.Mfu.Name)
        {
            inputs.AddError(new FieldError(
                pin.Field,
                $"implies an MFU of {mfu.Value.ToString("0.###", CultureInfo.InvariantCulture)}, above 1",
                InputSpec.Format(pin.Value),
                "a value that keeps training FLOP ÷ (GPUs × dense peak × time) at most 1"));
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        if (hfu > 1 + 1e-12)
        {
            inputs.AddError(new FieldError(
                pin.Field,
                $"implies a hardware FLOP utilisation of {hfu.Value.ToString("0.###", CultureInfo.InvariantCulture)} with --recompute {RecomputeModes.Name(request.Recompute)}, above 1",
                InputSpec.Format(pin.Value),
                $"a value that keeps hardware FLOP ÷ (GPUs × dense peak × time) at most 1 (MFU at most {(mfu / hfu)!.Value.ToString("0.###", CultureInfo.InvariantCulture)})"));
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        return Build(inputs, request, work, hardware, pin, mfu, tokens, pue, grid, overhead, utilisation);
    }

    /// <summary>Computes the accounting for a valid request.</summary>
    /// <param name="request">The run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The inputs are invalid or do not determine the run.</exception>
    public static TrainingResult Compute(TrainingRequest request) => Evaluate(request).GetValueOrThrow();

    /// <summary>Evaluates the run for each cluster size of a sweep, other inputs as in <paramref name="template"/>.</summary>
    /// <param name="template">The run; its <see cref="TrainingRequest.Gpus"/> is replaced.</param>
    /// <param name="gpuCounts">The cluster sizes.</param>
    /// <returns>One result per size, or the errors of the first size that fails.</returns>
    public static Outcome<IReadOnlyList<TrainingResult>> Sweep(TrainingRequest template, GeometricSweep gpuCounts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(gpuCounts);
        var rows = new List<TrainingResult>();
        foreach (double n in gpuCounts.Points)
        {
            Outcome<TrainingResult> row = Evaluate(template with { Gpus = n });
            if (row.Value is null)
            {
                return Outcome<IReadOnlyList<TrainingResult>>.Failure(row.Errors);
            }

            rows.Add(row.Value);
        }

        return Outcome<IReadOnlyList<TrainingResult>>.Success(rows);
    }

    /// <summary>Builds the chart of wall time and cost against cluster size (log–log).</summary>
    /// <param name="rows">The sweep rows.</param>
    /// <returns>The chart data: one series per output present in every row.</returns>
    public static Chart Chart(IReadOnlyList<TrainingResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[] gpus = rows.Select(r => r.Gpus ?? double.NaN).ToArray();
        var series = new List<ChartSeries>();
        (string Name, Func<TrainingResult, double?> Value)[] outputs = [("Wall time (days)", r => r.WallTime?.Days), ("Cost (USD)", r => r.Cost?.Usd)];
        foreach ((string name, Func<TrainingResult, double?> value) in outputs)
        {
            if (rows.All(r => value(r) is not null))
            {
                series.Add(new ChartSeries { Name = name, X = gpus, Y = rows.Select(r => value(r)!.Value).ToArray() });
            }
        }

        return new Chart
        {
            Title = "Training run by cluster size",
            XLabel = "GPUs",
            YLabel = "Days / USD",
            XLogarithmic = true,
            YLogarithmic = true,
            Series = series,
        };
    }

    private static double NoteGrid(ResolvedInputs inputs, GridRegion region)
    {
        inputs.Note(new Assumption
        {
            Name = "gridIntensity",
            Label = "Grid carbon intensity",
            Value = region.KgPerKwh,
            Unit = "kg CO2e/kWh",
            Description = $"Grid region '{region.Id}'.",
            Source = region.Source,
            IsDefault = false,
        });
        return region.KgPerKwh;
    }

    private static Work? ResolveWork(
        TrainingRequest request, ResolvedInputs inputs, double? tokens, double? parameters, double? flop, double? seqGiven)
    {
        ModelShape? model = request.Model;
        if (model is not null && parameters is not null)
        {
            inputs.AddError(new FieldError("params", "cannot be combined with a model", InputSpec.Format(parameters.Value), "either a model (--model, --hf-config, shape flags) or --params"));
            return null;
        }

        if (flop is not null && (model is not null || parameters is not null))
        {
            inputs.AddError(new FieldError("flop", "cannot be combined with --model or --params", InputSpec.Format(flop.Value), "the work given one way: --flop C, or --model/--params with --tokens"));
            return null;
        }

        if (model is null && request.Convention != FlopConvention.SixN && flop is null)
        {
            inputs.AddError(new FieldError("flop-convention", "needs an architecture for its attention term", FlopConventions.Name(request.Convention), "6n, or a model (--model, --hf-config or shape flags) instead of --params"));
            return null;
        }

        if (model is null && seqGiven is not null)
        {
            inputs.AddError(new FieldError("seq", "needs an architecture (it sets the attention FLOP of a model)", InputSpec.Format(seqGiven.Value), "a model (--model, --hf-config or shape flags), or no --seq"));
            return null;
        }

        if (model is null && request.Recompute == Recompute.Selective)
        {
            inputs.AddError(new FieldError("recompute", "needs an architecture (the attention matmuls it re-runs)", "selective", "none or full, or a model (--model, --hf-config or shape flags)"));
            return null;
        }

        inputs.Note(new Assumption
        {
            Name = "flopConvention",
            Label = "FLOP convention",
            Text = FlopConventions.Name(request.Convention),
            Description = flop is not null
                ? "Training FLOP as given, taken to be counted under this convention."
                : ConventionDescription(request.Convention),
            Source = "Kaplan et al. 2020 (6N), Chowdhery et al. 2022 App. B (model FLOP); docs/formulas.md, \"FLOP per token and the three conventions\"",
            IsDefault = !request.ConventionGiven,
        });
        inputs.Note(new Assumption
        {
            Name = "recompute",
            Label = "Recomputation",
            Text = request.Recompute.ToString().ToLowerInvariant(),
            Description = "Hardware FLOP = training FLOP plus recomputed activations (none, selective attention, or a full extra forward pass).",
            IsDefault = request.Recompute == Recompute.None,
        });

        if (model is not null)
        {
            double seq = seqGiven ?? model.DefaultSequenceLength;
            if (seqGiven is null)
            {
                inputs.Note(Assumption.ForInput(TrainingInputs.Seq, seq, isDefault: true) with
                {
                    Source = $"training context of {model.Name}",
                });
            }

            int t = (int)Math.Round(seq);
            double perToken = model.TrainingFlopPerToken(request.Convention, t);
            double hardwarePerToken = model.HardwareFlopPerToken(request.Convention, t, request.Recompute);
            return new Work(model.TotalParameters, tokens, tokens * perToken, tokens * hardwarePerToken);
        }

        if (parameters is not null)
        {
            double? c = 6 * parameters * tokens;
            double? h = request.Recompute == Recompute.Full ? 8 * parameters * tokens : c;
            return new Work(parameters, tokens, c, h);
        }

        double? hardware = request.Recompute == Recompute.Full ? flop * 4 / 3 : flop;
        return new Work(null, tokens, flop, hardware);
    }

    private static string ConventionDescription(FlopConvention convention) => convention switch
    {
        FlopConvention.SixN => "C = 6·N·D with N the (active) parameters: forward 2N, backward 4N per token.",
        FlopConvention.Model => "PaLM/Megatron model FLOP: 6·N per token plus non-causal attention 12·L·a·d·T.",
        _ => "6·N per token plus causal attention 6·L·a·d·T (half the non-causal term).",
    };

    private static Hardware? ResolveHardware(TrainingRequest request, ResolvedInputs inputs, double? peakTflops, double? powerGiven, double? priceGiven)
    {
        GpuSpec? gpu = request.Gpu;
        DataType dtype = request.DataType ?? gpu?.DefaultTrainingType ?? DataType.Bf16;
        if (gpu is not null && peakTflops is null && !gpu.Supports(dtype))
        {
            string has = string.Join(", ", DataTypes.All.Where(gpu.Supports).Select(DataTypes.Name));
            inputs.AddError(new FieldError("dtype", $"has no dense peak on {gpu.Id}", DataTypes.Name(dtype), "one of " + has));
            return null;
        }

        inputs.Note(new Assumption
        {
            Name = "dtype",
            Label = "Data type",
            Text = DataTypes.Name(dtype),
            Description = request.DataType is null && dtype == DataType.Fp16
                ? $"fp16, because {gpu?.Id} has no bf16; MFU is against the dense peak of this dtype."
                : "MFU is against the dense peak of this dtype.",
            IsDefault = request.DataType is null,
        });

        double? peak = peakTflops * 1e12 ?? gpu?.DensePeak(dtype)?.FlopPerSecond;
        if (gpu is not null)
        {
            inputs.Note(new Assumption
            {
                Name = "gpu",
                Label = "Accelerator",
                Text = gpu.Id,
                Description = $"{gpu.Name}; dense {DataTypes.Name(dtype)} peak {(gpu.DensePeak(dtype) is FlopRate rate ? InputSpec.Format(rate.TeraflopPerSecond) : "none")} TFLOP/s"
                    + (peakTflops is null ? "." : $", overridden by --peak-tflops {InputSpec.Format(peakTflops.Value)}."),
                Source = gpu.Source,
                IsDefault = false,
            });
        }

        double? power = powerGiven ?? gpu?.Tdp?.Watts;
        if (powerGiven is null && gpu?.Tdp is not null)
        {
            inputs.Note(new Assumption
            {
                Name = "powerWatts",
                Label = "Power per GPU",
                Value = power,
                Unit = "W",
                Description = $"Catalog TDP of {gpu.Id} (board power at full load).",
                Source = gpu.Source,
                IsDefault = true,
            });
        }

        double? price = priceGiven ?? gpu?.Price?.PerHour.Usd;
        if (priceGiven is null && gpu?.Price is GpuPrice catalogPrice)
        {
            inputs.Note(new Assumption
            {
                Name = "pricePerGpuHour",
                Label = "Price per GPU-hour",
                Value = price,
                Unit = "USD/GPU-h",
                Description = $"Catalog on-demand rental price of {gpu.Id} as of {catalogPrice.Date}; volatile, give --price-per-gpu-hour for a current one.",
                Source = catalogPrice.Source,
                IsDefault = true,
            });
        }

        return new Hardware(gpu, peak, power, price);
    }

    private static Pinning? Pin(
        ResolvedInputs inputs, Work work, Hardware hardware, double? gpus, double? mfuGiven, double? achieved, double? throughput, double? days, double? gpuHours, double? tokens)
    {
        var pins = new List<(string Field, double Value)>();
        Add(pins, TrainingInputs.Mfu.Name, mfuGiven);
        Add(pins, TrainingInputs.AchievedTflops.Name, achieved);
        Add(pins, TrainingInputs.TokensPerSecondPerGpu.Name, throughput);
        Add(pins, TrainingInputs.GpuHours.Name, gpuHours);
        if (pins.Count > 1)
        {
            inputs.AddError(new FieldError(pins[1].Field, $"cannot be combined with --{pins[0].Field} (each fixes the run's GPU-hours)", InputSpec.Format(pins[1].Value), "one of --mfu, --achieved-tflops, --tokens-per-second-per-gpu, --gpu-hours"));
            return null;
        }

        if (pins.Count == 1 && days is not null && gpus is not null)
        {
            inputs.AddError(new FieldError("days", $"over-determines the run together with --gpus and --{pins[0].Field}", InputSpec.Format(days.Value), "two of the three"));
            return null;
        }

        if (pins.Count == 0 && days is null)
        {
            if (work.TrainingFlop is null && work.Parameters is not null)
            {
                inputs.AddError(new FieldError("tokens", "is needed to count the training FLOP", Messages.Nothing, "--tokens D (or a duration: --days with --gpus, or --gpu-hours)"));
                return null;
            }

            if (work.TrainingFlop is null)
            {
                inputs.AddError(new FieldError("days", "nothing fixes how long the run takes", Messages.Nothing, "--days with --gpus, --gpu-hours, or an efficiency (--mfu, --achieved-tflops, --tokens-per-second-per-gpu) with the work"));
                return null;
            }

            if (hardware.Peak is null)
            {
                inputs.AddError(new FieldError("gpu", "is needed to apply the default MFU of 0.375", Messages.Nothing, "--gpu ID or --peak-tflops, or a duration (--days, --gpu-hours) or --achieved-tflops"));
                return null;
            }

            mfuGiven = inputs.Use(TrainingInputs.Mfu, null);
            pins.Add((TrainingInputs.Mfu.Name, mfuGiven.Value));
        }

        double? seconds = days * 86_400;
        double gpuSeconds;
        string field;
        double value;
        if (pins.Count == 0)
        {
            if (gpus is null)
            {
                inputs.AddError(new FieldError("gpus", "is needed with --days", Messages.Nothing, "--gpus n, or an efficiency (--mfu, --achieved-tflops, --tokens-per-second-per-gpu) with the work, or --gpu-hours"));
                return null;
            }

            (field, value, gpuSeconds) = ("days", days!.Value, gpus.Value * seconds!.Value);
        }
        else
        {
            (field, value) = pins[0];
            double? s = field switch
            {
                "mfu" => work.TrainingFlop / (hardware.Peak * value),
                "achieved-tflops" => work.HardwareFlop / (value * 1e12),
                "tokens-per-second-per-gpu" => tokens / value,
                _ => value * 3600,
            };
            if (s is null)
            {
                string need = field switch
                {
                    "mfu" when work.TrainingFlop is null => WorkNeeded,
                    "mfu" => "needs a peak: --gpu or --peak-tflops",
                    "achieved-tflops" => WorkNeeded,
                    _ => "needs --tokens",
                };
                inputs.AddError(new FieldError(field, need, InputSpec.Format(value), "the inputs it is combined with"));
                return null;
            }

            gpuSeconds = s.Value;
            if (field == "achieved-tflops" && hardware.Peak is double peak && value * 1e12 > peak * (1 + 1e-12))
            {
                inputs.AddError(new FieldError(field, $"exceeds the dense peak of {InputSpec.Format(peak / 1e12)} TFLOP/s", InputSpec.Format(value), $"at most {InputSpec.Format(peak / 1e12)}"));
                return null;
            }
        }

        double? n = gpus;
        if (n is null && seconds is not null)
        {
            n = gpuSeconds / seconds.Value;
            if (n < 1 || n > TrainingInputs.Gpus.Maximum)
            {
                string advice = n < 1 ? "fewer days: the run needs less than one GPU" : "more days: the run needs more than 1e8 GPUs";
                inputs.AddError(new FieldError("days", $"implies {n.Value.ToString("G4", CultureInfo.InvariantCulture)} GPUs ({advice})", InputSpec.Format(days!.Value), $"a wall time giving 1 to {InputSpec.Format(TrainingInputs.Gpus.Maximum)} GPUs"));
                return null;
            }

            inputs.Note(new Assumption
            {
                Name = "gpusDerived",
                Label = "GPUs (derived)",
                Value = n,
                Unit = "GPUs",
                Description = "GPU count derived as GPU-hours ÷ wall time.",
                IsDefault = false,
            });
        }

        return new Pinning(field, value, gpuSeconds, n, seconds ?? gpuSeconds / n);
    }

    private static void Add(List<(string, double)> pins, string field, double? value)
    {
        if (value is double v)
        {
            pins.Add((field, v));
        }
    }

    private static Outcome<TrainingResult> Build(
        ResolvedInputs inputs, TrainingRequest request, Work work, Hardware hardware, Pinning pin, double? mfu, double? tokens,
        double pue, double grid, double? overhead, double? utilisation)
    {
        var fields = new List<ResultField>();
        var missing = new List<MissingField>();
        void Put(string key, string label, double? value, string unit, string reason)
        {
            if (value is double v)
            {
                fields.Add(new ResultField(key, label, v, unit));
            }
            else
            {
                missing.Add(new MissingField(key, label, reason));
            }
        }

        string gpuName = hardware.Gpu?.Id ?? "this GPU";
        double gpuHours = pin.GpuSeconds / 3600;
        double? itKwh = gpuHours * hardware.PowerWatts * (utilisation ?? 1) * (overhead ?? 1) / 1000;
        double? facilityKwh = itKwh * pue;
        double? hfu = request.Recompute != Recompute.None ? work.HardwareFlop / (hardware.Peak * pin.GpuSeconds) : null;
        double? achievedRate = work.HardwareFlop / pin.GpuSeconds;
        double? tokensRate = tokens / pin.GpuSeconds;
        double? cost = gpuHours * hardware.PricePerHour;
        double? co2 = facilityKwh * grid;
        if (work.Parameters is double parameters)
        {
            fields.Add(new ResultField("parameters", "Parameters", parameters, "parameters"));
        }

        if (tokens is double d)
        {
            fields.Add(new ResultField("tokens", "Training tokens", d, "tokens"));
        }

        Put("trainingFlop", "Training FLOP", work.TrainingFlop, "FLOP", WorkNeeded);
        Put("hardwareFlop", "Hardware FLOP (with recomputation)", work.HardwareFlop, "FLOP", WorkNeeded);
        Put("gpus", "GPUs", pin.Gpus, "GPUs", "needs --gpus (or --days with --gpu-hours)");
        Put("wallTimeSeconds", "Wall time", pin.WallSeconds, "s", "needs --gpus or --days");
        Put("wallTimeDays", "Wall time", pin.WallSeconds / 86_400, "days", "needs --gpus or --days");
        Put("gpuHours", "GPU-hours", gpuHours, "GPU-h", string.Empty);
        Put("mfu", "MFU (model FLOP utilisation)", mfu, string.Empty, work.TrainingFlop is null ? WorkNeeded : "needs a peak: --gpu or --peak-tflops");
        if (request.Recompute != Recompute.None)
        {
            Put("hfu", "HFU (hardware FLOP utilisation)", hfu, string.Empty, "needs the work and a peak");
        }

        Put("achievedFlopPerSecondPerGpu", "Achieved hardware FLOP/s per GPU", achievedRate, "FLOP/s", WorkNeeded);
        Put("tokensPerSecondPerGpu", "Tokens per second per GPU", tokensRate, "tokens/s", "needs --tokens");
        Put("costUsd", "Cost", cost, "USD", $"needs --price-per-gpu-hour (no catalog price for {gpuName})");
        string powerReason = $"needs --power-watts (no published power for {gpuName})";
        Put("itEnergyKwh", "IT energy (GPUs)", itKwh, "kWh", powerReason);
        Put("facilityEnergyKwh", "Facility energy (× PUE)", facilityKwh, "kWh", powerReason);
        Put("co2Kg", "Emissions", co2, "kg CO2e", powerReason);
        inputs.Note(new Assumption
        {
            Name = "energyModel",
            Label = "Energy model",
            Text = "GPU-hours × power × utilisation × overhead; × PUE; × grid",
            Description = "IT energy = GPU-hours × power per GPU × power utilisation × server overhead (both 1 unless given); facility = IT × PUE; CO2e = facility × grid intensity.",
            Source = "Epoch AI cost model (Cottier et al. 2024); docs/formulas.md, \"Training runs\"",
            IsDefault = true,
        });

        if (!inputs.CheckFinite([.. fields.Where(f => f.Value != 0).Select(f => (f.Label, f.Value))]))
        {
            return Outcome<TrainingResult>.Failure(inputs.Errors);
        }

        return Outcome<TrainingResult>.Success(new TrainingResult
        {
            Fields = fields,
            Missing = missing,
            Assumptions = inputs.Assumptions,
            Parameters = work.Parameters,
            Tokens = tokens,
            TrainingFlop = work.TrainingFlop is double trainingFlop ? FlopCount.FromFlop(trainingFlop) : null,
            HardwareFlop = work.HardwareFlop is double hardwareFlop ? FlopCount.FromFlop(hardwareFlop) : null,
            Gpus = pin.Gpus,
            WallTime = pin.WallSeconds is double seconds ? WallTime.FromSeconds(seconds) : null,
            GpuHours = gpuHours,
            Mfu = mfu,
            Hfu = hfu,
            AchievedRatePerGpu = achievedRate is double rate ? FlopRate.FromFlopPerSecond(rate) : null,
            TokensPerSecondPerGpu = tokensRate,
            Cost = cost is double usd ? Money.FromUsd(usd) : null,
            ItEnergyKwh = itKwh,
            FacilityEnergyKwh = facilityKwh,
            Co2Kg = co2,
        });
    }

    private sealed record Work(double? Parameters, double? Tokens, double? TrainingFlop, double? HardwareFlop);

    private sealed record Hardware(GpuSpec? Gpu, double? Peak, double? PowerWatts, double? PricePerHour);

    private sealed record Pinning(string Field, double Value, double GpuSeconds, double? Gpus, double? WallSeconds);
}
