using Flopwise.Inputs;

namespace Flopwise.Web.Api;

/// <summary>What the user gave is wrong; the API answers 400 with one problem entry per field.</summary>
internal sealed class InputException : Exception
{
    public InputException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors.Take(Problems.MaxErrors).Select(e => e.ToString())) + (errors.Count > Problems.MaxErrors ? $"; and {errors.Count - Problems.MaxErrors} more" : string.Empty))
    {
        Errors = errors;
    }

    public InputException()
        : this([])
    {
    }

    public InputException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Gets the fields the calculator knows, when an error is an unknown field (listed once in the answer), else <see langword="null"/>.</summary>
    public IReadOnlyList<string>? KnownFields { get; init; }

    /// <summary>Creates the exception for one error.</summary>
    public static InputException From(FieldError error) => new([error]);

    /// <summary>Returns the outcome's value, or throws with all of its errors.</summary>
    public static T Unwrap<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Value ?? throw new InputException(outcome.Errors);
}
