using System.Globalization;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;
using Flopwise.Uncertainty;

namespace Flopwise.Web.Api;

/// <summary>
/// The fields of a Monte Carlo run, as the CLI's <c>--samples</c>, <c>--seed</c> and <c>--sensitivity</c>: when any
/// numeric input is a distribution (or <c>law</c> a mixture), the calculator answers Core's
/// <see cref="MonteCarlo.Run"/> of the very function it evaluates for a point, in the CLI's <c>--json</c> shape, with
/// the histogram as its plot and the tornado with <c>sensitivity</c>. The web caps <c>samples</c> at
/// <see cref="MaxSamples"/>, and samples × the calculation's numeric outputs at
/// <see cref="MonteCarloRuns.MaxStoredValues"/>, so that one request cannot keep the server's cores and memory busy for
/// long; the run itself happens in <see cref="MonteCarloRuns"/>, at most two at once.
/// </summary>
internal sealed class MonteCarloFields
{
    /// <summary>The most samples a web request draws (the CLI allows <see cref="MonteCarlo.MaxSamples"/>).</summary>
    public const int MaxSamples = 100_000;

    private const string NeedsDistribution = "needs an input given as a distribution (e.g. compute=1e25..1e27)";
    private const string DistributionExpected = "a range or distribution on some numeric field";

    private readonly string? _samplesText;
    private readonly int? _samples;
    private readonly string? _seedText;
    private readonly int? _seed;
    private readonly string? _sensitivity;

    private MonteCarloFields(string? samplesText, int? samples, string? seedText, int? seed, string? sensitivity)
    {
        _samplesText = samplesText;
        _samples = samples;
        _seedText = seedText;
        _seed = seed;
        _sensitivity = sensitivity;
    }

    /// <summary>The error of a sample count over the web's cap.</summary>
    public static FieldError OverLimit(double samples) => new(
        MonteCarlo.SamplesInput.JsonName,
        "is over the web's limit",
        InputSpec.Format(samples),
        string.Create(CultureInfo.InvariantCulture, $"at most {MaxSamples:N0} (the web's cap; the CLI's --samples takes up to {MonteCarlo.MaxSamples:N0})"));

    /// <summary>Reads <c>samples</c>, <c>seed</c> and <c>sensitivity</c>.</summary>
    public static MonteCarloFields Read(WebInputs inputs)
    {
        string? samplesText = inputs.Text("samples");
        string? seedText = inputs.Text("seed");

        // The same specs, parsing and range checks as the CLI's --samples and --seed; then the web's own cap.
        InputValues given = inputs.Numbers([MonteCarlo.SamplesInput, MonteCarlo.SeedInput]);
        int? samples = given.Get(MonteCarlo.SamplesInput) is double s ? (int)s : null;
        int? seed = given.Get(MonteCarlo.SeedInput) is double d ? (int)d : null;
        if (samples > MaxSamples)
        {
            inputs.Add(new FieldError(
                MonteCarlo.SamplesInput.JsonName,
                "is over the web's limit",
                samplesText!,
                string.Create(CultureInfo.InvariantCulture, $"at most {MaxSamples:N0} (the web's cap; the CLI's --samples takes up to {MonteCarlo.MaxSamples:N0})")));
            samples = null;
        }

        return new MonteCarloFields(samplesText, samples, seedText, seed, inputs.Text("sensitivity"));
    }

    /// <summary>
    /// Reads <c>law</c> when it is a mixture of presets (<c>epoch|hoffmann</c>, <c>epoch:0.7|hoffmann:0.3</c>): the
    /// mixture joins the uncertain inputs, and the function returned gives each sample's law; <see langword="null"/>
    /// when <c>law</c> is not a mixture. Call it after <see cref="LawField.Read(WebInputs, List{Assumption}, bool)"/>
    /// with <c>mixture: true</c>, which reads the field and records a malformed mixture.
    /// </summary>
    public static Func<InputValues, ScalingLaw>? LawMixture(WebInputs inputs, List<Assumption> notes, List<UncertainInput> uncertain)
    {
        string? typed = inputs.Peek("law");
        if (!Uncertainty.LawMixture.LooksLikeMixture(typed))
        {
            return null;
        }

        // LawField.Read has read the field and recorded any error of the mixture.
        if (Uncertainty.LawMixture.Parse(typed!, LawCatalog.Default).Value is not LawMixture mixture)
        {
            return null;
        }

        notes.Add(mixture.ToAssumption());
        uncertain.Add(mixture.ToUncertainInput(typed!));
        return v => mixture.Pick(v.Get(Uncertainty.LawMixture.ChoiceInput) ?? 0);
    }

    /// <summary>Refuses a field that cannot take part in a Monte Carlo run (a sweep) when an input is a distribution.</summary>
    public static void Reject(IReadOnlyList<UncertainInput> uncertain, string field, string? text)
    {
        if (uncertain.Count > 0 && text is not null)
        {
            throw InputException.From(new FieldError(field, "cannot be combined with an input given as a distribution", text, $"point inputs with {field}, or no {field}"));
        }
    }

    /// <summary>
    /// Answers the Monte Carlo run when <paramref name="uncertain"/> is not empty (a pending answer, see
    /// <see cref="Answer.Pending"/>: the endpoint runs it); <see langword="null"/> when
    /// every input is a number (then <c>samples</c>, <c>seed</c> and <c>sensitivity</c> are errors, as in the CLI).
    /// </summary>
    public Answer? TryRun(InputValues fixedValues, IReadOnlyList<UncertainInput> uncertain, Func<InputValues, Outcome<ICalculationResult>> evaluate)
    {
        if (uncertain.Count == 0)
        {
            var errors = new List<FieldError>();
            if (_sensitivity is not null)
            {
                errors.Add(new FieldError("sensitivity", NeedsDistribution, _sensitivity, DistributionExpected));
            }

            if (_samplesText is not null)
            {
                errors.Add(new FieldError("samples", NeedsDistribution, _samplesText, DistributionExpected));
            }

            if (_seedText is not null)
            {
                errors.Add(new FieldError("seed", NeedsDistribution, _seedText, DistributionExpected));
            }

            return errors.Count > 0 ? throw new InputException(errors) : null;
        }

        // Run later, by the endpoint, under MonteCarloRuns' limit on concurrent runs (or answered from its cache).
        return Answer.Deferred(cancellationToken =>
        {
            MonteCarloResult result = InputException.Unwrap(MonteCarlo.Run(
                fixedValues,
                uncertain,
                evaluate,
                _samples ?? MonteCarlo.DefaultSamples,
                _seed ?? 0,
                maxDegreeOfParallelism: MonteCarloRuns.CoresPerRun,
                sensitivityOutput: _sensitivity,
                maxStoredValues: MonteCarloRuns.MaxStoredValues,
                cancellationToken: cancellationToken));
            Func<Chart>? plot = result.Outputs.Count == 0 ? null : () => MonteCarloCharts.Histogram(result, _sensitivity ?? result.Outputs[0].Key);
            Func<Chart>? tornado = _sensitivity is null ? null : () => MonteCarloCharts.Tornado(result);
            return new Answer(ResultJson.Write(result), plot, tornado) { HeldValues = result.SortedValues.Values.Sum(v => (long)v.Length) };
        });
    }
}
