using Microsoft.Data.Sqlite;
using Parley.Core;
using Parley.Storage.Tests;

namespace Parley.Storage.Sqlite.Tests;

public class SchemaAndSafetyTests
{
    private static SqliteConnection Raw(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static string Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void EmptyFileIsMigratedToTheLatestVersionInWalMode()
    {
        using var t = new TempStore();
        Assert.Equal(Schema.LatestVersion, t.Store.SchemaVersion);
        using var c = Raw(t.FilePath);
        Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode"));
        Assert.Equal(Schema.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(c, "PRAGMA user_version"));
        foreach (var table in new[] { "documents", "duplicates", "documents_fts", "entities", "places", "dates", "quotes", "events", "stories", "story_documents" })
            Assert.Equal("1", Scalar(c, $"SELECT count(*) FROM sqlite_master WHERE name = '{table}'"));
    }

    [Fact]
    public void StoreAtThePreviousVersionIsUpgradedKeepingItsData()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "old.db");
        try
        {
            using (var c = Raw(path))
            {
                Assert.Equal(Schema.LatestVersion - 1, Schema.Migrate(c, Schema.LatestVersion - 1));
                using var cmd = c.CreateCommand();
                cmd.CommandText =
                    """
                    INSERT INTO documents(id, hash, title, published, language, language_score, done, sentence_count, token_count, event_count, added, text)
                    VALUES ('old', 'h', 'Old title', '2019-01-02', 'en', 1.0, 0, 0, 0, 0, '2019-01-02T00:00:00Z', 'Text stored by the previous version.')
                    """;
                cmd.ExecuteNonQuery();
            }
            using (var store = SqliteStore.Open(path))
            {
                Assert.Equal(Schema.LatestVersion, store.SchemaVersion);
                Assert.Equal("Text stored by the previous version.", store.LoadDocument("old")!.Text);
                Assert.Equal("old", Assert.Single(store.SearchDocuments(new DocumentQuery { Q = "previous", Limit = 10, Offset = 0 }, out _)).Id);
                store.SaveStories([new StoryRecord("s", "A story", new DateOnly(2019, 1, 2), new DateOnly(2019, 1, 3), ["old"])]);
                Assert.Single(store.ListStories());
                Assert.Empty(store.CheckIntegrity());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EventsStoredBeforeVersion9GetTheirSentenceTextsOnUpgrade()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "v8.db");
        try
        {
            using (var c = Raw(path))
            {
                Assert.Equal(8, Schema.Migrate(c, 8));
                using var cmd = c.CreateCommand();
                // An emoji (two UTF-16 units, one code point) before the sentence: the offsets count UTF-16 units, as C# strings do.
                cmd.CommandText =
                    """
                    INSERT INTO documents(key, id, hash, published, language, language_score, done, sentence_count, token_count, event_count, added, text)
                    VALUES (1, 'old', 'h', '2019-01-02', 'en', 1.0, 0, 2, 0, 3, '2019-01-02T00:00:00Z', 'Fans cheered 🎉. Troops fired on protesters.');
                    INSERT INTO events(doc, ord, sentence, sentence_start, sentence_end, cameo, quad_class, goldstein, date, day, negated, evidence_start, evidence_end, rule, confidence, trigger_start, trigger_end)
                    VALUES (1, 0, 1, 17, 44, '190', 4, -10, '2019-01-02', '2019-01-02', 0, 17, 23, 'r', 1, 17, 23),
                           (1, 1, 1, NULL, NULL, '190', 4, -10, '2019-01-02', '2019-01-02', 0, 17, 23, 'r', 1, 17, 23),
                           (1, 2, 1, 17, 99, '190', 4, -10, '2019-01-02', '2019-01-02', 0, 17, 23, 'r', 1, 17, 23);
                    """;
                cmd.ExecuteNonQuery();
            }
            using (var store = SqliteStore.Open(path))
            {
                var events = store.QueryEvents(new EventQuery(), out _).OrderBy(e => e.Index).ToList();
                // No offsets, or offsets past the end of the text: no sentence, as before.
                Assert.Equal(["Troops fired on protesters.", null, null], events.Select(e => e.SentenceText));
                Assert.Empty(store.CheckIntegrity());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void StoreFromANewerProgramIsRefused()
    {
        using var t = new TempStore();
        t.Store.Dispose();
        using (var c = Raw(t.FilePath))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => t.Reopen());
        Assert.Contains("999", e.Message);
        using (var c = Raw(t.FilePath))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = " + Schema.LatestVersion;
            cmd.ExecuteNonQuery();
        }
        t.Reopen();
    }

    [Fact]
    public void AFailureInTheMiddleOfABatchRollsBackTheWholeBatch()
    {
        using var t = new TempStore();
        t.Store.SaveBatch([TestDocuments.Annotated("before", seed: 20)]);
        var bad = TestDocuments.Annotated("bad", seed: 22);
        bad.Events[2].Cameo = null!; // violates NOT NULL after the document row and two events are written

        Assert.Throws<SqliteException>(() => t.Store.SaveBatch(
            [TestDocuments.Annotated("good", seed: 21), bad, TestDocuments.Annotated("after", seed: 23)]));

        var stats = t.Store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(5, stats.Events);
        Assert.Null(t.Store.LoadDocument("good"));
        Assert.Null(t.Store.LoadDocument("bad"));
        Assert.Empty(t.Store.SearchDocuments(new DocumentQuery { Q = "Ref21", Limit = 10, Offset = 0 }, out _));
        Assert.Empty(t.Store.CheckIntegrity());

        // The store stays usable: the same batch, fixed, goes in.
        bad.Events[2].Cameo = "190";
        var result = t.Store.SaveBatch([TestDocuments.Annotated("good", seed: 21), bad]);
        Assert.Equal(2, result.Added);
        Assert.Equal(3, t.Store.GetStats().Documents);
    }

    [Fact]
    public void IntegrityCheckPassesAfterMixedWrites()
    {
        using var t = new TempStore();
        for (int b = 0; b < 5; b++)
        {
            var batch = new List<Document>();
            for (int i = 0; i < 20; i++) batch.Add(TestDocuments.Annotated($"d{b}-{i}", seed: (b * 20 + i) % 60, sentences: 5));
            t.Store.SaveBatch(batch);
        }
        t.Store.Optimize();
        Assert.Empty(t.Store.CheckIntegrity());
        var stats = t.Store.GetStats();
        Assert.Equal(60, stats.Documents);
        Assert.Equal(40, stats.Duplicates);
    }

    [Fact]
    public void ReadersAreNotBlockedByAWriterInTheMiddleOfABatch()
    {
        using var t = new TempStore();
        t.Store.SaveBatch([TestDocuments.Annotated("first", seed: 30)]);
        StoreStats? seenDuringWrite = null;
        Document? loadedDuringWrite = null;
        t.Store.BeforeCommit = () =>
        {
            // Another thread reads while this thread holds the write transaction open.
            var reader = Task.Run(() =>
            {
                seenDuringWrite = t.Store.GetStats();
                loadedDuringWrite = t.Store.LoadDocument("first");
            });
            Assert.True(reader.Wait(TimeSpan.FromSeconds(5)), "reader blocked by the writer");
        };
        t.Store.SaveBatch([TestDocuments.Annotated("second", seed: 31)]);
        t.Store.BeforeCommit = null;

        Assert.Equal(1, seenDuringWrite!.Documents);
        Assert.NotNull(loadedDuringWrite);
        Assert.Equal(2, t.Store.GetStats().Documents);
    }

    [Fact]
    public async Task ConcurrentReadersAndOneWriterSeeConsistentSnapshots()
    {
        using var t = new TempStore();
        var writer = Task.Run(() =>
        {
            for (int b = 0; b < 10; b++)
            {
                var batch = new List<Document>();
                for (int i = 0; i < 10; i++) batch.Add(TestDocuments.Annotated($"w{b}-{i}", seed: 1000 + b * 10 + i, sentences: 4, events: 2));
                t.Store.SaveBatch(batch);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            long last = 0;
            while (!writer.IsCompleted)
            {
                var stats = t.Store.GetStats();
                // Batches are atomic: counts move in whole batches only, and never backwards.
                Assert.Equal(0, stats.Documents % 10);
                Assert.Equal(stats.Documents * 2, stats.Events);
                Assert.True(stats.Documents >= last);
                last = stats.Documents;
                t.Store.QueryEvents(new EventQuery { CameoPrefix = "1", Limit = 5 }, out _);
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(100, t.Store.GetStats().Documents);
    }

    [Fact]
    public void StoriesAreUpsertedAndListed()
    {
        using var t = new TempStore();
        t.Store.SaveStories(
        [
            new StoryRecord("s1", "Talks", new DateOnly(2019, 12, 1), new DateOnly(2019, 12, 4), ["a", "b"]),
            new StoryRecord("s2", "Clashes", new DateOnly(2019, 12, 2), new DateOnly(2019, 12, 9), ["c"]),
        ]);
        t.Store.SaveStories([new StoryRecord("s1", "Talks resume", new DateOnly(2019, 12, 1), new DateOnly(2019, 12, 5), ["b", "a", "d"])]);

        var stories = t.Store.ListStories();
        Assert.Equal(["s2", "s1"], stories.Select(s => s.Id));
        Assert.Equal("Talks resume", stories[1].Title);
        Assert.Equal(["b", "a", "d"], stories[1].DocumentIds);
        Assert.Equal(new DateOnly(2019, 12, 5), stories[1].Last);

        t.Store.SaveStories([new StoryRecord("s3", null, null, null, [])], replaceAll: true);
        var only = Assert.Single(t.Store.ListStories());
        Assert.Equal("s3", only.Id);
        Assert.Empty(only.DocumentIds);
        Assert.Equal(1, t.Store.GetStats().Stories);
    }
}
