using System.Globalization;
using Flopwise.Cli.Tests.Support;

namespace Flopwise.Cli.Tests;

public class CultureTests
{
    [Fact]
    public void Copies_UnderGermanCulture_OutputIsInvariant()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            CliRun german = Shell.RunLine("copies --compute 3.5e25 --k 1.5 --json");
            CliRun table = Shell.RunLine("copies --compute 3.5e25");
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CliRun invariant = Shell.RunLine("copies --compute 3.5e25 --k 1.5 --json");

            Assert.Equal(0, german.ExitCode);
            Assert.Equal(invariant.Stdout, german.Stdout);
            Assert.Contains("4.243e+06", Shell.RunLine("copies --compute 3e25").Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(",", table.Stdout.Split('\n')[4], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
