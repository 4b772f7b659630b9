using Flopwise.Architectures;
using Flopwise.Core.Tests.Support;
using static Flopwise.Core.Tests.Architectures.ModelShapeParameterTests;
using static Flopwise.Core.Tests.Reference.ModelFigures;

namespace Flopwise.Core.Tests.Architectures;

/// <summary>FLOP per token under the three conventions and with recomputation (docs/formulas.md, "FLOP per token and the three conventions").</summary>
public sealed class ModelShapeFlopTests
{
    [Fact]
    public void TrainingFlopPerToken_PalmModelConvention_Is3Point2777e12()
    {
        ModelShape palm = Preset("palm-540b");

        double perToken = palm.TrainingFlopPerToken(FlopConvention.Model, 2048);

        // The printed 3.2777e12 is computed with the published 540.35e9; the exact count (540.356e9) gives 3.27777e12, which
        // the printed 3.2777e12 truncates. With the published N the formula lands within half a unit of the print.
        Assert.Equal((6.0 * Palm540BParameters) + (12.0 * 118 * 48 * 256 * 2048), perToken);
        double withPublishedN = perToken - (6.0 * (Palm540BParameters - PalmPublishedParameters));
        AssertClose.ToPrinted(PalmModelFlopPerToken, withPublishedN, PalmModelFlopPerTokenHalfUnit, "PaLM FLOP/token, published N");
        AssertClose.Relative(PalmModelFlopPerToken, perToken, 3e-5, "PaLM FLOP/token, exact N");
    }

    [Fact]
    public void TrainingFlopPerToken_PalmOver780BTokens_ReproducesReported2Point56e24()
    {
        ModelPreset palm = ModelCatalog.Default.Find("palm-540b")!;

        double total = palm.Shape.TrainingFlopPerToken(FlopConvention.Model, palm.Shape.DefaultSequenceLength) * palm.TrainingTokens!.Value;

        AssertClose.ToPrinted(PalmTrainingFlop, total, PalmTrainingFlopHalfUnit, "PaLM training FLOP");
        Assert.Equal(PalmTrainingFlop, palm.ReportedTrainingFlop);
    }

    [Theory]
    [InlineData(FlopConvention.SixN, Llama3_8BSixN)]
    [InlineData(FlopConvention.Model, Llama3_8BModel)]
    [InlineData(FlopConvention.Causal, Llama3_8BCausal)]
    public void TrainingFlopPerToken_Llama3_8BAt8192_MatchesReferenceVector(FlopConvention convention, double printed)
    {
        ModelShape llama = Preset("llama-3-8b");

        AssertClose.ToPrinted(printed, llama.TrainingFlopPerToken(convention, Llama3_8BSeq), Llama3_8BHalfUnit, FlopConventions.Name(convention));
    }

    [Fact]
    public void NonEmbeddingSixN_Llama3_8B_Is4Point188e10()
    {
        AssertClose.ToPrinted(Llama3_8BSixNNonEmbedding, 6.0 * Preset("llama-3-8b").NonEmbeddingParameters, Llama3_8BHalfUnit);
    }

    [Fact]
    public void TrainingFlopPerToken_SixN_IsSixTimesActiveParametersAndIgnoresSeq()
    {
        ModelShape mixtral = Preset("mixtral-8x7b");

        Assert.Equal(6.0 * MixtralActiveParameters, mixtral.TrainingFlopPerToken(FlopConvention.SixN, 1));
        Assert.Equal(6.0 * MixtralActiveParameters, mixtral.TrainingFlopPerToken(FlopConvention.SixN, 32768));
    }

    [Fact]
    public void TrainingFlopPerToken_CausalAttentionTerm_IsHalfOfModel()
    {
        ModelShape llama = Preset("llama-2-7b");
        double sixN = llama.TrainingFlopPerToken(FlopConvention.SixN, 4096);

        double model = llama.TrainingFlopPerToken(FlopConvention.Model, 4096) - sixN;
        double causal = llama.TrainingFlopPerToken(FlopConvention.Causal, 4096) - sixN;

        Assert.Equal(12.0 * 32 * 32 * 128 * 4096, model);
        Assert.Equal(model / 2, causal);
    }

    [Fact]
    public void TrainingFlopPerToken_Gpt3Over300BTokens_IsWithinHalfAPercentOf3Point14e23()
    {
        ModelPreset gpt3 = ModelCatalog.Default.Find("gpt-3-175b")!;

        double total = gpt3.Shape.TrainingFlopPerToken(FlopConvention.SixN, 2048) * gpt3.TrainingTokens!.Value;

        AssertClose.Relative(Gpt3TrainingFlop, total, Gpt3TrainingFlopRelTol, "GPT-3 6ND");
    }

    [Fact]
    public void TrainingFlopPerToken_Llama31_405BOver15Point6T_Is3Point8e25()
    {
        ModelPreset llama = ModelCatalog.Default.Find("llama-3.1-405b")!;

        double total = llama.Shape.TrainingFlopPerToken(FlopConvention.SixN, llama.Shape.DefaultSequenceLength) * llama.TrainingTokens!.Value;

        AssertClose.ToPrinted(Llama31_405BTrainingFlop, total, Llama31_405BTrainingFlopHalfUnit, "Llama 3.1 405B 6ND");
    }

