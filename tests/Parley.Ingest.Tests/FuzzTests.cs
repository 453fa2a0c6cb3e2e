using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Parley.Ingest.Tests;

/// <summary>
/// Hostile inputs of every kind through every reader, with a fixed seed and a bounded count (issue 16): random byte
/// mutations of the bundled fixtures and the generated hostile corpus. Nothing may escape as an exception, every
/// problem is one line naming its input, sound articles still come out, and time stays bounded (a liveness bound).
/// </summary>
public class FuzzTests
{
    private const int Seed = 16;
    private const int Rounds = 400;
    private static readonly string[] Sources = ["article.html", "feed.rss", "feed.atom", "articles.jsonl", "wikinews-excerpt.jsonl", "titled.txt", "no-title.txt"];

    private static readonly byte[][] Snippets =
    [
        [0], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x80], [0x1F, 0x8B, 0x08],
        "<div>"u8.ToArray(), "</p>"u8.ToArray(), "<![CDATA["u8.ToArray(), "<!--"u8.ToArray(), "&amp;"u8.ToArray(), "&#xD800;"u8.ToArray(),
        "{\"text\":"u8.ToArray(), "\"id\":[1]"u8.ToArray(), "\"date\":\"0001-01-01\""u8.ToArray(), "\\u0000"u8.ToArray(), "\n"u8.ToArray(),
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"u8.ToArray(), Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "<b>", 3000).ToString()),
        Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "<a href=\"/x\">l</a>", 2000).ToString()),
    ];

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 8);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.InsertRange(at, Snippets[random.Next(Snippets.Length)]); break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 200))); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                case 4:
                    int length = Math.Min(bytes.Count - at, random.Next(1, 400));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length)); break;
                default: bytes.Insert(at, (byte)random.Next(32)); break;
            }
        }
        return [.. bytes];
    }

    private static void AssertWellFormed(IReadOnlyList<ReadItem> items, string path)
    {
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.True(item.Article is not null || item.Problem is not null, $"{path}: an item with neither article nor problem");
            if (item.Problem is { } p)
            {
                Assert.StartsWith(path, p.Input);
                Assert.False(string.IsNullOrWhiteSpace(p.Message));
                Assert.DoesNotContain('\n', p.ToString());
                Assert.DoesNotContain("   at ", p.Message);
            }
        }
    }

    [Fact]
    public void Mutated_fixtures_never_throw_and_every_problem_names_its_input()
    {
        var random = new Random(Seed);
        var reader = new ArticleReader(new ReaderOptions { FollowFeedLinks = false, MaxBytes = 2_000_000 });
        var cleaner = new ArticleCleaner();
        using var temp = new TempFolder();
        var watch = Stopwatch.StartNew();
        int articles = 0, problems = 0;
        for (int round = 0; round < Rounds; round++)
        {
            string source = Sources[round % Sources.Length];
            byte[] mutated = Mutate(File.ReadAllBytes(Fixtures.Path(source)), random);
            string name = $"r{round}-{source}";
            if (source.EndsWith(".jsonl", StringComparison.Ordinal) && round % 3 == 0)
            {
                using var ms = new MemoryStream();
                using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(mutated);
                mutated = round % 2 == 0 ? ms.ToArray() : Mutate(ms.ToArray(), random); // a sound or a broken gzip
                name += ".gz";
            }
            string path = temp.File(name, mutated);
            var items = reader.Read([path]).ToList();
            AssertWellFormed(items, path);
            foreach (var item in items)
            {
                if (item.Problem is not null) problems++;
                if (item.Article is not { } article) continue;
                articles++;
                var doc = cleaner.ToDocument(article, null);
                Assert.Equal(doc.Text.Trim(), doc.Text);
                Assert.True(doc.Published is null || Parley.Core.SaneDates.Contains(doc.Published.Value));
            }
        }
        watch.Stop();
        Assert.True(articles > Rounds / 4, $"only {articles} articles survived the mutations");
        Assert.True(problems > 0);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"{Rounds} mutated inputs took {watch.Elapsed}");
    }

    [Fact]
    public void The_hostile_corpus_names_every_bad_input_and_keeps_every_sound_one()
    {
        using var temp = new TempFolder();
        string folder = Path.Combine(temp.Root, "corpus");
        var files = HostileCorpus.Write(folder, Fixtures.Path("wikinews-excerpt.jsonl"), good: 3, large: false);
        var reader = new ArticleReader(new ReaderOptions { FollowFeedLinks = true });
        var cleaner = new ArticleCleaner();
        var watch = Stopwatch.StartNew();
        var items = reader.Read([folder]).ToList();
        foreach (var item in items) if (item.Article is { } a) cleaner.ToDocument(a, null);
        watch.Stop();
        foreach (var file in files)
        {
            string path = Path.Combine(folder, file.Name);
            var mine = items.Where(i => (i.Problem?.Input ?? i.Article!.Origin).StartsWith(path, StringComparison.Ordinal)).ToList();
            AssertWellFormed(mine, path);
            bool named = mine.Any(i => i.Problem is not null), out_ = mine.Any(i => i.Article is not null);
            switch (file.Expect)
            {
                case HostileExpectation.Good: Assert.True(out_, $"{file.Name} ({file.What}) did not come out"); break;
                case HostileExpectation.Bad: Assert.True(named, $"{file.Name} ({file.What}) was not named"); break;
                default: Assert.True(out_ || named, $"{file.Name} ({file.What}) neither came out nor was named"); break;
            }
        }
        Assert.DoesNotContain(items, i => i.Article?.Body.Contains("root:", StringComparison.Ordinal) == true); // no /etc/passwd
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"the corpus took {watch.Elapsed}");
    }
}
