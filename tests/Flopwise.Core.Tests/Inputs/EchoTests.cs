using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Inputs;

/// <summary>Issue 25 §7 and What to build §1: an echoed value is one short printable line; no suggestion for a huge value.</summary>
public sealed class EchoTests
{
    [Theory]
    [InlineData("3e25")]
    [InlineData("")]
    [InlineData("h100-sxm5-80gb")]
    public void Echo_ShortPrintableValue_IsUnchanged(string value) => Assert.Equal(value, FieldError.Echo(value));

    [Fact]
    public void Echo_ControlCharacters_AreEscaped()
    {
        // An OSC sequence would set the terminal's title; a newline would break the one-line error.
        Assert.Equal("1e25\\u001B]0;pwned\\u0007\\nnext\\r\\t", FieldError.Echo("1e25\u001b]0;pwned\u0007\nnext\r\t"));
        Assert.Equal("a\\u0085b", FieldError.Echo("a\u0085b"));
    }

    [Fact]
    public void Echo_LongValue_IsCutTo80CharactersWithItsLength()
    {
        string echoed = FieldError.Echo(new string('a', 5_000_000));

        // At most 80 characters in all, the length note included (EchoText.Cut).
        const string Note = "… (5,000,000 characters)";
        Assert.Equal(new string('a', 80 - Note.Length) + Note, echoed);
    }

    [Fact]
    public void Echo_LongValueOfControlCharacters_StaysShort()
    {
        string echoed = FieldError.Echo(new string('\u001b', 1000));

        Assert.StartsWith("\\u001B\\u001B", echoed, StringComparison.Ordinal);
        Assert.InRange(echoed.Length, 60, 80);
        Assert.DoesNotContain('\u001b', echoed);
    }

    [Fact]
    public void ToString_EchoesTheValueBounded()
    {
        var error = new FieldError("gpu", "is unknown", new string('x', 900_000) + "\n", "a GPU id");

        const string Note = "… (900,001 characters)";
        Assert.Equal("gpu: is unknown (got " + new string('x', 80 - Note.Length) + Note + "; expected a GPU id)", error.ToString());
    }

    [Fact]
    public void Closest_ValueOver100Characters_SuggestsNothingAtOnce()
    {
        string[] names = [.. Enumerable.Range(0, 2000).Select(i => "gpu-name-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        // No edit distance is computed (that cost 0.9 s for a 900 KB value against the GPU catalog); no timing is
        // asserted here, as no test times anything (docs/performance.md).
        string[] found = Suggestions.Closest(new string('g', 900_000), names);

        Assert.Empty(found);
        Assert.Equal(["gpu-name-1"], Suggestions.Closest("gpu-name-1x", names));
        Assert.Empty(Suggestions.Closest("gpu-name-1" + new string('x', 91), names));
    }
}
