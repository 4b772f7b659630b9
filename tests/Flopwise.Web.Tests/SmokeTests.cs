namespace Flopwise.Web.Tests;

public sealed class SmokeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Page_IsServed()
    {
        using HttpClient client = factory.CreateClient();
        string html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<title>Flopwise", html, StringComparison.Ordinal);
    }
}
