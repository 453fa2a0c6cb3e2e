using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Parley.Ingest;

/// <summary>What a hostile-corpus file must lead to.</summary>
public enum HostileExpectation
{
    /// <summary>A sound article: it must come out as a document.</summary>
    Good,
    /// <summary>Bad input: it must be named in a problem line.</summary>
    Bad,
    /// <summary>Built to be slow or huge but readable: it must come out or be named (never hang, never vanish).</summary>
    Hostile,
}

/// <summary>One generated input: its file name, what it must lead to, and what it is.</summary>
public sealed record HostileFile(string Name, HostileExpectation Expect, string What);

/// <summary>
/// Writes every hostile input of issue 16 (deep and unclosed HTML, link and attribute floods, a paragraph of 24,000
/// sentences, a feed item of 45,000, calendar-edge dates, wrong JSON types, bad ids, bad encodings and BOMs, broken
/// gzip, late NUL bytes, a 15 MB one-sentence article, files over the limit, a feed linking to a private address) plus
/// sound articles from a JSONL source, into a folder, deterministically (fixed seed). Used by `parley bench hostile`
/// and the fuzz tests, so both see the same inputs.
/// </summary>
public static class HostileCorpus
{
    private static readonly string[] Sentences =
    [
        "Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.",
        "Rebels attacked a military convoy near the border on Sunday, officials said.",
        "\"We will not accept this,\" the minister told reporters in Kabul.",
        "He said the talks would resume next week in Doha.",
    ];

    private const string Lead = "The foreign ministers met in Geneva on Monday to discuss the ceasefire along the border. They agreed to meet again next week in Doha, officials said.";

