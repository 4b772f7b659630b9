using Flopwise.Calculators;
using Flopwise.Inputs;
using Flopwise.Web.Api;
using Calculator = Flopwise.Calculators.Calculator;
using MonteCarloFields = Flopwise.Web.Api.MonteCarloFields;

namespace Flopwise.Web.Features;

/// <summary>
/// The endpoints of every calculator declared in Core (<see cref="CalculatorCatalog"/>): GET/POST
/// <c>/api/NAME</c>, <c>/plot</c> and <c>/tornado</c>, reading the declared fields by their camelCase names through
/// <see cref="WebFieldSource"/> and answering the calculator's JSON; a Monte Carlo plan runs under
/// <see cref="MonteCarloRuns"/> with the web's caps.
/// </summary>
internal static class DeclaredEndpoints
{
    public static IEndpointRouteBuilder MapDeclared(this IEndpointRouteBuilder api)
    {
        foreach (Calculator calculator in CalculatorCatalog.All)
        {
            api.MapCalculator(calculator.Name, inputs => Answer(calculator, inputs));
        }

        return api;
    }

    /// <summary>Runs a declared calculator on the request's fields.</summary>
    public static Answer Answer(Calculator calculator, WebInputs inputs)
    {
        inputs.Known(calculator.AllFields.Select(f => f.JsonName));
        Outcome<CalculatorAnswer> outcome = calculator.Run(new WebFieldSource(inputs));
        if (outcome.Value is not CalculatorAnswer answer)
        {
            inputs.AddRange(outcome.Errors);
            inputs.Complete();
            throw new InputException(outcome.Errors);
        }

        inputs.Complete();
        if (answer.MonteCarlo is MonteCarloPlan plan)
        {
            if (plan.Samples > MonteCarloFields.MaxSamples)
            {
                throw InputException.From(MonteCarloFields.OverLimit(plan.Samples));
            }

            return Api.Answer.Deferred(cancellationToken =>
            {
                Flopwise.Uncertainty.MonteCarloResult result = InputException.Unwrap(plan.Run(
                    MonteCarloRuns.CoresPerRun, MonteCarloRuns.MaxStoredValues, cancellationToken));
                CalculatorAnswer sampled = CalculatorAnswer.Sampled(answer.Title, result, plan.Sensitivity);
                return new Answer(sampled.ToJson(), result.Outputs.Count == 0 ? null : () => InputException.Unwrap(sampled.Plot()), sampled.HasTornado ? () => InputException.Unwrap(sampled.Tornado()) : null)
                {
                    HeldValues = result.SortedValues.Values.Sum(v => (long)v.Length),
                };
            });
        }

        return new Answer(answer.ToJson(), () => InputException.Unwrap(answer.Plot()));
    }
}

/// <summary>The request's fields as Core's <see cref="IFieldSource"/>, by their camelCase names; a file field the web does not take is refused.</summary>
internal sealed class WebFieldSource(WebInputs inputs) : IFieldSource
{
    public bool Plotting => inputs.Plotting;

    public string? Text(Field field)
    {
        if (field.Kind == FieldKind.File && !field.WebUpload)
        {
            inputs.RefuseFile(field.JsonName, "the built-in catalog");
            return null;
        }

        return inputs.Text(field.JsonName);
    }

    public IReadOnlyList<string> Texts(Field field) => inputs.Texts(field.JsonName);

    public bool Flag(Field field) => inputs.Flag(field.JsonName);

    public string? FileName(Field field) => inputs.FileName(field.JsonName);

    public IReadOnlyList<FieldError> Errors => inputs.Errors;
}
