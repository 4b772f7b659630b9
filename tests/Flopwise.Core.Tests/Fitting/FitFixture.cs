using Flopwise.Fitting;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Runs the 4500-start grid, the pitfall and the likelihood once per test class.</summary>
public sealed class FitFixture
{
    public FitData Data { get; } = EpochData.Rows240;

    public ChinchillaFit Huber { get; } = Fit.Huber(EpochData.Rows240);

    public ChinchillaFit HuberMean { get; } = Fit.HuberMean(EpochData.Rows240);

    public ChinchillaFit Likelihood { get; } = Fit.Likelihood(EpochData.Rows240);
}
