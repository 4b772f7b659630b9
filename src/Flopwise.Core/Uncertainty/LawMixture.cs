using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Scaling;

namespace Flopwise.Uncertainty;

/// <summary>
/// An uncertain scaling law: presets with weights, written <c>epoch|hoffmann-unrounded</c> (equal weights) or
/// <c>epoch:0.7|hoffmann:0.3</c>. A Monte Carlo run draws the law of each sample from them.
/// </summary>
/// <param name="Laws">The laws.</param>
/// <param name="Weights">Their weights, positive, summing to 1.</param>
public sealed record LawMixture(IReadOnlyList<ScalingLaw> Laws, IReadOnlyList<double> Weights)
{
    /// <summary>Gets the hidden input whose uniform draw picks each sample's law.</summary>
    public static InputSpec ChoiceInput { get; } = new()
    {
        Name = "law",
        Label = "Scaling law drawn",
        Description = "A uniform draw in [0, 1) that picks each sample's law by the cumulative weights.",
        Minimum = 0,
        MinimumInclusive = true,
        Maximum = 1,
        MaximumInclusive = false,
    };

    /// <summary>Returns whether <paramref name="text"/> is written as a mixture (contains <c>|</c>).</summary>
    /// <param name="text">The <c>--law</c> text.</param>
    /// <returns><see langword="true"/> for a mixture.</returns>
    public static bool LooksLikeMixture(string? text) => text?.Contains('|', StringComparison.Ordinal) == true;

    /// <summary>Parses a mixture of presets.</summary>
    /// <param name="text">E.g. <c>epoch:0.7|hoffmann:0.3</c>.</param>
    /// <param name="catalog">The law presets.</param>
    /// <returns>The mixture, or an error naming <c>law</c>.</returns>
    public static Outcome<LawMixture> Parse(string text, LawCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        const string Expected = "presets joined by |, each optionally :weight with weights summing to 1, e.g. epoch|hoffmann-unrounded or epoch:0.7|hoffmann:0.3";
        string[] parts = text.Split('|');
        var laws = new List<ScalingLaw>();
        var weights = new List<double?>();
        foreach (string raw in parts)
        {
            string part = raw.Trim();
            int colon = part.LastIndexOf(':');
            string id = colon < 0 ? part : part[..colon].Trim();
            double? weight = null;
            if (colon >= 0)
            {
                if (!NumberText.TryParse(part[(colon + 1)..], out double w, out _) || !(w > 0) || w > 1)
                {
                    return Fail(text, $"has a weight that is not a number in (0, 1] in '{part}'", Expected);
                }

                weight = w;
            }

            if (id.Length == 0)
            {
                return Fail(text, "has an empty law name", Expected);
            }

            LawMatch match = catalog.Resolve(id);
            if (match.Law is null)
            {
                return Outcome<LawMixture>.Failure([match.Error! with { Got = text }]);
            }

            laws.Add(match.Law);
            weights.Add(weight);
        }

        if (laws.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count() != laws.Count)
        {
            return Fail(text, "names a law twice", Expected);
        }

        if (weights.Any(w => w is null) && weights.Any(w => w is not null))
        {
            return Fail(text, "gives weights to some laws but not all", Expected);
        }

        double[] resolved = weights.All(w => w is null) ? [.. laws.Select(_ => 1.0 / laws.Count)] : [.. weights.Select(w => w!.Value)];
        if (Math.Abs(resolved.Sum() - 1) > 1e-9)
        {
            return Fail(text, string.Create(CultureInfo.InvariantCulture, $"has weights summing to {resolved.Sum():G6}, not 1"), Expected);
        }

        return Outcome<LawMixture>.Success(new LawMixture(laws, resolved));
    }

    /// <summary>Picks the law of a uniform draw by the cumulative weights.</summary>
    /// <param name="u">A draw in [0, 1).</param>
    /// <returns>The law.</returns>
    public ScalingLaw Pick(double u)
    {
        double cumulative = 0;
        for (int i = 0; i < Laws.Count; i++)
        {
            cumulative += Weights[i];
            if (u < cumulative)
            {
                return Laws[i];
            }
        }

        return Laws[^1];
    }

    /// <summary>Describes the mixture, e.g. <c>epoch 0.7 | hoffmann 0.3</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe() =>
        string.Join(" | ", Laws.Select((l, i) => l.Id + " " + Weights[i].ToString("G4", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Gets the Monte Carlo input that draws each sample's law: a uniform draw in [0, 1) on <see cref="ChoiceInput"/>,
    /// which <see cref="Pick"/> turns into a law.
    /// </summary>
    /// <param name="text">The mixture as typed, for the assumptions.</param>
    /// <returns>The uncertain input.</returns>
    public UncertainInput ToUncertainInput(string text) => new(ChoiceInput, new UniformDistribution(0, 1), text);

    /// <summary>Gets the assumption that states the mixture (<c>lawMixture</c>: the presets and their weights).</summary>
    /// <returns>The assumption.</returns>
    public Reporting.Assumption ToAssumption() => new()
    {
        Name = "lawMixture",
        Label = "Scaling law",
        Text = Describe(),
        Description = "Each Monte Carlo sample draws its law from these presets with these weights.",
        IsDefault = false,
    };

    private static Outcome<LawMixture> Fail(string text, string problem, string expected) =>
        Outcome<LawMixture>.Failure([new FieldError("law", problem, text, expected)]);
}
