using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>
/// The compute-optimal allocation of a training budget C under any law: the Chinchilla closed form, a power-form
/// frontier N = G·C^a, D = H·C^b, Kaplan's Table 6 frontier (C in PF-days), DeepSeek's M_opt and D_opt, the
/// 20-tokens-per-parameter rule, and, with unique tokens, Muennighoff's data-constrained grid search.
/// </summary>
/// <remarks>
/// <para>Chinchilla form (Hoffmann et al. 2022, §3.3): N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b, 6·N·D = C, with the loss.
/// Power form: N = G·(C/u)^a, D = H·(C/u)^b, u the compute unit (1 FLOP, or 8.64e19 for Kaplan), no loss.
/// Kaplan et al. 2020, Table 6 and eq. 1.3: N_opt = 1.3e9·C^0.73 (non-embedding), D_opt = 2e10·C^0.27, loss
/// L(C_min) = (3.1e8/C)^0.050, C in PF-days; 6·N·D = 1.81·C (the fits are separate).
/// DeepSeek LLM 2024, eq. 1 and 4: M_opt = 0.1715·C^0.5243 FLOP per token, D_opt = 5.8316·C^0.4757, C = M·D;
/// M counts non-embedding FLOP per token, so parameters ≈ M/6 are non-embedding parameters (both flagged: non-embedding,
/// approximate); η_opt and B_opt.
/// Rule of thumb: D = m·N with C = 6·N·D, so N = √(C/(6·m)).
/// Data-constrained: see <see cref="DataConstrained.Optimal"/>.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class OptimalAllocation
{
    /// <summary>Evaluates the allocation, validating every input and checking that every output is finite.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<OptimalResult> Evaluate(OptimalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double c = inputs.Use(ScalingInputs.Compute, request.Compute);
        double? u = inputs.UseOptional(ScalingInputs.UniqueTokens, request.UniqueTokens);
        ScalingLaw law = ScalingNotes.ChooseLaw(request.Law, request.UniqueTokens is not null, inputs);
        foreach (Assumption note in request.Notes)
        {
            inputs.Note(note);
        }

        if (request.UniqueTokens is not null && !law.HasChinchillaConstants)
        {
            inputs.AddError(ScalingNotes.NoDataConstrainedForm(law, request.UniqueTokens.Value));
        }

        if (inputs.HasErrors)
        {
            return Outcome<OptimalResult>.Failure(inputs.Errors);
        }

        Allocation allocation;
        DataConstrainedAllocation? constrained = null;
        if (u is double unique)
        {
            ScalingNotes.NoteDataConstrained(law, inputs);
            inputs.Note(ScalingNotes.GridSearchStart);
            constrained = DataConstrained.Optimal(law, c, unique);
            allocation = new Allocation { Compute = c, Parameters = constrained.Parameters, Tokens = constrained.Tokens, Loss = constrained.Loss };
        }
        else
        {
            allocation = Compute(law, c);
        }

        ScalingNotes.NoteForm(law, inputs);
        var outputs = new List<(string, double)>
        {
            ("Parameters N", allocation.Parameters),
            ("Training tokens D", allocation.Tokens),
        };
        if (allocation.Loss is double loss)
        {
            outputs.Add(("Predicted loss L", loss));
        }

        if (allocation.ModelFlopPerToken is double m)
        {
            outputs.Add(("Model FLOP per token M", m));
        }

        if (!inputs.CheckFinite([.. outputs]))
        {
            return Outcome<OptimalResult>.Failure(inputs.Errors);
        }

        return Outcome<OptimalResult>.Success(new OptimalResult
        {
            Law = law,
            Allocation = allocation,
            DataConstrained = constrained,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Gets the compute-optimal allocation of <paramref name="compute"/> FLOP under <paramref name="law"/> (no repeated data).</summary>
    /// <param name="law">The law, of any form.</param>
    /// <param name="compute">C in FLOP (&gt; 0).</param>
    /// <returns>The allocation; its loss is <see langword="null"/> for a power or DeepSeek law.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="compute"/> is not finite and greater than 0.</exception>
    /// <exception cref="InvalidOperationException">The law lacks the constants of its form.</exception>
    public static Allocation Compute(ScalingLaw law, double compute)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!double.IsFinite(compute) || compute <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(compute), compute, "Value should be in range (0, +∞).");
        }

        return law.Form.Optimal(law, compute);
    }

    /// <summary>Evaluates the allocation at each compute of a decade sweep, other inputs as in <paramref name="template"/>.</summary>
    /// <param name="template">The other inputs; its <see cref="OptimalRequest.Compute"/> is ignored.</param>
    /// <param name="sweep">The compute values, in FLOP.</param>
    /// <param name="field">The input that gave the sweep, blamed for a compute out of range or a result that is not finite; default <c>sweep</c>.</param>
    /// <returns>One result per point, or the errors of the first point that fails (a compute error on <paramref name="field"/>).</returns>
    public static Outcome<OptimalSweep> Sweep(OptimalRequest template, GeometricSweep sweep, string field = "sweep")
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(field);
        string range = ScalingInputs.RangeText(sweep);
        string expected = $"FROM:TO with every compute {ScalingInputs.Compute.Expected}";
        foreach (double c in sweep.Points)
        {
            if (ScalingInputs.Compute.Check(c) is FieldError bad)
            {
                return Outcome<OptimalSweep>.Failure([new FieldError(field, $"has a compute of {InputSpec.Format(c)} FLOP, which {bad.Problem}", range, expected)]);
            }
        }

        var rows = new List<OptimalResult>(sweep.Points.Count);
        foreach (double c in sweep.Points)
        {
            Outcome<OptimalResult> row = Evaluate(template with { Compute = c });
            if (row.Value is null)
            {
                return Outcome<OptimalSweep>.Failure(
                    row.Errors.Select(e => e.Field == ScalingInputs.Compute.Name ? e with { Field = field, Got = range } : e).ToArray());
            }

            rows.Add(row.Value);
        }

        return Outcome<OptimalSweep>.Success(new OptimalSweep { Rows = rows });
    }

    /// <summary>Builds the log–log chart of the frontier: parameters and tokens against compute.</summary>
    /// <param name="rows">The sweep rows, in increasing compute.</param>
    /// <param name="note">An optional note for the plot.</param>
    /// <returns>The chart data.</returns>
    public static Chart FrontierChart(IReadOnlyList<OptimalResult> rows, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[] compute = rows.Select(r => r.Allocation.Compute).ToArray();
        string law = rows.Count == 0 ? string.Empty : $" ({rows[0].Law.Id})";
        return new Chart
        {
            Title = "Compute-optimal frontier" + law,
            XLabel = "Training compute C (FLOP)",
            YLabel = "Count",
            XLogarithmic = true,
            YLogarithmic = true,
            Note = note,
            Series =
            [
                new ChartSeries { Name = rows.Count > 0 ? rows[0].Law.Form.FrontierParametersLabel : "Parameters N_opt", X = compute, Y = rows.Select(r => r.Allocation.Parameters).ToArray() },
                new ChartSeries { Name = "Tokens D_opt", X = compute, Y = rows.Select(r => r.Allocation.Tokens).ToArray() },
            ],
        };
    }

    /// <summary>Builds the chart of the predicted loss on the frontier against compute (x logarithmic), or <see langword="null"/> when the law predicts no loss.</summary>
    /// <param name="rows">The sweep rows, in increasing compute.</param>
    /// <param name="note">An optional note for the plot.</param>
    /// <returns>The chart data, or <see langword="null"/>.</returns>
    public static Chart? LossChart(IReadOnlyList<OptimalResult> rows, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(r => r.Allocation.Loss is null))
        {
            return null;
        }

        return new Chart
        {
            Title = $"Predicted loss on the compute-optimal frontier ({rows[0].Law.Id})",
            XLabel = "Training compute C (FLOP)",
            YLabel = "Loss (nats/token)",
            XLogarithmic = true,
            Note = note,
            Series =
            [
                new ChartSeries { Name = "Loss L", X = rows.Select(r => r.Allocation.Compute).ToArray(), Y = rows.Select(r => r.Allocation.Loss!.Value).ToArray() },
            ],
        };
    }
}
