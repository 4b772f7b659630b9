using Flopwise.Architectures;
using Flopwise.Core.Tests.Reference;
using Flopwise.Core.Tests.Support;
using Flopwise.Training;

namespace Flopwise.Core.Tests.Training;

public class MemoryFormulaTests
{
    private const double Gib = 1024.0 * 1024 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PerGpu_ZeroStages_MatchRajbhandariFigureOne(int stage)
    {
        (double w, double g, double o) = ModelStateMemory.PerGpu(MemoryFigures.ZeroParameters, 2, 2, 12, stage, MemoryFigures.ZeroDataParallel);

        AssertClose.ToPrinted(MemoryFigures.ZeroStageGigabytes[stage], (w + g + o) / 1e9, MemoryFigures.ZeroStageHalfUnits[stage]);
    }

    [Theory]
    [InlineData(false, Recompute.None, MemoryFigures.M2TensorParallelGib)]
    [InlineData(true, Recompute.Selective, MemoryFigures.M2SelectiveGib)]
    public void PerLayer_Korthikanti22B_MatchesFigureOne(bool sequenceParallel, Recompute recompute, double expectedGib)
    {
        double perLayer = ActivationMemory.PerLayer(2048, 4, 6144, 64, 8, sequenceParallel, recompute, flashAttention: false);

        AssertClose.Absolute(expectedGib, perLayer * ActivationMemory.FirstStageLayers(48, 1, 1) / Gib, MemoryFigures.GibTolerance);
    }

    [Theory]
    [InlineData(false, Recompute.None, MemoryFigures.M3TensorParallelBeforeFactorGib, MemoryFigures.M3TensorParallelGib)]
    [InlineData(true, Recompute.Selective, MemoryFigures.M3SelectiveBeforeFactorGib, MemoryFigures.M3SelectiveGib)]
    public void PerLayer_Korthikanti530BInterleaved_MatchesFigureOne(bool sequenceParallel, Recompute recompute, double beforeFactorGib, double expectedGib)
    {
        double perLayer = ActivationMemory.PerLayer(2048, 1, 20480, 128, 8, sequenceParallel, recompute, flashAttention: false);

        AssertClose.Absolute(beforeFactorGib, perLayer * 105 / Gib, MemoryFigures.GibTolerance);
        AssertClose.Absolute(expectedGib, perLayer * ActivationMemory.FirstStageLayers(105, 35, 3) / Gib, MemoryFigures.GibTolerance);
    }

    [Theory]
    [InlineData(false, Recompute.None, MemoryFigures.M4TensorParallelGib)]
    [InlineData(true, Recompute.Selective, MemoryFigures.M4SelectiveGib)]
    public void PerLayer_Korthikanti1T_MatchesFigureOne(bool sequenceParallel, Recompute recompute, double expectedGib)
    {
        double perLayer = ActivationMemory.PerLayer(2048, 1, 25600, 160, 8, sequenceParallel, recompute, flashAttention: false);

        AssertClose.Absolute(expectedGib, perLayer * ActivationMemory.FirstStageLayers(128, 64, 1) / Gib, MemoryFigures.GibTolerance);
    }

    [Fact]
    public void PerLayer_FullRecompute_OnlyTheLayerInput()
    {
        Assert.Equal(2.0 * 2048 * 4 * 6144, ActivationMemory.PerLayer(2048, 4, 6144, 64, 8, false, Recompute.Full, false));
        Assert.Equal(2.0 * 2048 * 4 * 6144 / 8, ActivationMemory.PerLayer(2048, 4, 6144, 64, 8, true, Recompute.Full, false));
    }

    [Fact]
    public void PerLayer_FlashAttention_RemovesTheQuadraticTerm()
    {
        double flash = ActivationMemory.PerLayer(4096, 1, 4096, 32, 1, false, Recompute.None, flashAttention: true);

        Assert.Equal(34.0 * 4096 * 4096, flash);
    }

    [Fact]
    public void OptimizerBytes_AdamMixedPrecision_Twelve()
    {
        Assert.Equal(12, ModelStateMemory.OptimizerBytesPerParameter(Optimizer.AdamW, mixedPrecision: true));
        Assert.Equal(8, ModelStateMemory.OptimizerBytesPerParameter(Optimizer.Sgd, mixedPrecision: true));
    }
}
