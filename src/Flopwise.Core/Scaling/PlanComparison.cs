using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// Compares training plans (N parameters on D tokens) over a model's lifetime: loss under a law, training FLOP
/// 6·N·D, inference FLOP 2·N·I, the dollars of each when priced, and each total relative to the cheapest plan.
/// </summary>
/// <remarks>
/// <para>Seed 003's "Chinchilla trap" is the worked example: 10B parameters on 200B tokens against 3B on 600B under
/// Hoffmann's printed constants (losses 2.1331 and 2.1405, training 1.20e22 and 1.08e22 FLOP, inference 2e10 and 6e9
/// FLOP per token), and with the seed's own per-plan prices ($500K and $600K to train, 0.01¢ and 0.003¢ per request,
/// 100B requests) $10.5M against $3.6M.</para>
/// <para>The loss is that of any law with one (<see cref="LossCalculator.Loss"/>: Chinchilla, Kaplan with N taken as
/// non-embedding, Muennighoff without repetition); a power-form or DeepSeek law gives none.</para>
/// <para>With match-loss (Chinchilla-form laws only), every later plan's tokens are solved on the first plan's loss contour,
/// D = (B / (ℓ₁ − E − A·N^−α))^(1/β) (<see cref="PlanContour.TokensAt"/>), more or fewer than given, so that the
/// plans are compared at equal quality; a plan with N ≤ N_min(ℓ₁) cannot reach ℓ₁ at all.</para>
/// <para>Prices: a plan's own <c>training-usd</c>, <c>usd-per-request</c> or <c>usd-per-million-tokens</c>, else
/// the global USD per training FLOP (or GPU, MFU and hourly price) and per inference FLOP (or per million tokens for
/// a model of the quoted size, cost ∝ N). Either every plan is priced or none is. Thread-safe.</para>
/// </remarks>
public static class PlanComparison
{
    /// <summary>The most plans in one comparison.</summary>
    public const int MaximumPlans = 200;

