using Flopwise.Reporting;

namespace Flopwise.Web.Api;

/// <summary>
/// What a calculator answers: the CLI's <c>--json</c> object as text, and, where the command has a natural picture
/// (or the answer is a Monte Carlo run: its histogram), how to draw it; with a Monte Carlo sensitivity, also its
/// tornado. The charts are evaluated only when asked for; they may throw <see cref="InputException"/> as the CLI's
/// <c>--plot</c> does.
/// </summary>
internal sealed record Answer(string Json, Func<Chart>? Plot = null, Func<Chart>? Tornado = null);

/// <summary>A calculator of the API: reads its fields, computes, answers (or throws <see cref="InputException"/>).</summary>
internal delegate Answer Calculator(WebInputs inputs);
