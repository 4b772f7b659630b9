using Flopwise.Architectures;
using Flopwise.Hardware;
using Flopwise.Reporting;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Architecture;

public class ProvenanceTests
{
    [Fact]
    public void Sources_ReadFromTheCatalogHeads_EqualTheParsedCatalogs()
    {
        var dates = Provenance.Sources().ToDictionary(s => s.Key, s => s.Date);

        Assert.Equal(GpuCatalog.Default.AsOf, dates["gpuCatalog"]);
        Assert.Equal(ModelCatalog.Default.AsOf, dates["modelPresets"]);
        Assert.Equal(LawCatalog.Default.AsOf, dates["scalingLaws"]);
        Assert.Equal(Flopwise.Forecasting.ModelTable.EpochSnapshotDate, dates["epochModels"]);
        Assert.All(dates.Values, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
    }

    [Fact]
    public void Json_CarriesTheReleaseWithoutTheCommit()
    {
        Assert.DoesNotContain('+', Provenance.Release);
        Assert.StartsWith(Provenance.Release, Provenance.Version, StringComparison.Ordinal);
        Assert.Equal(Provenance.Release, Provenance.ToJsonNode()["version"]!.GetValue<string>());
    }
}
