using Parley.Core;
using Parley.Storage.Tests;
using static Parley.Storage.Tests.GrainDocuments;

namespace Parley.Storage.Postgres.Tests;

/// <summary>
/// A filter keeping few rows is paged from its collected matches rather than by walking the sort index
/// (PostgresStore.PageOf and SearchDocuments): its pages, offsets included, must be those of the other plan.
/// </summary>
public sealed class PgPagingTests
{
    [SkippableFact]
    public void Pages_of_a_narrow_filter_are_slices_of_the_brute_force_order()
    {
        using var t = new PgTempStore();
        var docs = new List<Document>();
        for (int i = 0; i < 96; i++)
        {
            var day = new DateOnly(2021, 1, 1).AddDays(i % 17);
            // One document in twelve has an Afghan event: narrow for events and for documents alike.
            string tgt = i % 12 == 5 ? "AFGREB" : "CHNGOV";
            docs.Add(Doc("p" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), day,
                Event("190", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "USAGOV", tgt, goldstein: i % 7 - 3),
                Event("042", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "RUSGOV", "FRAGOV")));
        }
        t.Store.SaveBatch(docs);

        var expectedDocs = docs.Where(d => d.Events.Any(e => e.Target?.Country == "AFG"))
            .OrderByDescending(d => d.Published).ThenByDescending(d => docs.IndexOf(d)).Select(d => d.Id).ToList();
        Assert.Equal(8, expectedDocs.Count);
        var pagedDocs = new List<string>();
        for (int offset = 0; offset < 10; offset += 3)
            pagedDocs.AddRange(t.Store.SearchDocuments(new DocumentQuery { Events = new EventQuery { Country = "AFG" }, Offset = offset, Limit = 3 }, out int total)
                .Select(d => d.Id));
        Assert.Equal(expectedDocs, pagedDocs);

        // Narrow (collected), and broad but bunched in the oldest days (a capped walk that comes up short, then collected).
        var queries = new EventQuery?[] { null, new() { Sort = new(EventSortKey.Goldstein, true) }, new() { Sort = new(EventSortKey.Day, false) } }
            .Select(q => (q ?? new EventQuery()) with { Country = "AFG" })
            .Append(new EventQuery { To = new DateOnly(2021, 1, 4) })
            .Append(new EventQuery { Actor = "RUS" });
        foreach (var query in queries)
        {
            var all = t.Store.StreamEvents(query with { Limit = -1 }).Select(e => e.Key).ToList();
            Assert.True(all.Count >= 8);
            var paged = new List<long>();
            for (int offset = 0; offset < all.Count; offset += 3)
            {
                paged.AddRange(t.Store.QueryEvents(query with { Offset = offset, Limit = 3 }, out int total).Select(e => e.Key));
                Assert.Equal(all.Count, total);
            }
            Assert.Equal(all, paged);
        }
    }
    [SkippableFact]
    public void Pages_of_date_ranges_are_slices_of_the_brute_force_order()
    {
        // Enough events for the capped walk (from the range's end date) to be taken: days, weeks, months and undated events.
        using var t = new PgTempStore();
        var docs = new List<Document>();
        for (int i = 0; i < 400; i++)
        {
            var day = new DateOnly(2021, 1, 1).AddDays(i % 60);
            string iso = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            string period = (i % 3) switch { 0 => "2021-02", 1 => "2021-W05", _ => "2021" };
            docs.Add(Doc("r" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), day,
                Event("190", iso, "USAGOV", i % 4 == 0 ? "AFGREB" : "CHNGOV", goldstein: i % 7 - 3),
                Event("042", iso, "RUSGOV", "FRAGOV"), Event("036", period, "RUSGOV", "USAGOV"), Event("010", null, "FRAGOV", "USAGOV")));
        }
        t.Store.SaveBatch(docs);

        var queries = new[]
        {
            new EventQuery { From = new DateOnly(2021, 1, 10), To = new DateOnly(2021, 2, 20) },
            new EventQuery { To = new DateOnly(2021, 2, 28) },
            new EventQuery { From = new DateOnly(2021, 1, 20), Sort = new(EventSortKey.Day, false) },
            new EventQuery { From = new DateOnly(2021, 2, 1), To = new DateOnly(2021, 2, 28), Actor = "RUS" },
            new EventQuery { From = new DateOnly(2021, 1, 1), To = new DateOnly(2021, 12, 31), Country = "AFG" },
        };
        foreach (var query in queries)
        {
            var all = t.Store.StreamEvents(query with { Limit = -1 }).Select(e => e.Key).ToList();
            Assert.True(all.Count >= 50);
            foreach (int offset in new[] { 0, 3, 40, all.Count / 2, all.Count - 3 })
            {
                var page = t.Store.QueryEvents(query with { Offset = offset, Limit = 3 }, out int total).Select(e => e.Key).ToList();
                Assert.Equal(all.Count, total);
                Assert.Equal(all.Skip(offset).Take(3).ToList(), page);
            }
        }
    }
}
