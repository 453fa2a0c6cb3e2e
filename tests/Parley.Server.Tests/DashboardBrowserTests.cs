namespace Parley.Server.Tests;

/// <summary>The dashboard in Chromium over a few hand-built articles: search, an article with its layers and evidence, hostile text.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<DashboardPage> Open(string path) => DashboardPage.OpenAsync(fixture.Browser, fixture.BaseUrl, path);

    [Fact]
    public async Task Search_finds_the_article_and_its_page_highlights_entities_and_evidence()
    {
        await using var d = await Open("/");
        var page = d.Page;
        Assert.True(await page.Locator("#hits li").CountAsync() >= 3);

        await page.FillAsync("#filters input[name=q]", "Taliban");
        await page.PressAsync("#filters input[name=q]", "Enter");
        await d.WaitForUrlAsync("q=Taliban");
        var hit = page.Locator("#hits li a.hit-title", new() { HasTextString = "US may resume talks with Taliban" });
        Assert.Equal(1, await hit.CountAsync());
        Assert.True(await page.Locator("#hits mark").CountAsync() >= 1);
        Assert.Equal(1, await page.Locator("#chips .chip[data-filter=q]").CountAsync());

        await d.ClickAndWaitAsync(hit, "view=doc");
        Assert.Equal("US may resume talks with Taliban next week", await page.TextContentAsync("#doc-title"));
        Assert.Equal("Zalmay Khalilzad", await page.Locator("#doc-text .ent-PER").First.TextContentAsync());
        Assert.True(await page.Locator("#doc-text .place").CountAsync() >= 2);
        Assert.True(await page.Locator("#doc-text .date").CountAsync() >= 1);
        Assert.Equal(2, await page.Locator("ul.events li").CountAsync());
        Assert.Equal(0, await page.Locator("#doc-text .evidence").CountAsync());
        // Names beside codes in the article's events.
        Assert.Contains("Express intent to meet or negotiate", await page.Locator("ul.events li").First.TextContentAsync());

        await page.Locator("ul.events li").Nth(1).ClickAsync();
        var marked = await page.Locator("#doc-text .evidence").AllTextContentsAsync();
        Assert.Equal("Taliban fighters attacked government forces near Kabul on Thursday.", string.Concat(marked));
        await d.ShotAsync("article-evidence.png");
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Filters_narrow_the_article_list_too()
    {
        // Issue 13: country and CAMEO filters changed the event list but not the article list.
        await using var d = await Open("/?view=articles");
        Assert.Equal(3, await d.Page.Locator("#hits li").CountAsync());
        await d.GoAsync("/?view=articles&country=FRA");
        Assert.Equal(["Protest in Paris"], await d.Page.Locator("#hits li a.hit-title").AllTextContentsAsync());
        await d.GoAsync("/?view=articles&cameo=19");
        Assert.Equal(["US may resume talks with Taliban next week"], await d.Page.Locator("#hits li a.hit-title").AllTextContentsAsync());
        await d.GoAsync("/?view=articles&quad_class=4&from=2019-12-06");
        Assert.Equal([TestStore.HostileTitle], await d.Page.Locator("#hits li a.hit-title").AllTextContentsAsync());
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Timeline_network_and_map_render_as_svg()
    {
        await using var d = await Open("/?view=timeline");
        var page = d.Page;
        Assert.True(await page.Locator("#timeline-chart rect.bar").CountAsync() >= 4);

        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=network]"), "view=network");
        Assert.True(await page.Locator("#network-chart g.node").CountAsync() >= 5);
        Assert.True(await page.Locator("#network-chart g.edge").CountAsync() >= 3);

        await d.ClickAndWaitAsync(page.Locator("#network-chart g.node[data-actor='AFGREB'] circle"), "actor=AFGREB");
        Assert.Equal("AFGREB", await page.InputValueAsync("#filters input[name=actor]"));

        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=map]"), "view=map");
        Assert.Contains("actor=AFGREB", page.Url);
        Assert.True(await page.Locator("#map-chart path.country").CountAsync() > 100);
        Assert.True(await page.Locator("#map-chart circle.point").CountAsync() >= 1);
        Assert.Equal("2", await page.Locator("#map-chart path.country[data-country='AFG']").First.GetAttributeAsync("data-count"));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Hostile_article_renders_as_text_and_runs_no_script()
    {
        await using var d = await Open("/?view=articles&q=protesters");
        var page = d.Page;
        Assert.Contains(TestStore.HostileTitle, await page.Locator("#hits").TextContentAsync() ?? "");

        await d.GoAsync("/?view=doc&id=" + TestStore.HostileId);
        Assert.Equal(TestStore.HostileTitle, await page.TextContentAsync("#doc-title"));
        Assert.Contains(TestStore.HostileMarkup, await page.TextContentAsync("#doc-text") ?? "");
        Assert.Equal(0, await page.Locator("#main script, #main img").CountAsync());
        await page.Locator("ul.events li").First.ClickAsync();
        await page.Locator("#doc-text .ent").First.HoverAsync();
        await d.GoAsync("/?view=events&document=" + TestStore.HostileId);
        await page.Locator("#event-table tbody tr td[data-col=source]").First.HoverAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(0, await page.Locator("#main img").CountAsync());
        Assert.Empty(d.Problems);
    }
}

/// <summary>A test run leaves the checkout as it was: screenshots go outside the tracked tree.</summary>
public sealed class ScreenshotFolderTests
{
    [Fact]
    public void Screenshots_of_a_test_run_are_never_written_into_tracked_files()
    {
        string folder = Path.GetFullPath(Chromium.ScreenshotFolder);
        string? repo = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) { repo = dir.FullName; break; }
        Assert.NotNull(repo);
        Assert.NotEqual(Path.Combine(repo, "docs", "screenshots"), folder.TrimEnd(Path.DirectorySeparatorChar));
        if (!folder.StartsWith(repo + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        // Inside the checkout, the folder must be one git ignores.
        var psi = new System.Diagnostics.ProcessStartInfo("git", ["check-ignore", "-q", Path.Combine(folder, "probe.png")])
        {
            WorkingDirectory = repo, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var git = System.Diagnostics.Process.Start(psi)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"{folder} is not ignored by git: screenshots would change the checkout");
    }
}
