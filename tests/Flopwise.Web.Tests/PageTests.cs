using Flopwise.Tests.Shared;
using Flopwise.Web.Tests.Support;
using Microsoft.Playwright;

namespace Flopwise.Web.Tests;

/// <summary>The page in a real Chromium: results with units, field errors, shared links, plots, text stays text.</summary>
[Trait("Category", "Browser")]
public sealed class PageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ParallelTasks = "#copies tr[data-key=parallelTasks] td.value";

    [Fact]
    public async Task Copies_3e25_Shows424e5ParallelTasks()
    {
        IPage page = await browser.Open();
        await page.FillAsync("#copies-compute", "3e25");
        await page.ClickAsync("#copies button[type=submit]");
        Assert.Equal("4.243e+05", await page.Locator(ParallelTasks).InnerTextAsync());
        Assert.Equal("FLOP", await page.Locator("#copies tr[data-key=trainingFlop] td.unit").InnerTextAsync());
        Assert.Contains("calc=copies", page.Url, StringComparison.Ordinal);
        Assert.Contains("compute=3e25", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#copies table caption:text('Assumptions used')").CountAsync() == 1);
    }

    [Theory]
    [InlineData("memory", "/?calc=memory&model=llama-2-7b&gpu=a100&gpus=8", "totalBytes")]
    [InlineData("human", "/?calc=human&taskHours=1", "flopPerExpertHour")]
    [InlineData("model", "/?calc=model&model=llama-2-70b", "parameters")]
    [InlineData("loss", "/?calc=loss&law=hoffmann&params=70B&tokens=1.4T", "loss")]
    [InlineData("laws", "/?calc=laws", "hoffmann")]
    public async Task DeclaredCalculator_HasAGeneratedSectionThatAnswers(string calc, string link, string key)
    {
        // Sections the page had no code for: built from the calculator's declaration in GET /api/inputs.
        IPage page = await browser.Open(link);
        ILocator section = page.Locator($"section[data-calc={calc}]");
        Assert.Equal(1, await section.CountAsync());
        Assert.Equal(1, await page.Locator($"nav a[href='#{calc}']").CountAsync());
        await section.Locator(".result table").First.WaitForAsync();
        Assert.Contains(key, await section.Locator(".result").InnerHTMLAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeCompute_ShowsTheErrorNextToTheField()
    {
        IPage page = await browser.Open();
        await page.FillAsync("#copies-compute", "-5");
        await page.PressAsync("#copies-compute", "Enter");
        ILocator error = page.Locator("#copies-compute-error");
        await error.Locator("text=greater than 0").WaitForAsync();
        string text = await error.InnerTextAsync();
        Assert.Contains("got -5", text, StringComparison.Ordinal);
        Assert.StartsWith("Error:", text, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#copies-compute", "aria-invalid"));
        Assert.Contains("copies-compute-error", await page.GetAttributeAsync("#copies-compute", "aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("copies-compute", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task SharedLink_ReopensTheSameResult()
    {
        IPage first = await browser.Open();
        await first.FillAsync("#train-model", "llama-2-70b");
        await first.FillAsync("#train-tokens", "2T");
        await first.FillAsync("#train-gpu", "h100");
        await first.FillAsync("#train-gpus", "4096");
        await first.ClickAsync("#train button[type=submit]");
        string outputs = await first.Locator("#train .result table").First.InnerTextAsync();
        string link = await first.Locator("#train a.share-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("no share link");
        Assert.Contains("gpuHours", await first.Locator("#train .result").InnerHTMLAsync(), StringComparison.Ordinal);

        IPage second = await browser.Open(link);
        await second.Locator("#train .result table").First.WaitForAsync();
        Assert.Equal(outputs, await second.Locator("#train .result table").First.InnerTextAsync());
        Assert.Equal("2T", await second.InputValueAsync("#train-tokens"));
    }

    [Fact]
    public async Task Plot_RendersAnSvgWithData()
    {
        IPage page = await browser.Open("/?calc=copies&compute=3e25");
        ILocator svg = page.Locator("#copies figure.plot svg");
        await svg.WaitForAsync();
        int paths = await page.EvaluateAsync<int>("document.querySelectorAll('#copies figure.plot svg path[d]').length");
        Assert.True(paths > 5, $"the plot has {paths} paths");
        Assert.Equal("img", await svg.GetAttributeAsync("role"));
        Assert.Equal(0, await page.Locator("#copies figure.plot svg script").CountAsync());
    }

    [Fact]
    public async Task ScriptInAField_IsShownAsTextAndNeverRuns()
    {
        const string Attack = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        IPage page = await browser.Open();
        await page.FillAsync("#copies-compute", Attack);
        await page.ClickAsync("#copies button[type=submit]");
        ILocator error = page.Locator("#copies-compute-error");
        await error.Locator("text=is not a number").WaitForAsync();
        Assert.Contains("<script>window.__pwned=1</script>", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#copies img, #copies .error script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"));

        IPage linked = await browser.Open("/?calc=copies&compute=" + Uri.EscapeDataString(Attack) + "&k=" + Uri.EscapeDataString("<b>bold</b>"));
        await linked.Locator("#copies-compute-error").Locator("text=is not a number").WaitForAsync();
        Assert.Equal(Attack, await linked.InputValueAsync("#copies-compute"));
        Assert.Equal(0, await linked.Locator("#copies img, #copies b").CountAsync());
        Assert.True(await linked.EvaluateAsync<bool>("window.__pwned === undefined"));
    }

    [Fact]
    public async Task KeyboardOnly_ReachesTheFieldAndSubmits()
    {
        IPage page = await browser.Open();
        for (int i = 0; i < 24 && await page.EvaluateAsync<string>("document.activeElement.id") != "copies-compute"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("copies-compute", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("3e25");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("4.243e+05", await page.Locator(ParallelTasks).InnerTextAsync());
    }

    [Fact]
    public async Task EveryControl_HasALabel()
    {
        IPage page = await browser.Open();
        int controls = await page.EvaluateAsync<int>("document.querySelectorAll('input, select, textarea').length");
        string[] unlabelled = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input, select, textarea')].filter(e => e.labels.length === 0 || e.labels[0].textContent.trim() === '').map(e => e.id)");
        Assert.True(controls > 40, $"only {controls} controls");
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task NameFields_SuggestTheCatalogNames()
    {
        IPage page = await browser.Open();
        Assert.Equal("names-model", await page.GetAttributeAsync("#train-model", "list"));
        Assert.Equal("names-gpu", await page.GetAttributeAsync("#train-gpu", "list"));
        Assert.Equal(1, await page.Locator("#names-model option[value='llama-2-70b']").CountAsync());
        Assert.Equal(1, await page.Locator("#names-law option[value='hoffmann']").CountAsync());
    }

    [Fact]
    public async Task Compare_TwoPlans_ShowsARowEach()
    {
        IPage page = await browser.Open();
        await page.FillAsync("#compare-law", "hoffmann");
        await page.FillAsync("#compare-plan", "10B:200B\n3B:600B");
        await page.FillAsync("#compare-inferenceTokens", "1T");
        await page.ClickAsync("#compare button[type=submit]");
        await page.Locator("#compare tr[data-row='1']").WaitForAsync();
        Assert.Equal(2, await page.Locator("#compare tbody tr[data-row]").CountAsync());
        Assert.Contains("plan=10B%3A200B&plan=3B%3A600B", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_Upload_ShowsTheLawAndPlot()
    {
        IPage page = await browser.Open();
        await page.SetInputFilesAsync("#fit-file", RepositoryRoot.File("data", "chinchilla_epoch_digitized.csv"));
        await page.FillAsync("#fit-dropHighestLoss", "5");
        await page.ClickAsync("#fit button[type=submit]");
        await page.Locator("#fit tr[data-key='law.E']").WaitForAsync(new() { Timeout = 240_000 });
        Assert.StartsWith("1.8", await page.Locator("#fit tr[data-key='law.E'] td.value").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#fit figure.plot svg").WaitForAsync(new() { Timeout = 240_000 });
    }

    [Fact]
    public async Task Serving_SeedExample_ShowsRowsWithUnitsAndItsPlot()
    {
        IPage page = await browser.Open();
        await page.FillAsync("#serve-model", "llama-2-7b");
        await page.FillAsync("#serve-gpu", "a100");
        await page.FillAsync("#serve-promptTokens", "1024");
        await page.FillAsync("#serve-outputTokens", "256");
        await page.ClickAsync("#serve details summary");
        await page.FillAsync("#serve-sweepBatch", "1:512");
        await page.ClickAsync("#serve button[type=submit]");
        ILocator svg = page.Locator("#serve figure.plot svg");
        await svg.WaitForAsync();

        int apiRows = await page.EvaluateAsync<int>(
            "fetch('/api/serve?model=llama-2-7b&gpu=a100&promptTokens=1024&outputTokens=256&sweepBatch=1:512').then(r => r.json()).then(b => b.rows.length)");
        Assert.True(apiRows > 3, $"{apiRows} rows");
        Assert.Equal(apiRows, await page.Locator("#serve tbody tr[data-row]").CountAsync());
        Assert.Contains("Tokens Per Second Per Gpu (tokens/s per GPU)", await page.Locator("#serve table:has(caption:text-is('Rows')) thead").InnerTextAsync(), StringComparison.Ordinal);
        int paths = await page.EvaluateAsync<int>("document.querySelectorAll('#serve figure.plot svg path[d]').length");
        Assert.True(paths > 3, $"the plot has {paths} paths");
        Assert.Contains("calc=serve", page.Url, StringComparison.Ordinal);
        Assert.Contains("sweepBatch=1%3A512", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_PointAnswer_ReopensFromItsLink()
    {
        IPage page = await browser.Open("/?calc=serve&model=llama-2-7b&gpu=a100&promptTokens=1024&outputTokens=256");
        ILocator value = page.Locator("#serve tr[data-key=decodeSecondsPerToken] td.value");
        await value.WaitForAsync();
        double api = await page.EvaluateAsync<double>(
            "fetch('/api/serve?model=llama-2-7b&gpu=a100&promptTokens=1024&outputTokens=256').then(r => r.json()).then(b => b.decodeSecondsPerToken)");
        double shown = double.Parse(await value.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(api, shown, api * 1e-3);
        Assert.Equal("s per token", await page.Locator("#serve tr[data-key=decodeSecondsPerToken] td.unit").InnerTextAsync());
        Assert.True(await page.Locator("#serve table caption:text('Assumptions used')").CountAsync() == 1);
    }

    [Fact]
    public async Task CopiesRange_ShowsThePercentileTableAndHistogram()
    {
        IPage page = await browser.Open();
        await page.FillAsync("#copies-compute", "1e25..1e27");
        await page.ClickAsync("#copies details summary");
        await page.FillAsync("#copies-samples", "2000");
        await page.ClickAsync("#copies button[type=submit]");
        ILocator row = page.Locator("#copies tr[data-key=parallelTasks]:has(td[data-p])");
        await row.WaitForAsync();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        double p5 = double.Parse(await row.Locator("td[data-p=p5]").InnerTextAsync(), invariant);
        double p50 = double.Parse(await row.Locator("td[data-p=p50]").InnerTextAsync(), invariant);
        double p95 = double.Parse(await row.Locator("td[data-p=p95]").InnerTextAsync(), invariant);
        Assert.True(p5 < p50 && p50 < p95, $"{p5} {p50} {p95}");
        Assert.Equal(await page.Locator("#copies tr[data-key=parallelTasks]:not(:has(td[data-p])) td.value").InnerTextAsync(), await row.Locator("td[data-p=p50]").InnerTextAsync());
        Assert.Contains("Percentiles over 2000 samples", await page.Locator("#copies .result").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#copies figure.plot svg").WaitForAsync();
        Assert.Contains("compute=1e25..1e27", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInAServingField_IsShownAsTextAndNeverRuns()
    {
        const string Attack = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        IPage page = await browser.Open();
        await page.FillAsync("#serve-model", Attack);
        await page.FillAsync("#serve-gpu", "a100");
        await page.FillAsync("#serve-batch", Attack);
        await page.ClickAsync("#serve button[type=submit]");
        ILocator batchError = page.Locator("#serve-batch-error");
        await batchError.Locator("text=is not a number").WaitForAsync();
        Assert.Contains("<script>window.__pwned=1</script>", await batchError.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#serve img, #serve .error script, #serve .form-error script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"));

        await page.FillAsync("#serve-batch", "8");
        await page.ClickAsync("#serve button[type=submit]");
        ILocator modelError = page.Locator("#serve-model-error");
        await modelError.Locator("text=<script>").WaitForAsync();
        Assert.Equal(0, await page.Locator("#serve img, #serve script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"));
    }

    [Fact]
    public async Task Serving_ConfigUpload_AnswersForTheUploadedShape()
    {
        string directory = Directory.CreateTempSubdirectory("flopwise-page-").FullName;
        string path = Path.Combine(directory, "config.json");
        await File.WriteAllTextAsync(path, """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_attention_heads": 32,
             "num_hidden_layers": 32, "num_key_value_heads": 32, "vocab_size": 32000}
            """);
        try
        {
            IPage page = await browser.Open();
            await page.FillAsync("#serve-gpu", "a100");
            await page.SetInputFilesAsync("#serve-hfConfig", path);
            await page.ClickAsync("#serve button[type=submit]");
            ILocator note = page.Locator("#serve tr[data-name=model]");
            await note.WaitForAsync();
            Assert.Contains("config.json", await note.InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(directory, await page.Locator("#serve .result").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Serving_KeyboardOnly_FromTheNavigationToAResult()
    {
        IPage page = await browser.Open();
        for (int i = 0; i < 15 && await page.EvaluateAsync<string>("document.activeElement.getAttribute('href') ?? ''") != "#serve"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("#serve", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("serve-model", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("llama-2-7b");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("serve-gpu", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("a100");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#serve tr[data-key=maxBatch] td.value").WaitForAsync();
        Assert.Contains("model=llama-2-7b", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetAndHistory_OpenFromTheirLinks()
    {
        IPage page = await browser.Open("/?calc=budget&usd=100M&gpu=h100&mfu=0.3..0.45&samples=1000");
        await page.Locator("#budget tr[data-key=trainingFlop] td[data-p=p50]").WaitForAsync();
        Assert.Equal("FLOP", await page.Locator("#budget tr[data-key=trainingFlop]:has(td[data-p]) td.unit").InnerTextAsync());
        await page.Locator("#budget figure.plot svg").WaitForAsync();

        IPage history = await browser.Open("/?calc=history&compute=3e25");
        await history.Locator("#history figure.plot svg").WaitForAsync();
        Assert.True(await history.Locator("#history .result table tbody tr").CountAsync() > 3);
    }

    [Fact]
    public async Task MonteCarlo_ShowsWhySamplesWereInfeasible_AndKeepsCountsOutOfTheMedians()
    {
        IPage page = await browser.Open("/?calc=plan&law=hoffmann&targetLoss=1.6..2.2&inferenceTokens=1e13&samples=2000");
        ILocator hint = page.Locator("#plan p.hint.infeasible");
        await hint.WaitForAsync();
        Assert.Contains("most often: --target-loss", await hint.InnerTextAsync(), StringComparison.Ordinal);

        ILocator medians = page.Locator("#plan table:has(caption:text('medians of the Monte Carlo samples'))");
        Assert.Equal(1, await medians.CountAsync());
        Assert.Equal(0, await medians.Locator("tr[data-key=samples], tr[data-key=infeasibleSamples], tr[data-key^='redraws.']").CountAsync());

        ILocator counts = page.Locator("#plan table:has(caption:text('Samples of the Monte Carlo run'))");
        Assert.Equal("2000", await counts.Locator("tr[data-key=samples] td.value").InnerTextAsync());
        Assert.Equal(1, await counts.Locator("tr[data-key=infeasibleSamples]").CountAsync());
        Assert.Equal(1, await counts.Locator("tr[data-key='redraws.targetLoss']").CountAsync());
    }
}
