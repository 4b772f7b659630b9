using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flopwise.Web.Tests.Support;

/// <summary>
/// The app on a real Kestrel port on loopback and Debian's Chromium driven by Playwright (no browser download:
/// <c>/usr/bin/chromium</c>, headless, <c>--no-sandbox</c>). If the browser cannot start, every browser test fails
/// with the reason; none is skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebAppFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new WebAppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        IServerAddressesFeature addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = addresses.Addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal).TrimEnd('/');
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Opens a page at <paramref name="pathAndQuery"/> and waits until the forms are built.</summary>
    public async Task<IPage> Open(string pathAndQuery = "/")
    {
        IPage page = await Browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(BaseUrl + pathAndQuery);
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }
}
