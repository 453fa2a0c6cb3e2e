using System.IO.Compression;
using System.Text;

namespace Parley.Ingest.Tests;

public class ReaderTests
{
    private static List<ReadItem> Read(params string[] inputs) => new ArticleReader(new ReaderOptions()).Read(inputs).ToList();

    private static RawArticle Single(string input)
    {
        var items = Read(input);
        var item = Assert.Single(items);
        Assert.Null(item.Problem);
        return item.Article!;
    }

    [Fact]
    public void Meter_counts_every_byte_of_files_folders_and_gzip_lines_against_their_total()
    {
        string folder = Fixtures.Path("folder");
        string jsonl = Fixtures.Path("articles.jsonl");
        string gzPath = Path.Combine(Path.GetTempPath(), $"parley-meter-{Guid.NewGuid():N}.jsonl.gz");
        using (var gz = new GZipStream(File.Create(gzPath), CompressionLevel.Optimal))
            gz.Write(File.ReadAllBytes(jsonl));
        try
        {
            var meter = new ReadMeter();
            var inputs = new[] { folder, jsonl, gzPath, Fixtures.Path("titled.txt") };
            using var items = new ArticleReader(new ReaderOptions()).Read(inputs, null, default, meter).GetEnumerator();
            string[] readable = [".txt", ".html", ".htm", ".jsonl", ".gz", ".xml", ".rss", ".atom"];
            long expected = new FileInfo(jsonl).Length + new FileInfo(gzPath).Length + new FileInfo(Fixtures.Path("titled.txt")).Length
                + new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => readable.Contains(f.Extension)).Sum(f => f.Length);
            Assert.True(items.MoveNext());
            Assert.Equal(expected, meter.TotalBytes);
            Assert.InRange(meter.Fraction!.Value, 0, 0.99);
            while (items.MoveNext()) { }
            Assert.Equal(expected, meter.BytesRead);
            Assert.Equal(1.0, meter.Fraction);
        }
        finally
        {
            File.Delete(gzPath);
        }
    }

    [Fact]
    public void Txt_first_line_followed_by_blank_line_is_the_title()
    {
        var a = Single(Fixtures.Path("titled.txt"));
        Assert.Equal("Khalilzad returns to Doha for talks", a.Title);
        Assert.Equal(Fixtures.Path("titled.txt"), a.Origin);
        Assert.False(a.IsHtml);
        var doc = new ArticleCleaner().ToDocument(a, null);
        Assert.Equal("US envoy Zalmay Khalilzad arrived in Doha on Saturday to resume talks with the Taliban.", doc.Text);
    }

    [Fact]
    public void Txt_short_first_line_without_final_punctuation_is_the_title()
    {
        Assert.Equal("Talks resume in Doha", Single(Fixtures.Path("short-title.txt")).Title);
        Assert.Null(Single(Fixtures.Path("no-title.txt")).Title);
    }

    [Fact]
    public void Html_page_gives_title_date_site_and_main_text_only()
    {
        var a = Single(Fixtures.Path("article.html"));
        Assert.True(a.IsHtml);
        Assert.Equal("Envoy returns to Doha for peace talks", a.Title);
        Assert.Equal(new DateOnly(2019, 12, 4), a.Published);
        Assert.Equal("Example News", a.Source);
        var doc = new ArticleCleaner().ToDocument(a, null);
        Assert.Contains("The United States special envoy Zalmay Khalilzad arrived in Kabul on Wednesday", doc.Text);
        Assert.Contains("while the Taliban refuse to negotiate with officials in Kabul.", doc.Text);
        Assert.Contains("\n\n", doc.Text);
        foreach (string junk in new[] { "Home", "Buy cheap flights", "First! Great article", "All rights reserved", "tracking", "color: red" })
            Assert.DoesNotContain(junk, doc.Text);
    }

    [Fact]
    public void Jsonl_reads_fields_reports_bad_lines_and_goes_on()
    {
        string path = Fixtures.Path("articles.jsonl");
        var items = Read(path);
        Assert.Equal(6, items.Count);

        var first = items[0].Article!;
        Assert.Equal("a1", first.Id);
        Assert.Equal("Envoy in Kabul", first.Title);
        Assert.Equal(new DateOnly(2019, 12, 4), first.Published);
        Assert.Equal("https://example.org/a1", first.Url);
        Assert.Equal("Example News", first.Source);
        Assert.Equal(path + ":1", first.Origin);

        var second = items[1].Article!;
        Assert.Equal(new DateOnly(1987, 2, 26), second.Published);
        Assert.StartsWith("Showers continued", second.Body);
        var doc = new ArticleCleaner().ToDocument(second, null);
        Assert.EndsWith("late this year.", doc.Text);

        Assert.Equal(path + ":3", items[2].Problem!.Input);
        Assert.Contains("malformed JSON", items[2].Problem!.Message);
        Assert.Equal("42", items[3].Article!.Id);
        // The blank line 5 is skipped; line 6 is a brief (a title and no body): its title is its text.
        Assert.Null(items[4].Problem);
        Assert.Equal("no text here", items[4].Article!.Body);
        Assert.Contains("title-only", items[4].Article!.Notes);
        Assert.Equal(path + ":7", items[5].Problem!.Input);
        Assert.Contains("no text", items[5].Problem!.Message);
    }

    [Fact]
    public void Jsonl_gz_is_read_as_a_stream()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Root, "news.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            for (int i = 0; i < 300; i++)
                gz.Write(Encoding.UTF8.GetBytes($"{{\"id\":\"n{i}\",\"date\":\"1987-03-0{i % 9 + 1}T10:00:00\",\"body\":\"Story number {i} about trade.\"}}\n"));
        }
        var items = Read(path);
        Assert.Equal(300, items.Count);
        Assert.All(items, i => Assert.Null(i.Problem));
        Assert.Equal("n299", items[299].Article!.Id);
        Assert.Equal(path + ":300", items[299].Article!.Origin);
    }

    [Fact]
    public void Not_gzip_data_in_a_gz_file_is_reported()
    {
        using var temp = new TempFolder();
        string path = temp.File("fake.jsonl.gz", "{\"text\": \"plain\"}\n");
        var item = Assert.Single(Read(path));
        Assert.Null(item.Article);
        Assert.Contains("gzip", item.Problem!.Message);
    }

    [Fact]
    public void Wikinews_lines_lose_their_dateline()
    {
        var items = Read(Fixtures.Path("wikinews-excerpt.jsonl"));
        Assert.Equal(2, items.Count);
        var cleaner = new ArticleCleaner();
        var doc = cleaner.ToDocument(items[0].Article!, null);
        Assert.Equal(new DateOnly(2019, 1, 4), doc.Published);
        Assert.StartsWith("An apartment building collapsed on Monday in Magnitogorsk", doc.Text);
        Assert.DoesNotContain("January 4, 2019", doc.Text);
        Assert.StartsWith("Nancy Pelosi yesterday resumed", cleaner.ToDocument(items[1].Article!, null).Text);
    }

    [Fact]
    public void Rss_items_are_articles_and_summary_only_items_follow_their_link()
    {
        const string page = "<html><head><title>Talks to resume in Doha</title></head><body><article>" +
            "<p>Talks between the United States and the Taliban will resume in Doha next week, officials said on Thursday.</p>" +
            "<p>The envoy will lead the American delegation, and a ceasefire is expected to be discussed at length.</p>" +
            "<p>Both sides said they hoped for progress after months of stalled negotiations over troop withdrawals.</p>" +
            "</article></body></html>";
        var handler = new FakeHandler(new() { ["http://127.0.0.1:9/doha"] = ("text/html", page) });
        // The fixture's link points at a loopback address: allowed here, refused by default (LoopbackHttpTests).
        var reader = new ArticleReader(new ReaderOptions { Http = new HttpClient(handler), AllowPrivateAddresses = true });
        string path = Fixtures.Path("feed.rss");
        var items = reader.Read([path]).ToList();
        Assert.Equal(2, items.Count);

        var first = items[0].Article!;
        Assert.Equal("Envoy meets Afghan leaders in Kabul", first.Title);
        Assert.Equal("news-1", first.Id);
        Assert.Equal("https://news.example.org/kabul", first.Url);
        Assert.Equal("Example World News", first.Source);
        Assert.Equal(new DateOnly(2019, 12, 4), first.Published);
        Assert.Equal(path + "#1", first.Origin);
        var cleaner = new ArticleCleaner();
        Assert.Equal("The US envoy met Afghan leaders in Kabul on Wednesday.\n\nHe will travel to Doha next week.", cleaner.ToDocument(first, null).Text);

        var second = items[1].Article!;
        Assert.Equal(["http://127.0.0.1:9/doha"], handler.Requested);
        Assert.Equal("Talks to resume in Doha", second.Title);
        Assert.Equal(new DateOnly(2019, 12, 5), second.Published);
        Assert.Contains("from-linked-page", second.Notes);
        Assert.Contains("officials said on Thursday", cleaner.ToDocument(second, null).Text);
    }

    [Fact]
    public void Rss_summary_is_kept_when_links_are_not_followed_or_fail()
    {
        var handler = new FakeHandler([]);
        var items = new ArticleReader(new ReaderOptions { Http = new HttpClient(handler), FollowFeedLinks = false }).Read([Fixtures.Path("feed.rss")]).ToList();
        Assert.Empty(handler.Requested);
        Assert.Equal("Talks with the Taliban will resume in Doha.", items[1].Article!.Body);

        var failing = new ArticleReader(new ReaderOptions { Http = new HttpClient(handler), AllowPrivateAddresses = true }).Read([Fixtures.Path("feed.rss")]).ToList();
        Assert.Single(handler.Requested);
        Assert.Equal("Talks with the Taliban will resume in Doha.", failing[1].Article!.Body);
        Assert.Contains(failing[1].Article!.Notes, n => n.StartsWith("link-not-fetched: HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public void Atom_entries_are_articles_dated_by_updated()
    {
        var a = Single(Fixtures.Path("feed.atom"));
        Assert.Equal("Ceasefire discussed in Doha", a.Title);
        Assert.Equal(new DateOnly(2019, 12, 6), a.Published);
        Assert.Equal("https://atom.example.org/ceasefire", a.Url);
        Assert.Equal("Negotiators discussed a ceasefire in Doha on Friday.\n\nNo agreement was reached.", new ArticleCleaner().ToDocument(a, null).Text);
    }

    [Fact]
    public void Folders_are_read_recursively_in_sorted_order_skipping_unknown_files()
    {
        var items = Read(Fixtures.Path("folder"));
        Assert.Equal(3, items.Count);
        Assert.Equal("Folder article zero", items[0].Article!.Title);
        Assert.Equal("Folder article one", items[1].Article!.Title);
        Assert.EndsWith(Path.Combine("sub", "c.jsonl") + ":1", items[2].Article!.Origin);
    }

    [Fact]
    public void Stdin_jsonl_or_plain_text()
    {
        var reader = new ArticleReader(new ReaderOptions());
        var jsonl = reader.Read(["-"], new StringReader("{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n")).ToList();
        Assert.Equal(2, jsonl.Count);
        Assert.Equal("stdin:2", jsonl[1].Article!.Origin);

        var plain = Assert.Single(reader.Read(["-"], new StringReader("Envoy in Doha\n\nThe envoy arrived.\n")));
        Assert.Equal("stdin", plain.Article!.Origin);
        Assert.Equal("Envoy in Doha", plain.Article.Title);

        var empty = Assert.Single(reader.Read(["-"], new StringReader("  \n")));
        Assert.Equal("stdin: empty input", empty.Problem!.ToString());
    }

    [Fact]
    public void Urls_are_read_as_feed_or_page_by_content_type()
    {
        string rss = File.ReadAllText(Fixtures.Path("feed.rss"));
        string html = File.ReadAllText(Fixtures.Path("article.html"));
        var handler = new FakeHandler(new()
        {
            ["http://127.0.0.1:5001/feed"] = ("application/rss+xml", rss),
            ["http://127.0.0.1:5001/page"] = ("text/html", html),
        });
        var reader = new ArticleReader(new ReaderOptions { Http = new HttpClient(handler), FollowFeedLinks = false });
        var items = reader.Read(["http://127.0.0.1:5001/feed", "http://127.0.0.1:5001/page", "http://127.0.0.1:5001/missing"]).ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("Envoy meets Afghan leaders in Kabul", items[0].Article!.Title);
        Assert.Equal("Envoy returns to Doha for peace talks", items[2].Article!.Title);
        Assert.Equal("http://127.0.0.1:5001/page", items[2].Article!.Url);
        Assert.Equal("http://127.0.0.1:5001/missing: HTTP 404 Not Found", items[3].Problem!.ToString());
    }

    [Fact]
    public void Json_line_from_the_api()
    {
        var ok = ArticleReader.ParseJson("{\"id\":\"x\",\"text\":\"Hello Kabul.\",\"published\":\"2019-12-04\"}", "api");
        Assert.Equal("x", ok.Article!.Id);
        Assert.Equal(new DateOnly(2019, 12, 4), ok.Article.Published);
        var bad = ArticleReader.ParseJson("{\"id\":", "api");
        Assert.True(bad.Skipped);
        Assert.StartsWith("malformed JSON", bad.Problem!.Message);
    }
}
