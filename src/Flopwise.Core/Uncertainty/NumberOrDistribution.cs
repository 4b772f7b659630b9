using Flopwise.Inputs;

namespace Flopwise.Uncertainty;

/// <summary>
/// Reads the text typed for a numeric input that may be uncertain, the same in every front end: a number
/// (<c>3e25</c>, <c>70B</c>; see <see cref="NumberText"/>) or a distribution (<c>1e25..1e27</c>,
/// <c>normal(0.4, 0.05)</c>; see <see cref="DistributionText"/>).
/// </summary>
/// <remarks>
/// A number is not range-checked here (the calculation's <see cref="InputSpec.Check"/> does it); a distribution's
/// draws are checked against the input's range by <see cref="MonteCarlo.Run"/>. Thread-safe.
/// </remarks>
public static class NumberOrDistribution
{
    /// <summary>Reads <paramref name="text"/> for <paramref name="spec"/>.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="text">The text as typed.</param>
    /// <param name="value">The number, when <paramref name="text"/> is one; otherwise <see langword="null"/>.</param>
    /// <param name="uncertain">The distribution, when <paramref name="text"/> is one; otherwise <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="null"/> when the text is a number or a valid distribution; otherwise the error, naming the input
    /// (<see cref="InputSpec.Name"/>) and, for a malformed distribution, the accepted forms.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> or <paramref name="text"/> is null.</exception>
    public static FieldError? Read(InputSpec spec, string text, out double? value, out UncertainInput? uncertain)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        uncertain = null;
        if (DistributionText.LooksLikeDistribution(text))
        {
            if (!DistributionText.TryParse(text, out Distribution? distribution, out string? distributionProblem))
            {
                return new FieldError(spec.Name, distributionProblem!, text, DistributionText.AcceptedForms);
            }

            uncertain = new UncertainInput(spec, distribution!, text);
            return null;
        }

        if (!NumberText.TryParse(text, out double number, out string? problem))
        {
            return new FieldError(spec.Name, problem!, text, spec.Expected);
        }

        value = number;
        return null;
    }
}
