using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class LawsCommandTests
{
    [Fact]
    public void Laws_Table_Golden()
    {
        CliRun run = Shell.RunLine("laws");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Laws_Json_EveryPresetWithConstantsAndSource()
    {
        CliRun run = Shell.RunLine("laws --json");

        Assert.Equal(0, run.ExitCode);
        JsonElement rows = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rows");
        Assert.Equal(9, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString())));
        JsonElement hoffmann = rows.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "hoffmann");
        Assert.Equal(406.4, hoffmann.GetProperty("A").GetDouble());
        Assert.Equal("chinchilla", hoffmann.GetProperty("form").GetString());
        Assert.Contains("chinchilla", hoffmann.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(92.8, hoffmann.GetProperty("tokensPerParameterAtChinchillaCompute").GetDouble(), 0.05);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Laws_Json_NoObjectHoldsBothAAndLowerCaseA()
    {
        JsonElement rows = JsonDocument.Parse(Shell.RunLine("laws --json").Stdout).RootElement.GetProperty("rows");

        foreach (JsonElement row in rows.EnumerateArray())
        {
            string[] keys = row.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void Laws_UnknownOption_IsAUsageError()
    {
        Shell.AssertUsageError(Shell.RunLine("laws --law epoch"));
    }
}
