using System.Globalization;
using Flopwise.Fitting;
using Flopwise.Tests.Shared;

namespace Flopwise.Core.Tests.Fitting;

/// <summary>Loads data/chinchilla_epoch_digitized.csv: N = `Model Size`, C = `Training FLOP`, D = C/(6N), loss.</summary>
public static class EpochData
{
    private static readonly Lazy<FitData> AllRows = new(Load);

    public static FitData All => AllRows.Value;

    public static FitData Rows240 { get; } = Fit.Epoch240(All);

    private static FitData Load()
    {
        string[] lines = File.ReadAllLines(RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"));
        string[] header = lines[0].Split(',');
        int iN = Array.IndexOf(header, "Model Size");
        int iC = Array.IndexOf(header, "Training FLOP");
        int iL = Array.IndexOf(header, "loss");
        var n = new List<double>();
        var d = new List<double>();
        var c = new List<double>();
        var l = new List<double>();
        foreach (string line in lines.Skip(1).Where(x => x.Length > 0))
        {
            string[] f = line.Split(',');
            double parameters = double.Parse(f[iN], CultureInfo.InvariantCulture);
            double compute = double.Parse(f[iC], CultureInfo.InvariantCulture);
            n.Add(parameters);
            c.Add(compute);
            d.Add(compute / (6 * parameters));
            l.Add(double.Parse(f[iL], CultureInfo.InvariantCulture));
        }

        return new FitData([.. n], [.. d], [.. l], [.. c]);
    }
}
