using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Flopwise.Web.Tests.Support;

/// <summary>The app on a real Kestrel port on loopback (the in-memory test server does not enforce body size limits).</summary>
public sealed class KestrelFixture : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public KestrelFixture()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        IServerAddressesFeature addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

    public void Dispose() => _factory.Dispose();
}
