using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Parley.Server.Tests;

/// <summary>
/// The real server (Kestrel on a free loopback port) over a <see cref="TestStore"/>, and Debian's Chromium driven by
/// Playwright. When Chromium is missing or does not start, every browser test fails with the reason.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestStore _store = null!;
    private WebApplication _app = null!;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>docs/screenshots of the repository (found by walking up to Directory.Build.props).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                    return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots")).FullName;
            }
            return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "parley-screenshots")).FullName;
        }
    }

    public async Task InitializeAsync()
    {
        _store = new TestStore();
        _app = ParleyServer.Build(new ServerOptions { Store = _store.Store, Urls = ["http://127.0.0.1:0"] });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"browser tests need Debian's Chromium at {ChromiumPath} (apt-get install -y chromium; see .ci/apt-packages)");
        _playwright = await Playwright.CreateAsync();
        try
        {
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium at {ChromiumPath} did not start: {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
