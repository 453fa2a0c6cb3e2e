using Microsoft.Data.Sqlite;
using Parley.Core;
using static Parley.Storage.Tests.GrainDocuments;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>SQLite's own side of keeping grains: upgrading a store of the previous schema, and columns added for new fields.</summary>
public class SqliteGrainTests
{
    [Fact]
    public void A_store_of_the_previous_version_keeps_its_grains_after_the_upgrade()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "v4.db");
        try
        {
            using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                c.Open();
                Schema.Migrate(c, 4);
                using var cmd = c.CreateCommand();
                // What version 4 stored: month and year events filed under the first day of their period, a week under its Monday.
                cmd.CommandText =
                    """
                    INSERT INTO documents(key, id, hash, published, language, language_score, done, sentence_count, token_count, event_count, added, text)
                    VALUES (1, 'old', 'h', '1987-03-02', 'en', 1.0, 0, 0, 0, 4, '1987-03-02T00:00:00Z', 'Old text.');
                    INSERT INTO events(doc, ord, sentence, cameo, quad_class, goldstein, date, day, negated, evidence_start, evidence_end, rule, confidence, trigger_start, trigger_end)
                    VALUES (1, 0, 0, '061', 2, 6.4, '1986', '1986-01-01', 0, 0, 9, 'r', 1, 0, 1),
                           (1, 1, 0, '061', 2, 6.4, '1986-11', '1986-11-01', 0, 0, 9, 'r', 1, 0, 1),
                           (1, 2, 0, '061', 2, 6.4, '1987-W09', '1987-02-23', 0, 0, 9, 'r', 1, 0, 1),
                           (1, 3, 0, '061', 2, 6.4, '1987-02-27', '1987-02-27', 0, 0, 9, 'r', 1, 0, 1);
                    """;
                cmd.ExecuteNonQuery();
            }
            using (var store = SqliteStore.Open(path))
            {
                var events = store.QueryEvents(new EventQuery(), out _).OrderBy(e => e.Index).ToList();
                Assert.Equal([null, null, null, new DateOnly(1987, 2, 27)], events.Select(e => e.Day));
                var periods = store.Timeline(new EventQuery()).Where(p => p.Grain != "day").Select(p => (p.Grain, p.Start, p.End)).ToList();
                Assert.Equal(
                    [("year", new DateOnly(1986, 1, 1), new DateOnly(1986, 12, 31)), ("month", new DateOnly(1986, 11, 1), new DateOnly(1986, 11, 30)),
                     ("week", new DateOnly(1987, 2, 23), new DateOnly(1987, 3, 1))],
                    periods);
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
    public void A_field_missing_from_the_events_table_gets_its_column_on_open()
    {
        using var t = new TempStore();
        t.Store.SaveBatch([Doc("a", new DateOnly(2020, 1, 2), Event("036", "2020-01-02"))]);
        t.Store.Dispose();
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = t.FilePath, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // As if trigger_end were a field added to the table after this store was made.
            cmd.CommandText = "ALTER TABLE events DROP COLUMN trigger_end";
            cmd.ExecuteNonQuery();
        }
        var store = t.Reopen();
        var e = Assert.Single(store.LoadDocument("a")!.Events);
        Assert.Equal(0, e.TriggerEnd);
        Assert.Equal("USAGOV name", e.Source!.Name);
        store.SaveBatch([Doc("b", new DateOnly(2020, 1, 3), new EventRecord { Cameo = "042", Rule = "r", TriggerStart = 3, TriggerEnd = 7 })]);
        Assert.Equal(7, Assert.Single(store.LoadDocument("b")!.Events).TriggerEnd);
    }
}
