using System.Diagnostics;
using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Inputs;

public sealed class EchoTextTests
{
    [Theory]
    [InlineData("3e25")]
    [InlineData("")]
    [InlineData("h100-sxm5-80gb")]
    [InlineData("ünïcödé ✓")]
    public void ShortPlainText_IsReturnedAsGiven(string text) => Assert.Same(text, EchoText.Cut(text));

    [Fact]
    public void ExactlyTheLimit_IsKept()
    {
        string text = new('x', EchoText.MaxLength);
        Assert.Same(text, EchoText.Cut(text));
    }

    [Theory]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("\u001b]0;title\u0007", "\\u001B]0;title\\u0007")]
    [InlineData("x\u007f\u0085y", "x\\u007F\\u0085y")]
    [InlineData("left\u202eright\u2028", "left\\u202Eright\\u2028")]
    public void ControlCharacters_AreEscaped(string text, string expected) => Assert.Equal(expected, EchoText.Cut(text));

    [Fact]
    public void LongText_IsCutToTheLimit_WithItsLength()
    {
        string cut = EchoText.Cut(new string('y', 900_000));
        Assert.Equal(new string('y', 58) + "… (900,000 characters)", cut);
        Assert.Equal(EchoText.MaxLength, cut.Length);
    }

    [Fact]
    public void Cut_NeverSplitsAnEscapeOrASurrogatePair()
    {
        string escapes = EchoText.Cut(string.Concat(Enumerable.Repeat("\u001b", 100)));
        Assert.True(escapes.Length <= EchoText.MaxLength);
        Assert.StartsWith(string.Concat(Enumerable.Repeat("\\u001B", 10)) + "…", escapes, StringComparison.Ordinal);

        string emoji = EchoText.Cut(string.Concat(Enumerable.Repeat("😀", 100)));
        Assert.True(emoji.Length <= EchoText.MaxLength);
        int body = emoji.IndexOf('…', StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(emoji[body - 1]));
    }

    [Fact]
    public void CustomLimit_IsHonoured()
    {
        Assert.Equal(400, EchoText.Cut(new string('z', 10_000), 400).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => EchoText.Cut("x", 10));
    }

    /// <summary>A 900 kB value against every name took about a second; over the limit there is no search at all.</summary>
    [Fact]
    public void Suggestions_SkipAValueOverTheLimit()
    {
        string[] names = [.. Enumerable.Range(0, 200).Select(i => "name-" + i)];
        var clock = Stopwatch.StartNew();
        Assert.Empty(Suggestions.Closest("name-1" + new string('x', 900_000), names));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(["name-1"], Suggestions.Closest("name-1x", names));
        Assert.Empty(Suggestions.Closest(new string('n', Suggestions.MaxTypedLength + 1), ["n"]));
    }
}
