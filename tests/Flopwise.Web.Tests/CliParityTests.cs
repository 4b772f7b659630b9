using Flopwise.Tests.Shared;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// The web answers the CLI's <c>--json</c> object: for each seed example of the README's tour, GET (query string) and
/// POST (JSON body) give exactly the text <c>flopwise COMMAND … --json</c> prints, and the answer is kept as a golden
/// file (UPDATE_GOLDEN=1 rewrites them).
/// </summary>
public sealed class CliParityTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static TheoryData<string, string> Examples => new()
    {
        { "copies-3e25", "copies --compute 3e25" },
        { "copies-chinchilla", "copies --compute 5.88e23 --k 2 --horizon 1" },
        { "copies-sweep", "copies --sweep 1e24:1e34" },
        { "human-fermat", "human --task-hours 1e6 --calendar-years 358" },
        { "human-energy-tokens", "human --energy-kwh 1e9 --tokens 300B" },
        { "model-llama-405b", "model llama-3.1-405b" },
        { "train-gpt3-v100", "train --flop 3.14e23 --gpu v100 --gpus 10000 --achieved-tflops 28" },
        { "train-v100-energy", "train --gpu v100 --gpus 10000 --days 13 --pue 1.5" },
        { "train-llama2-7b-mfu", "train --model llama-2-7b --tokens 2T --gpu a100 --gpu-hours 184320 --grid-intensity 0.4235" },
        { "train-llama31-70b-france", "train --model llama-3.1-70b --tokens 15T --gpu h100 --gpus 4096 --mfu 0.4 --grid france" },
        { "train-sweep-gpus", "train --params 70B --tokens 2T --gpu h100 --sweep-gpus 256:65536" },
        { "memory-llama2-70b", "memory --model llama-2-70b --gpu h100 --gpus 64 --tp 8 --zero 1 --recompute selective --sequence-parallel" },
        { "laws", "laws" },
        { "optimal-hoffmann", "optimal --compute 5.88e23 --law hoffmann" },
        { "optimal-epoch", "optimal --compute 5.88e23" },
        { "optimal-sweep", "optimal --sweep 1e20:1e24" },
        { "optimal-data-constrained", "optimal --compute 9.26e21 --unique-tokens 25B" },
        { "loss-epoch", "loss --law epoch --params 70B --tokens 1.4T" },
        { "plan-hoffmann", "plan --law hoffmann --reference-params 70B --reference-tokens 1.4T --inference-tokens 10T" },
        { "plan-sweep", "plan --law hoffmann --reference-params 70B --reference-tokens 1.4T --sweep-inference 1e10:1e14" },
        { "compare-seed003", "compare --law hoffmann --requests 100B --plan 10B:200B:training-usd=500K:usd-per-request=1e-4 --plan 3B:600B:training-usd=600K:usd-per-request=3e-5" },
        { "compare-inline-law-match", "compare --law E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28 --inference-tokens 1T --match-loss --plan 70B:1.4T --plan 30B:3T" },
        { "serve-llama2-7b-a100", "serve --model llama-2-7b --gpu a100 --prompt-tokens 3000 --output-tokens 500" },
        { "serve-latency-target", "serve --model llama-2-7b --gpu a100 --max-tpot-ms 20" },
        { "serve-sweep-batch", "serve --model llama-2-7b --gpu a100 --prompt-tokens 1024 --output-tokens 256 --sweep-batch 1:512" },
        { "budget-usd-inference", "budget --usd 100M --gpu h100 --price-per-gpu-hour 2.5 --inference-tokens 1e13" },
        { "budget-gpu-hours", "budget --gpu-hours 1M --gpu a100 --mfu 0.4" },
        { "history-3e25", "history --compute 3e25" },
        { "history-top-10", "history --top 10" },
        { "montecarlo-copies-seed7", "copies --compute 1e25..1e27 --samples 2000 --seed 7" },
        { "montecarlo-budget-law-mixture", "budget --usd 100M --gpu h100 --mfu 0.3..0.45 --law epoch:0.7|hoffmann:0.3 --samples 1000 --seed 3" },
        { "montecarlo-serve-sensitivity", "serve --model llama-2-7b --gpu a100 --prompt-tokens 500..2000 --output-tokens 256 --samples 500 --sensitivity requestSeconds" },
        { "montecarlo-optimal-mixture", "optimal --compute 1e24..1e26 --law hoffmann|epoch --samples 1000 --sensitivity parameters" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Get_AnswersTheCliJson(string name, string commandLine)
    {
        (string command, List<KeyValuePair<string, string>> fields) = CliRunner.ToWeb(commandLine);
        using HttpClient client = factory.CreateClient();
        string web = await Http.Ok(await Http.Get(client, "/api/" + command, fields));
        Assert.Equal(CliRunner.Json(commandLine.Split(' ')), web);
        Golden.AssertMatches(web, name);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Post_AnswersTheSameAsGet(string name, string commandLine)
    {
        (string command, List<KeyValuePair<string, string>> fields) = CliRunner.ToWeb(commandLine);
        using HttpClient client = factory.CreateClient();
        string get = await Http.Ok(await Http.Get(client, "/api/" + command, fields));
        string post = await Http.Ok(await Http.Post(client, "/api/" + command, fields));
        Assert.Equal(get, post);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task Post_TakesJsonNumbersAndSuffixedStrings()
    {
        using HttpClient client = factory.CreateClient();
        string numbers = await Http.Ok(await Http.PostJson(client, "/api/train", """{"model": "llama-2-70b", "tokens": 2e12, "gpu": "h100", "gpus": 4096}"""));
        string strings = await Http.Ok(await Http.PostJson(client, "/api/train", """{"model": "llama-2-70b", "tokens": "2T", "gpu": "h100", "gpus": "4096"}"""));
        Assert.Equal(numbers, strings);
        Assert.Equal(CliRunner.Json("train", "--model", "llama-2-70b", "--tokens", "2T", "--gpu", "h100", "--gpus", "4096"), numbers);
    }

    [Fact]
    public async Task Copies_3e25_Has424264ParallelTasks()
    {
        using HttpClient client = factory.CreateClient();
        string json = await Http.Ok(await Http.Get(client, "/api/copies?compute=3e25"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        double tasks = document.RootElement.GetProperty("parallelTasks").GetDouble();
        Assert.Equal(4.2426e5, tasks, 1e-4 * 4.2426e5);
        Assert.Equal(3e25, document.RootElement.GetProperty("trainingFlop").GetDouble());
    }
}
