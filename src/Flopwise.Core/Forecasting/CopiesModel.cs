using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Forecasting;

/// <summary>
/// The copies-after-training model of seed 000: a training run of C FLOP trains a p-parameter model on m·p tokens,
/// C = 3·h·k·m·p²; afterwards its cluster (C/T FLOP/s) runs (C/T)/(k·p) tokens per second, i.e. that ÷ r tasks.
/// </summary>
/// <remarks>
/// Source: the seed 000 spreadsheet (h/t Lukas Finnveden), structurally the neural-network anchor of Cotra (2020),
/// <i>Forecasting TAI with biological anchors</i>, reduced to one equation. The factor 3 is forward + backward ≈ 3 ×
/// forward. With the defaults, tasks = √(60·C)/1e8; copies grow as √C. With k = 2 and h = 1 it reduces to
/// C = 6·N·D with D = 20·N. It assumes inference runs at the training cluster's FLOP/s (compute-bound) and ignores
/// memory-bound decoding and the KV cache, so it is an upper bound. See docs/formulas.md, "Copies after training".
/// </remarks>
public static class CopiesModel
{
    private static readonly Assumption ModelNote = new()
    {
        Name = "model",
        Label = "Model",
        Text = "copies after training (seed 000)",
        Description = "C = 3·h·k·m·p²; after training the cluster's C/T FLOP/s run inference at k·p FLOP per token, "
            + "compute-bound (an upper bound: memory-bound decoding and the KV cache are ignored).",
        Source = "Seed 000 spreadsheet; Cotra 2020, Forecasting TAI with biological anchors",
        IsDefault = true,
    };

    /// <summary>Evaluates the model, validating every input and checking that every output is finite.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result, or the input errors.</returns>
    public static Outcome<CopiesResult> Evaluate(CopiesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new ResolvedInputs();
        double c = inputs.Use(CopiesInputs.Compute, request.Compute);
        double k = inputs.Use(CopiesInputs.K, request.K);
        double m = inputs.Use(CopiesInputs.TokensPerParameter, request.TokensPerParameter);
        double h = inputs.Use(CopiesInputs.Horizon, request.Horizon);
        double t = inputs.Use(CopiesInputs.DurationSeconds, request.DurationSeconds);
        double r = inputs.Use(CopiesInputs.TaskTokensPerSecond, request.TaskTokensPerSecond);
        inputs.Note(ModelNote);
        if (inputs.HasErrors)
        {
            return Outcome<CopiesResult>.Failure(inputs.Errors);
        }

        double p = Math.Sqrt(c / (3 * h * k * m));
        double clusterRate = c / t;
        double runtimeFlop = k * p;
        double tokensPerSecond = clusterRate / runtimeFlop;
        double tasks = tokensPerSecond / r;
        if (!inputs.CheckFinite(
            ("Parameters p", p),
            ("Runtime FLOP per forward pass k·p", runtimeFlop),
            ("Cluster FLOP/s reallocated C/T", clusterRate),
            ("Tokens per second after training", tokensPerSecond),
            ("Tasks in parallel", tasks)))
        {
            return Outcome<CopiesResult>.Failure(inputs.Errors);
        }

        return Outcome<CopiesResult>.Success(new CopiesResult
        {
            Parameters = p,
            TrainingCompute = FlopCount.FromFlop(c),
            RuntimeFlopPerForward = FlopCount.FromFlop(runtimeFlop),
            ClusterRate = FlopRate.FromFlopPerSecond(clusterRate),
            TokensPerSecond = tokensPerSecond,
            ParallelTasks = tasks,
            Assumptions = inputs.Assumptions,
        });
    }

    /// <summary>Computes the model for a valid request.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An input is missing, out of range, or makes an output non-finite.</exception>
    public static CopiesResult Compute(CopiesRequest request) => Evaluate(request).GetValueOrThrow();

    /// <summary>Evaluates the model at each compute of a decade sweep, other inputs as in <paramref name="template"/>.</summary>
    /// <param name="template">The other inputs; its <see cref="CopiesRequest.Compute"/> is ignored.</param>
    /// <param name="sweep">The compute values, in FLOP.</param>
    /// <returns>One result per point, or the errors of the first point that fails.</returns>
    public static Outcome<CopiesSweep> Sweep(CopiesRequest template, GeometricSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(sweep);
        var rows = new List<CopiesResult>(sweep.Points.Count);
        foreach (double c in sweep.Points)
        {
            Outcome<CopiesResult> row = Evaluate(template with { Compute = c });
            if (row.Value is null)
            {
                return Outcome<CopiesSweep>.Failure(row.Errors);
            }

            rows.Add(row.Value);
        }

        return Outcome<CopiesSweep>.Success(new CopiesSweep { Rows = rows });
    }

    /// <summary>Builds the log–log chart of parameters and parallel tasks against training compute.</summary>
    /// <param name="rows">The sweep rows, in increasing compute.</param>
    /// <param name="note">An optional note for the plot.</param>
    /// <returns>The chart data.</returns>
    public static Chart Chart(IReadOnlyList<CopiesResult> rows, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[] compute = rows.Select(r => r.TrainingCompute.Flop).ToArray();
        return new Chart
        {
            Title = "Copies after training (seed 000)",
            XLabel = "Training compute C (FLOP)",
            YLabel = "Count",
            XLogarithmic = true,
            YLogarithmic = true,
            Note = note,
            Series =
            [
                new ChartSeries { Name = "Parameters p", X = compute, Y = rows.Select(r => r.Parameters).ToArray() },
                new ChartSeries { Name = "Tasks in parallel", X = compute, Y = rows.Select(r => r.ParallelTasks).ToArray() },
            ],
        };
    }
}