    /// <summary>Compares the plans, validating every input and checking that every output is finite.</summary>
    /// <param name="request">The plans and workload.</param>
    /// <returns>The comparison, or the input errors.</returns>
    public static Outcome<PlanComparisonResult> Evaluate(PlanComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        inputs.Note(PlanNotes.Law(request.Law));

        double? inferenceGiven = inputs.UseOptional(PlanInputs.InferenceTokens, request.InferenceTokens);
        double? requests = inputs.UseOptional(PlanInputs.Requests, request.Requests);
        double? tokensPerRequest = inputs.UseOptional(PlanInputs.TokensPerRequest, request.TokensPerRequest);
        double? mfu = inputs.UseOptional(PlanInputs.Mfu, request.Mfu);
        double? price = inputs.UseOptional(PlanInputs.PricePerGpuHour, request.PricePerGpuHour);
        double? perTrainingFlop = inputs.UseOptional(PlanInputs.UsdPerTrainingFlop, request.UsdPerTrainingFlop);
        double? perInferenceFlop = inputs.UseOptional(PlanInputs.UsdPerInferenceFlop, request.UsdPerInferenceFlop);
        double? perMillion = inputs.UseOptional(PlanInputs.UsdPerMillionTokens, request.UsdPerMillionTokens);
        double? quoted = inputs.UseOptional(PlanInputs.QuotedParameters, request.QuotedParameters);
        if (inputs.HasErrors)
        {
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        IReadOnlyList<PlanCandidate> plans = request.Plans;
        if (plans.Count == 0)
        {
            return Outcome<PlanComparisonResult>.Failure([new FieldError(PlanCandidate.Field, Messages.Missing, Messages.Nothing, "one --plan N:D or more (e.g. --plan 10B:200B --plan 3B:600B)")]);
        }

        if (plans.Count > MaximumPlans)
        {
            return Outcome<PlanComparisonResult>.Failure([new FieldError(PlanCandidate.Field, $"is given {plans.Count} times", plans[^1].Text, $"at most {MaximumPlans} plans")]);
        }

        double? inference = ResolveWorkload(inputs, inferenceGiven, requests, tokensPerRequest);
        if (inputs.HasErrors)
        {
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        (double[] tokens, double[]? losses) = ResolveTokensAndLosses(inputs, request);
        if (inputs.HasErrors)
        {
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        double? pt = PlanNotes.TrainingUsdPerFlop(inputs, request.Gpu, mfu, price, perTrainingFlop);
        double? pi = inputs.HasErrors ? null : PlanNotes.InferenceUsdPerFlop(
            inputs, perInferenceFlop, perMillion, quoted, (plans[0].Parameters, $"the first plan's model ({InputSpec.Format(plans[0].Parameters)} parameters)"));
        if (inputs.HasErrors)
        {
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        (double? Training, double? Inference)[]? costs = Price(inputs, plans, tokens, inference, requests, pt, pi);
        if (costs is null)
        {
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        bool priced = costs[0].Training is not null;
        bool hasVolume = inference is not null || requests is not null;
        double?[] inferenceFlop = plans.Select(p => hasVolume ? 2 * p.Parameters * inference : 0).ToArray();
        if (!priced && inferenceFlop[0] is null)
        {
            inputs.AddError(new FieldError(PlanInputs.TokensPerRequest.Name, "is needed to count inference FLOP from --requests when no prices are given", Messages.Nothing, "--tokens-per-request T, prices (usd-per-request=… on each plan), or --inference-tokens instead of --requests"));
            return Outcome<PlanComparisonResult>.Failure(inputs.Errors);
        }

        double[] totals = plans.Select((p, i) => priced
            ? costs[i].Training!.Value + costs[i].Inference!.Value
            : (6 * p.Parameters * tokens[i]) + inferenceFlop[i]!.Value).ToArray();
        double cheapest = totals.Min();
        Note(inputs, request, priced, hasVolume, inference, totals);
        IReadOnlyList<Assumption> assumptions = inputs.Assumptions;
        var rows = plans.Select((p, i) => new PlanComparisonRow
        {
            Index = i + 1,
            Candidate = p,
            Tokens = tokens[i],
            TokensMatched = request.MatchLoss,
            Loss = losses?[i],
            InferenceFlop = inferenceFlop[i],
            TrainingCostUsd = costs[i].Training,
            InferenceCostUsd = costs[i].Inference,
            TotalRatioToCheapest = totals[i] / cheapest,
            Assumptions = assumptions,
        }).ToList();
        foreach (PlanComparisonRow row in rows)
        {
            if (row.Fields.FirstOrDefault(f => !double.IsFinite(f.Value)) is ResultField bad)
            {
                return Outcome<PlanComparisonResult>.Failure([new FieldError(PlanCandidate.Field, Messages.MakesResultNonFinite(bad.Label), row.Candidate.Text, Messages.KeepsResultsFinite)]);
            }
        }

        return Outcome<PlanComparisonResult>.Success(new PlanComparisonResult { Rows = rows, Assumptions = assumptions, IsPriced = priced });
    }

    /// <summary>Compares valid plans.</summary>
    /// <param name="request">The plans and workload.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message lists every error.</exception>
    public static PlanComparisonResult Compute(PlanComparisonRequest request) => Evaluate(request).GetValueOrThrow();

    private static double? ResolveWorkload(ResolvedInputs inputs, double? inferenceGiven, double? requests, double? tokensPerRequest)
    {
        if (inferenceGiven is double given && requests is not null)
        {
            inputs.AddError(new FieldError(PlanInputs.InferenceTokens.Name, "cannot be combined with --requests", InputSpec.Format(given), "either --inference-tokens I or --requests R (with --tokens-per-request T)"));
            return null;
        }

        if (tokensPerRequest is double alone && requests is null)
        {
            inputs.AddError(new FieldError(PlanInputs.TokensPerRequest.Name, "needs --requests", InputSpec.Format(alone), "--requests R as well, or --inference-tokens I instead"));
            return null;
        }

        if (requests is double r && tokensPerRequest is double t)
        {
            double tokens = r * t;
            if (PlanInputs.InferenceTokens.Check(tokens) is not null)
            {
                inputs.AddError(new FieldError(PlanInputs.TokensPerRequest.Name, $"makes the inference tokens R × T = {InputSpec.Format(tokens)} exceed {InputSpec.Format(PlanInputs.InferenceTokens.Maximum)}", InputSpec.Format(t), "fewer requests or tokens per request"));
                return null;
            }

            inputs.Note(new Assumption
            {
                Name = "inferenceTokens",
                Label = "Lifetime inference tokens I",
                Value = tokens,
                Unit = "tokens",
                Description = "Requests × tokens per request.",
                IsDefault = false,
            });
            return tokens;
        }

        return inferenceGiven;
    }

    private static (double[] Tokens, double[]? Losses) ResolveTokensAndLosses(ResolvedInputs inputs, PlanComparisonRequest request)
    {
        IReadOnlyList<PlanCandidate> plans = request.Plans;
        double[] tokens = plans.Select(p => p.Tokens).ToArray();
        ScalingLaw law = request.Law;
        if (request.MatchLoss && !law.IsChinchillaForm)
        {
            inputs.AddError(PlanNotes.RequireChinchilla(law, "--match-loss")!);
            return (tokens, null);
        }

        if (!law.HasLoss)
        {
            inputs.Note(new Assumption
            {
                Name = "loss",
                Label = "Loss",
                Text = "not derived",
                Description = $"Law {law.Id} predicts no loss, only a compute-optimal frontier; the plans are compared on cost only.",
                IsDefault = true,
            });
            return (tokens, null);
        }

        if (law.Form.ComparisonNote(law, plans.Select((p, i) => ($"plan {i + 1}", p.Parameters, tokens[i])).ToArray()) is Assumption note)
        {
            inputs.Note(note);
        }

        double firstLoss = LossCalculator.Loss(law, plans[0].Parameters, plans[0].Tokens);
        if (request.MatchLoss && plans.Count > 1)
        {
            PlanContour contour = PlanContour.Create(law, firstLoss);
            for (int i = 1; i < plans.Count; i++)
            {
                double n = plans[i].Parameters;
                if (!(n > contour.MinimumParameters))
                {
                    inputs.AddError(new FieldError(
                        PlanCandidate.Field,
                        $"cannot reach the first plan's loss {Format(firstLoss)} with --match-loss: under {law.Id} a model needs more than N_min = {Format(contour.MinimumParameters)} parameters for it",
                        plans[i].Text,
                        $"a plan with more than {Format(contour.MinimumParameters)} parameters, or no --match-loss"));
                    return (tokens, null);
                }

                tokens[i] = contour.TokensAt(n);
            }

            inputs.Note(new Assumption
            {
                Name = "matchLoss",
                Label = "Match loss",
                Value = firstLoss,
                Unit = "nats/token",
                Description = "Every later plan's training tokens are solved so that its loss equals the first plan's (more or fewer than given; 'givenTokens' shows the originals).",
                IsDefault = false,
            });
        }

        return (tokens, plans.Select((p, i) => LossCalculator.Loss(law, p.Parameters, tokens[i])).ToArray());
    }

    private static (double? Training, double? Inference)[]? Price(
        ResolvedInputs inputs, IReadOnlyList<PlanCandidate> plans, double[] tokens, double? inference, double? requests, double? pt, double? pi)
    {
        bool hasVolume = inference is not null || requests is not null;
        bool anyTraining = pt is not null || plans.Any(p => p.TrainingUsd is not null);
        bool anyInference = pi is not null || plans.Any(p => p.UsdPerRequest is not null || p.UsdPerMillionTokens is not null);
        if (anyInference && !anyTraining)
        {
            inputs.AddError(new FieldError(PlanInputs.UsdPerTrainingFlop.Name, "is needed with an inference price, so that both phases are counted in dollars", Messages.Nothing, "training-usd=… on each plan, --usd-per-training-flop, or --gpu ID"));
            return null;
        }

        if (anyTraining && hasVolume && !anyInference)
        {
            inputs.AddError(new FieldError(PlanInputs.UsdPerInferenceFlop.Name, "is needed with a training price, so that both phases are counted in dollars", Messages.Nothing, "usd-per-request=… or usd-per-million-tokens=… on each plan, --usd-per-inference-flop, or --usd-per-million-tokens"));
            return null;
        }

        var costs = new (double? Training, double? Inference)[plans.Count];
        if (!anyTraining)
        {
            return costs;
        }

        for (int i = 0; i < plans.Count; i++)
        {
            PlanCandidate plan = plans[i];
            double? training = plan.TrainingUsd ?? pt * 6 * plan.Parameters * tokens[i];
            if (training is null)
            {
                inputs.AddError(new FieldError(PlanCandidate.Field, "has no training price while other plans have one", plan.Text, "training-usd=… on every plan, or --usd-per-training-flop (or --gpu) for all"));
                return null;
            }

            double? serving;
            if (plan.UsdPerRequest is double perRequest)
            {
                if (requests is not double r)
                {
                    inputs.AddError(new FieldError(PlanCandidate.Field, "has usd-per-request, which needs --requests", plan.Text, "--requests R, or usd-per-million-tokens=… with --inference-tokens"));
                    return null;
                }

                serving = perRequest * r;
            }
            else if (plan.UsdPerMillionTokens is double perMillion)
            {
                if (inference is not double tokensServed)
                {
                    inputs.AddError(new FieldError(PlanCandidate.Field, "has usd-per-million-tokens, which needs the inference tokens", plan.Text, "--inference-tokens I, or --requests R with --tokens-per-request T"));
                    return null;
                }

                serving = perMillion * tokensServed / 1e6;
            }
            else if (!hasVolume)
            {
                serving = 0;
            }
            else if (pi is double perFlop)
            {
                if (inference is not double tokensServed)
                {
                    inputs.AddError(new FieldError(PlanInputs.TokensPerRequest.Name, "is needed to price inference FLOP with --requests", Messages.Nothing, "--tokens-per-request T, or usd-per-request=… on each plan"));
                    return null;
                }

                serving = perFlop * 2 * plan.Parameters * tokensServed;
            }
            else
            {
                inputs.AddError(new FieldError(PlanCandidate.Field, "has no inference price while other plans have one", plan.Text, "usd-per-request=… or usd-per-million-tokens=… on every plan, or --usd-per-inference-flop (or --usd-per-million-tokens) for all"));
                return null;
            }

            costs[i] = (training, serving);
        }

        return costs;
    }

    private static void Note(ResolvedInputs inputs, PlanComparisonRequest request, bool priced, bool hasVolume, double? inference, double[] totals)
    {
        inputs.Note(new Assumption
        {
            Name = "trainingFlop",
            Label = "Training FLOP",
            Text = "6·N·D",
            Description = "C = 6·N·D, N total parameters, D training tokens.",
            Source = "Kaplan et al. 2020, §2.1; Hoffmann et al. 2022",
            IsDefault = true,
        });
        inputs.Note(PlanNotes.InferenceFlopPerToken);
        if (!hasVolume)
        {
            inputs.Note(new Assumption
            {
                Name = "inference",
                Label = "Inference workload",
                Text = "none",
                Description = "No --inference-tokens or --requests: the plans are compared on training alone (inference 0).",
                IsDefault = true,
            });
        }
        else if (inference is null)
        {
            inputs.Note(new Assumption
            {
                Name = "inferenceFlop",
                Label = "Inference FLOP",
                Text = "not derived",
                Description = "--requests without --tokens-per-request: inference is counted in dollars only; inferenceFlop and totalFlop are left out.",
                IsDefault = true,
            });
        }

        int cheapest = Array.IndexOf(totals, totals.Min()) + 1;
        inputs.Note(new Assumption
        {
            Name = "totalRatioToCheapest",
            Label = "Ratio basis",
            Text = priced ? "total cost (USD)" : "total FLOP",
            Description = $"Each plan's total ÷ the cheapest plan's (plan {cheapest}), in {(priced ? "dollars, because prices were given" : "FLOP, because no prices were given")}.",
            IsDefault = true,
        });
        if (request.Plans.Any(p => p.HasOwnPrice))
        {
            inputs.Note(new Assumption
            {
                Name = "planPrices",
                Label = "Per-plan prices",
                Text = "given in --plan",
                Description = "A plan's own training-usd, usd-per-request or usd-per-million-tokens is used as given (it overrides a global price).",
                IsDefault = false,
            });
        }
    }

    private static string Format(double value) =>
        value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
