using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests;

public class IngestCommandTests
{
    [Fact]
    public void MixedFolderStoresEveryGoodArticleAndNamesEveryBadOne()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "in");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "good1.txt"), "Ministers meet in Geneva\n\nThe foreign ministers met in Geneva on Monday to discuss the ceasefire.\n");
        File.WriteAllText(Path.Combine(dir, "good2.txt"), "Rebels attack convoy\n\nRebels attacked a military convoy near the border on Sunday, officials said.\n");
        File.WriteAllBytes(Path.Combine(dir, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(dir, "binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3, 0, 0, 0, 0xFF, 0xFE]);
        File.WriteAllBytes(Path.Combine(dir, "latin1.txt"), Encoding.Latin1.GetBytes("Le ministre a rencontr\u00e9 l'ambassadeur \u00e0 Gen\u00e8ve.\n"));
        using (var big = File.Create(Path.Combine(dir, "huge.txt")))
        {
            var line = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (int i = 0; i < 30; i++) big.Write(line);
        }
        File.WriteAllText(Path.Combine(dir, "dump.jsonl"),
            "{\"id\":\"j1\",\"text\":\"The president visited the troops on Friday.\"}\n" +
            "{\"id\":\"j2\",\"text\":\"broken line\n" +
            "{\"id\":\"j3\",\"text\":\"Protesters gathered outside parliament on Saturday.\"}\n");

        string db = tmp.File("store.db");
        string problems = tmp.File("problems.tsv");
        var r = CliRunner.Run(tmp.Path, null, "ingest", dir, "--db", db, "--layers", "sentences", "--quiet", "--problems", problems);

        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        // Unreadable inputs are named on standard error even when quiet; every problem is in the file.
        foreach (var bad in new[] { "empty.txt", "binary.txt", "huge.txt", "dump.jsonl:2" })
            Assert.Contains(bad, r.Stderr);
        foreach (var bad in new[] { "empty.txt", "binary.txt", "latin1.txt", "huge.txt", "dump.jsonl:2" })
            Assert.Contains(bad, File.ReadAllText(problems));

        var stats = Stats(tmp.Path, db);
        Assert.True(stats.GetProperty("documents").GetInt64() >= 4, r.Stderr); // good1, good2, j1, j3 (+ latin1 if decoded)
    }

    [Fact]
    public void IngestingTwiceAddsNothing()
    {
        using var tmp = new TempDir();
        string samples = Path.Combine(CliRunner.RepoRoot, "samples");
        string db = tmp.File("store.db");
        var first = CliRunner.Run(tmp.Path, null, "ingest", samples, "--db", db, "--layers", "sentences", "--quiet");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = Stats(tmp.Path, db).GetRawText();
        var second = CliRunner.Run(tmp.Path, null, "ingest", samples, "--db", db, "--layers", "sentences");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(before, Stats(tmp.Path, db).GetRawText());
        Assert.Contains("(0 added, 41 already stored)", second.Stderr);
    }

    [Fact]
    public void KilledIngestResumesToTheSameCountsAsOneCleanRun()
    {
        using var tmp = new TempDir();
        string input = tmp.File("many.jsonl");
        using (var w = new StreamWriter(input))
        {
            for (int i = 0; i < 20000; i++)
                w.WriteLine(JsonSerializer.Serialize(new { id = $"a{i}", title = $"Article {i}", date = "2020-03-01",
                    text = $"Officials in city number {i} said on Monday that talks would resume. The meeting {i % 997} was held in the capital. Protesters gathered outside." }));
        }

        string clean = tmp.File("clean.db");
        var once = CliRunner.Run(tmp.Path, null, "ingest", input, "--db", clean, "--layers", "clean", "--quiet", "--batch", "100");
        Assert.True(once.ExitCode == 0, once.Stderr);
        string expected = Stats(tmp.Path, clean).GetRawText();

        string killed = tmp.File("killed.db");
        using (var p = CliRunner.Start(tmp.Path, "ingest", input, "--db", killed, "--layers", "clean", "--quiet", "--batch", "100"))
        {
            p.StandardInput.Close();
            // Kill once some batches are committed but (almost surely) before the end.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !p.HasExited)
            {
                if (File.Exists(killed + "-wal") && new FileInfo(killed + "-wal").Length > 200_000) break;
                Thread.Sleep(20);
            }
            if (!p.HasExited) p.Kill(entireProcessTree: true); // SIGKILL
            p.WaitForExit();
        }
        Assert.Equal("ok", IntegrityCheck(killed));

        var rerun = CliRunner.Run(tmp.Path, null, "ingest", input, "--db", killed, "--layers", "clean", "--quiet", "--batch", "100");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(expected, Stats(tmp.Path, killed).GetRawText());
        Assert.Equal("ok", IntegrityCheck(killed));
    }

    private static JsonElement Stats(string workDir, string db)
    {
        var r = CliRunner.Run(workDir, null, "stats", "--db", db);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static string IntegrityCheck(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }
}

public class StoriesCommandTests
{
    [Fact]
    public void StoriesOfAnIngestedStoreAreJsonLinesWithTheContractFields()
    {
        using var tmp = new TempDir();
        string db = tmp.File("store.db");
        var ingest = CliRunner.Run(tmp.Path, null, "ingest", Path.Combine(CliRunner.RepoRoot, "samples"), "--db", db, "--layers", "sentences", "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var r = CliRunner.Run(tmp.Path, null, "stories", "--db", db);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        int documents = 0;
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var story = json.RootElement;
            Assert.False(string.IsNullOrEmpty(story.GetProperty("id").GetString()));
            Assert.True(story.TryGetProperty("title", out _));
            Assert.True(story.TryGetProperty("first", out _));
            Assert.True(story.TryGetProperty("last", out _));
            documents += story.GetProperty("documents").GetArrayLength();
        }
        Assert.Equal(41, documents); // every sample article is in exactly one story
    }
}
