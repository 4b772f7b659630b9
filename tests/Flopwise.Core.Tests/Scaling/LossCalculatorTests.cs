using Flopwise.Core.Tests.Support;
using Flopwise.Inputs;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>Loss evaluation: defaults, errors, the data-constrained variant and the isoFLOP curves.</summary>
public sealed class LossCalculatorTests
{
    private static ScalingLaw Law(string id) => LawCatalog.Default.Find(id)!;

    [Fact]
    public void Evaluate_NoLaw_UsesEpochAsADefault()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Parameters = 70e9, Tokens = 1.4e12 }).GetValueOrThrow();

        Assert.Equal("epoch", result.Law.Id);
        Assert.Equal(Law("epoch").ChinchillaLoss(70e9, 1.4e12), result.Loss);
        Assumption law = Assert.Single(result.Assumptions, a => a.Name == "law");
        Assert.True(law.IsDefault);
        Assert.Equal("epoch", law.Text);
    }

    [Fact]
    public void Evaluate_UniqueTokensWithoutLaw_UsesMuennighoffAsADefault()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Parameters = 6.34e9, Tokens = 242e9, UniqueTokens = 25e9 }).GetValueOrThrow();

        Assert.Equal("muennighoff", result.Law.Id);
        Assert.Equal(DataConstrained.Loss(Law("muennighoff"), 6.34e9, 242e9, 25e9), result.Loss);
        Assert.Equal(242e9 / 25e9, result.Epochs);
        Assert.Contains(result.Fields, f => f.Key == "epochs");
    }

    [Fact]
    public void Evaluate_UniqueTokensWithHoffmann_AppliesMuennighoffsDecayAndSaysSo()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Law = Law("hoffmann"), Parameters = 6.34e9, Tokens = 242e9, UniqueTokens = 25e9 }).GetValueOrThrow();

        Assumption decay = Assert.Single(result.Assumptions, a => a.Name == "repetitionDecay");
        Assert.Contains("'hoffmann'", decay.Description, StringComparison.Ordinal);
        Assert.True(result.Loss > Law("hoffmann").ChinchillaLoss(6.34e9, 242e9));
    }

    [Theory]
    [InlineData("deepseek")]
    [InlineData("hoffmann-approach1")]
    [InlineData("tokens-per-parameter-20")]
    public void Evaluate_LawWithoutLoss_IsAnErrorOnLaw(string id)
    {
        Outcome<LossResult> outcome = LossCalculator.Evaluate(new LossRequest { Law = Law(id), Parameters = 1e9, Tokens = 1e12 });

        FieldError error = Assert.Single(outcome.Errors);
        Assert.Equal("law", error.Field);
        Assert.Equal($"'{id}' predicts no loss, only a compute-optimal frontier", error.Problem);
    }

    [Fact]
    public void Evaluate_UniqueTokensWithKaplan_IsAnErrorOnUniqueTokens()
    {
        Outcome<LossResult> outcome = LossCalculator.Evaluate(new LossRequest { Law = Law("kaplan"), Parameters = 1e9, Tokens = 1e12, UniqueTokens = 1e11 });

        Assert.Equal("unique-tokens", Assert.Single(outcome.Errors).Field);
    }

    [Theory]
    [InlineData(0, 1e12, "params")]
    [InlineData(-1, 1e12, "params")]
    [InlineData(1e9, 0, "tokens")]
    [InlineData(1e19, 1e12, "params")]
    [InlineData(double.NaN, 1e12, "params")]
    public void Evaluate_OutOfRange_IsAnErrorOnThatInput(double n, double d, string field)
    {
        Outcome<LossResult> outcome = LossCalculator.Evaluate(new LossRequest { Parameters = n, Tokens = d });

        Assert.Equal(field, outcome.Errors[0].Field);
    }

    [Fact]
    public void Evaluate_Missing_IsRequiredError()
    {
        Assert.Equal("tokens: is required (got nothing; expected a number >= 1 and <= 1e+20 (tokens))", new LossRequest { Parameters = 1e9 }.Validate()[0].ToString());
    }

    [Fact]
    public void Evaluate_UniqueTokensAboveTokens_RepeatsNothing()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Law = Law("muennighoff"), Parameters = 1e9, Tokens = 20e9, UniqueTokens = 1e12 }).GetValueOrThrow();

        Assert.Equal(DataConstrained.Loss(Law("muennighoff"), 1e9, 20e9, 20e9), result.Loss);
        Assert.Contains(result.Assumptions, a => a.Name == "uniqueTokensCapped");
    }

    [Fact]
    public void Loss_MuennighoffWithoutRepetitionBelowNStar_IsTheChinchillaForm()
    {
        ScalingLaw law = Law("muennighoff");
        double d = 1e11;
        double n = 0.5 * DataConstrained.OptimalParametersForTokens(law, d);

        AssertClose.Relative(law.AsChinchilla().ChinchillaLoss(n, d), LossCalculator.Loss(law, n, d), 1e-15);
    }

    [Fact]
    public void Loss_PowerLaw_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LossCalculator.Loss(Law("deepseek"), 1e9, 1e12));
    }

    [Fact]
    public void Fields_Kaplan_FlagsNonEmbeddingParameters()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Law = Law("kaplan"), Parameters = 1e9, Tokens = 1e10 }).GetValueOrThrow();

        Assert.Contains(result.Fields, f => f.Key == "parametersAreNonEmbedding" && f.IsBoolean && f.Value == 1);
        Assert.Contains(result.Fields, f => f.Key == "law.alphaN" && f.Value == 0.076);
    }

    [Fact]
    public void Fields_LawConstants_NeverHoldBothAAndLowerCaseA()
    {
        foreach (ScalingLaw law in LawCatalog.Default.All)
        {
            string[] keys = LawConstants.Fields(law, string.Empty).Select(f => f.Key).ToArray();
            Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void IsoFlop_Epoch_OneCurvePerDecadeWithTheMinimumAtTheClosedForm()
    {
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", "1e18:1e24", out _)!;

        IsoFlopCurves curves = LossCalculator.IsoFlop(Law("epoch"), sweep, null, []).GetValueOrThrow();

        Assert.Equal(7, curves.Rows.Count);
        Assert.Equal(8, curves.Chart.Series.Count);
        Assert.True(curves.Chart.XLogarithmic);
        Assert.All(curves.Chart.Series.Take(7), s => Assert.Equal(LossCalculator.CurvePoints, s.X.Count));
        foreach (IsoFlopRow row in curves.Rows)
        {
            Allocation closed = Law("epoch").ChinchillaOptimal(row.TrainingFlop);
            AssertClose.Relative(closed.Parameters, row.Parameters, 1e-5, "N at the minimum");
            AssertClose.Relative(closed.Loss!.Value, row.Loss, 1e-12, "minimum loss");
        }
    }

    [Fact]
    public void IsoFlop_EachCurve_IsLowestAtItsMinimum()
    {
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", "1e20:1e22", out _)!;

        IsoFlopCurves curves = LossCalculator.IsoFlop(Law("kaplan"), sweep, null, []).GetValueOrThrow();

        for (int i = 0; i < curves.Rows.Count; i++)
        {
            Assert.All(curves.Chart.Series[i].Y, y => Assert.True(y >= curves.Rows[i].Loss - 1e-12));
        }
    }

    [Fact]
    public void IsoFlop_LawWithoutLoss_IsAnError()
    {
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", "1e20:1e22", out _)!;

        Assert.Equal("law", LossCalculator.IsoFlop(Law("deepseek"), sweep, null, []).Errors[0].Field);
    }

    [Fact]
    public void Evaluate_MuennighoffWithoutRepetitionAboveNStar_IsAboveTheChinchillaFormAndSaysSo()
    {
        // Given: 100B parameters on 100B tokens, far above N*(100B) = 5.10B
        ScalingLaw muennighoff = Law("muennighoff");

        LossResult result = LossCalculator.Evaluate(new LossRequest { Law = muennighoff, Parameters = 100e9, Tokens = 100e9 }).GetValueOrThrow();

        // Then: the excess-parameter decay applies without repetition (2.16913 against 2.13438), and the note says so
        Assert.Equal(2.16913, result.Loss, 0.000005);
        Assert.Equal(2.13438, muennighoff.AsChinchilla().ChinchillaLoss(100e9, 100e9), 0.000005);
        Assumption note = Assert.Single(result.Assumptions, a => a.Name == "withoutRepetition");
        Assert.Equal("excess parameters decay (N > N*(D))", note.Text);
        Assert.Contains("N*(D) = 5.09865e+09", note.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MuennighoffWithoutRepetitionBelowNStar_SaysItIsTheChinchillaForm()
    {
        LossResult result = LossCalculator.Evaluate(new LossRequest { Law = Law("muennighoff"), Parameters = 1e9, Tokens = 100e9 }).GetValueOrThrow();

        Assert.Equal(Law("muennighoff").AsChinchilla().ChinchillaLoss(1e9, 100e9), result.Loss, 12);
        Assert.Equal("Chinchilla form (N ≤ N*(D))", Assert.Single(result.Assumptions, a => a.Name == "withoutRepetition").Text);
    }

    [Theory]
    [InlineData("1e-10:1e1", "compute-range: has a compute of 1e-10 FLOP, below 6 FLOP (one parameter on one token), where an isoFLOP curve is empty (got 1e-10:1e+01; expected FROM:TO with every compute >= 6 and <= 1e+40 FLOP)")]
    [InlineData("1e200:1e300", "compute-range: has a compute of 1e+200 FLOP, which must be at most 1e+40 (got 1e+200:1e+300; expected FROM:TO with every compute >= 6 and <= 1e+40 FLOP)")]
    public void IsoFlop_ComputeOutOfRange_IsAnErrorOnComputeRange(string range, string message)
    {
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", range, out _)!;

        Outcome<IsoFlopCurves> outcome = LossCalculator.IsoFlop(Law("kaplan"), sweep, null, []);

        Assert.Equal(message, outcome.Errors[0].ToString());
    }

    [Fact]
    public void IsoFlop_MinimumOnTheWindowEdge_IsFlagged()
    {
        // Given: 6 FLOP (one parameter on one token: the window is the single point N = 1) and 1e20 FLOP (interior)
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", "6:6e20", out _)!;

        IsoFlopCurves curves = LossCalculator.IsoFlop(Law("hoffmann"), sweep, null, []).GetValueOrThrow();

        Assert.True(curves.Rows[0].MinimumAtWindowEdge);
        Assert.False(curves.Rows[^1].MinimumAtWindowEdge);
        Assert.Equal("6 FLOP", Assert.Single(curves.Assumptions, a => a.Name == "minimumAtWindowEdge").Text);
        Assert.Contains(curves.Rows[0].Fields, f => f.Key == "minimumAtWindowEdge" && f.Value == 1);
    }

    [Fact]
    public void IsoFlop_InteriorMinima_HaveNoEdgeNote()
    {
        GeometricSweep sweep = GeometricSweep.Parse("compute-range", "1e18:1e40", out _)!;

        IsoFlopCurves curves = LossCalculator.IsoFlop(Law("kaplan"), sweep, null, []).GetValueOrThrow();

        Assert.All(curves.Rows, r => Assert.False(r.MinimumAtWindowEdge));
        Assert.DoesNotContain(curves.Assumptions, a => a.Name == "minimumAtWindowEdge");
    }
}
