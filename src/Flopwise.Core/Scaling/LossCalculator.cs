using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The loss a law predicts: L(N, D) = E + A/N^α + B/D^β (Chinchilla form), Kaplan's joint
/// L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D, and the data-constrained L(N, D, U) of Muennighoff et al. 2023; and
/// the isoFLOP curves (loss against N at fixed C = 6·N·D).
/// </summary>
/// <remarks>
/// Sources: Hoffmann et al. 2022, eq. 2 (arXiv 2203.15556); Kaplan et al. 2020, eq. 1.5 and Table 2 (arXiv 2001.08361;
/// N non-embedding); Muennighoff et al. 2023 (arXiv 2305.16264), see <see cref="DataConstrained"/>. A power-form or
/// DeepSeek law has no loss. Thread-safe.
/// </remarks>
public static class LossCalculator
{
    /// <summary>The number of points of each isoFLOP curve.</summary>
    public const int CurvePoints = 41;

    /// <summary>The half-width of each isoFLOP curve around its minimum, as a factor on N (one decade each side).</summary>
    public const double CurveHalfWidth = 10;

    /// <summary>The least compute of an isoFLOP curve, 6 FLOP: one parameter on one token (below it the window N ∈ [1, C/6] is empty).</summary>
    public const double MinimumCurveCompute = 6;

