using Microsoft.Playwright;

namespace Parley.Server.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, and pages that record script errors, dialogs and any request leaving the
/// server (the dashboard must work offline). When Chromium is missing or does not start, the browser tests fail with
/// the reason.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException($"browser tests need Debian's Chromium at {Path} (apt-get install -y chromium; see .ci/apt-packages)");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return (playwright, browser);
        }
        catch (PlaywrightException e)
        {
            playwright.Dispose();
            throw new InvalidOperationException($"Chromium at {Path} did not start: {e.Message}", e);
        }
    }

    /// <summary>
    /// Where screenshots go: $PARLEY_SCREENSHOTS, else artifacts/screenshots in the checkout (ignored by git), never the
    /// tracked docs/screenshots. `tools/attach-screenshots.sh` copies them there on purpose.
    /// </summary>
    public static string ScreenshotFolder
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PARLEY_SCREENSHOTS");
            if (!string.IsNullOrEmpty(env)) return Directory.CreateDirectory(env).FullName;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx")))
                    return Directory.CreateDirectory(System.IO.Path.Combine(dir.FullName, "artifacts", "screenshots")).FullName;
            }
            return Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-screenshots")).FullName;
        }
    }
}

/// <summary>A page of the dashboard that records problems; the test asserts none happened.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private DashboardPage(IPage page, IBrowserContext context, string baseUrl)
    {
        Page = page;
        Context = context;
        BaseUrl = baseUrl;
    }

    public IPage Page { get; }
    public IBrowserContext Context { get; }
    public string BaseUrl { get; }
    public List<string> Problems { get; } = [];

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, string baseUrl, string path, int width = 1440, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        var d = new DashboardPage(page, context, baseUrl);
        page.Console += (_, m) => { if (m.Type == "error") d.Problems.Add("console: " + m.Text); };
        page.PageError += (_, e) => d.Problems.Add("page error: " + e);
        page.Dialog += async (_, dialog) => { d.Problems.Add("dialog: " + dialog.Message); await dialog.DismissAsync(); };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal)) await route.ContinueAsync();
            else { d.Problems.Add("external request: " + route.Request.Url); await route.AbortAsync(); }
        });
        await page.GotoAsync(baseUrl + path);
        await d.ReadyAsync();
        return d;
    }

    /// <summary>Waits until the current view has drawn (main[data-ready=true]).</summary>
    public Task ReadyAsync() => Page.WaitForSelectorAsync("main[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30000 });

    /// <summary>Goes to a path of the dashboard and waits for its view.</summary>
    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(BaseUrl + path);
        await ReadyAsync();
    }

    /// <summary>Clicks and waits for the view the click leads to: until the address holds <paramref name="urlPart"/> and the view is drawn.</summary>
    public async Task ClickAndWaitAsync(ILocator target, string urlPart)
    {
        await target.ClickAsync();
        await WaitForUrlAsync(urlPart);
    }

    /// <summary>Waits until the address holds <paramref name="urlPart"/> (views change it with pushState), then for the view.</summary>
    public async Task WaitForUrlAsync(string urlPart)
    {
        await Page.WaitForFunctionAsync("part => decodeURIComponent(location.href).includes(part)", urlPart, new PageWaitForFunctionOptions { Timeout = 30000 });
        await ReadyAsync();
    }

    public async Task ShotAsync(string name, bool fullPage = true)
    {
        // Let transitions and the smooth scroll to an evidence span settle.
        await Page.WaitForTimeoutAsync(250);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(Chromium.ScreenshotFolder, name), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
