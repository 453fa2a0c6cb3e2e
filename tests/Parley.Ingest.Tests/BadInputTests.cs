using System.Diagnostics;
using System.Text;

namespace Parley.Ingest.Tests;

public class BadInputTests
{
    private static List<ReadItem> Read(ReaderOptions options, params string[] inputs) => new ArticleReader(options).Read(inputs).ToList();

    private static ReadItem One(string path, ReaderOptions? options = null) => Assert.Single(Read(options ?? new ReaderOptions(), path));

    [Fact]
    public void Empty_files_are_reported()
    {
        using var temp = new TempFolder();
        foreach (string name in new[] { "empty.txt", "empty.jsonl", "empty.html", "empty.xml" })
        {
            var item = One(temp.File(name, []));
            Assert.True(item.Skipped);
            Assert.Equal("empty file", item.Problem!.Message);
        }
        var blank = One(temp.File("blank.txt", "  \n\n "));
        Assert.StartsWith("empty file", blank.Problem!.Message);
        var blankJsonl = One(temp.File("blank.jsonl", "\n\n"));
        Assert.StartsWith("empty file", blankJsonl.Problem!.Message);
    }

    [Fact]
    public void Binary_files_are_reported()
    {
        using var temp = new TempFolder();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        var txt = One(temp.File("image.txt", png));
        Assert.StartsWith("binary file", txt.Problem!.Message);
        var jsonl = One(temp.File("image.jsonl", png));
        Assert.StartsWith("binary file", jsonl.Problem!.Message);
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.Length; i++) controls[i] = (byte)(i % 2 == 0 ? 0x01 : 'a');
        Assert.StartsWith("binary file", One(temp.File("controls.txt", controls)).Problem!.Message);
    }

    [Fact]
    public void Windows_1252_text_is_decoded_and_still_reported()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" owners said "), 0x93, .. Encoding.ASCII.GetBytes("no"), 0x94, (byte)'.'];
        string path = temp.File("legacy.txt", bytes);
        var item = One(path);
        Assert.NotNull(item.Article);
        Assert.NotNull(item.Problem);
        Assert.Equal(path, item.Problem!.Input);
        Assert.Contains("not valid UTF-8", item.Problem.Message);
        Assert.Contains("Windows-1252", item.Problem.Message);
        Assert.Contains("encoding:windows-1252", item.Article!.Notes);
        var doc = new ArticleCleaner().ToDocument(item.Article, null);
        Assert.Equal("Café owners said \"no\".", doc.Text);

        var strict = One(path, new ReaderOptions { DecodeLegacyEncodings = false });
        Assert.True(strict.Skipped);
        Assert.Contains("not valid UTF-8", strict.Problem!.Message);
    }

    [Fact]
    public void A_feed_in_a_declared_legacy_encoding_is_not_a_problem()
    {
        using var temp = new TempFolder();
        string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Nachrichten</title>" +
            "<item><title>Gespr\u00E4che in Z\u00FCrich</title><link>https://example.org/z</link><description>Die Gespr\u00E4che wurden fortgesetzt.</description></item></channel></rss>";
        var item = One(temp.File("latin1.xml", Encoding.Latin1.GetBytes(xml)), new ReaderOptions { FollowFeedLinks = false });
        Assert.Null(item.Problem);
        Assert.Equal("Gespr\u00E4che in Z\u00FCrich", item.Article!.Title);
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        using var temp = new TempFolder();
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title here\n\nBody text about Kabul.")];
        var item = One(temp.File("utf16.txt", bytes));
        Assert.Null(item.Problem);
        Assert.Equal("Title here", item.Article!.Title);
    }

    [Fact]
    public void Invalid_utf8_in_a_jsonl_line_is_reported_for_that_line()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"text\":\"ok\"}\n{\"text\":\"bad "), 0xFF, .. Encoding.UTF8.GetBytes("\"}\n{\"text\":\"ok again\"}\n")];
        string path = temp.File("mixed.jsonl", bytes);
        var items = Read(new ReaderOptions(), path);
        Assert.Equal(3, items.Count);
        Assert.Equal(path + ":2: not valid UTF-8", items[1].Problem!.ToString());
        Assert.Equal("ok again", items[2].Article!.Body);
    }

    [Fact]
    public void Files_over_the_limit_are_rejected_by_their_length_without_reading()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Root, "huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(30_000_000); // sparse: nothing written
        var watch = Stopwatch.StartNew();
        var item = One(path);
        watch.Stop();
        Assert.True(item.Skipped);
        Assert.StartsWith("too large for one article (30,000,000 bytes", item.Problem!.Message);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");

        var small = new ReaderOptions { MaxBytes = 100 };
        Assert.StartsWith("too large", One(temp.File("long.txt", new string('a', 101)), small).Problem!.Message);
    }

    [Fact]
    public void An_overlong_line_inside_a_gzip_stream_is_skipped()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Root, "long.jsonl.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 5000) + "\"}\n{\"text\":\"short\"}\n"));
        }
        var items = Read(new ReaderOptions { MaxBytes = 1000 }, path);
        Assert.Equal(2, items.Count);
        Assert.Equal(path + ":1", items[0].Problem!.Input);
        Assert.StartsWith("line too long", items[0].Problem!.Message);
        Assert.Equal("short", items[1].Article!.Body);
    }

    [Fact]
    public void Broken_xml_is_reported()
    {
        var item = One(Fixtures.Path("broken.xml"));
        Assert.True(item.Skipped);
        Assert.Equal(Fixtures.Path("broken.xml"), item.Problem!.Input);
        Assert.StartsWith("broken XML", item.Problem.Message);
    }

    [Fact]
    public void Xml_that_is_not_a_feed_is_reported()
    {
        using var temp = new TempFolder();
        var item = One(temp.File("data.xml", "<?xml version=\"1.0\"?><catalog><book>x</book></catalog>"));
        Assert.True(item.Skipped);
        Assert.Contains("not an RSS or Atom feed", item.Problem!.Message);
    }

    [Fact]
    public void Missing_and_unsupported_inputs_are_reported_and_reading_goes_on()
    {
        using var temp = new TempFolder();
        string doc = temp.File("paper.pdf", "%PDF-1.4");
        var items = Read(new ReaderOptions(), Path.Combine(temp.Root, "nope.txt"), doc, Fixtures.Path("titled.txt"));
        Assert.Equal(3, items.Count);
        Assert.Equal("no such file or directory", items[0].Problem!.Message);
        Assert.StartsWith("unsupported file type", items[1].Problem!.Message);
        Assert.NotNull(items[2].Article);
    }

    [Fact]
    public void Problems_are_one_line()
    {
        using var temp = new TempFolder();
        var items = Read(new ReaderOptions(),
            temp.File("a.jsonl", "{\"text\": \"x\",\n"), Fixtures.Path("broken.xml"), temp.File("b.txt", [0, 1, 2]));
        Assert.All(items, i =>
        {
            Assert.NotNull(i.Problem);
            Assert.DoesNotContain('\n', i.Problem!.ToString());
        });
    }
}
