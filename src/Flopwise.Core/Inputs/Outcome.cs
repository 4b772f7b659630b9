namespace Flopwise.Inputs;

/// <summary>Either a result or the list of input errors that prevented it.</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <remarks>
/// Calculations return this instead of throwing for bad user input: validation and evaluation happen in one pass,
/// including the check that no output overflows. Immutable and thread-safe.
/// </remarks>
public sealed class Outcome<T>
    where T : class
{
    private Outcome(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>Gets the result, or <see langword="null"/> when there are errors.</summary>
    public T? Value { get; }

    /// <summary>Gets the input errors; empty on success.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Gets a value indicating whether the calculation succeeded.</summary>
    public bool IsValid => Value is not null;

    /// <summary>Creates a successful outcome.</summary>
    /// <param name="value">The result.</param>
    /// <returns>The outcome.</returns>
    public static Outcome<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Outcome<T>(value, []);
    }

    /// <summary>Creates a failed outcome.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static Outcome<T> Failure(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed outcome needs at least one error.", nameof(errors));
        }

        return new Outcome<T>(null, errors);
    }

    /// <summary>Gets the result, throwing when the inputs were invalid.</summary>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The inputs were invalid; the message lists every error.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new ArgumentException(string.Join("; ", Errors.Select(e => e.ToString())));
}
