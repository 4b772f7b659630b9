namespace Flopwise.Inputs;

/// <summary>
/// One thing wrong with one user input: the field, what is wrong, the value given and what is allowed.
/// </summary>
/// <remarks>
/// User-input errors are data, not exceptions: validators return lists of these, and each front end renders them
/// (the CLI as <c>error: --field: problem (got value; expected range)</c>, the web API as problem+json).
/// <see cref="Field"/> is the kebab-case input name, which is also the CLI option name without its dashes.
/// Immutable and thread-safe.
/// </remarks>
/// <param name="Field">The kebab-case input name, e.g. <c>tokens-per-parameter</c>.</param>
/// <param name="Problem">What is wrong, e.g. <c>must be greater than 0</c>.</param>
/// <param name="Got">The value as given, e.g. <c>-1</c>; <c>nothing</c> when a required input is missing.</param>
/// <param name="Expected">What is allowed, e.g. <c>a number &gt; 0 (FLOP)</c>.</param>
public sealed record FieldError(string Field, string Problem, string Got, string Expected)
{
    /// <summary>Gets the error in the one-line form every front end shares: <c>field: problem (got X; expected Y)</c>.</summary>
    /// <returns>The message without any option prefix such as <c>--</c>.</returns>
    public override string ToString() => $"{Field}: {Problem} (got {Echo(Got)}; expected {Expected})";

    /// <summary>The most characters of a value an error echoes (<see cref="Echo"/>).</summary>
    public const int MaxEchoLength = 80;

    /// <summary>
    /// Gets a user's value as an error may echo it (<see cref="EchoText.Cut"/>): control characters escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>,
    /// else <c>\uHHHH</c>) and the text cut to <see cref="MaxEchoLength"/> characters, followed by
    /// <c>… (N characters)</c> giving the length of the value as given.
    /// </summary>
    /// <param name="value">The value as the user gave it (any length, any characters).</param>
    /// <returns>One printable line of at most <see cref="MaxEchoLength"/> characters plus the length note.</returns>
    /// <remarks>
    /// Every front end echoes values through this, so a value can neither set a terminal's title or clear its screen
    /// (an escape sequence), break the one-line error form (a newline), nor make an error answer grow with the input.
    /// A value of at most <see cref="MaxEchoLength"/> printable characters is returned unchanged.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Echo(string value) => EchoText.Cut(value, MaxEchoLength);
}
