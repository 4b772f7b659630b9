using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// Inference-aware planning (Sardana and Frankle 2024): the model that reaches a target loss at the least lifetime
/// cost, training FLOP 6·N·D plus inference FLOP 2·N·I, subject to L(N, D) = ℓ under a Chinchilla-form law.
/// </summary>
/// <remarks>
/// <para>On the contour, D(N) = (B / (ℓ − E − A·N^−α))^(1/β) for N &gt; N_min = (A/(ℓ−E))^(1/α) (see
/// <see cref="PlanContour"/>), so the problem is one-dimensional: minimise f(N) = p_t·6·N·D(N) + p_i·2·N·I, with
/// p_t = p_i = 1 to count FLOP or the prices of <see cref="PlanPricing"/> to count dollars. There is no closed form
/// (the paper uses Newton's method).</para>
/// <para>Solver. In u = ln N the training term is log-convex (d²ln(N·D)/du² &gt; 0) and the inference term is
/// e^u, so f is convex in ln N with a single minimum, where df/du = 6·p_t·N·D·h = 0 with
/// h = 1 − (α/β)·(1 − y)/y + k/D, y = 1 − (A/s)·N^−α the data term's share of s = ℓ − E, and k = p_i·I/(3·p_t).
/// h rises monotonically from −∞ just above N_min; at the compute-optimal N_co of the same loss h = k/D &gt; 0, so
/// the optimum lies in (N_min, N_co], and it tends to N_co as I → 0. The search runs on δ = ln(N/N_min), the
/// distance above N_min in ln N, where y = −expm1(−α·δ) keeps full precision: the bracket is
/// [δ_hi·2^−j, δ_hi] with δ_hi = ln((α+β)/β)/α + ln 10, the compute-optimal point plus a decade (both from the law's
/// exponents alone; j is the first halving at which h &lt; 0), and Brent's method finds the root of h to full double
/// precision (relative tolerance 4.4e-16 on δ, far inside the 1e-10 required of N). Everything is computed in
/// logarithms, so budgets of 1e15 or 1e40 FLOP behave alike.</para>
/// <para>Source: Sardana, Portes, Doubov and Frankle 2024, arXiv 2401.00448 (the objective and the limit I → 0);
/// Hoffmann et al. 2022, arXiv 2203.15556 (the law and its compute-optimal frontier). Thread-safe.</para>
/// </remarks>
public static class InferencePlanner
{
    private static readonly Assumption ComputeOptimalNote = new()
    {
        Name = "computeOptimal",
        Label = "Compute-optimal comparison",
        Text = "minimum of 6·N·D at the same loss",
        Description = "The Chinchilla-optimal model of equal loss: α·A·N^−α = β·B·D^−β on the contour, N_co = (A·(α+β)/(β·(ℓ−E)))^(1/α), serving the same inference tokens.",
        Source = "Hoffmann et al. 2022, arXiv 2203.15556, §3.3 (closed-form frontier)",
        IsDefault = true,
    };

    private static readonly Assumption SolverNote = new()
    {
        Name = "solver",
        Label = "Solver",
        Text = "Brent root of d(total)/d ln N",
        Description = "The total is convex in ln N; its derivative is bracketed between just above N_min and the compute-optimal N plus a decade, and solved by Brent's method to full double precision.",
        IsDefault = true,
    };

