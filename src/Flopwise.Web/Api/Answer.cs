using Flopwise.Reporting;

namespace Flopwise.Web.Api;

/// <summary>
/// What a calculator answers: the CLI's <c>--json</c> object as text, and, where the command has a natural picture
/// (or the answer is a Monte Carlo run: its histogram), how to draw it; with a Monte Carlo sensitivity, also its
/// tornado. The charts are evaluated only when asked for; they may throw <see cref="InputException"/> as the CLI's
/// <c>--plot</c> does.
/// </summary>
internal sealed record Answer(string Json, Func<Chart>? Plot = null, Func<Chart>? Tornado = null)
{
    /// <summary>
    /// Gets, for a Monte Carlo answer, the run that computes it (then <see cref="Json"/> is empty): the endpoint hands
    /// it to <see cref="MonteCarloRuns"/>, which runs it under its limit on concurrent runs or takes its answer from
    /// the cache of recent runs. <see langword="null"/> for an answer already computed.
    /// </summary>
    public Func<CancellationToken, Answer>? Pending { get; init; }

    /// <summary>Gets how many numbers the answer holds for its charts (a Monte Carlo run's sorted samples), for the cache's budget.</summary>
    public long HeldValues { get; init; }

    /// <summary>Creates the answer of a Monte Carlo run yet to be made.</summary>
    public static Answer Deferred(Func<CancellationToken, Answer> run) => new(string.Empty) { Pending = run };
}

/// <summary>A calculator of the API: reads its fields, computes, answers (or throws <see cref="InputException"/>).</summary>
internal delegate Answer Calculator(WebInputs inputs);
