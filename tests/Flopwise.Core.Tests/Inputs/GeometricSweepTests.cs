using Flopwise.Inputs;

namespace Flopwise.Core.Tests.Inputs;

public class GeometricSweepTests
{
    [Fact]
    public void Parse_ThreeE25ToThreeE29_FivePointsNearestDoubles()
    {
        GeometricSweep sweep = GeometricSweep.Parse("sweep", "3e25:3e29", out FieldError? error)!;

        Assert.Null(error);
        Assert.Equal([3e25, 3e26, 3e27, 3e28, 3e29], sweep.Points);
    }

    [Fact]
    public void Parse_SinglePoint_OneRow()
    {
        Assert.Equal([1e25], GeometricSweep.Parse("sweep", "1e25:1e25", out _)!.Points);
    }

    [Fact]
    public void Parse_TwoHundredDecades_Accepted()
    {
        Assert.Equal(200, GeometricSweep.Parse("sweep", "1e-100:1e99", out _)!.Points.Count);
    }

    [Theory]
    [InlineData("1e34:1e24", "is reversed (TO is below FROM)")]
    [InlineData("1e25:", "TO is empty")]
    [InlineData("1e25", "is not a range FROM:TO")]
    [InlineData("0:1e25", "must have FROM and TO greater than 0")]
    [InlineData("abc:1e25", "FROM is not a number")]
    [InlineData("1e-150:1e100", "has more than 200 rows")]
    public void Parse_Bad_ErrorNamesField(string text, string problem)
    {
        Assert.Null(GeometricSweep.Parse("sweep", text, out FieldError? error));
        Assert.Equal("sweep", error!.Field);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(text, error.Got);
    }
}
