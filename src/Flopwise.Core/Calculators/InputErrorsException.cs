using Flopwise.Inputs;

namespace Flopwise.Calculators;

/// <summary>
/// What the user gave is wrong: thrown inside a calculator's evaluation (and by its chart) to stop at the first point
/// where it cannot go on, and turned into a failed <see cref="Outcome{T}"/> by <see cref="Calculator.Run"/> and
/// <see cref="CalculatorAnswer.Plot"/>, so callers of those never see it.
/// </summary>
public sealed class InputErrorsException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="InputErrorsException"/> class with the errors found.</summary>
    /// <param name="errors">At least one error.</param>
    public InputErrorsException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Initializes a new instance of the <see cref="InputErrorsException"/> class with one error.</summary>
    /// <param name="error">The error.</param>
    public InputErrorsException(FieldError error)
        : this([error])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputErrorsException"/> class without errors.</summary>
    public InputErrorsException()
        : this(Array.Empty<FieldError>())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputErrorsException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public InputErrorsException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="InputErrorsException"/> class with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InputErrorsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Gets the errors, in the order found.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Returns the outcome's value, or throws with all of its errors.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="outcome">The outcome of a Core calculation.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InputErrorsException">The outcome failed.</exception>
    public static T Unwrap<T>(Outcome<T> outcome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Value ?? throw new InputErrorsException(outcome.Errors);
    }
}
