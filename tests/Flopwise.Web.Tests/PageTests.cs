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
        for (int i = 0; i < 12 && await page.EvaluateAsync<string>("document.activeElement.id") != "copies-compute"; i++)
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
}
