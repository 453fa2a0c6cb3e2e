using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Parley.Server.Tests;

/// <summary>Debian's Chromium for the tests over the large store.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// The dashboard as an analyst's workbench, in Chromium over 100,000 events: the event table (paging, sorting, columns),
/// filters that follow every view with autocompletion by name, drill-down from a timeline bar, a network edge and a
/// map country, the export buttons, the story view, legends. Screenshots of each view go to the screenshot folder
/// (never the tracked tree).
/// </summary>
[Trait("Category", "Browser")]
[Collection(LargeStoreCollection.Name)]
public sealed class WorkbenchBrowserTests(LargeStoreFixture store, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private async Task<DashboardPage> Open(string path)
    {
        var clock = Stopwatch.StartNew();
        var d = await DashboardPage.OpenAsync(chromium.Browser, store.BaseUrl, path);
        output.WriteLine($"{path}: ready in {clock.ElapsedMilliseconds} ms over {LargeStoreFixture.Events:N0} events");
        return d;
    }

    private static async Task<List<string>> Column(IPage page, string column) =>
        [.. await page.Locator($"#event-table tbody td[data-col={column}]").AllInnerTextsAsync()];

    private async Task<int> ApiTotal(string query)
    {
        using var json = JsonDocument.Parse(await store.Http.GetStringAsync("/api/events?limit=1&" + query));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task Event_table_pages_sorts_and_chooses_columns()
    {
        await using var d = await Open("/?view=events");
        var page = d.Page;
        Assert.Equal(50, await page.Locator("#event-table tbody tr").CountAsync());
        Assert.Contains($"{await ApiTotal(""):N0} events", await page.InnerTextAsync("main h1"));
        // Names beside codes in the table: the event in words under its code.
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#event-table td[data-col=event] .label").First.InnerTextAsync()));
        await d.ShotAsync("events-table.png", fullPage: false);

        var firstPage = await Column(page, "article");
        await d.ClickAndWaitAsync(page.Locator(".pager a", new() { HasTextString = "Next" }), "offset=50");
        Assert.Equal(50, await page.Locator("#event-table tbody tr").CountAsync());
        Assert.NotEqual(firstPage, await Column(page, "article"));
        Assert.Contains("51–100 of", await page.InnerTextAsync(".pager"));

        await d.ClickAndWaitAsync(page.Locator("#event-table th[data-col=goldstein] a"), "sort=-goldstein");
        var scores = (await Column(page, "goldstein")).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(10.0, scores[0]);
        await d.ClickAndWaitAsync(page.Locator("#event-table th[data-col=goldstein] a"), "sort=goldstein");
        Assert.Equal(-10.0, double.Parse((await Column(page, "goldstein"))[0], CultureInfo.InvariantCulture));
        Assert.Equal("ascending", await page.Locator("#event-table th[data-col=goldstein]").GetAttributeAsync("aria-sort"));

        await page.ClickAsync("#column-chooser summary");
        await page.Locator("#column-chooser input[name=place]").UncheckAsync();
        await d.WaitForUrlAsync("cols=");
        await page.ClickAsync("#column-chooser summary");
        await page.Locator("#column-chooser input[name=sentence]").CheckAsync();
        await d.WaitForUrlAsync("sentence");
        var headers = await page.Locator("#event-table thead th").AllInnerTextsAsync();
        Assert.DoesNotContain(headers, h => h.StartsWith("PLACE", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("SENTENCE", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("sort=goldstein", page.Url);
        // A row opens its article with the event marked.
        await d.ClickAndWaitAsync(page.Locator("#event-table tbody tr").First.Locator("td[data-col=quad]"), "view=doc");
        await page.WaitForSelectorAsync("#doc-text .evidence");
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Filters_follow_every_view_and_are_picked_by_name()
    {
        await using var d = await Open("/?view=articles");
        var page = d.Page;

        // A country by its name.
        await page.FillAsync("#filters input[name=country]", "Suda");
        await page.WaitForSelectorAsync("#filters ul.suggestions li[data-value=SDN]");
        await d.ShotAsync("filter-suggestions.png", fullPage: false);
        await page.ClickAsync("#filters ul.suggestions li[data-value=SDN]");
        await d.WaitForUrlAsync("country=SDN");
        Assert.Contains("Sudan", await page.InnerTextAsync("#chips .chip[data-filter=country]"));
        // The article list follows the filter: the articles reporting an event of Sudan, fewer than all.
        using (var all = JsonDocument.Parse(await store.Http.GetStringAsync("/api/documents?limit=1")))
        using (var sudan = JsonDocument.Parse(await store.Http.GetStringAsync("/api/documents?limit=1&country=SDN")))
        {
            int inSudan = sudan.RootElement.GetProperty("total").GetInt32();
            Assert.InRange(inSudan, 1, all.RootElement.GetProperty("total").GetInt32() - 1);
            Assert.Equal($"{inSudan:N0} articles with the filters", await page.InnerTextAsync("main h1"));
        }

        // An actor by a name it carries.
        await page.FillAsync("#filters input[name=actor]", "Rapid Supp");
        await page.WaitForSelectorAsync("#filters ul.suggestions li[data-value=SDNREB]");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await d.WaitForUrlAsync("actor=SDNREB");
        Assert.Contains("country=SDN", page.Url);

        // Every view keeps the filters and shows only what they select.
        int total = await ApiTotal("country=SDN&actor=SDNREB");
        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=events]"), "view=events");
        Assert.Contains($"{total:N0} events", await page.InnerTextAsync("main h1"));
        Assert.All(await page.Locator("#event-table tbody tr").AllInnerTextsAsync(), row => Assert.Contains("SDNREB", row));
        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=timeline]"), "view=timeline");
        Assert.Contains("actor=SDNREB", page.Url);
        int binned = 0;
        foreach (var count in await page.Locator("#timeline-chart g.bin").EvaluateAllAsync<int[]>("bins => bins.map(b => Number(b.dataset.count))")) binned += count;
        Assert.True(binned <= total && binned > total / 2, $"{binned} of {total} events in the bins");
        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=network]"), "view=network");
        Assert.Equal(1, await page.Locator("#network-chart g.node[data-actor=SDNREB]").CountAsync());
        Assert.Equal(0, await page.Locator("#network-chart g.node[data-actor=RUSMIL]").CountAsync());
        await d.ClickAndWaitAsync(page.Locator("#nav a[data-view=map]"), "view=map");
        Assert.Equal(0, await page.Locator("#map-chart path.country[data-country=UKR].has-events").CountAsync());
        Assert.Equal(1, await page.Locator("#map-chart path.country[data-country=SDN].has-events").CountAsync());

        // A chip removes its filter.
        await d.ClickAndWaitAsync(page.Locator("#chips .chip[data-filter=actor] .chip-x"), "view=map");
        Assert.DoesNotContain("actor=", page.Url);
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Timeline_bar_network_edge_and_map_country_drill_down_to_their_events()
    {
        await using var d = await Open("/?view=timeline&bin=week");
        var page = d.Page;
        Assert.Equal("active", await page.Locator(".segmented a[data-bin=week]").GetAttributeAsync("class"));
        Assert.True(await page.Locator("#timeline-chart g.bin").CountAsync() > 50);
        Assert.True(await page.Locator("#timeline-chart rect.period").CountAsync() > 0);
        Assert.NotNull(await page.Locator("#timeline-chart polyline.gold-line").GetAttributeAsync("points"));
        Assert.Equal(6, await page.Locator("#timeline-legend > span").CountAsync());
        await d.ShotAsync("timeline.png");
        var bar = page.Locator("#timeline-chart g.bin").Nth(40);
        string start = (await bar.GetAttributeAsync("data-start"))!, end = (await bar.GetAttributeAsync("data-end"))!;
        int count = int.Parse((await bar.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        await d.ClickAndWaitAsync(bar, "view=events");
        Assert.Contains($"from={start}", page.Url);
        Assert.Contains($"to={end}", page.Url);
        Assert.StartsWith($"{count:N0} events", await page.InnerTextAsync("main h1"));
        Assert.All(await Column(page, "date"), date => Assert.InRange(date[..10], start, end));

        await d.GoAsync("/?view=network");
        Assert.Equal(3, await page.Locator("#network-legend > span").CountAsync());
        await d.ShotAsync("network.png");
        var edge = page.Locator("#network-chart g.edge[data-source=RUSMIL][data-target=UKRMIL]");
        await d.ClickAndWaitAsync(edge, "source=RUSMIL");
        Assert.Contains("target=UKRMIL", page.Url);
        Assert.All(await page.Locator("#event-table tbody td[data-col=source] .code").AllInnerTextsAsync(), s => Assert.Equal("RUSMIL", s));
        Assert.All(await page.Locator("#event-table tbody td[data-col=target] .code").AllInnerTextsAsync(), s => Assert.Equal("UKRMIL", s));
        Assert.Equal(2, await page.Locator(".drill .drill-chip").CountAsync());

        await d.GoAsync("/?view=map");
        Assert.True(await page.Locator("#map-legend .scale-step").CountAsync() >= 6);
        await d.ShotAsync("map.png");
        await d.ClickAndWaitAsync(page.Locator("#map-chart path.country[data-country=QAT]"), "country=QAT");
        Assert.Contains("view=events", page.Url);
        Assert.StartsWith($"{await ApiTotal("country=QAT"):N0} events", await page.InnerTextAsync("main h1"));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Export_buttons_download_the_filtered_events()
    {
        const string filters = "country=QAT&cameo=08";
        await using var d = await Open("/?view=events&" + filters);
        var page = d.Page;
        int total = await ApiTotal(filters);
        Assert.True(total > 10, $"{total} events");
        foreach (var format in new[] { "csv", "jsonl", "tsv", "parquet" })
        {
            string href = (await page.Locator($"#exports a[data-format={format}]").GetAttributeAsync("href"))!;
            Assert.Equal($"/api/events.{format}?{filters}", href);
        }
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#exports a[data-format=csv]").ClickAsync());
        Assert.Equal("parley-events.csv", download.SuggestedFilename);
        string csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(total + 1, ExportStreamingTests.CsvRecords(csv));
        Assert.StartsWith("document_id,index,document_title,document_url,document_source,published", csv);
        var gdelt = await page.RunAndWaitForDownloadAsync(() => page.Locator("#exports a[data-format=tsv]").ClickAsync());
        var rows = (await File.ReadAllTextAsync((await gdelt.PathAsync())!)).TrimEnd('\n').Split('\n');
        Assert.Equal(total, rows.Length);
        Assert.All(rows, r => Assert.StartsWith("08", r.Split('\t')[28]));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Stories_list_and_one_story_with_its_articles_and_events()
    {
        await using var d = await Open("/?view=stories");
        var page = d.Page;
        Assert.True(await page.Locator("#story-list li").CountAsync() > 5);
        await d.ShotAsync("stories.png", fullPage: false);
        // The story with the most articles of the first page.
        var story = page.Locator("#story-list li").Nth(1);
        await d.ClickAndWaitAsync(story.Locator("a.hit-title"), "view=story");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#story-title")));
        Assert.True(await page.Locator("#story-articles li").CountAsync() >= 1);
        Assert.True(await page.Locator(".story ul.events li").CountAsync() >= 1);
        Assert.Equal(1, await page.Locator("svg.mini").CountAsync());
        await d.ShotAsync("story.png", fullPage: false);
        Assert.Empty(d.Problems);
    }

    [Fact]
    public async Task Articles_view_screenshot()
    {
        await using var d = await Open("/?view=articles&q=truce");
        Assert.True(await d.Page.Locator("#hits mark").CountAsync() > 0);
        await d.ShotAsync("articles.png", fullPage: false);
        Assert.Empty(d.Problems);
    }
}
