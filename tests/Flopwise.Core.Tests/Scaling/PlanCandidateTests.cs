using Flopwise.Inputs;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

public class PlanCandidateTests
{
    [Fact]
    public void Parse_SeedPlanWithPrices_ReadsEveryKey()
    {
        PlanCandidate plan = PlanCandidate.Parse("10B:200B:training-usd=500K:usd-per-request=1e-4", out FieldError? error)!;

        Assert.Null(error);
        Assert.Equal(10e9, plan.Parameters);
        Assert.Equal(200e9, plan.Tokens);
        Assert.Equal(500e3, plan.TrainingUsd);
        Assert.Equal(1e-4, plan.UsdPerRequest);
        Assert.Null(plan.UsdPerMillionTokens);
        Assert.True(plan.HasOwnPrice);
    }

    [Fact]
    public void Parse_PlainPlan_HasNoPrices()
    {
        PlanCandidate plan = PlanCandidate.Parse("3e9:6e11", out _)!;

        Assert.Equal((3e9, 6e11), (plan.Parameters, plan.Tokens));
        Assert.False(plan.HasOwnPrice);
    }

    [Theory]
    [InlineData("10B", "plan: has no training tokens: write parameters:tokens (got 10B; expected N:D[:key=value…]")]
    [InlineData("10B:", "plan: has no tokens (got 10B:;")]
    [InlineData(":200B", "plan: has no parameters (got :200B;")]
    [InlineData("x:200B", "plan: has parameters 'x' that is not a number (got x:200B;")]
    [InlineData("10B:2OOB", "plan: has tokens '2OOB' that is not a number (got 10B:2OOB;")]
    [InlineData("10B:200B:foo=1", "plan: has an unknown key 'foo' (got 10B:200B:foo=1; expected N:D[:key=value…], N parameters and D tokens (suffixes K M B T), keys training-usd, usd-per-request, usd-per-million-tokens;")]
    [InlineData("10B:200B:training-usd", "plan: has 'training-usd' where key=value was expected (got 10B:200B:training-usd;")]
    [InlineData("10B:200B:training-usd=1:training-usd=2", "plan: repeats the key 'training-usd'")]
    [InlineData("-10B:200B", "plan: has parameters -10000000000, which must be greater than 0 (got -10B:200B;")]
    [InlineData("10B:0", "plan: has tokens 0, which must be greater than 0 (got 10B:0;")]
    [InlineData("10B:200B:usd-per-request=-1", "plan: has usd-per-request -1, which must be greater than 0")]
    [InlineData("10B:1e400", "plan: has tokens '1e400' that is too large to represent")]
    [InlineData("1e19:200B", "plan: has parameters 1e+19, above the maximum 1e+18")]
    [InlineData("10B:200B:usd-per-request=1e-4:usd-per-million-tokens=0.2", "plan: has both usd-per-request and usd-per-million-tokens; give one serving price")]
    [InlineData("", "plan: has no training tokens: write parameters:tokens (got '';")]
    public void Parse_BadText_OneErrorNamingPlanAndText(string text, string expectedStart)
    {
        PlanCandidate? plan = PlanCandidate.Parse(text, out FieldError? error);

        Assert.Null(plan);
        string message = error!.ToString();
        Assert.True(message.StartsWith(expectedStart, StringComparison.Ordinal), message);
    }
}
