using Flopwise.Cli.Tests.Support;
using Flopwise.Forecasting;
using Flopwise.Inputs;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void NoCommand_PrintsHelpExit0()
    {
        CliRun run = Shell.Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("copies", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("human", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CopiesHelp_Golden()
    {
        CliRun run = Shell.RunLine("copies --help");

        Assert.Equal(0, run.ExitCode);
        // The usage line names the host executable: testhost here, flopwise when installed.
        Golden.AssertMatches(run.Stdout.Replace("testhost", "flopwise", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> AllOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (InputSpec spec in CopiesInputs.All)
        {
            data.Add("copies", spec.Name);
        }

        foreach (InputSpec spec in HumanInputs.All)
        {
            data.Add("human", spec.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void CommandHelp_EveryOption_UnitDefaultAndSource(string command, string option)
    {
        InputSpec spec = (command == "copies" ? CopiesInputs.All : HumanInputs.All).Single(s => s.Name == option);

        string help = string.Join(' ', Shell.Run(command, "--help").Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("--" + option, help, StringComparison.Ordinal);
        if (spec.Unit.Length > 0)
        {
            Assert.Contains($"[{spec.Unit}]", help, StringComparison.Ordinal);
        }

        if (spec.Default is double d)
        {
            Assert.Contains("Default " + InputOptions.FormatDefault(d) + ".", help, StringComparison.Ordinal);
        }
    }
}
