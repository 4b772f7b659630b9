using Flopwise.Inputs;
using Flopwise.Scaling;
using Flopwise.Uncertainty;

namespace Flopwise.Core.Tests.Uncertainty;

public class LawMixtureTests
{
    private static LawMixture Parse(string text) => LawMixture.Parse(text, LawCatalog.Default).Value!;

    private static FieldError Error(string text) => LawMixture.Parse(text, LawCatalog.Default).Errors[0];

    [Fact]
    public void WithoutWeights_TheLawsShareEqually()
    {
        LawMixture mixture = Parse("hoffmann-unrounded|epoch");

        Assert.Equal(["hoffmann-unrounded", "epoch"], mixture.Laws.Select(l => l.Id));
        Assert.Equal([0.5, 0.5], mixture.Weights);
        Assert.Equal("hoffmann-unrounded", mixture.Pick(0.49).Id);
        Assert.Equal("epoch", mixture.Pick(0.51).Id);
    }

    [Fact]
    public void Weights_PickByCumulativeShare()
    {
        LawMixture mixture = Parse("epoch:0.7|hoffmann:0.3");

        Assert.Equal("epoch", mixture.Pick(0.69).Id);
        Assert.Equal("hoffmann", mixture.Pick(0.71).Id);
        Assert.Equal("epoch 0.7 | hoffmann 0.3", mixture.Describe());
    }

    [Theory]
    [InlineData("epoch:0.7|hoffmann:0.4", "has weights summing to 1.1, not 1")]
    [InlineData("epoch:0.7|hoffmann", "gives weights to some laws but not all")]
    [InlineData("epoch|epoch", "names a law twice")]
    [InlineData("epoch:0|hoffmann:1", "has a weight that is not a number in (0, 1] in 'epoch:0'")]
    [InlineData("epoch||hoffmann", "has an empty law name")]
    public void BadMixtures_SayWhatIsWrong(string text, string problem)
    {
        FieldError error = Error(text);

        Assert.Equal("law", error.Field);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void UnknownLaw_NamesTheMixtureAndSuggests()
    {
        FieldError error = Error("epoch|hofman");

        Assert.Equal("epoch|hofman", error.Got);
        Assert.Contains("hoffmann", error.Expected, StringComparison.Ordinal);
    }
}
