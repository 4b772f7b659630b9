namespace Flopwise;

/// <summary>The texts of user-facing messages, kept in one place so that tests can assert exact strings.</summary>
public static class Messages
{
    /// <summary>An input was given as an empty string.</summary>
    public const string EmptyNumber = "is empty";

    /// <summary>An input is not a number in the invariant culture.</summary>
    public const string NotANumber = "is not a number";

    /// <summary>An input is NaN or an infinity.</summary>
    public const string NotFinite = "is not a finite number";

    /// <summary>An input overflows a double.</summary>
    public const string OutOfDoubleRange = "is too large to represent";

    /// <summary>A count was given with a fraction.</summary>
    public const string NotWhole = "must be a whole number";

    /// <summary>A required input was not given.</summary>
    public const string Missing = "is required";

    /// <summary>The <c>got</c> part of a message when nothing was given.</summary>
    public const string Nothing = "nothing";

    /// <summary>An input makes a result overflow.</summary>
    /// <param name="output">The label of the result that would be infinite or NaN.</param>
    /// <returns>The problem text.</returns>
    public static string MakesResultNonFinite(string output) => $"makes '{output}' overflow or underflow";

    /// <summary>The <c>expected</c> part when a value makes a result overflow.</summary>
    public const string KeepsResultsFinite = "a value that keeps every result finite";

    /// <summary>An input is below its lower bound.</summary>
    /// <param name="bound">The bound, formatted.</param>
    /// <param name="inclusive">Whether the bound itself is allowed.</param>
    /// <returns>The problem text.</returns>
    public static string TooSmall(string bound, bool inclusive) =>
        inclusive ? $"must be at least {bound}" : $"must be greater than {bound}";

    /// <summary>An input is above its upper bound.</summary>
    /// <param name="bound">The bound, formatted.</param>
    /// <param name="inclusive">Whether the bound itself is allowed.</param>
    /// <returns>The problem text.</returns>
    public static string TooLarge(string bound, bool inclusive) =>
        inclusive ? $"must be at most {bound}" : $"must be less than {bound}";
}
