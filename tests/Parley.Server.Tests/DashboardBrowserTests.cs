using Microsoft.Playwright;

namespace Parley.Server.Tests;

[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A page that records script errors and dialogs; the test asserts none happened.</summary>
    private sealed class Watched : IAsyncDisposable
    {
        public required IPage Page { get; init; }
        public required IBrowserContext Context { get; init; }
        public List<string> Problems { get; } = [];
        public async ValueTask DisposeAsync() => await Context.DisposeAsync();
    }

    private async Task<Watched> Open(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var watched = new Watched { Page = page, Context = context };
        page.Console += (_, m) => { if (m.Type == "error") watched.Problems.Add("console: " + m.Text); };
        page.PageError += (_, e) => watched.Problems.Add("page error: " + e);
        page.Dialog += async (_, d) => { watched.Problems.Add("dialog: " + d.Message); await d.DismissAsync(); };
        // Anything that leaves the loopback server is a failure: the dashboard must work offline.
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal)) await route.ContinueAsync();
            else { watched.Problems.Add("external request: " + route.Request.Url); await route.AbortAsync(); }
        });
        await page.GotoAsync(fixture.BaseUrl + path);
        await Ready(page);
        return watched;
    }

    private static Task Ready(IPage page) =>
        page.WaitForSelectorAsync("main[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 15000 });

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name), FullPage = true });

    [Fact]
    public async Task Search_finds_the_article_and_its_page_highlights_entities_and_evidence()
    {
        await using var w = await Open("/");
        var page = w.Page;
        Assert.True(await page.Locator("#hits li").CountAsync() >= 3);
        await Shot(page, "dashboard-home.png");

        await page.FillAsync("input[name=q]", "Taliban");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForURLAsync("**q=Taliban**");
        await Ready(page);
        var hit = page.Locator("#hits li a.hit-title", new PageLocatorOptions { HasTextString = "US may resume talks with Taliban" });
        Assert.Equal(1, await hit.CountAsync());
        Assert.True(await page.Locator("#hits mark").CountAsync() >= 1);
        await Shot(page, "search-taliban.png");

        await hit.ClickAsync();
        await page.WaitForURLAsync("**view=doc**");
        await Ready(page);
        Assert.Equal("US may resume talks with Taliban next week", await page.TextContentAsync("#doc-title"));
        Assert.Equal("Zalmay Khalilzad", await page.Locator("#doc-text .ent-PER").First.TextContentAsync());
        Assert.True(await page.Locator("#doc-text .place").CountAsync() >= 2);
        Assert.True(await page.Locator("#doc-text .date").CountAsync() >= 1);
        Assert.Equal(2, await page.Locator("ul.events li").CountAsync());
        Assert.Equal(0, await page.Locator("#doc-text .evidence").CountAsync());

        await page.Locator("ul.events li").Nth(1).ClickAsync();
        var marked = await page.Locator("#doc-text .evidence").AllTextContentsAsync();
        Assert.Equal("Taliban fighters attacked government forces near Kabul on Thursday.", string.Concat(marked));
        await Shot(page, "article-evidence.png");
        Assert.Empty(w.Problems);
    }

    [Fact]
    public async Task Timeline_network_and_map_render_as_svg()
    {
        await using var w = await Open("/?view=timeline");
        var page = w.Page;
        Assert.True(await page.Locator("#timeline-chart rect.bar").CountAsync() >= 4);
        await Shot(page, "timeline.png");

        await page.ClickAsync("#nav a[data-view=network]");
        await page.WaitForSelectorAsync("#network-chart");
        await Ready(page);
        Assert.True(await page.Locator("#network-chart g.node").CountAsync() >= 5);
        Assert.True(await page.Locator("#network-chart line.edge").CountAsync() >= 3);
        await Shot(page, "network.png");

        await page.Locator("#network-chart g.node[data-actor='AFGREB'] circle").ClickAsync();
        await page.WaitForURLAsync("**actor=AFGREB**");
        await Ready(page);
        Assert.Equal("AFGREB", await page.InputValueAsync("#filters input[name=actor]"));

        await page.ClickAsync("#nav a[data-view=map]");
        await page.WaitForSelectorAsync("#map-chart");
        await Ready(page);
        Assert.Contains("actor=AFGREB", page.Url);
        Assert.True(await page.Locator("#map-chart path.country").CountAsync() > 100);
        Assert.True(await page.Locator("#map-chart circle.point").CountAsync() >= 1);
        string? fill = await page.Locator("#map-chart path.country[data-country='AFG']").First.GetAttributeAsync("fill");
        Assert.NotEqual("#e4e7ec", fill);
        await Shot(page, "map.png");
        Assert.Empty(w.Problems);
    }

    [Fact]
    public async Task Hostile_article_renders_as_text_and_runs_no_script()
    {
        await using var w = await Open("/?view=search&q=protesters");
        var page = w.Page;
        Assert.Contains(TestStore.HostileTitle, await page.Locator("#hits").TextContentAsync() ?? "");

        await page.GotoAsync(fixture.BaseUrl + "/?view=doc&id=" + TestStore.HostileId);
        await Ready(page);
        Assert.Equal(TestStore.HostileTitle, await page.TextContentAsync("#doc-title"));
        Assert.Contains(TestStore.HostileMarkup, await page.TextContentAsync("#doc-text") ?? "");
        Assert.Equal(0, await page.Locator("#main script, #main img").CountAsync());
        await page.Locator("ul.events li").First.ClickAsync();
        await page.Locator("#doc-text .ent").First.HoverAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await Shot(page, "hostile-article.png");
        Assert.Empty(w.Problems);
    }
}
