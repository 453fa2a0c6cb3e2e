using System.IO.Compression;
using System.Text;
using Parley.Core;

namespace Parley.Ingest.Tests;

/// <summary>Inputs that used to be accepted silently or decoded wrongly (issue 16, failure 8), and dumps above the old size limit (issue 13).</summary>
public class StrictInputTests
{
    private static ReadItem Json(string json) => ArticleReader.ParseJson(json, "test");

    [Theory]
    [InlineData("{\"text\":12345}", "\"text\" must be a string, not a number")]
    [InlineData("{\"text\":true}", "\"text\" must be a string, not a boolean")]
    [InlineData("{\"text\":[\"a\"]}", "\"text\" must be a string, not an array")]
    [InlineData("{\"text\":\"ok\",\"title\":{\"a\":1}}", "\"title\" must be a string, not an object")]
    [InlineData("{\"text\":\"ok\",\"id\":[1,2]}", "\"id\" must be a string or a number, not an array")]
    [InlineData("{\"text\":\"ok\",\"id\":{\"x\":1}}", "\"id\" must be a string or a number, not an object")]
    [InlineData("{\"text\":\"ok\",\"id\":false}", "\"id\" must be a string or a number, not a boolean")]
    [InlineData("{\"text\":\"ok\",\"date\":20200101}", "\"date\" must be a string, not a number")]
    [InlineData("{\"text\":\"ok\",\"url\":1}", "\"url\" must be a string, not a number")]
    [InlineData("{\"text\":\"ok\",\"id\":\"a\\u0000b\"}", "\"id\" contains the character U+0000 at position 2")]
    [InlineData("{\"text\":\"ok\",\"id\":\"line\\nbreak\"}", "\"id\" contains the character U+000A at position 5")]
    public void Fields_of_the_wrong_type_or_bad_ids_are_named_problems(string json, string problem)
    {
        var item = Json(json);
        Assert.True(item.Skipped);
        Assert.Equal(problem, item.Problem!.Message);
    }

    [Fact]
    public void Ids_may_be_numbers_or_hold_slashes_but_not_be_overlong()
    {
        Assert.Equal("12345", Json("{\"text\":\"ok\",\"id\":12345}").Article!.Id);
        Assert.Equal("https://example.org/news/1?x=2#y", Json("{\"text\":\"ok\",\"id\":\"https://example.org/news/1?x=2#y\"}").Article!.Id);
        var longId = Json("{\"text\":\"ok\",\"id\":\"" + new string('x', ArticleIds.MaxLength + 1) + "\"}");
        Assert.StartsWith("\"id\" is 513 characters long", longId.Problem!.Message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1799-12-31")]
    [InlineData("2201-01-01")]
    public void Dates_outside_the_sane_range_are_dropped_with_a_warning(string date)
    {
        var item = Json("{\"id\":\"d1\",\"date\":\"" + date + "\",\"text\":\"Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.\"}");
        Assert.NotNull(item.Article);
        Assert.Null(item.Article!.Published);
        Assert.Equal($"date {date} is outside 1800-01-01..2200-12-31; ignored", item.Problem!.Message);
    }

    [Fact]
    public void An_unreadable_date_is_dropped_with_a_warning()
    {
        var item = Json("{\"text\":\"ok\",\"date\":\"the day before\"}");
        Assert.NotNull(item.Article);
        Assert.Equal("date 'the day before' is not a date; ignored", item.Problem!.Message);
        Assert.Null(Json("{\"text\":\"ok\",\"date\":\"2019-12-04\"}").Problem);
    }

    [Fact]
    public void Invalid_utf8_in_a_posted_body_is_refused_like_a_jsonl_line()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"text\":\"bad "), 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        var item = ArticleReader.ParseJson(body, "POST");
        Assert.True(item.Skipped);
        Assert.Equal("not valid UTF-8", item.Problem!.Message);
    }

