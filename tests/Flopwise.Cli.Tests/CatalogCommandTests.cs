using System.Text.Json;
using Flopwise.Cli.Tests.Support;
using Flopwise.Tests.Shared;

namespace Flopwise.Cli.Tests;

public class CatalogCommandTests
{
    [Fact]
    public void Gpus_Table_Golden()
    {
        CliRun run = Shell.RunLine("gpus");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Gpus_Json_RowsWithSourcesAndDensePeaks()
    {
        using JsonDocument json = JsonDocument.Parse(Shell.RunLine("gpus --json").Stdout);
        JsonElement[] rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();

        Assert.True(rows.Length >= 15);
        Assert.All(rows, r => Assert.StartsWith("http", r.GetProperty("source").GetString(), StringComparison.Ordinal));
        JsonElement h100 = rows.Single(r => r.GetProperty("id").GetString() == "h100-sxm5-80gb");
        Assert.Equal(989.4, h100.GetProperty("denseBf16Tflops").GetDouble(), 1e-9);
        Assert.Equal(1978.9, h100.GetProperty("sparseBf16Tflops").GetDouble(), 1e-9);
    }

    [Fact]
    public void Models_Table_Golden()
    {
        CliRun run = Shell.RunLine("models");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Model_Positional_Llama2SevenJson()
    {
        CliRun run = Shell.RunLine("model llama-2-7b --json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(6_738_415_616, root.GetProperty("parameters").GetInt64());
        Assert.Equal(6 * 6_738_415_616.0, root.GetProperty("trainingFlopPerToken").GetDouble());
        Assert.Equal(root.GetProperty("trainingFlopPerToken").GetDouble() / 3, root.GetProperty("forwardFlopPerToken").GetDouble());
        Assert.True(root.GetProperty("trainingFlopPerTokenByConvention").GetProperty("model").GetDouble() > root.GetProperty("trainingFlopPerTokenByConvention").GetProperty("causal").GetDouble());
        Assert.Equal(2 * 6_738_415_616.0, root.GetProperty("weightsBytesByDtype").GetProperty("bf16").GetDouble());
        Golden.AssertMatches(run.Stdout);
    }

    [Fact]
    public void Model_FlagAndPositional_SameAnswer()
    {
        Assert.Equal(Shell.RunLine("model --model mixtral-8x7b --json").Stdout, Shell.RunLine("model mixtral-8x7b --json").Stdout);
    }

    [Fact]
    public void Model_PalmAtSeq2048ModelConvention_PublishedPerTokenFlop()
    {
        using JsonDocument json = JsonDocument.Parse(Shell.RunLine("model palm-540b --flop-convention model --json").Stdout);

        Assert.Equal(3.2777e12, json.RootElement.GetProperty("trainingFlopPerToken").GetDouble(), 0.0001e12);
    }

    [Theory]
    [InlineData("model", "error: --model: is required (got nothing;")]
    [InlineData("model llama-2-7b --model llama-2-13b", "error: --model: is given twice")]
    [InlineData("model lama-2-7b", "error: --model: is unknown (got lama-2-7b; expected a model preset (see flopwise models); did you mean")]
    [InlineData("model --layers 4 --d-model 100 --heads 3", "error: --d-head: is needed because heads do not divide d-model")]
    [InlineData("model llama-2-7b --flop-convention 7n", "error: --flop-convention: is unknown (got 7n; expected one of 6n, model, causal")]
    public void Model_BadInput_OneLineExit2(string commandLine, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Shell.AssertUsageError(Shell.RunLine(commandLine)), StringComparison.Ordinal);
    }
}
