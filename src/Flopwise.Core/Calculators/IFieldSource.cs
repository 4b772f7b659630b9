namespace Flopwise.Calculators;

/// <summary>
/// Where a front end's values come from: the CLI's parsed options, the web's query string, JSON body or form, a
/// scenario file's keys. A source answers by the declared <see cref="Field"/>, in whatever spelling it uses itself, and
/// returns the text as typed; Core parses, resolves and checks it.
/// </summary>
public interface IFieldSource
{
    /// <summary>Gets the one value given for <paramref name="field"/>, or <see langword="null"/> when it was not given.</summary>
    /// <param name="field">The declared field.</param>
    /// <returns>The text as typed (a file field: the file's text).</returns>
    string? Text(Field field);

    /// <summary>Gets every value given for a field that <see cref="Field.Repeats"/>.</summary>
    /// <param name="field">The declared field.</param>
    /// <returns>The values in the order given; empty when none.</returns>
    IReadOnlyList<string> Texts(Field field);

    /// <summary>Gets whether a <see cref="FieldKind.Flag"/> field is on.</summary>
    /// <param name="field">The declared field.</param>
    /// <returns><see langword="true"/> when given (and not given as false).</returns>
    bool Flag(Field field);

    /// <summary>Gets the name a <see cref="FieldKind.File"/> field's file had (no directory), for messages; <see langword="null"/> when unknown.</summary>
    /// <param name="field">The declared field.</param>
    /// <returns>The file name, or <see langword="null"/>.</returns>
    string? FileName(Field field);

    /// <summary>Gets the problems the source found itself (a field given twice, a flag that is neither true nor false); they stop the evaluation as Core's own do.</summary>
    IReadOnlyList<Inputs.FieldError> Errors { get; }

    /// <summary>Gets a value indicating whether the plot is asked for (the CLI's plot option, the web's <c>/plot</c> address); some inputs only shape the plot.</summary>
    bool Plotting => false;
}