    [Fact]
    public void ReportedTrainingFlop_ChinchillaAndGopher_GapToSixNDIsReported()
    {
        // Hoffmann et al. 2022: 6·70e9·1.4e12 = 5.88e23 (+2%); 6·280e9·300e9 = 5.04e23 (−12%) against 5.76e23.
        ModelPreset chinchilla = ModelCatalog.Default.Find("chinchilla-70b")!;
        ModelPreset gopher = ModelCatalog.Default.Find("gopher-280b")!;

        double chinchillaSixNd = 6 * chinchilla.PublishedParameters * chinchilla.TrainingTokens!.Value;
        double gopherSixNd = 6 * gopher.PublishedParameters * gopher.TrainingTokens!.Value;

        AssertClose.ToPrinted(ChinchillaSixNDPublished, chinchillaSixNd, SixNDHalfUnit);
        AssertClose.ToPrinted(GopherSixNDPublished, gopherSixNd, SixNDHalfUnit);
        Assert.Equal(ChinchillaGopherTrainingFlop, chinchilla.ReportedTrainingFlop);
        Assert.Equal(ChinchillaGopherTrainingFlop, gopher.ReportedTrainingFlop);
        AssertClose.Relative(1.02, chinchillaSixNd / ChinchillaGopherTrainingFlop, 0.005);
        AssertClose.Relative(0.875, gopherSixNd / ChinchillaGopherTrainingFlop, 0.005);
    }

    [Theory]
    [InlineData(FlopConvention.SixN)]
    [InlineData(FlopConvention.Model)]
    [InlineData(FlopConvention.Causal)]
    public void ForwardFlopPerToken_AnyConvention_IsOneThirdOfTraining(FlopConvention convention)
    {
        ModelShape llama = Preset("llama-3-70b");

        AssertClose.Relative(llama.TrainingFlopPerToken(convention, 8192) / 3, llama.ForwardFlopPerToken(convention, 8192), 1e-15);
    }

    [Fact]
    public void ForwardFlopPerToken_SixN_IsTwoN()
    {
        AssertClose.Relative(2.0 * Llama7BParameters, Preset("llama-2-7b").ForwardFlopPerToken(FlopConvention.SixN, 4096), 1e-15);
    }

    [Fact]
    public void HardwareFlopPerToken_FullRecomputeUnderSixN_IsEightN()
    {
        ModelShape llama = Preset("llama-2-7b");

        AssertClose.Relative(8.0 * Llama7BParameters, llama.HardwareFlopPerToken(FlopConvention.SixN, 4096, Recompute.Full), 1e-15);
    }

    [Theory]
    [InlineData(FlopConvention.SixN)]
    [InlineData(FlopConvention.Model)]
    [InlineData(FlopConvention.Causal)]
    public void HardwareFlopPerToken_Recompute_AddsTheStatedTerm(FlopConvention convention)
    {
        ModelShape palm = Preset("palm-540b");
        double training = palm.TrainingFlopPerToken(convention, 2048);
        double attention = 118.0 * 48 * 256 * 2048;
        double selectiveTerm = (convention == FlopConvention.Causal ? 2 : 4) * attention;

        Assert.Equal(training, palm.HardwareFlopPerToken(convention, 2048, Recompute.None));
        Assert.Equal(training + selectiveTerm, palm.HardwareFlopPerToken(convention, 2048, Recompute.Selective));
        AssertClose.Relative(training * 4 / 3, palm.HardwareFlopPerToken(convention, 2048, Recompute.Full), 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TrainingFlopPerToken_SeqNotPositive_Throws(int seq)
    {
        ModelShape llama = Preset("llama-2-7b");

        Assert.Throws<ArgumentOutOfRangeException>(() => llama.TrainingFlopPerToken(FlopConvention.Model, seq));
        Assert.Throws<ArgumentOutOfRangeException>(() => llama.HardwareFlopPerToken(FlopConvention.Model, seq, Recompute.Selective));
    }

    [Fact]
    public void TrainingFlopPerToken_UndefinedEnums_Throw()
    {
        ModelShape llama = Preset("llama-2-7b");

        Assert.Throws<ArgumentOutOfRangeException>(() => llama.TrainingFlopPerToken((FlopConvention)7, 4096));
        Assert.Throws<ArgumentOutOfRangeException>(() => llama.HardwareFlopPerToken(FlopConvention.SixN, 4096, (Recompute)7));
    }

    [Theory]
    [InlineData("llama-3.1-8b", 8192)]
    [InlineData("llama-3.1-405b", 8192)]
    [InlineData("llama-3-8b", 8192)]
    [InlineData("llama-2-7b", 4096)]
    [InlineData("gpt-3-175b", 2048)]
    [InlineData("mixtral-8x7b", 32768)]
    public void DefaultSequenceLength_Preset_IsPretrainingContextElseContext(string id, int expected)
    {
        Assert.Equal(expected, Preset(id).DefaultSequenceLength);
    }
}
