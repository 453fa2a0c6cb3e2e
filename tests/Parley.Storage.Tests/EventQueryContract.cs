using Parley.Core;

namespace Parley.Storage.Tests;

/// <summary>Part of the store contract: every store's test project derives this class and says how to make a fresh store.</summary>
public abstract class EventQueryContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    private static EventRecord Event(int sentence, string? src, string? srcCountry, string? tgt, string? tgtCountry, string cameo, int quad,
        string? date = null, string? place = null, string? placeCountry = null, double goldstein = 0) => new()
    {
        Sentence = sentence,
        Source = src is null ? null : new EventActor { Text = src, Actor = src, Country = srcCountry },
        Target = tgt is null ? null : new EventActor { Text = tgt, Actor = tgt, Country = tgtCountry },
        Cameo = cameo, QuadClass = quad, Goldstein = goldstein, Date = date, Rule = "test",
        Place = place is null ? null : new EventPlace { Name = place, Country = placeCountry, Lat = 1.5, Lon = 2.5 },
    };

    private static Document Doc(string id, string text, DateOnly published, params EventRecord[] events)
    {
        var doc = new Document(id, text) { Title = "Title " + id, Published = published };
        int start = 0;
        foreach (var part in text.Split(". "))
        {
            doc.AddSentence(new SentenceData(start, start + part.Length + (start + part.Length < text.Length ? 1 : 0)));
            start += part.Length + 2;
        }
        doc.Events.AddRange(events);
        return doc;
    }

    /// <summary>Six events over three documents, chosen so that every filter separates them.</summary>
    private IStoreHarness Seeded()
    {
        var t = NewStore();
        t.Store.SaveBatch(
        [
            Doc("d1", "The envoy met the rebels. Troops fired on protesters.", new DateOnly(2019, 12, 1),
                Event(0, "USAGOV", "USA", "AFGREB", "AFG", "036", 1, "2019-12-01", "Doha", "QAT", 4),
                Event(1, "AFGMIL", "AFG", "AFGOPP", "AFG", "190", 4, "2019-11-30", goldstein: -10)),
            Doc("d2", "Rebels attacked a base. Police arrested leaders.", new DateOnly(2019, 12, 5),
                Event(0, "AFGREB", "AFG", "AFGMIL", "AFG", "1962", 4, null, "Kabul", "AFG", -9.5),
                Event(1, "AFGCOP", "AFG", null, null, "173", 4, "2019-12-04"),
                Event(1, "AFGCOP", "AFG", "AFGREB", "AFG", "20", 4, "2019-12-05")),
            Doc("d3", "Ministers discussed trade in Paris.", new DateOnly(2020, 1, 10),
                Event(0, "FRAGOV", "FRA", "USAGOV", "USA", "042", 1, "2020-01", "Paris", "FRA", 1.9)),
        ]);
        return t;
    }

    private static string[] Codes(IEnumerable<StoredEvent> events) => events.Select(e => e.Event.Cameo).Order(StringComparer.Ordinal).ToArray();

    [SkippableFact]
    public void NoFilterReturnsAllNewestFirstWithDocumentAndSentence()
    {
        using var t = Seeded();
        var all = t.Store.QueryEvents(new EventQuery(), out int total);
        Assert.Equal(6, total);
        // Newest day first; the event dated only to a month (2020-01) has no day and comes last.
        Assert.Equal(["20", "1962", "173", "036", "190", "042"], all.Select(e => e.Event.Cameo));
        var first = all[0];
        Assert.Equal("d2", first.DocumentId);
        Assert.Equal("Title d2", first.DocumentTitle);
        var monthly = all[^1];
        Assert.Null(monthly.Day);
        Assert.Equal("2020-01", monthly.Event.Date);
        Assert.Equal(new DateOnly(2020, 1, 10), monthly.Published);
        Assert.Equal("Ministers discussed trade in Paris.", monthly.SentenceText);
        Assert.Equal(new DateOnly(2019, 12, 5), first.Day);
        var troops = all[^2];
        Assert.Equal("Troops fired on protesters.", troops.SentenceText);
        Assert.Equal(1, troops.Index);
    }

    [SkippableFact]
    public void CameoPrefixMatchesTheWholeRootAndNothingElse()
    {
        using var t = Seeded();
        Assert.Equal(["190", "1962"], Codes(t.Store.QueryEvents(new EventQuery { CameoPrefix = "19" }, out int total)));
        Assert.Equal(2, total);
        Assert.Equal(["1962"], Codes(t.Store.QueryEvents(new EventQuery { CameoPrefix = "196" }, out _)));
        Assert.Equal(["20"], Codes(t.Store.QueryEvents(new EventQuery { CameoPrefix = "2" }, out _)));
        Assert.Equal(["036", "042"], Codes(t.Store.QueryEvents(new EventQuery { CameoPrefix = "0" }, out _)));
    }

    [SkippableFact]
    public void ActorMatchesSourceOrTargetByPrefix()
    {
        using var t = Seeded();
        Assert.Equal(["036", "042"], Codes(t.Store.QueryEvents(new EventQuery { Actor = "USA" }, out _)));
        Assert.Equal(["036", "1962", "20"], Codes(t.Store.QueryEvents(new EventQuery { Actor = "afgreb" }, out _)));
        Assert.Equal(["1962"], Codes(t.Store.QueryEvents(new EventQuery { SourceActor = "AFGREB" }, out _)));
        Assert.Equal(["036", "20"], Codes(t.Store.QueryEvents(new EventQuery { TargetActor = "AFGREB" }, out _)));
        Assert.Equal(5, t.Store.QueryEvents(new EventQuery { Actor = "AFG" }, out _).Count);
    }

    [SkippableFact]
    public void CountryMatchesSourceTargetOrPlace()
    {
        using var t = Seeded();
        Assert.Equal(["036"], Codes(t.Store.QueryEvents(new EventQuery { Country = "QAT" }, out _)));
        Assert.Equal(["036", "042"], Codes(t.Store.QueryEvents(new EventQuery { Country = "usa" }, out _)));
        Assert.Equal(["042"], Codes(t.Store.QueryEvents(new EventQuery { Country = "FRA" }, out _)));
    }

    [SkippableFact]
    public void QuadClassDatesTextAndDocumentFilter()
    {
        using var t = Seeded();
        Assert.Equal(["036", "042"], Codes(t.Store.QueryEvents(new EventQuery { QuadClass = 1 }, out _)));
        // Days: 036 12-01, 190 11-30, 1962 12-05 (published), 173 12-04, 20 12-05, 042 2020-01-10 (published, inside 2020-01).
        Assert.Equal(["036", "173"], Codes(t.Store.QueryEvents(new EventQuery { From = new DateOnly(2019, 12, 1), To = new DateOnly(2019, 12, 4) }, out _)));
        Assert.Equal(["190"], Codes(t.Store.QueryEvents(new EventQuery { To = new DateOnly(2019, 11, 30) }, out _)));
        Assert.Equal(["042"], Codes(t.Store.QueryEvents(new EventQuery { From = new DateOnly(2020, 1, 1) }, out _)));
        Assert.Equal(["173", "1962", "20"], Codes(t.Store.QueryEvents(new EventQuery { Q = "police" }, out _)));
        Assert.Equal(["036", "190"], Codes(t.Store.QueryEvents(new EventQuery { DocumentId = "d1" }, out _)));
        Assert.Equal(["1962", "20"], Codes(t.Store.QueryEvents(new EventQuery { Q = "rebels", QuadClass = 4, Actor = "AFGREB" }, out _)));
    }

    [SkippableFact]
    public void LimitAndOffsetPageWhileTotalCountsAll()
    {
        using var t = Seeded();
        var page = t.Store.QueryEvents(new EventQuery { QuadClass = 4, Limit = 2, Offset = 1 }, out int total);
        Assert.Equal(4, total);
        Assert.Equal(["1962", "173"], page.Select(e => e.Event.Cameo));
    }

    [SkippableFact]
    public void FilterValuesAreDataNotSql()
    {
        using var t = Seeded();
        Assert.Empty(t.Store.QueryEvents(new EventQuery { Actor = "' OR 1=1 --", Country = "x'); DROP TABLE events; --" }, out int total));
        Assert.Equal(0, total);
        Assert.Equal(6, t.Store.GetStats().Events);
    }

    [SkippableFact]
    public void ActorCountsAndPairs()
    {
        using var t = Seeded();
        var actors = t.Store.ActorCounts(new EventQuery());
        var rebels = actors.Single(a => a.Actor == "AFGREB");
        Assert.Equal((1L, 2L, 3L), (rebels.AsSource, rebels.AsTarget, rebels.Total));
        Assert.Equal("AFGREB", actors[0].Actor);
        Assert.Equal(11, actors.Sum(a => a.Total)); // 6 sources and 5 targets (one event has no target).
        Assert.Equal(2, t.Store.ActorCounts(new EventQuery { Limit = 2 }).Count);

        var pairs = t.Store.ActorPairs(new EventQuery { QuadClass = 4 });
        Assert.Equal(3, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(1, p.Count));
        Assert.Equal(-9.5, pairs.Single(p => p.Source == "AFGREB").MeanGoldstein);
    }

    [SkippableFact]
    public void TimelinePlacesAndCountries()
    {
        using var t = Seeded();
        var timeline = t.Store.Timeline(new EventQuery());
        // Days, and the month the 2020-01 event is dated to, as a month (not its first day, not the publication day).
        Assert.Equal(
            [(new DateOnly(2019, 11, 30), "day", 4, 1L), (new DateOnly(2019, 12, 1), "day", 1, 1L), (new DateOnly(2019, 12, 4), "day", 4, 1L),
             (new DateOnly(2019, 12, 5), "day", 4, 2L), (new DateOnly(2020, 1, 1), "month", 1, 1L)],
            timeline.Select(p => (p.Start, p.Grain, p.QuadClass, p.Count)));
        Assert.Equal(new DateOnly(2020, 1, 31), timeline[^1].End);
        Assert.Equal(1.9, timeline[^1].GoldsteinSum);

        var places = t.Store.PlaceCounts(new EventQuery());
        Assert.Equal(["Doha", "Kabul", "Paris"], places.Select(p => p.Name));
        Assert.Equal((1.5, 2.5), (places[0].Lat!.Value, places[0].Lon!.Value));

        var countries = t.Store.CountryCounts(new EventQuery());
        Assert.Equal([("AFG", 5L), ("USA", 2L), ("FRA", 1L), ("QAT", 1L)], countries.Select(c => (c.Country, c.Count)));
        Assert.Equal([("AFG", 1L), ("QAT", 1L), ("USA", 1L)], t.Store.CountryCounts(new EventQuery { QuadClass = 1, To = new DateOnly(2019, 12, 31) }).Select(c => (c.Country, c.Count)));
    }

    [SkippableFact]
    public void CachedAggregationsFollowNewWrites()
    {
        using var t = Seeded();
        var q = new EventQuery { Country = "FRA" };
        Assert.Equal(1, t.Store.CountryCounts(q).Single(c => c.Country == "FRA").Count);
        Assert.Same(t.Store.CountryCounts(q), t.Store.CountryCounts(q));

        t.Store.SaveBatch([Doc("d4", "France and Germany met.", new DateOnly(2020, 2, 1),
            Event(0, "FRAGOV", "FRA", "DEUGOV", "DEU", "036", 1, "2020-02-01"))]);

        Assert.Equal(2, t.Store.CountryCounts(q).Single(c => c.Country == "FRA").Count);
        Assert.Equal(1, t.Store.CountryCounts(q).Single(c => c.Country == "DEU").Count);
        Assert.Equal(2, t.Store.ActorCounts(new EventQuery { Actor = "FRA" }).Single(a => a.Actor == "FRAGOV").AsSource);
    }

    [SkippableFact]
    public void BroadFiltersWalkTheDayIndexAndStillPageCorrectly()
    {
        using var t = Seeded();
        // 5 of 6 events match and the page is small: the query takes the day-index plan.
        var pages = Enumerable.Range(0, 5).Select(i => t.Store.QueryEvents(new EventQuery { Actor = "AFG", Limit = 1, Offset = i }, out _).Single().Event.Cameo);
        Assert.Equal(["20", "1962", "173", "036", "190"], pages);
    }

    /// <summary>
    /// Enough events that broad terms exceed the index probes' cap (1,000): every combined filter is
    /// counted and paged by whichever plan the store picks, and must agree with a brute-force reading.
    /// </summary>
    [SkippableFact]
    public void CombinedFiltersAgreeWithBruteForceWhicheverPlanIsPicked()
    {
        using var t = NewStore();
        string[] countries = ["USA", "AFG", "SYR", "IRN"];
        string[] roots = ["036", "042", "120", "190", "193"];
        var random = new Random(7);
        var all = new List<(string Doc, int Ord, string Src, string Tgt, string Cameo, int Quad, string Day)>();
        var batch = new List<Document>();
        for (int d = 0; d < 1500; d++)
        {
            var day = new DateOnly(2019, 1, 1).AddDays(random.Next(365));
            var events = new EventRecord[4];
            for (int i = 0; i < events.Length; i++)
            {
                string src = countries[random.Next(countries.Length)], tgt = countries[random.Next(countries.Length)];
                string cameo = roots[random.Next(roots.Length)];
                int quad = cameo[0] == '0' ? 1 : cameo[1] == '2' ? 3 : 4;
                events[i] = Event(0, src + "GOV", src, tgt + "MIL", tgt, cameo, quad, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                all.Add(("g" + d, i, src, tgt, cameo, quad, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
            batch.Add(Doc("g" + d, (d % 3 == 0 ? "Talks on a ceasefire. Report " : "Troops moved. Report ") + d, day, events));
        }
        t.Store.SaveBatch(batch);

        (EventQuery Query, Func<(string Doc, int Ord, string Src, string Tgt, string Cameo, int Quad, string Day), bool> Match)[] cases =
        [
            (new EventQuery { Country = "SYR", QuadClass = 4, Offset = 200, Limit = 50 }, e => (e.Src == "SYR" || e.Tgt == "SYR") && e.Quad == 4),
            (new EventQuery { Actor = "USA", Country = "AFG", Limit = 50 }, e => (e.Src == "USA" || e.Tgt == "USA") && (e.Src == "AFG" || e.Tgt == "AFG")),
            (new EventQuery { Q = "ceasefire", Country = "IRN", CameoPrefix = "19", Limit = 50 }, e => int.Parse(e.Doc[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 && (e.Src == "IRN" || e.Tgt == "IRN") && e.Cameo.StartsWith("19", StringComparison.Ordinal)),
            (new EventQuery { SourceActor = "IRNGOV", TargetActor = "USAMIL", QuadClass = 1, Limit = 50 }, e => e.Src == "IRN" && e.Tgt == "USA" && e.Quad == 1),
            (new EventQuery { Country = "USA", CameoPrefix = "042", Limit = 50 }, e => (e.Src == "USA" || e.Tgt == "USA") && e.Cameo == "042"),
            (new EventQuery { Country = "IRN", QuadClass = 4, From = new DateOnly(2019, 3, 1), To = new DateOnly(2019, 9, 30), Limit = 50 },
                e => (e.Src == "IRN" || e.Tgt == "IRN") && e.Quad == 4 && string.CompareOrdinal(e.Day, "2019-03-01") >= 0 && string.CompareOrdinal(e.Day, "2019-09-30") <= 0),
            (new EventQuery { Actor = "AFG", From = new DateOnly(2019, 12, 1), Offset = 10, Limit = 20 },
                e => (e.Src == "AFG" || e.Tgt == "AFG") && string.CompareOrdinal(e.Day, "2019-12-01") >= 0),
        ];
        foreach (var (query, match) in cases)
        {
            var expected = all.Where(match).ToList();
            var page = t.Store.QueryEvents(query, out int total);
            Assert.Equal(expected.Count, total);
            Assert.Equal(Math.Clamp(expected.Count - query.Offset, 0, query.Limit), page.Count);
            foreach (var e in page)
                Assert.Contains(expected, x => x.Doc == e.DocumentId && x.Cameo == e.Event.Cameo && x.Day == e.Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            for (int i = 1; i < page.Count; i++) Assert.True(page[i - 1].Day >= page[i].Day, "newest first");
        }
    }

    /// <summary>
    /// A country in one event in ten and one in a hundred, their news stopping half way through the year (so the newest events never name them),
    /// and a kind of event only in the first half: pages of such filters, alone and with other terms, come in exactly the order of a brute-force reading
    /// (newest day first, then the later stored event first), each event once even when it names the country twice.
    /// </summary>
    [SkippableFact]
    public void PagesKeepTheNewestFirstOrderWhereverTheMatchesLie()
    {
        using var t = NewStore();
        string[] countries = ["USA", "AFG", "SYR", "IRN", "RUS", "CHN", "TUR", "IND"];
        var random = new Random(11);
        var all = new List<(int N, bool Qatar, bool Oman, int Quad, string Cameo, string Day)>();
        var batch = new List<Document>();
        for (int d = 0; d < 1200; d++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(d * 365 / 1200);
            var events = new EventRecord[3];
            for (int i = 0; i < events.Length; i++)
            {
                int n = all.Count;
                bool early = d < 600;
                int pick = early ? random.Next(100) : 100;
                string src = pick < 10 ? "QAT" : pick < 12 ? "OMN" : countries[random.Next(countries.Length)];
                string tgt = countries[random.Next(countries.Length)];
                string? placeCountry = early && random.Next(8) == 0 ? "QAT" : null;
                int quad = 1 + random.Next(4);
                string date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                // The Goldstein score carries the event's number in the brute-force list.
                // Fighting (190) only in the first half, protests (173) only in the second.
                string cameo = random.Next(10) == 0 ? (early ? "190" : "173") : "042";
                events[i] = Event(0, src + "GOV", src, tgt + "MIL", tgt, cameo, quad, date, placeCountry is null ? null : "Doha", placeCountry, goldstein: n);
                all.Add((n, src == "QAT" || placeCountry == "QAT", src == "OMN", quad, cameo, date));
            }
            batch.Add(Doc("c" + d, "Talks resumed. Report " + d, day, events));
        }
        t.Store.SaveBatch(batch);
        var newestFirst = all.OrderByDescending(e => e.Day, StringComparer.Ordinal).ThenByDescending(e => e.N).ToList();
        (EventQuery Query, Func<(int N, bool Qatar, bool Oman, int Quad, string Cameo, string Day), bool> Match)[] cases =
        [
            (new EventQuery { Country = "QAT", Limit = 50 }, e => e.Qatar),
            (new EventQuery { Country = "QAT", Offset = 120, Limit = 50 }, e => e.Qatar),
            (new EventQuery { Country = "qat", Offset = 300, Limit = 100 }, e => e.Qatar),
            (new EventQuery { Country = "QAT", QuadClass = 2, Offset = 10, Limit = 30 }, e => e.Qatar && e.Quad == 2),
            (new EventQuery { Country = "QAT", FirstReportsOnly = true, Limit = 40 }, e => e.Qatar),
            // A rare country with another term: walked through the country indexes, the other term checked on each row.
            (new EventQuery { Country = "OMN", QuadClass = 2, Limit = 5 }, e => e.Oman && e.Quad == 2),
            (new EventQuery { Country = "OMN", QuadClass = 3, Offset = 2, Limit = 5 }, e => e.Oman && e.Quad == 3),
            // A walk of the day index bounded to the newest events: it finds the page (173), or finds nothing and another plan runs (190).
            (new EventQuery { CameoPrefix = "17", Limit = 5 }, e => e.Cameo == "173"),
            (new EventQuery { CameoPrefix = "19", Limit = 5 }, e => e.Cameo == "190"),
            (new EventQuery { CameoPrefix = "19", Offset = 3, Limit = 4 }, e => e.Cameo == "190"),
        ];
        foreach (var (query, match) in cases)
        {
            var expected = newestFirst.Where(match).Skip(query.Offset).Take(query.Limit).Select(e => e.N).ToArray();
            var page = t.Store.QueryEvents(query, out int total);
            Assert.Equal(all.Count(match), total);
            Assert.Equal(expected, page.Select(e => (int)e.Event.Goldstein).ToArray());
        }
    }

    [SkippableFact]
    public void RepeatedReportsAreLinkedCountedAndLeftOutOnRequest()
    {
        using var t = Seeded();
        var ids = t.Store.ReadEventIdentities();
        Assert.Equal(6, ids.Count);
        var rebels = ids.Where(e => e.Cameo is "190" or "1962").OrderBy(e => e.Key).ToArray();
        Assert.All(ids, e => Assert.False(string.IsNullOrEmpty(e.StoryId)));
        // Say the attack in d2 repeats the clash in d1.
        t.Store.SetRepeatedReports([(rebels[1].Key, rebels[0].Key)]);

        var all = t.Store.QueryEvents(new EventQuery(), out int total);
        Assert.Equal(6, total);
        Assert.Equal(2, all.Single(e => e.Key == rebels[0].Key).Reports);
        Assert.False(all.Single(e => e.Key == rebels[0].Key).IsRepeat);
        Assert.True(all.Single(e => e.Key == rebels[1].Key).IsRepeat);
        Assert.Equal(2, all.Single(e => e.Key == rebels[1].Key).Reports);
        Assert.All(all.Where(e => e.Key != rebels[0].Key && e.Key != rebels[1].Key), e => Assert.Equal(1, e.Reports));

        var first = t.Store.QueryEvents(new EventQuery { FirstReportsOnly = true }, out int distinct);
        Assert.Equal(5, distinct);
        Assert.DoesNotContain(first, e => e.Key == rebels[1].Key);
        Assert.Equal(5, t.Store.Timeline(new EventQuery { FirstReportsOnly = true }).Sum(p => p.Count));

        // Links are replaced as a whole.
        t.Store.SetRepeatedReports([]);
        t.Store.QueryEvents(new EventQuery { FirstReportsOnly = true }, out distinct);
        Assert.Equal(6, distinct);
    }
}
