using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Parley.Server.Tests;

/// <summary>The real server (Kestrel on a free loopback port) over a <see cref="TestStore"/>, and Debian's Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestStore _store = null!;
    private WebApplication _app = null!;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _store = new TestStore();
        _app = ParleyServer.Build(new ServerOptions { Store = _store.Store, Urls = ["http://127.0.0.1:0"] });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
