using Parley.Core;
using static Parley.Storage.Tests.GrainDocuments;

namespace Parley.Storage.Tests;

/// <summary>
/// Part of the store contract: date grains kept in the store, every field of the event table stored and read back,
/// events streamed for exports in the pages' order, orders, and documents filtered by their events.
/// </summary>
public abstract class EventGrainContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    [SkippableFact]
    public void Last_year_is_kept_as_a_year_and_no_event_lands_on_the_first_of_january()
    {
        using var t = NewStore();
        // Fifteen Reuters-like reports of "last year" in 1987 articles: the old store put them all on 1986-01-01.
        var docs = new List<Document>();
        for (int i = 0; i < 15; i++) docs.Add(Doc("r" + i, new DateOnly(1987, 3, 1 + i), Event("061", "1986")));
        docs.Add(Doc("day", new DateOnly(1987, 3, 20), Event("042", "1987-03-19")));
        t.Store.SaveBatch(docs);

        var timeline = t.Store.Timeline(new EventQuery());
        Assert.DoesNotContain(timeline, p => p.Grain == "day" && p.Start == new DateOnly(1986, 1, 1));
        var year = Assert.Single(timeline, p => p.Grain == "year");
        Assert.Equal((new DateOnly(1986, 1, 1), new DateOnly(1986, 12, 31), 15L), (year.Start, year.End, year.Count));
        Assert.Equal(new DateOnly(1987, 3, 19), Assert.Single(timeline, p => p.Grain == "day").Start);

        var events = t.Store.QueryEvents(new EventQuery { Limit = 100 }, out int total);
        Assert.Equal(16, total);
        Assert.All(events.Where(e => e.Event.Date == "1986"), e => Assert.Null(e.Day));
        // A range holding the whole year finds them; one holding only part of it does not.
        Assert.Equal(15, t.Store.QueryEvents(new EventQuery { From = new DateOnly(1986, 1, 1), To = new DateOnly(1986, 12, 31) }, out _).Count);
        Assert.Empty(t.Store.QueryEvents(new EventQuery { From = new DateOnly(1986, 1, 1), To = new DateOnly(1986, 1, 31) }, out _));
    }

    [SkippableFact]
    public void Every_field_of_the_table_comes_back_from_the_store()
    {
        using var t = NewStore();
        var e = new EventRecord
        {
            Sentence = 0,
            Source = new EventActor { Text = "the envoy", Actor = "USAGOV", Country = "USA", Name = "Zalmay Khalilzad", Start = 4, End = 13 },
            Target = new EventActor { Text = "the rebels", Actor = "AFGREB", Country = "AFG", Name = "Taliban", Start = 19, End = 29 },
            Cameo = "0362", Plover = "AGREE", QuadClass = 1, Goldstein = 4.5, Date = "2019-W49",
            Place = new EventPlace { Name = "Doha", Country = "QAT", Lat = 25.28545, Lon = 51.53096, GeonameId = 290030 },
            Negated = true, EvidenceStart = 1, EvidenceEnd = 30, Rule = "rule:x", Confidence = 0.75, TriggerStart = 14, TriggerEnd = 18,
        };
        t.Store.SaveBatch([Doc("all", new DateOnly(2019, 12, 5), e)]);
        var back = Assert.Single(t.Store.LoadDocument("all")!.Events);
        foreach (var field in EventFields.All)
            Assert.True(Equals(field.Box(e), field.Box(back)), $"{field.Name}: stored {field.Box(e)}, read {field.Box(back)}");
        var streamed = Assert.Single(t.Store.StreamEvents(new EventQuery { Limit = -1 }));
        foreach (var field in EventFields.All) Assert.Equal(field.Box(e), field.Box(streamed.Event));
        Assert.Equal("https://example.org/all", streamed.Url);
        Assert.NotNull(streamed.Added);
    }

    [SkippableFact]
    public void Streamed_events_are_the_pages_of_the_query_in_the_same_order()
    {
        using var t = NewStore();
        var docs = new List<Document>();
        var rng = new Random(7);
        string[] cameos = ["036", "042", "111", "173", "190", "1411"];
        for (int i = 0; i < 120; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(rng.Next(60));
            docs.Add(Doc("s" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), day,
                Event(cameos[rng.Next(cameos.Length)], day.AddDays(-rng.Next(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), goldstein: rng.Next(-10, 10)),
                Event(cameos[rng.Next(cameos.Length)], rng.Next(5) == 0 ? "2020-01" : null, "AFGMIL", null, rng.Next(-10, 10))));
        }
        t.Store.SaveBatch(docs);
        foreach (var sort in new EventSort?[] { null, new(EventSortKey.Goldstein, false), new(EventSortKey.Cameo, true), new(EventSortKey.Day, false), new(EventSortKey.Target, false) })
        {
            var query = new EventQuery { Sort = sort, Country = "AFG" };
            var paged = new List<long>();
            for (int offset = 0; ; offset += 25)
            {
                var page = t.Store.QueryEvents(query with { Offset = offset, Limit = 25 }, out _);
                paged.AddRange(page.Select(e => e.Key));
                if (page.Count < 25) break;
            }
            var streamed = t.Store.StreamEvents(query with { Limit = -1 }).Select(e => e.Key).ToList();
            Assert.Equal(240, streamed.Count);
            Assert.Equal(paged, streamed);
        }
        var byGoldstein = t.Store.QueryEvents(new EventQuery { Sort = new EventSort(EventSortKey.Goldstein, true), Limit = 240 }, out _);
        Assert.Equal(byGoldstein.Select(e => e.Event.Goldstein).OrderDescending(), byGoldstein.Select(e => e.Event.Goldstein));
        Assert.Equal(10, t.Store.StreamEvents(new EventQuery { Offset = 5, Limit = 10 }).Count());
    }

    [SkippableFact]
    public void Documents_are_filtered_by_their_events_and_publication_dates()
    {
        using var t = NewStore();
        t.Store.SaveBatch(
        [
            Doc("afg", new DateOnly(2019, 12, 4), Event("036", "2019-12-04", "USAGOV", "AFGREB")),
            Doc("fra", new DateOnly(2020, 1, 10), Event("1411", "2020-01-10", "FRAOPP", "FRAGOV")),
            Doc("none", new DateOnly(2020, 1, 11)),
        ]);
        t.Store.SaveStories([new StoryRecord("story-fr", "Paris", new DateOnly(2020, 1, 10), new DateOnly(2020, 1, 10), ["fra"])]);
        string[] Ids(DocumentQuery q) => [.. t.Store.SearchDocuments(q, out _).Select(d => d.Id)];
        Assert.Equal(["none", "fra", "afg"], Ids(new DocumentQuery()));
        Assert.Equal(["afg"], Ids(new DocumentQuery { Events = new EventQuery { Country = "AFG" } }));
        Assert.Equal(["fra"], Ids(new DocumentQuery { Events = new EventQuery { CameoPrefix = "14" } }));
        Assert.Equal(["fra"], Ids(new DocumentQuery { Events = new EventQuery { StoryId = "story-fr" } }));
        Assert.Equal(["none", "fra"], Ids(new DocumentQuery { From = new DateOnly(2020, 1, 1) }));
        Assert.Equal(["fra"], Ids(new DocumentQuery { From = new DateOnly(2020, 1, 1), Events = new EventQuery { Actor = "FRA" } }));
        Assert.Empty(Ids(new DocumentQuery { Q = "sentence", Events = new EventQuery { Country = "RUS" } }));
        Assert.Equal(["afg"], Ids(new DocumentQuery { Q = "afg", Events = new EventQuery { QuadClass = 1 } }));
        Assert.Equal(["fra"], t.Store.QueryEvents(new EventQuery { StoryId = "story-fr" }, out _).Select(e => e.DocumentId));
    }
}
