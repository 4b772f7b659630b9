using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Inputs;

public class InputSpecTests
{
    private static readonly InputSpec Fraction = new()
    {
        Name = "mfu",
        Label = "MFU",
        Description = "Model FLOP utilisation.",
        Minimum = 0,
        Maximum = 1,
    };

    [Fact]
    public void Expected_BoundedRange_DescribesBothEnds()
    {
        Assert.Equal("a number > 0 and <= 1", Fraction.Expected);
    }

    [Theory]
    [InlineData(0.0, "must be greater than 0")]
    [InlineData(1.5, "must be at most 1")]
    [InlineData(double.NaN, "is not a finite number")]
    public void Check_OutOfRange_Problem(double value, string problem)
    {
        Assert.Equal(problem, Fraction.Check(value)!.Problem);
    }

    [Fact]
    public void Check_InRange_Null()
    {
        Assert.Null(Fraction.Check(1));
        Assert.Null(Fraction.Check(0.4));
    }

    [Fact]
    public void JsonName_KebabCase_CamelCase()
    {
        Assert.Equal("taskTokensPerSecond", (Fraction with { Name = "task-tokens-per-second" }).JsonName);
    }
}
