using System.Globalization;

namespace Flopwise.Inputs;

/// <summary>
/// Parses the numbers users type: <c>3e25</c>, <c>3.14E+23</c>, <c>0.75</c>, and counts with a suffix
/// <c>K</c>, <c>M</c>, <c>B</c> or <c>T</c> (1e3, 1e6, 1e9, 1e12; either case): <c>70B</c>, <c>2T</c>, <c>500K</c>.
/// </summary>
/// <remarks>
/// Always the invariant culture: <c>1,000</c> is rejected rather than read as one thousand or as one.
/// NaN, infinities and values that overflow a double (<c>1e400</c>) are rejected with their own messages.
/// Shared by the CLI and the web API so that both accept exactly the same text.
/// </remarks>
public static class NumberText
{
    private const NumberStyles Style =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Gets the text that describes accepted numbers, for help and error messages.</summary>
    public static string AcceptedForms => "a number such as 3e25, 0.75 or 70B (suffixes K, M, B, T)";

    /// <summary>Parses <paramref name="text"/> into a finite double.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="value">The parsed value; 0 when parsing fails.</param>
    /// <param name="problem">Why the text was rejected; <see langword="null"/> on success.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a finite number.</returns>
    public static bool TryParse(string? text, out double value, out string? problem)
    {
        value = 0;
        problem = null;
        string trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problem = Messages.EmptyNumber;
            return false;
        }

        double multiplier = 1;
        char last = char.ToUpperInvariant(trimmed[^1]);
        double suffix = last switch
        {
            'K' => 1e3,
            'M' => 1e6,
            'B' => 1e9,
            'T' => 1e12,
            _ => 0,
        };
        string number = trimmed;
        if (suffix != 0 && trimmed.Length > 1 && (char.IsDigit(trimmed[^2]) || trimmed[^2] == '.'))
        {
            multiplier = suffix;
            number = trimmed[..^1];
        }

        if (!double.TryParse(number, Style, CultureInfo.InvariantCulture, out double parsed))
        {
            problem = IsNonFiniteWord(number) ? Messages.NotFinite : Messages.NotANumber;
            return false;
        }

        if (double.IsNaN(parsed) || double.IsInfinity(parsed) && IsNonFiniteWord(number))
        {
            problem = Messages.NotFinite;
            return false;
        }

        parsed *= multiplier;
        if (!double.IsFinite(parsed))
        {
            problem = Messages.OutOfDoubleRange;
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool IsNonFiniteWord(string text)
    {
        string t = text.TrimStart('+', '-').ToUpperInvariant();
        return t is "NAN" or "INF" or "INFINITY" or "∞";
    }
}