    /// <summary>
    /// Writes the corpus into <paramref name="folder"/>; <paramref name="goodSource"/> is a JSONL file of sound articles
    /// of which the first <paramref name="good"/> are written as .txt files. <paramref name="large"/> false leaves out the
    /// multi-megabyte inputs (for tests).
    /// </summary>
    public static IReadOnlyList<HostileFile> Write(string folder, string goodSource, int good = 20, bool large = true)
    {
        Directory.CreateDirectory(folder);
        var files = new List<HostileFile>();
        void Text(string name, HostileExpectation expect, string what, string content)
        {
            content = content.Replace(Lead, Lead + " This report is " + name + ".", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
            files.Add(new HostileFile(name, expect, what));
        }
        void Bytes(string name, HostileExpectation expect, string what, byte[] content)
        {
            // Sound text in every input differs (by the file's name), so no input is a duplicate of another.
            File.WriteAllBytes(Path.Combine(folder, name), content);
            files.Add(new HostileFile(name, expect, what));
        }

        int written = 0;
        foreach (string line in File.ReadLines(goodSource))
        {
            if (written == good) break;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string title = root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            string text = root.GetProperty("text").GetString()!;
            Text($"good-{written:D2}.txt", HostileExpectation.Good, "sound article", title + "\n\n" + text);
            written++;
        }

        string p = "<p>" + Lead + "</p>";
        int deep = large ? 100_000 : 5_000;
        Text("deep-div-2000.html", HostileExpectation.Hostile, "<div> nested 2,000 deep", Page(Repeat("<div>", 2000) + p + Repeat("</div>", 2000)));
        Text("deep-b.html", HostileExpectation.Hostile, $"{deep:N0} nested <b>", Page(p + Repeat("<b>", deep) + "Closing words."));
        Text("deep-table.html", HostileExpectation.Hostile, $"{deep:N0} nested <table>", Page(p + Repeat("<table>", deep) + "Closing words."));
        Text("unclosed-p.html", HostileExpectation.Hostile, $"{deep:N0} unclosed <p>", Page(p + Repeat("<p>", deep) + "Closing words."));
        var links = new StringBuilder(p);
        for (int i = 0; i < (large ? 40_000 : 4_000); i++) links.Append("<a href=\"/x").Append(i).Append("\" class=\"c").Append(i).Append("\">link ").Append(i).Append("</a> ");
        Text("links.html", HostileExpectation.Hostile, "tens of thousands of links", Page(links.ToString()));
        var attributes = new StringBuilder("<p");
        for (int i = 0; i < (large ? 100_000 : 10_000); i++) attributes.Append(" data-a").Append(i).Append("=\"").Append(i).Append('"');
        Text("attributes.html", HostileExpectation.Hostile, "one element with a flood of attributes", Page(attributes.Append('>').Append(Lead).Append("</p>").ToString()));

        Text("paragraph.txt", HostileExpectation.Hostile, $"one paragraph of {(large ? 24_000 : 2_000):N0} sentences", Paragraph(large ? 24_000 : 2_000));
        Text("feed-long-item.xml", HostileExpectation.Hostile, $"RSS item description of {(large ? 45_000 : 3_000):N0} sentences",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Long</title><item><title>Long item</title><description>" +
            System.Security.SecurityElement.Escape(Paragraph(large ? 45_000 : 3_000)) + "</description></item></channel></rss>");
        Text("feed-private-link.xml", HostileExpectation.Hostile, "feed item linking to a loopback address",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><item><title>Teaser</title>" +
            "<link>http://127.0.0.1:9/internal</link><description>Ministers met in Geneva on Monday.</description></item></channel></rss>");

        Text("date-0001.jsonl", HostileExpectation.Hostile, "publication date 0001-01-01",
            "{\"id\":\"d1\",\"date\":\"0001-01-01\",\"text\":\"Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.\"}\n");
        Text("date-9999.jsonl", HostileExpectation.Hostile, "publication date 9999-12-31, 'next Tuesday'",
            "{\"id\":\"d9\",\"date\":\"9999-12-31\",\"text\":\"The envoy will meet the Taliban in Doha next Tuesday.\"}\n");
        Text("id-slash.jsonl", HostileExpectation.Good, "id with a slash", "{\"id\":\"a/b\",\"text\":\"" + Lead + "\"}\n");
        Text("text-number.jsonl", HostileExpectation.Bad, "\"text\" as a number", "{\"text\":12345}\n");
        Text("id-array.jsonl", HostileExpectation.Bad, "id as an array", "{\"id\":[1,2],\"text\":\"" + Lead + "\"}\n");
        Text("id-object.jsonl", HostileExpectation.Bad, "id as an object", "{\"id\":{\"a\":1},\"text\":\"" + Lead + "\"}\n");
        Text("id-boolean.jsonl", HostileExpectation.Bad, "id as a boolean", "{\"id\":true,\"text\":\"" + Lead + "\"}\n");
        Text("id-control.jsonl", HostileExpectation.Bad, "id with a control character", "{\"id\":\"a\\u0007b\",\"text\":\"" + Lead + "\"}\n");
        Text("deep-json.jsonl", HostileExpectation.Bad, "JSON nested 10,000 deep", "{\"text\":" + Repeat("[", 10_000) + Repeat("]", 10_000) + "}\n");
        Bytes("invalid-utf8.jsonl", HostileExpectation.Bad, "invalid UTF-8 in a JSON line",
            [.. "{\"text\":\"bad "u8.ToArray(), 0xFF, 0xFE, .. "\"}\n"u8.ToArray()]);
        Bytes("bom-fffe-utf8.txt", HostileExpectation.Hostile, "FF FE byte-order mark before UTF-8 text",
            [0xFF, 0xFE, .. Encoding.UTF8.GetBytes("Ministers meet in Geneva\n\n" + Lead + " This report has a stray mark.")]);
        byte[] gz = Gzip(string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"id\":\"z{i}\",\"text\":\"Officials in town {i} said talks would resume on Monday.\"}}\n")));
        Bytes("gzip-no-trailer.jsonl.gz", HostileExpectation.Bad, "gzip without its trailer", gz[..^8]);
        Bytes("gzip-truncated.jsonl.gz", HostileExpectation.Bad, "gzip cut in the middle", gz[..(gz.Length / 2)]);
        Bytes("gzip-junk.jsonl.gz", HostileExpectation.Bad, "junk after the gzip data", [.. gz, .. "JUNK JUNK"u8.ToArray()]);
        var late = Encoding.ASCII.GetBytes(Paragraph(1_500));
        late[70_000] = 0;
        Bytes("nul-after-64k.txt", HostileExpectation.Bad, "NUL byte after the first 64 KB", late);
        Bytes("empty.txt", HostileExpectation.Bad, "empty file", []);
        Bytes("binary.txt", HostileExpectation.Bad, "binary file", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0]);
        Text("broken.xml", HostileExpectation.Bad, "broken XML", "<?xml version=\"1.0\"?><rss><channel><item><title>x</title></rss>");
        Text("entities.xml", HostileExpectation.Bad, "XML entity declarations (billion laughs, an external file)",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">" +
            "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&c;</title><item><title>&x;</title><description>&c;</description></item></channel></rss>");
        if (large)
        {
            using (var big = File.Create(Path.Combine(folder, "over-limit.txt"))) big.SetLength(30_000_000);
            files.Add(new HostileFile("over-limit.txt", HostileExpectation.Bad, "30 MB file, over the 20 MB limit of one article"));
            WriteOneSentence(Path.Combine(folder, "one-sentence-15mb.txt"), 15_000_000);
            files.Add(new HostileFile("one-sentence-15mb.txt", HostileExpectation.Hostile, "15 MB in one sentence"));
        }
        return files;
    }

    private static string Page(string body) => "<html><head><title>Talks</title></head><body><article>" + body + "</article></body></html>";

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string Paragraph(int sentences)
    {
        var sb = new StringBuilder(sentences * 72);
        for (int i = 0; i < sentences; i++) sb.Append(Sentences[i % Sentences.Length]).Append(' ');
        return sb.ToString().TrimEnd();
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    /// <summary>News words without a single full stop (seed 16), <paramref name="bytes"/> long.</summary>
    private static void WriteOneSentence(string path, long bytes)
    {
        string[] words = ["the", "minister", "said", "talks", "in", "Geneva", "would", "resume", "and", "rebels", "attacked", "a", "convoy", "near", "border", "officials", "Moscow", "Kabul", "Putin", "Merkel", "met", "on", "Tuesday", "envoy"];
        var random = new Random(16);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        long n = 0;
        while (n < bytes)
        {
            string w = words[random.Next(words.Length)];
            writer.Write(w);
            writer.Write(' ');
            n += w.Length + 1;
        }
    }
}
