using System.Globalization;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Training;

namespace Flopwise.Scenarios;

/// <summary>
/// The budget-first question: what a budget of dollars, GPU-hours or a cluster for some days buys. The budget becomes
/// training FLOP (GPU-hours × 3600 × dense peak × MFU), then the compute-optimal model and its loss under a law, the
/// run's time, cost, energy and CO2 (as <c>train</c> computes them), the copies after training, and, with lifetime
/// inference tokens, the inference-aware model of the same loss.
/// </summary>
/// <remarks>
/// Each step is the calculator of its own command, so the numbers equal what <c>train --flop C --gpu-hours H</c>,
/// <c>optimal --compute C</c>, <c>copies --compute C</c> and <c>plan --target-loss L --inference-tokens I</c> print.
/// </remarks>
public static class Budget
{
    /// <summary>Evaluates the budget.</summary>
    /// <param name="request">The budget.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<BudgetResult> Evaluate(BudgetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Outcome<BudgetConversion> converted = Convert(request, needsLaw: true);
        if (converted.Value is not BudgetConversion conversion || request.Gpu is null || request.Law is null)
        {
            return Outcome<BudgetResult>.Failure(converted.Errors);
        }

        double trainingFlop = conversion.TrainingFlop;
        double gpuHours = conversion.GpuHours;
        double? gpus = conversion.Gpus;
        double? price = conversion.PricePerGpuHour;
        double? inferenceTokens = conversion.InferenceTokens;

        Outcome<TrainingResult> train = TrainingAccounting.Evaluate(new TrainingRequest
        {
            Flop = trainingFlop,
            Gpu = request.Gpu,
            GpuHours = gpuHours,
            Gpus = gpus,
            PricePerGpuHour = price,
            PowerWatts = request.PowerWatts,
            Pue = request.Pue,
            GridIntensity = request.GridIntensity,
            Grid = request.Grid,
        });
        Outcome<OptimalResult> optimal = OptimalAllocation.Evaluate(new OptimalRequest { Compute = trainingFlop, Law = request.Law });
        // With a cluster size the run's wall time is known: the copies after training reallocate that cluster, so T is
        // the wall time (C/T is the FLOP/s it delivered), not the copies model's default; as the scenario chain does.
        double? runSeconds = train.Value?.WallTime?.Seconds;
        Outcome<CopiesResult> copies = CopiesModel.Evaluate(new CopiesRequest { Compute = trainingFlop, DurationSeconds = runSeconds });
        IReadOnlyList<FieldError> errors = [.. train.Errors, .. optimal.Errors, .. copies.Errors];
        if (errors.Count > 0)
        {
            return Outcome<BudgetResult>.Failure(errors);
        }

        PlanResult? plan = null;
        double? loss = optimal.Value!.Fields.FirstOrDefault(f => f.Key == "loss")?.Value;
        if (inferenceTokens is double tokens)
        {
            if (loss is null)
            {
                return Outcome<BudgetResult>.Failure([new FieldError("inference-tokens", $"needs a law that predicts loss ({request.Law.Id} does not)", InputSpec.Format(tokens), "a Chinchilla-form law, e.g. --law epoch")]);
            }

            Outcome<PlanResult> planned = InferencePlanner.Evaluate(new PlanRequest { Law = request.Law, TargetLoss = loss, InferenceTokens = tokens });
            if (planned.Value is null)
            {
                return Outcome<BudgetResult>.Failure(planned.Errors);
            }

            plan = planned.Value;
        }