    [Fact]
    public void A_utf16_byte_order_mark_before_utf8_text_is_reported_and_the_text_read_as_utf8()
    {
        using var temp = new TempFolder();
        string text = "Ministers meet in Geneva\n\nThe foreign ministers met in Geneva on Monday to discuss the ceasefire.";
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([temp.File("fffe.txt", [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text)])]));
        Assert.NotNull(item.Article);
        Assert.Contains("UTF-16 byte-order mark but is UTF-8 text", item.Problem!.Message);
        var doc = new ArticleCleaner().ToDocument(item.Article!, null);
        Assert.Equal("en", doc.Language);
        Assert.StartsWith("The foreign ministers met in Geneva", doc.Text);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Text_behind_each_byte_order_mark_is_decoded(string name)
    {
        var encoding = name switch
        {
            "utf-16le" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        using var temp = new TempFolder();
        string text = "Gespräche in Zürich\n\nDie Gespräche über die Waffenruhe wurden am Montag fortgesetzt.";
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([temp.File("bom.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)])]));
        Assert.Null(item.Problem);
        Assert.Equal("Gespräche in Zürich", item.Article!.Title);
        Assert.Contains("encoding:" + name, item.Article.Notes);
    }

    [Fact]
    public void Utf16_with_an_odd_number_of_bytes_is_reported()
    {
        using var temp = new TempFolder();
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title here\n\nBody text about Kabul."), 0x41];
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([temp.File("odd.txt", bytes)]));
        Assert.True(item.Skipped);
        Assert.StartsWith("not valid UTF-16LE", item.Problem!.Message);
    }

    [Fact]
    public void A_nul_byte_after_the_first_64_kilobytes_makes_a_file_binary()
    {
        using var temp = new TempFolder();
        var bytes = Encoding.ASCII.GetBytes(new StringBuilder().Insert(0, "The ministers met in Geneva on Monday. ", 3000).ToString());
        bytes[100_000] = 0;
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([temp.File("late-nul.txt", bytes)]));
        Assert.True(item.Skipped);
        Assert.Equal("binary file (NUL byte at offset 100,000)", item.Problem!.Message);
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    private static string Lines(int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append("{\"id\":\"g").Append(i).Append("\",\"text\":\"Officials in city ").Append(i).Append(" said the talks would resume on Monday.\"}\n");
        return sb.ToString();
    }

    [Fact]
    public void Gzip_that_is_truncated_lacks_its_trailer_or_has_junk_after_it_is_named()
    {
        using var temp = new TempFolder();
        byte[] good = Gzip(Lines(2000));
        var reader = new ArticleReader(new ReaderOptions());

        var whole = reader.Read([temp.File("good.jsonl.gz", good)]).ToList();
        Assert.Equal(2000, whole.Count(i => i.Article is not null));
        Assert.All(whole, i => Assert.Null(i.Problem));

        var twoMembers = reader.Read([temp.File("two.jsonl.gz", [.. good, .. Gzip(Lines(3))])]).ToList();
        Assert.Equal(2003, twoMembers.Count(i => i.Article is not null));
        Assert.All(twoMembers, i => Assert.Null(i.Problem));

        var noTrailer = reader.Read([temp.File("no-trailer.jsonl.gz", good[..^8])]).ToList();
        Assert.Contains(noTrailer, i => i.Problem?.Message.StartsWith("truncated gzip stream", StringComparison.Ordinal) == true);

        var cut = reader.Read([temp.File("cut.jsonl.gz", good[..(good.Length / 2)])]).ToList();
        Assert.Contains(cut, i => i.Problem?.Message.StartsWith("truncated gzip stream", StringComparison.Ordinal) == true);
        Assert.True(cut.Count(i => i.Article is not null) > 0); // the sound part before the cut is still read

        var junk = reader.Read([temp.File("junk.jsonl.gz", [.. good, .. "JUNKJUNKJUNK"u8.ToArray()])]).ToList();
        Assert.Equal(2000, junk.Count(i => i.Article is not null));
        Assert.Equal("12 bytes of junk after the gzip data", junk[^1].Problem!.Message);

        byte[] corrupt = (byte[])good.Clone();
        corrupt[^6] ^= 0x55; // the stored CRC-32
        Assert.Contains(reader.Read([temp.File("crc.jsonl.gz", corrupt)]), i => i.Problem?.Message.StartsWith("corrupt gzip data", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_jsonl_dump_above_the_old_file_limit_is_streamed_record_by_record()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Root, "dump.jsonl");
        int lines = 0;
        using (var w = new StreamWriter(path))
        {
            string text = new StringBuilder().Insert(0, "The foreign ministers met in Geneva on Monday to discuss the ceasefire. ", 20).ToString();
            while (w.BaseStream.Length < 25_000_000)
            {
                w.Write("{\"id\":\"a"); w.Write(lines++); w.Write("\",\"text\":\""); w.Write(text); w.Write("\"}\n");
                if (lines == 5) { w.Write("{\"id\":\"big\",\"text\":\""); w.Write(new string('x', 3_000_000)); w.Write("\"}\n"); }
            }
        }
        var reader = new ArticleReader(new ReaderOptions { MaxBytes = 2_000_000 });
        int articles = 0;
        InputProblem? problem = null;
        foreach (var item in reader.Read([path]))
        {
            if (item.Article is not null) articles++;
            if (item.Problem is not null) problem = item.Problem;
        }
        Assert.Equal(lines, articles);
        Assert.Equal(path + ":6", problem!.Input);
        Assert.StartsWith("line too long for one article", problem.Message);
    }
}