    /// <summary>Evaluates the loss, validating every input and checking that it is finite.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result, or the input errors (a law without a loss is an error on <c>law</c>).</returns>
    public static Outcome<LossResult> Evaluate(LossRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double n = inputs.Use(ScalingInputs.Parameters, request.Parameters);
        double d = inputs.Use(ScalingInputs.Tokens, request.Tokens);
        double? u = inputs.UseOptional(ScalingInputs.UniqueTokens, request.UniqueTokens);
        ScalingLaw law = ScalingNotes.ChooseLaw(request.Law, request.UniqueTokens is not null, inputs);
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        if (!law.HasLoss)
        {
            inputs.AddError(ScalingNotes.NoLoss(law));
        }
        else if (request.UniqueTokens is not null && !law.HasChinchillaConstants)
        {
            inputs.AddError(ScalingNotes.NoDataConstrainedForm(law, request.UniqueTokens.Value));
        }

        if (inputs.HasErrors)
        {
            return Outcome<LossResult>.Failure(inputs.Errors);
        }

        double loss;
        double? effectiveTokens = null;
        double? effectiveParameters = null;
        if (u is double unique)
        {
            ScalingNotes.NoteDataConstrained(law, inputs);
            ScalingLaw decayed = DataConstrained.WithRepetitionDecay(law);
            double capped = Math.Min(unique, d);
            if (unique > d)
            {
                inputs.Note(new Assumption
                {
                    Name = "uniqueTokensCapped",
                    Label = "Unique tokens above D",
                    Text = "U = D",
                    Description = "More unique tokens than training tokens: nothing is repeated, so U = D is used.",
                    IsDefault = true,
                });
            }

            loss = DataConstrained.Loss(decayed, n, d, unique);
            effectiveTokens = DataConstrained.EffectiveTokens(d, capped, decayed.RepeatedTokensDecay!.Value);
            effectiveParameters = DataConstrained.EffectiveParameters(decayed, n, capped, decayed.RepeatedParametersDecay!.Value);
        }
        else
        {
            loss = Loss(law, n, d);
            if (law.Form.LossNote(law, [("the model", n, d)]) is Assumption note)
            {
                inputs.Note(note);
            }
        }

        ScalingNotes.NoteForm(law, inputs);
        if (!inputs.CheckFinite(("Predicted loss L", loss)))
        {
            return Outcome<LossResult>.Failure(inputs.Errors);
        }

        return Outcome<LossResult>.Success(new LossResult
        {
            Law = law,
            Loss = loss,
            Parameters = n,
            Tokens = d,
            UniqueTokens = u,
            EffectiveTokens = effectiveTokens,
            EffectiveParameters = effectiveParameters,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Gets the loss L(N, D) of a law without repeated data.</summary>
    /// <param name="law">A law with a loss (<see cref="ScalingLaw.HasLoss"/>).</param>
    /// <param name="parameters">N (&gt; 0; non-embedding for Kaplan).</param>
    /// <param name="tokens">D (&gt; 0).</param>
    /// <returns>
    /// The loss in nats per token. For a Muennighoff law, L(N, D, U = D): the Chinchilla form where N ≤ N*(D), above it
    /// higher, because the excess-parameter decay applies without repetition too.
    /// </returns>
    /// <exception cref="InvalidOperationException">The law has no loss (power or DeepSeek form) or lacks a constant.</exception>
    public static double Loss(ScalingLaw law, double parameters, double tokens)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.Form.Loss(law, parameters, tokens);
    }

    /// <summary>Gets Kaplan's joint loss L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D.</summary>
    /// <param name="law">A Kaplan-form law.</param>
    /// <param name="parameters">N, non-embedding parameters (&gt; 0).</param>
    /// <param name="tokens">D (&gt; 0).</param>
    /// <returns>The loss in nats per token.</returns>
    /// <exception cref="InvalidOperationException">The law lacks α_N, α_D, N_c or D_c.</exception>
    /// <remarks>Source: Kaplan et al. 2020, eq. 1.5/4.1 and Table 2 (α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13).</remarks>
    public static double KaplanLoss(ScalingLaw law, double parameters, double tokens) => LawForm.Kaplan.Loss(law, parameters, tokens);

    /// <summary>
    /// Builds isoFLOP curves: for each compute C of <paramref name="computes"/>, the loss against N with D = C/(6·N),
    /// over one decade each side of the curve's minimum; and the minimum of each curve.
    /// </summary>
    /// <param name="law">The law, or <see langword="null"/> for the default (<c>epoch</c>, or <c>muennighoff</c> with unique tokens).</param>
    /// <param name="computes">The compute of each curve, in FLOP.</param>
    /// <param name="uniqueTokens">U for a data-constrained loss, or <see langword="null"/>.</param>
    /// <param name="notes">Notes from resolving the law, added to the assumptions.</param>
    /// <returns>
    /// The curves, or an error when the law has no loss, or on <c>compute-range</c> when a compute is not a valid
    /// <see cref="ScalingInputs.Compute"/> or is below <see cref="MinimumCurveCompute"/>. A minimum that lands on the
    /// edge of the search window is flagged (<see cref="IsoFlopRow.MinimumAtWindowEdge"/>, and a note).
    /// </returns>
    public static Outcome<IsoFlopCurves> IsoFlop(ScalingLaw? law, GeometricSweep computes, double? uniqueTokens, IReadOnlyList<Assumption> notes)
    {
        ArgumentNullException.ThrowIfNull(computes);
        ArgumentNullException.ThrowIfNull(notes);
        if (CheckComputeRange(computes) is FieldError rangeError)
        {
            return Outcome<IsoFlopCurves>.Failure([rangeError]);
        }

        var inputs = new ResolvedInputs();
        double? u = inputs.UseOptional(ScalingInputs.UniqueTokens, uniqueTokens);
        ScalingLaw chosen = ScalingNotes.ChooseLaw(law, uniqueTokens is not null, inputs);
        foreach (Assumption note in notes)
        {
            inputs.Note(note);
        }

        if (!chosen.HasLoss)
        {
            inputs.AddError(ScalingNotes.NoLoss(chosen));
        }
        else if (uniqueTokens is not null && !chosen.HasChinchillaConstants)
        {
            inputs.AddError(ScalingNotes.NoDataConstrainedForm(chosen, uniqueTokens.Value));
        }

        if (inputs.HasErrors)
        {
            return Outcome<IsoFlopCurves>.Failure(inputs.Errors);
        }

        Func<ScalingLaw, double, double, double> loss = Loss;
        if (u is double unique)
        {
            ScalingNotes.NoteDataConstrained(chosen, inputs);
            ScalingLaw decayed = DataConstrained.WithRepetitionDecay(chosen);
            loss = (l, n, d) => DataConstrained.Loss(decayed, n, d, unique);
        }

        ScalingNotes.NoteForm(chosen, inputs);
        inputs.Note(new Assumption
        {
            Name = "isoFlop",
            Label = "IsoFLOP curves",
            Text = "D = C/(6·N)",
            Description = string.Create(CultureInfo.InvariantCulture, $"Each curve holds C = 6·N·D fixed and spans N from 1/{CurveHalfWidth} to {CurveHalfWidth} × its minimum ({CurvePoints} points)."),
            IsDefault = true,
        });

        var rows = new List<IsoFlopRow>();
        var series = new List<ChartSeries>();
        foreach (double c in computes.Points)
        {
            double perToken = c / 6;
            (double nMin, bool atEdge) = MinimizeOverParameters(n => loss(chosen, n, perToken / n), perToken);
            double lMin = loss(chosen, nMin, perToken / nMin);
            var x = new double[CurvePoints];
            var y = new double[CurvePoints];
            for (int i = 0; i < CurvePoints; i++)
            {
                double n = nMin * Math.Pow(CurveHalfWidth, (2.0 * i / (CurvePoints - 1)) - 1);
                x[i] = n;
                y[i] = loss(chosen, n, perToken / n);
            }

            if (!double.IsFinite(lMin) || y.Any(v => !double.IsFinite(v)))
            {
                inputs.AddError(new FieldError("compute-range", Messages.MakesResultNonFinite("Predicted loss L"), InputSpec.Format(c), Messages.KeepsResultsFinite));
                return Outcome<IsoFlopCurves>.Failure(inputs.Errors);
            }

            rows.Add(new IsoFlopRow { TrainingFlop = c, Parameters = nMin, Tokens = perToken / nMin, Loss = lMin, MinimumAtWindowEdge = atEdge });
            series.Add(new ChartSeries { Name = "C = " + InputSpec.Format(c) + " FLOP", X = x, Y = y });
        }

        IsoFlopRow[] edge = rows.Where(r => r.MinimumAtWindowEdge).ToArray();
        if (edge.Length > 0)
        {
            inputs.Note(new Assumption
            {
                Name = "minimumAtWindowEdge",
                Label = "Minimum at the window's edge",
                Text = string.Join(", ", edge.Select(r => InputSpec.Format(r.TrainingFlop))) + " FLOP",
                Description = "At these budgets the lowest loss found lies on the edge of the searched N (at least 1 parameter and 1 token, "
                    + "at most 8 decades from √(C/6)): the true minimum is there or beyond, and the row is a bound, not an optimum.",
                IsDefault = true,
            });
        }

        series.Add(new ChartSeries { Name = "Minimum of each curve", X = rows.Select(r => r.Parameters).ToArray(), Y = rows.Select(r => r.Loss).ToArray() });
        var chart = new Chart
        {
            Title = $"IsoFLOP curves ({chosen.Id})",
            XLabel = chosen.Form.ParametersLabel,
            YLabel = "Predicted loss (nats/token)",
            XLogarithmic = true,
            Series = series,
        };
        return Outcome<IsoFlopCurves>.Success(new IsoFlopCurves { Law = chosen, Rows = rows, Chart = chart, Assumptions = inputs.Assumptions });
    }

    /// <summary>Checks every compute of an isoFLOP sweep against <see cref="ScalingInputs.Compute"/> and <see cref="MinimumCurveCompute"/>.</summary>
    private static FieldError? CheckComputeRange(GeometricSweep computes)
    {
        const string Field = "compute-range";
        string range = ScalingInputs.RangeText(computes);
        string expected = string.Create(CultureInfo.InvariantCulture, $"FROM:TO with every compute >= {MinimumCurveCompute} and <= {InputSpec.Format(ScalingInputs.MaximumCompute)} FLOP");
        foreach (double c in computes.Points)
        {
            if (ScalingInputs.Compute.Check(c) is FieldError bad)
            {
                return new FieldError(Field, $"has a compute of {InputSpec.Format(c)} FLOP, which {bad.Problem}", range, expected);
            }

            if (c < MinimumCurveCompute)
            {
                return new FieldError(Field, string.Create(CultureInfo.InvariantCulture, $"has a compute of {InputSpec.Format(c)} FLOP, below {MinimumCurveCompute} FLOP (one parameter on one token), where an isoFLOP curve is empty"), range, expected);
            }
        }

        return null;
    }

    /// <summary>
    /// Golden-section search of a unimodal function of log N over [√(C/6)·1e-8, √(C/6)·1e8] ∩ [1, C/6]; also says
    /// whether the minimum found lies on the edge of that window (within 1e-6 in ln N).
    /// </summary>
    private static (double Parameters, bool AtEdge) MinimizeOverParameters(Func<double, double> f, double perToken)
    {
        double center = Math.Log(Math.Sqrt(perToken));
        double lo = Math.Max(0, center - (8 * Math.Log(10)));
        double hi = Math.Min(Math.Log(perToken), center + (8 * Math.Log(10)));
        (double windowLo, double windowHi) = (lo, hi);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - (ratio * (hi - lo));
        double x2 = lo + (ratio * (hi - lo));
        double f1 = f(Math.Exp(x1));
        double f2 = f(Math.Exp(x2));
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            if (f1 <= f2)
            {
                (hi, x2, f2) = (x2, x1, f1);
                x1 = hi - (ratio * (hi - lo));
                f1 = f(Math.Exp(x1));
            }
            else
            {
                (lo, x1, f1) = (x1, x2, f2);
                x2 = lo + (ratio * (hi - lo));
                f2 = f(Math.Exp(x2));
            }
        }

        double x = (lo + hi) / 2;
        const double EdgeTolerance = 1e-6;
        return (Math.Exp(x), x - windowLo < EdgeTolerance || windowHi - x < EdgeTolerance);
    }
}