    /// <summary>Plans a model, validating every input and checking that every output is finite.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The plan, or the input errors.</returns>
    public static Outcome<PlanResult> Evaluate(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        double? target = inputs.UseOptional(PlanInputs.TargetLoss, request.TargetLoss);
        double? referenceN = inputs.UseOptional(PlanInputs.ReferenceParameters, request.ReferenceParameters);
        double? referenceD = inputs.UseOptional(PlanInputs.ReferenceTokens, request.ReferenceTokens);
        double? inference = inputs.UseOptional(PlanInputs.InferenceTokens, request.InferenceTokens);
        double? fixedN = inputs.UseOptional(PlanInputs.Parameters, request.Parameters);
        double? mfu = inputs.UseOptional(PlanInputs.Mfu, request.Mfu);
        double? price = inputs.UseOptional(PlanInputs.PricePerGpuHour, request.PricePerGpuHour);
        double? perTrainingFlop = inputs.UseOptional(PlanInputs.UsdPerTrainingFlop, request.UsdPerTrainingFlop);
        double? perInferenceFlop = inputs.UseOptional(PlanInputs.UsdPerInferenceFlop, request.UsdPerInferenceFlop);
        double? perMillion = inputs.UseOptional(PlanInputs.UsdPerMillionTokens, request.UsdPerMillionTokens);
        double? quoted = inputs.UseOptional(PlanInputs.QuotedParameters, request.QuotedParameters);
        if (inputs.HasErrors)
        {
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        if (PlanNotes.RequireChinchilla(request.Law, "planning") is FieldError lawError)
        {
            return Outcome<PlanResult>.Failure([lawError]);
        }

        (double Loss, string Field, double Got)? loss = ResolveLoss(inputs, request.Law, target, referenceN, referenceD);
        if (loss is null)
        {
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        if (inference is null)
        {
            return Outcome<PlanResult>.Failure([PlanInputs.InferenceTokens.MissingError()]);
        }

        PlanContour contour = PlanContour.Create(request.Law, loss.Value.Loss);
        if (!double.IsFinite(6 * contour.ComputeOptimalParameters * contour.ComputeOptimalTokens))
        {
            inputs.AddError(new FieldError(
                loss.Value.Field,
                $"puts the target loss {InputSpec.Format(loss.Value.Loss)} so close to E = {InputSpec.Format(request.Law.E!.Value)} that the compute-optimal model's FLOP overflow",
                InputSpec.Format(loss.Value.Got),
                "a loss further above E"));
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        if (fixedN is double n && !(n > contour.MinimumParameters))
        {
            inputs.AddError(new FieldError(
                PlanInputs.Parameters.Name,
                $"is too small to reach loss {Significant(loss.Value.Loss, 6)} under {request.Law.Id}: that needs more than N_min = {Significant(contour.MinimumParameters, 4)} parameters",
                InputSpec.Format(n),
                $"more than {Significant(contour.MinimumParameters, 4)} parameters, or no --params"));
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        (double, string)? defaultQuoted = fixedN is double fixedSize
            ? (fixedSize, "the planned model (--params)")
            : referenceN is double reference ? (reference, "the reference model (--reference-params)") : null;
        double? pt = PlanNotes.TrainingUsdPerFlop(inputs, request.Gpu, mfu, price, perTrainingFlop);
        double? pi = inputs.HasErrors ? null : PlanNotes.InferenceUsdPerFlop(inputs, perInferenceFlop, perMillion, quoted, defaultQuoted);
        if (inputs.HasErrors)
        {
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        if ((pt is null) != (pi is null))
        {
            inputs.AddError(pt is null
                ? new FieldError(PlanInputs.UsdPerTrainingFlop.Name, "is needed with an inference price, so that both phases are counted in dollars", Messages.Nothing, "--usd-per-training-flop, or --gpu ID (with --mfu, --price-per-gpu-hour)")
                : new FieldError(PlanInputs.UsdPerInferenceFlop.Name, "is needed with a training price, so that both phases are counted in dollars", Messages.Nothing, "--usd-per-inference-flop, or --usd-per-million-tokens"));
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        PlanPricing? pricing = pt is double training && pi is double serving
            ? new PlanPricing { TrainingUsdPerFlop = training, InferenceUsdPerFlop = serving }
            : null;
        return Build(inputs, request.Law, contour, inference.Value, fixedN, pricing);
    }

    /// <summary>Plans a model for a valid request.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">An input is missing or invalid; the message lists every error.</exception>
    public static PlanResult Compute(PlanRequest request) => Evaluate(request).GetValueOrThrow();

    /// <summary>
    /// Finds the model on a loss contour that minimises training plus inference cost: FLOP when
    /// <paramref name="pricing"/> is <see langword="null"/>, else dollars.
    /// </summary>
    /// <param name="contour">The loss contour.</param>
    /// <param name="inferenceTokens">I, lifetime inference tokens; range: I ≥ 0, finite (0 gives the compute-optimal model).</param>
    /// <param name="pricing">Prices per FLOP, or <see langword="null"/> to minimise FLOP.</param>
    /// <returns>The optimum, with N in (N_min, N_co] to full double precision; its loss is ℓ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contour"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inferenceTokens"/> is negative or not finite.</exception>
    public static PlanPoint Optimize(PlanContour contour, double inferenceTokens, PlanPricing? pricing = null)
    {
        ArgumentNullException.ThrowIfNull(contour);
        Guard.Finite(inferenceTokens, nameof(inferenceTokens));
        ArgumentOutOfRangeException.ThrowIfNegative(inferenceTokens);
        return Solve(contour, inferenceTokens, pricing).Point;
    }

    /// <summary>Plans the model for each lifetime inference volume of a sweep, other inputs as in <paramref name="template"/>.</summary>
    /// <param name="template">The question; its <see cref="PlanRequest.InferenceTokens"/> and <see cref="PlanRequest.Parameters"/> must be unset.</param>
    /// <param name="inferenceTokens">The inference volumes, in tokens.</param>
    /// <returns>One plan per volume, or the errors of the first that fails.</returns>
    public static Outcome<PlanSweep> Sweep(PlanRequest template, GeometricSweep inferenceTokens)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(inferenceTokens);
        const string Field = "sweep-inference";
        const string Expected = "FROM:TO lifetime inference tokens, without --inference-tokens or --params";
        string range = $"{Scientific(inferenceTokens.Points[0])}:{Scientific(inferenceTokens.Points[^1])}";
        if (template.InferenceTokens is double given)
        {
            return Outcome<PlanSweep>.Failure([new FieldError(Field, $"cannot be combined with --inference-tokens {InputSpec.Format(given)}", range, Expected)]);
        }

        if (template.Parameters is double size)
        {
            return Outcome<PlanSweep>.Failure([new FieldError(Field, $"cannot be combined with --params {InputSpec.Format(size)} (a fixed size has nothing to optimise)", range, Expected)]);
        }

        foreach (double point in inferenceTokens.Points)
        {
            if (PlanInputs.InferenceTokens.Check(point) is FieldError bad)
            {
                return Outcome<PlanSweep>.Failure([bad with { Field = Field, Problem = "has an inference volume that " + bad.Problem, Got = range }]);
            }
        }

        var rows = new List<PlanResult>(inferenceTokens.Points.Count);
        foreach (double point in inferenceTokens.Points)
        {
            Outcome<PlanResult> row = Evaluate(template with { InferenceTokens = point });
            if (row.Value is null)
            {
                return Outcome<PlanSweep>.Failure(row.Errors);
            }

            rows.Add(row.Value);
        }

        return Outcome<PlanSweep>.Success(new PlanSweep { Results = rows });
    }

    /// <summary>Builds the log–log chart of the optimal parameters and tokens per parameter against inference tokens.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The chart: optimal N, the compute-optimal N of equal loss, and D/N, against I.</returns>
    public static Chart Chart(PlanSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        double[] tokens = sweep.Results.Select(r => r.Plan.InferenceTokens).ToArray();
        PlanResult first = sweep.Results[0];
        return new Chart
        {
            Title = $"Inference-aware optimum at loss {Significant(first.Loss, 5)} ({first.Law.Id})",
            XLabel = "Lifetime inference tokens I",
            YLabel = "Parameters N / tokens per parameter D/N",
            XLogarithmic = true,
            YLogarithmic = true,
            Series =
            [
                new ChartSeries { Name = "Optimal parameters N", X = tokens, Y = sweep.Results.Select(r => r.Plan.Parameters).ToArray() },
                new ChartSeries { Name = "Compute-optimal N (same loss)", X = tokens, Y = sweep.Results.Select(r => r.ComputeOptimal.Parameters).ToArray() },
                new ChartSeries { Name = "Tokens per parameter D/N", X = tokens, Y = sweep.Results.Select(r => r.Plan.TokensPerParameter).ToArray() },
            ],
        };
    }

    /// <summary>Solves h(δ) = 0 (see the remarks of <see cref="InferencePlanner"/>).</summary>
    internal static (PlanPoint Point, int Evaluations) Solve(PlanContour contour, double inferenceTokens, PlanPricing? pricing)
    {
        if (inferenceTokens == 0)
        {
            return (PlanPoint.Create(contour.ComputeOptimalParameters, contour.ComputeOptimalTokens, 0, pricing), 0);
        }

        // ln k with k = p_i·I/(3·p_t): the inference workload as an equivalent number of training tokens.
        double logWeight = Math.Log(inferenceTokens) - Math.Log(3)
            + (pricing is null ? 0 : Math.Log(pricing.InferenceUsdPerFlop) - Math.Log(pricing.TrainingUsdPerFlop));
        double ratio = contour.ExponentRatio;
        int evaluations = 0;

        // h ÷ (1 + k/D): the same sign and root as h, but bounded above by 1 even where k/D overflows.
        double Scaled(double offset)
        {
            evaluations++;
            double share = contour.DataShareAbove(offset);
            double weightOverTokens = Math.Exp(logWeight - contour.LogTokensAtShare(share));
            return 1 - (ratio * contour.ParameterShareAbove(offset) / (share * (1 + weightOverTokens)));
        }

        double high = contour.ComputeOptimalOffset + Math.Log(10);
        double fHigh = Scaled(high);
        double low = high;
        double fLow = fHigh;
        while (fLow >= 0)
        {
            (high, fHigh) = (low, fLow);
            low *= 0.5;
            if (low == 0)
            {
                throw new InvalidOperationException("No sign change of the derivative above N_min (a bug: it tends to −∞ there).");
            }

            fLow = Scaled(low);
        }

        double offset = fHigh == 0 ? high : PlanRootFinder.Solve(Scaled, low, fLow, high, fHigh, 0).Root;
        double share = contour.DataShareAbove(offset);
        double parameters = contour.ParametersAtOffset(offset);
        double tokens = Math.Exp(contour.LogTokensAtShare(share));
        return (PlanPoint.Create(parameters, tokens, inferenceTokens, pricing), evaluations);
    }

    private static (double Loss, string Field, double Got)? ResolveLoss(ResolvedInputs inputs, ScalingLaw law, double? target, double? referenceN, double? referenceD)
    {
        const string Expected = "--target-loss X, or --reference-params N with --reference-tokens D";
        double e = law.E!.Value;
        if (target is double t)
        {
            if (referenceN is not null || referenceD is not null)
            {
                inputs.AddError(new FieldError(PlanInputs.TargetLoss.Name, "cannot be combined with --reference-params or --reference-tokens", InputSpec.Format(t), Expected));
                return null;
            }

            if (t <= e)
            {
                inputs.AddError(new FieldError(
                    PlanInputs.TargetLoss.Name,
                    $"is at or below the irreducible loss E = {InputSpec.Format(e)} of law {law.Id}, which no model reaches",
                    InputSpec.Format(t),
                    $"a loss greater than {InputSpec.Format(e)} (nats/token)"));
                return null;
            }

            return (t, PlanInputs.TargetLoss.Name, t);
        }

        if (referenceN is double n && referenceD is double d)
        {
            double reference = law.ChinchillaLoss(n, d);
            if (PlanInputs.TargetLoss.Check(reference) is FieldError outOfRange)
            {
                inputs.AddError(new FieldError(
                    PlanInputs.ReferenceParameters.Name,
                    $"gives a reference loss L({InputSpec.Format(n)}, {InputSpec.Format(d)}) = {InputSpec.Format(reference)} under {law.Id}, which as a target loss {outOfRange.Problem}",
                    InputSpec.Format(n),
                    $"a reference model whose loss is a valid --target-loss: {PlanInputs.TargetLoss.Expected}"));
                return null;
            }

            inputs.Note(new Assumption
            {
                Name = "targetLoss",
                Label = "Target loss ℓ (derived)",
                Value = reference,
                Unit = "nats/token",
                Description = $"Loss of the reference model, L({InputSpec.Format(n)}, {InputSpec.Format(d)}) under {law.Id}.",
                IsDefault = false,
            });
            return (reference, PlanInputs.ReferenceParameters.Name, n);
        }

        inputs.AddError(referenceN is not null
            ? new FieldError(PlanInputs.ReferenceTokens.Name, "is needed with --reference-params", Messages.Nothing, Expected)
            : referenceD is not null
                ? new FieldError(PlanInputs.ReferenceParameters.Name, "is needed with --reference-tokens", Messages.Nothing, Expected)
                : new FieldError(PlanInputs.TargetLoss.Name, Messages.Missing, Messages.Nothing, Expected));
        return null;
    }

    private static Outcome<PlanResult> Build(
        ResolvedInputs inputs, ScalingLaw law, PlanContour contour, double inference, double? fixedN, PlanPricing? pricing)
    {
        PlanPoint computeOptimal = PlanPoint.Create(contour.ComputeOptimalParameters, contour.ComputeOptimalTokens, inference, pricing);
        PlanPoint plan;
        int evaluations = 0;
        if (fixedN is double n)
        {
            plan = PlanPoint.Create(n, contour.TokensAt(n), inference, pricing);
        }
        else
        {
            (plan, evaluations) = Solve(contour, inference, pricing);
        }

        inputs.Note(new Assumption
        {
            Name = "objective",
            Label = "Objective",
            Text = pricing is null ? "6·N·D + 2·N·I FLOP" : "p_t·6·N·D + p_i·2·N·I USD",
            Description = (fixedN is null ? "Minimised over N" : "Evaluated at the given N") + " subject to L(N, D) = ℓ"
                + (pricing is null ? ", in FLOP." : ", in dollars: training and inference FLOP each at their own price."),
            Source = PlanNotes.SardanaFrankle,
            IsDefault = true,
        });
        inputs.Note(PlanNotes.InferenceFlopPerToken);
        inputs.Note(ComputeOptimalNote);
        inputs.Note(fixedN is null ? SolverNote : new Assumption
        {
            Name = "savingFraction",
            Label = "Saving at a fixed size",
            Text = "may be negative",
            Description = "With --params the size is not optimised: a negative saving means the given size costs more than the compute-optimal model of equal loss.",
            IsDefault = true,
        });

        double saving = 1 - (plan.Objective / computeOptimal.Objective);
        if (fixedN is null)
        {
            saving = Math.Max(0, saving); // the optimum costs at most the compute-optimal model: below 0 is rounding
        }

        var result = new PlanResult
        {
            Law = law,
            Loss = contour.Loss,
            Plan = plan,
            ComputeOptimal = computeOptimal,
            IsFixedSize = fixedN is not null,
            SolverEvaluations = evaluations,
            SavingFraction = saving,
            Assumptions = inputs.Assumptions,
        };
        if (result.PlanFields.FirstOrDefault(f => !double.IsFinite(f.Value)) is ResultField overflow) // the law's constants are finite
        {
            (string field, double got) = fixedN is double size ? (PlanInputs.Parameters.Name, size) : (PlanInputs.InferenceTokens.Name, inference);
            inputs.AddError(new FieldError(field, Messages.MakesResultNonFinite(overflow.Label), InputSpec.Format(got), Messages.KeepsResultsFinite));
            return Outcome<PlanResult>.Failure(inputs.Errors);
        }

        return Outcome<PlanResult>.Success(result);
    }

    private static string Scientific(double value) => value.ToString("0.####e+00", CultureInfo.InvariantCulture);

    private static string Significant(double value, int digits) =>
        value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