        return Outcome<BudgetResult>.Success(new BudgetResult
        {
            TrainingFlop = trainingFlop,
            GpuHours = gpuHours,
            Training = train.Value!,
            Optimal = optimal.Value!,
            Copies = copies.Value!,
            Plan = plan,
            Assumptions = Merge(conversion.Assumptions, train.Value!.Assumptions, optimal.Value!.Assumptions, [.. copies.Value!.Assumptions.Select(RunDuration)], plan?.Assumptions ?? []),
        });
    }

    /// <summary>
    /// Converts the budget into GPU-hours and training FLOP (GPU-hours × 3600 × dense peak × MFU), the first step of
    /// <see cref="Evaluate"/>, without the steps that follow; the scenario chain starts from it.
    /// </summary>
    /// <param name="request">The budget; <see cref="BudgetRequest.Law"/> is not needed.</param>
    /// <returns>The conversion, or the input errors (the same as <see cref="Evaluate"/> reports for them).</returns>
    public static Outcome<BudgetConversion> Convert(BudgetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Convert(request, needsLaw: false);
    }

    private static Outcome<BudgetConversion> Convert(BudgetRequest request, bool needsLaw)
    {
        var inputs = new ResolvedInputs();
        double? usd = inputs.UseOptional(BudgetInputs.Usd, request.Usd);
        double? gpuHoursGiven = inputs.UseOptional(BudgetInputs.GpuHours, request.GpuHours);
        double? gpus = inputs.UseOptional(BudgetInputs.Gpus, request.Gpus);
        double? days = inputs.UseOptional(BudgetInputs.Days, request.Days);
        double mfu = inputs.Use(BudgetInputs.Mfu, request.Mfu);
        double? priceGiven = inputs.UseOptional(BudgetInputs.PricePerGpuHour, request.PricePerGpuHour);
        double? inferenceTokens = inputs.UseOptional(BudgetInputs.InferenceTokens, request.InferenceTokens);
        inputs.RequireModelAndGpu(null, request.Gpu, needsModel: false);

        if (needsLaw && request.Law is null)
        {
            inputs.AddError(new FieldError("law", Messages.Missing, Messages.Nothing, "a scaling law (see flopwise laws)"));
        }

        int forms = (usd is null ? 0 : 1) + (gpuHoursGiven is null ? 0 : 1) + (days is null ? 0 : 1);
        if (forms != 1 && !inputs.HasErrors)
        {
            inputs.AddError(new FieldError(
                forms == 0 ? "usd" : usd is not null ? "usd" : "gpu-hours",
                forms == 0 ? "is missing: the budget is needed" : "is given with another budget; give one",
                forms == 0 ? Messages.Nothing : InputSpec.Format(usd ?? gpuHoursGiven ?? days!.Value),
                "one of --usd X, --gpu-hours H, or --gpus n --days d"));
        }

        if (days is not null && gpus is null && !inputs.HasErrors)
        {
            inputs.AddError(new FieldError("days", "needs --gpus (the cluster that runs for those days)", InputSpec.Format(days.Value), "--gpus n with --days d"));
        }

        if (inputs.HasErrors || request.Gpu is null)
        {
            return Outcome<BudgetConversion>.Failure(inputs.Errors);
        }

        double? price = priceGiven ?? request.Gpu.Price?.PerHour.Usd;
        if (usd is not null && price is null)
        {
            return Outcome<BudgetConversion>.Failure([new FieldError("price-per-gpu-hour", $"is needed with --usd (no catalog price for {request.Gpu.Id})", Messages.Nothing, "USD per GPU-hour")]);
        }

        double gpuHours = usd is double dollars ? dollars / price!.Value : gpuHoursGiven ?? (gpus!.Value * days!.Value * 24);
        double peak = request.Gpu.DensePeak(request.Gpu.DefaultTrainingType)!.Value.FlopPerSecond;
        double trainingFlop = gpuHours * 3600 * peak * mfu;
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        inputs.Note(new Assumption
        {
            Name = "budgetToFlop",
            Label = "Budget to training FLOP",
            Text = "GPU-hours × 3600 × dense peak × MFU",
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"{InputSpec.Format(gpuHours)} GPU-hours × 3600 × {InputSpec.Format(peak / 1e12)} TFLOP/s ({request.Gpu.Id}, {Hardware.DataTypes.Name(request.Gpu.DefaultTrainingType)} dense) × MFU {InputSpec.Format(mfu)}."),
            IsDefault = true,
        });
        if (!inputs.CheckFinite(("Training FLOP", trainingFlop)))
        {
            return Outcome<BudgetConversion>.Failure(inputs.Errors);
        }

        return Outcome<BudgetConversion>.Success(new BudgetConversion
        {
            TrainingFlop = trainingFlop,
            GpuHours = gpuHours,
            Gpus = gpus,
            PricePerGpuHour = price,
            InferenceTokens = inferenceTokens,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Computes the budget for a valid request.</summary>
    /// <param name="request">The budget.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The inputs are invalid.</exception>
    public static BudgetResult Compute(BudgetRequest request) => Evaluate(request).GetValueOrThrow();

    /// <summary>Joins the steps' assumptions, each name once (the first wins), skipping the values the budget derived.</summary>
    private static Assumption RunDuration(Assumption a) =>
        a.Name == CopiesInputs.DurationSeconds.JsonName && !a.IsDefault
            ? a with { Label = a.Label + " (the run's wall time)", Description = "The training run's wall time on the given cluster: the copies after training reallocate that cluster." }
            : a;

    private static List<Assumption> Merge(params IReadOnlyList<Assumption>[] lists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "flop", "compute", "gpuHours", "targetLoss", "inferenceTokens" };
        var merged = new List<Assumption>();
        foreach (Assumption a in lists[0])
        {
            seen.Add(a.Name);
            merged.Add(a);
        }

        foreach (IReadOnlyList<Assumption> list in lists.Skip(1))
        {
            merged.AddRange(list.Where(a => seen.Add(a.Name)));
        }

        return merged;
    }
}
