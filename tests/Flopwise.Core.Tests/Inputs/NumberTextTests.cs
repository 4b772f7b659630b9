using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Inputs;

public class NumberTextTests
{
    [Theory]
    [InlineData("3e25", 3e25)]
    [InlineData("3.14E+23", 3.14e23)]
    [InlineData("0.75", 0.75)]
    [InlineData("-1", -1.0)]
    [InlineData("70B", 70e9)]
    [InlineData("2T", 2e12)]
    [InlineData("500K", 500e3)]
    [InlineData("1.5M", 1.5e6)]
    [InlineData("70b", 70e9)]
    [InlineData(" 42 ", 42.0)]
    public void TryParse_AcceptedForms_Value(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, out double value, out string? problem));
        Assert.Equal(expected, value);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("abc", Messages.NotANumber)]
    [InlineData("1,000", Messages.NotANumber)]
    [InlineData("B", Messages.NotANumber)]
    [InlineData("0x10", Messages.NotANumber)]
    [InlineData("nan", Messages.NotFinite)]
    [InlineData("NaN", Messages.NotFinite)]
    [InlineData("inf", Messages.NotFinite)]
    [InlineData("-Infinity", Messages.NotFinite)]
    [InlineData("1e400", Messages.OutOfDoubleRange)]
    [InlineData("1e300T", Messages.OutOfDoubleRange)]
    [InlineData("", Messages.EmptyNumber)]
    public void TryParse_Rejected_Problem(string text, string expectedProblem)
    {
        Assert.False(NumberText.TryParse(text, out _, out string? problem));
        Assert.Equal(expectedProblem, problem);
    }
}
