using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>On the real server (Kestrel adds its banner; the in-memory server does not): no <c>Server</c> header, and the security headers.</summary>
public sealed class ServerBannerTests(KestrelFixture server) : IClassFixture<KestrelFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/copies?compute=3e25")]
    [InlineData("/api/copies?compute=abc")]
    public async Task Kestrel_SendsNoBanner_AndTheSecurityHeaders(string pathAndQuery)
    {
        using HttpClient client = server.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        HostileRequestTests.AssertSecurityHeaders(response);
    }
}
