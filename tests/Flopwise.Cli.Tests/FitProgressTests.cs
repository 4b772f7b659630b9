using Flopwise.Cli.Commands;

namespace Flopwise.Cli.Tests;

/// <summary>
/// The progress line of <c>flopwise fit</c>. On a real terminal it was checked by hand under <c>script</c> (a bar per
/// stage on stderr, cleared at the end; nothing on stderr when it is redirected); these tests pin what it writes.
/// </summary>
public class FitProgressTests
{
    [Fact]
    public void Report_WritesOneLineInPlaceAndOnlyWhenThePercentageGrows()
    {
        var error = new StringWriter();
        using (var progress = new FitProgress(error, "fitting  "))
        {
            progress.Report(0.5);
            progress.Report(0.504); // same whole percentage: nothing new
            progress.Report(0.3); // a late report from another thread never moves the bar back
            progress.Report(1);
        }

        string[] frames = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["fitting   [##########..........]  50%", "fitting   [####################] 100%"], frames[..2]);
        Assert.Equal(3, frames.Length);
        Assert.True(string.IsNullOrWhiteSpace(frames[2]) && frames[2].Length >= frames[1].Length, "the last frame blanks the line");
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Dispose_WithoutReports_WritesNothing()
    {
        var error = new StringWriter();
        new FitProgress(error, "bootstrap").Dispose();

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Create_WhenStderrIsNotTheConsole_ReturnsNull()
    {
        var context = new CliContext(new StringWriter(), new StringWriter(), IsTerminal: true);

        Assert.Null(FitProgress.Create(context, "fitting  "));
    }
}
