using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const int AggregateCacheSize = 512;

    /// <summary>
    /// Aggregation results by kind and query, with the store's change stamp when computed. A dashboard asks
    /// the same few aggregations again and again; over 100,000+ events each costs tens of milliseconds, a
    /// cache hit a few microseconds. The stamp (highest document and event keys) moves on every stored
    /// document, from this process or another one, since keys only grow.
    /// </summary>
    private readonly ConcurrentDictionary<(string Kind, EventQuery Query), (long Documents, long Events, object Value)> _aggregates = new();

    private T[] Cached<T>(string kind, EventQuery q, Func<EventFilter, List<T>> compute, SqliteConnection? c = null, SqliteTransaction? tx = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        var (documents, events) = c is null ? ChangeStamp() : ChangeStamp(c, tx);
        if (_aggregates.TryGetValue((kind, q), out var hit) && hit.Documents == documents && hit.Events == events)
            return (T[])hit.Value;
        // The stamp was read before computing: a write landing in between makes the entry look older
        // than it is, so it is recomputed next time; it is never served when stale.
        var value = compute(new EventFilter(q)).ToArray();
        if (_aggregates.Count >= AggregateCacheSize) _aggregates.Clear();
        _aggregates[(kind, q)] = (documents, events, value);
        return value;
    }

    private (long Documents, long Events) ChangeStamp()
    {
        using var c = OpenReader();
        return ChangeStamp(c, null);
    }

    /// <summary>The stamp read on a connection already open (inside its read transaction, if given: the same snapshot).</summary>
    private static (long Documents, long Events) ChangeStamp(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce((SELECT max(key) FROM documents), 0), coalesce((SELECT max(key) FROM events), 0)";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery q, out int total)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        using var c = OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        // The number of matches is the costly part of a page (it visits every match, the page only its rows): it is
        // kept with the store's change stamp like the aggregations, so paging through a filter or asking it again
        // counts once per change of the store. The probes that pick the plan are kept with it: they answer the same.
        var counts = Cached<MatchCounts>("EventCount", q with { Limit = 0, Offset = 0 }, _ => [CountMatches(c, tx, filter)], c, tx)[0];
        total = counts.Total;

        var list = new List<StoredEvent>(Math.Clamp(q.Limit, 0, 1000));
        if (total <= q.Offset || q.Limit <= 0) return list;
        string pageSql;
        string? fallbackSql = null, floor = null;
        var sort = q.Sort ?? EventSort.Newest;
        long pageEnd = (long)Math.Max(0, q.Offset) + Math.Clamp(q.Limit, 0, 10_000);
        if (sort == EventSort.Newest)
        {
            // Pick the page plan from the counts: walking the day index newest first costs about
            // pageEnd * all / total covering steps; sorting the matches found through a term's index costs
            // a row read per candidate of that index (total, for a one-term filter); walking the country
            // indexes newest first costs 3 * pageEnd steps, each a row read when other terms are checked.
            // Sorting happens on event rows only; documents are joined for the page alone.
            double walk = (double)pageEnd * counts.All / total;
            double sortCost = counts.Candidates < 0 ? total : RowReadCost * (double)counts.Candidates;
            bool countryAlone = filter.TermCount == 1 && !q.FirstReportsOnly;
            double countryWalk = !filter.HasCountry || filter.NamesDocuments ? double.MaxValue
                : countryAlone ? 3.0 * pageEnd
                : RowReadCost * pageEnd * Math.Max(1, counts.CountryEvents < 0 ? total : counts.CountryEvents) / total;
            string sortPlan = countryWalk <= sortCost ? filter.CountryWalk(OrderBy(sort))
                : "SELECT e.key FROM events e WHERE " + filter.Where + " ORDER BY " + OrderBy(sort);
            if (countryWalk < Math.Min(walk, sortCost)) pageSql = filter.CountryWalk(OrderBy(sort));
            else if (counts.RowReadsDominate || walk <= sortCost)
            {
                pageSql = DayWalk(filter, sort, "");
                // The walk's estimate supposes the matches spread evenly over time, but news of one subject comes and goes:
                // a walk past months without it costs a step per event (cameo 14 alone: 60,000 steps, estimated 1,300). So
                // when the other plan is cheap the walk is bounded to the newest events (four times the estimate), and the
                // other plan runs when the bounded walk comes up short. A bound costs its steps once per change of the store.
                double other = Math.Min(counts.RowReadsDominate ? double.MaxValue : sortCost, countryWalk);
                double bound = Math.Max(MinWalkBound, 4 * walk);
                if (bound + other < counts.All)
                {
                    long steps = (long)BitOperations.RoundUpToPowerOf2((ulong)bound);
                    floor = Cached<string?>("DayFloor", new EventQuery { Offset = (int)Math.Min(steps, int.MaxValue) }, _ => [DayAt(c, tx, steps)], c, tx)[0];
                    if (floor is not null)
                    {
                        pageSql = DayWalk(filter, sort, " AND e.day >= @floor");
                        fallbackSql = sortPlan;
                    }
                }
            }
            else pageSql = sortPlan;
        }
        else
        {
            // Any other order: the keys of the page come from one scan of the narrow day index, which carries
            // every sort key; only the page's rows are read.
            pageSql = "SELECT e.key FROM " + filter.AggregateSource + " WHERE " + filter.Where + " ORDER BY " + OrderBy(sort);
        }
        ReadPage(c, tx, filter, q, sort, pageSql, pageEnd, floor, list);
        if (fallbackSql is not null && list.Count < Math.Min(Math.Clamp(q.Limit, 0, 10_000), total - Math.Max(0, q.Offset)))
        {
            list.Clear();
            ReadPage(c, tx, filter, q, sort, fallbackSql, pageEnd, null, list);
        }
        tx.Commit();
        return list;
    }

    /// <summary>Fewest newest events a bounded walk of the day index covers.</summary>
    private const int MinWalkBound = 1024;

    private static string DayWalk(EventFilter filter, EventSort sort, string bound) =>
        "SELECT e.key FROM events e INDEXED BY events_day WHERE " + filter.Where + bound + " ORDER BY " + OrderBy(sort);

    /// <summary>The day of the event <paramref name="steps"/> places from the newest, or null when fewer events have a day.</summary>
    private static string? DayAt(SqliteConnection c, SqliteTransaction tx, long steps)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT day FROM events INDEXED BY events_day WHERE day IS NOT NULL ORDER BY day DESC LIMIT 1 OFFSET @steps";
        cmd.Parameters.AddWithValue("@steps", steps);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Reads the page whose keys <paramref name="pageSql"/> gives, with their documents, into <paramref name="list"/>.</summary>
    private static void ReadPage(SqliteConnection c, SqliteTransaction tx, EventFilter filter, EventQuery q, EventSort sort, string pageSql, long pageEnd, string? floor,
        List<StoredEvent> list)
    {
        using var cmd = Command(c, tx, filter, EventRowSelect + " FROM (" + pageSql + " LIMIT @limit OFFSET @offset) AS p" +
            " JOIN events e ON e.key = p.key JOIN documents d ON d.key = e.doc ORDER BY " + OrderBy(sort));
        AddPage(cmd, q);
        if (pageSql.Contains("@page_end", StringComparison.Ordinal)) cmd.Parameters.AddWithValue("@page_end", pageEnd);
        if (floor is not null) cmd.Parameters.AddWithValue("@floor", floor);
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadEventRow(r));
    }

    /// <summary>
    /// What a filter's page plan is chosen from: its number of matches, the highest event key (all events, near enough),
    /// the events of its most selective indexed term (-1: one term or none, see <see cref="SmallestIndexedTerm"/>),
    /// whether that term keeps too many events for its index to pay, and the country term's events (capped per column;
    /// -1 without a probe).
    /// </summary>
    private readonly record struct MatchCounts(int Total, long All, long Candidates, bool RowReadsDominate, long CountryEvents);

    private static MatchCounts CountMatches(SqliteConnection c, SqliteTransaction tx, EventFilter filter)
    {
        long all = MaxEventKey(c, tx);
        long candidates = SmallestIndexedTerm(c, tx, filter, all, out long cap, out long country);
        bool rowReadsDominate = candidates >= cap;
        string countSource = rowReadsDominate ? "events e INDEXED BY events_day" : "events e";
        using var count = Command(c, tx, filter, "SELECT count(*) FROM " + countSource + " WHERE " + filter.Where);
        int total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new MatchCounts(total, all, candidates, rowReadsDominate, country);
    }

    public IEnumerable<StoredEvent> StreamEvents(EventQuery q, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        var sort = q.Sort ?? EventSort.Newest;
        using var c = OpenReader();
        // One read transaction: the whole export comes from one snapshot, whatever is stored meanwhile.
        using var tx = c.BeginTransaction(deferred: true);
        string source = filter.NamesDocuments ? "events e" : "events e INDEXED BY events_day";
        using var cmd = Command(c, tx, filter, EventRowSelect + " FROM " + source + " JOIN documents d ON d.key = e.doc WHERE " + filter.Where +
            " ORDER BY " + OrderBy(sort) + " LIMIT @limit OFFSET @offset");
        cmd.Parameters.AddWithValue("@limit", q.Limit < 0 ? -1 : (long)q.Limit);
        cmd.Parameters.AddWithValue("@offset", Math.Max(0, q.Offset));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadEventRow(r);
        }
    }

    /// <summary>The ORDER BY of an order, ties broken by key in the same direction.</summary>
    private static string OrderBy(EventSort sort)
    {
        string column = EventColumns.SortColumn(sort.Key);
        string direction = sort.Descending ? " DESC" : " ASC";
        // Events without a value for the key (no day: dated only to a month, say) come last either way.
        string nullsLast = sort.Descending ? "" : column + " IS NULL, ";
        return nullsLast + column + direction + ", e.key" + direction;
    }

    /// <summary>The columns <see cref="ReadEventRow"/> reads, before FROM.</summary>
    private static readonly string EventRowSelect =
        "SELECT e.key, d.id, e.ord, d.title, d.published, e.day, e.sentence_text, d.url, d.source, d.added," +
        " e.report_of IS NOT NULL, 1 + (SELECT count(*) FROM events r WHERE r.report_of = coalesce(e.report_of, e.key)), " + EventColumns.Select;

    private const int EventFieldsAt = 12;

    private static StoredEvent ReadEventRow(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetInt32(2), NullableString(r, 3), Dates.Parse(NullableString(r, 4)),
            Dates.Parse(NullableString(r, 5)), NullableString(r, 6), EventColumns.Read(r, EventFieldsAt))
        {
            Url = NullableString(r, 7),
            Source = NullableString(r, 8),
            Added = ParseAdded(NullableString(r, 9)),
            IsRepeat = r.GetInt64(10) != 0,
            Reports = r.GetInt32(11),
        };

    private static DateTime? ParseAdded(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public IReadOnlyList<ActorCount> ActorCounts(EventQuery q) => Cached(nameof(ActorCounts), q, filter => ComputeActorCounts(q, filter));

    private List<ActorCount> ComputeActorCounts(EventQuery q, EventFilter filter)
    {
        var codes = new CodeTable();
        var counts = new Dictionary<int, (long Source, long Target)>();
        using (var c = OpenReader())
        using (var rows = new RowStream(c,
            $"SELECT e.src_actor, e.tgt_actor FROM {filter.AggregateSource} WHERE {filter.Where} AND (e.src_actor IS NOT NULL OR e.tgt_actor IS NOT NULL)",
            filter.Parameters))
        {
            while (rows.Read())
            {
                int src = rows.Code(0, codes), tgt = rows.Code(1, codes);
                if (src >= 0) { var n = counts.GetValueOrDefault(src); counts[src] = (n.Source + 1, n.Target); }
                if (tgt >= 0) { var n = counts.GetValueOrDefault(tgt); counts[tgt] = (n.Source, n.Target + 1); }
            }
        }
        var list = new List<ActorCount>(counts.Count);
        foreach (var (actor, n) in counts) list.Add(new ActorCount(codes[actor], n.Source, n.Target));
        return AggregateOrder.Top(list, q.Limit);
    }

    public IReadOnlyList<ActorName> ActorNames() => Cached(nameof(ActorNames), new EventQuery(), _ => ComputeActorNames());

    private List<ActorName> ComputeActorNames()
    {
        var counts = new Dictionary<(string, string), long>();
        using (var c = OpenReader())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText =
                """
                SELECT src_actor, src_name, count(*) FROM events WHERE src_actor IS NOT NULL AND src_name IS NOT NULL GROUP BY 1, 2
                UNION ALL
                SELECT tgt_actor, tgt_name, count(*) FROM events WHERE tgt_actor IS NOT NULL AND tgt_name IS NOT NULL GROUP BY 1, 2
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                counts[key] = counts.GetValueOrDefault(key) + r.GetInt64(2);
            }
        }
        var list = new List<ActorName>(counts.Count);
        foreach (var ((actor, name), n) in counts) list.Add(new ActorName(actor, name, n));
        return AggregateOrder.All(list);
    }

    public IReadOnlyList<ActorPair> ActorPairs(EventQuery q) => Cached(nameof(ActorPairs), q, filter => ComputeActorPairs(q, filter));

    private List<ActorPair> ComputeActorPairs(EventQuery q, EventFilter filter)
    {
        var codes = new CodeTable();
        var pairs = new Dictionary<(int, int), (long Count, double Goldstein)>();
        using (var c = OpenReader())
        using (var rows = new RowStream(c,
            $"SELECT e.src_actor, e.tgt_actor, e.goldstein FROM {filter.AggregateSource} WHERE {filter.Where} AND e.src_actor IS NOT NULL AND e.tgt_actor IS NOT NULL",
            filter.Parameters))
        {
            while (rows.Read())
            {
                var key = (rows.Code(0, codes), rows.Code(1, codes));
                var n = pairs.GetValueOrDefault(key);
                pairs[key] = (n.Count + 1, n.Goldstein + rows.Double(2));
            }
        }
        var list = new List<ActorPair>(pairs.Count);
        foreach (var ((src, tgt), n) in pairs) list.Add(new ActorPair(codes[src], codes[tgt], n.Count, n.Goldstein / n.Count));
        return AggregateOrder.Top(list, q.Limit);
    }

    public IReadOnlyList<TimelinePoint> Timeline(EventQuery q) => Cached(nameof(Timeline), q, filter => ComputeTimeline(q, filter));

    private List<TimelinePoint> ComputeTimeline(EventQuery q, EventFilter filter)
    {
        // Events filed under a day, then events dated only to a week, month or year (day NULL: the start of the
        // day index), each grouped in index order without a sorter.
        string days =
            $"""
            SELECT e.day, e.quad_class, count(*), sum(e.goldstein) FROM {filter.AggregateSource}
            WHERE {filter.Where} AND e.day IS NOT NULL
            GROUP BY e.day, e.quad_class ORDER BY e.day, e.quad_class
            """;
        var list = Aggregate(filter, null, days, r =>
        {
            var day = Dates.Parse(r.GetString(0)) ?? default;
            return new TimelinePoint(day, day, "day", r.GetInt32(1), r.GetInt64(2), r.GetDouble(3));
        });
        string periods =
            $"""
            SELECT e.period_start, e.period_end, e.date_grain, e.quad_class, count(*), sum(e.goldstein) FROM {filter.AggregateSource}
            WHERE {filter.Where} AND e.day IS NULL AND e.period_start IS NOT NULL AND e.date_grain IS NOT NULL
            GROUP BY e.period_start, e.period_end, e.date_grain, e.quad_class
            """;
        list.AddRange(Aggregate(filter, null, periods, r => new TimelinePoint(Dates.Parse(r.GetString(0)) ?? default, Dates.Parse(r.GetString(1)) ?? default,
            r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetDouble(5))));
        list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End) : a.QuadClass.CompareTo(b.QuadClass));
        return list;
    }

    public IReadOnlyList<PlaceCount> PlaceCounts(EventQuery q) => Cached(nameof(PlaceCounts), q, filter => ComputePlaceCounts(q, filter));

    private List<PlaceCount> ComputePlaceCounts(EventQuery q, EventFilter filter)
    {
        var codes = new CodeTable();
        var places = new Dictionary<(int Name, int Country, double? Lat, double? Lon), long>();
        using (var c = OpenReader())
        using (var rows = new RowStream(c,
            $"SELECT e.place_name, e.place_country, e.place_lat, e.place_lon FROM {filter.AggregateSource} WHERE {filter.Where} AND e.place_name IS NOT NULL",
            filter.Parameters))
        {
            while (rows.Read())
            {
                var key = (rows.Code(0, codes), rows.Code(1, codes), rows.NullableDouble(2), rows.NullableDouble(3));
                places[key] = places.GetValueOrDefault(key) + 1;
            }
        }
        var list = new List<PlaceCount>(places.Count);
        foreach (var (p, n) in places) list.Add(new PlaceCount(codes[p.Name], p.Country < 0 ? null : codes[p.Country], p.Lat, p.Lon, n));
        return AggregateOrder.Top(list, q.Limit);
    }

    public IReadOnlyList<CountryCount> CountryCounts(EventQuery q) => Cached(nameof(CountryCounts), q, filter => ComputeCountryCounts(q, filter));

    private List<CountryCount> ComputeCountryCounts(EventQuery q, EventFilter filter)
    {
        var codes = new CodeTable();
        var counts = new Dictionary<int, long>();
        using (var c = OpenReader())
        using (var rows = new RowStream(c,
            $"""
            SELECT e.src_country, e.tgt_country, e.place_country FROM {filter.AggregateSource}
            WHERE {filter.Where} AND (e.src_country IS NOT NULL OR e.tgt_country IS NOT NULL OR e.place_country IS NOT NULL)
            """,
            filter.Parameters))
        {
            while (rows.Read())
            {
                // An event naming a country twice (source and place, say) counts once for it.
                int src = rows.Code(0, codes), tgt = rows.Code(1, codes), place = rows.Code(2, codes);
                if (src >= 0) counts[src] = counts.GetValueOrDefault(src) + 1;
                if (tgt >= 0 && tgt != src) counts[tgt] = counts.GetValueOrDefault(tgt) + 1;
                if (place >= 0 && place != src && place != tgt) counts[place] = counts.GetValueOrDefault(place) + 1;
            }
        }
        var list = new List<CountryCount>(counts.Count);
        foreach (var (country, n) in counts) list.Add(new CountryCount(codes[country], n));
        return AggregateOrder.All(list);
    }

    private List<T> Aggregate<T>(EventFilter filter, EventQuery? paged, string sql, Func<SqliteDataReader, T> read)
    {
        using var c = OpenReader();
        using var cmd = Command(c, null, filter, sql);
        if (paged is not null) cmd.Parameters.AddWithValue("@limit", Math.Max(0, paged.Limit));
        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    /// <summary>Index steps one row read costs, roughly (measured at 100,000 events on SQLite 3.50).</summary>
    private const double RowReadCost = 30;

    /// <summary>
    /// For a filter of several terms, how many events the most selective indexed term keeps (at least
    /// <paramref name="cap"/> meaning "too many for an index to pay"); -1 for one term or none, which
    /// SQLite counts in the term's own index without reading rows. Reading an event row through an index
    /// costs about thirty steps of the narrow day index, which carries every filtered column, so an index
    /// pays only when its term keeps under one event in twenty. SQLite's planner cannot see that: it took
    /// the quad-class index (a quarter of all events) for country + quad class, 66 ms against 9 ms for
    /// the scan at 100,000 events. So each indexed term is probed with an index-only count stopped at the
    /// cap; the probes together cost less than one scan. <paramref name="country"/> is the country term's
    /// probe (its three columns, each capped), -1 without one.
    /// </summary>
    private static long SmallestIndexedTerm(SqliteConnection c, SqliteTransaction tx, EventFilter filter, long all, out long cap, out long country)
    {
        cap = Math.Max(1000, all / 20);
        country = -1;
        if (filter.NamesOneDocument || filter.TermCount < 2 || filter.ProbeSql is not { } probeSql) return -1;
        using var cmd = Command(c, tx, filter, probeSql);
        cmd.Parameters.AddWithValue("@probe_cap", cap);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return -1;
        double smallest = double.MaxValue, eventsPerDocument = -1;
        for (int i = 0; i < r.FieldCount; i++)
        {
            double estimate = r.GetInt64(i);
            if (i == filter.CountryProbe) country = r.GetInt64(i);
            if (filter.ProbeCountsDocuments(i))
            {
                if (eventsPerDocument < 0) eventsPerDocument = EventsPerDocument(c, tx, all);
                estimate *= eventsPerDocument;
            }
            smallest = Math.Min(smallest, estimate);
        }
        return (long)Math.Min(smallest, long.MaxValue / 2);
    }

    /// <summary>Events per document from the highest keys (<paramref name="events"/> is the highest event key, already read).</summary>
    private static double EventsPerDocument(SqliteConnection c, SqliteTransaction tx, long events)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce(max(key), 0) FROM documents";
        long documents = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return documents == 0 ? 0 : (double)events / documents;
    }

    private static long MaxEventKey(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce(max(key), 0) FROM events";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, EventFilter filter, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        filter.Bind(cmd);
        return cmd;
    }

    private static void AddPage(SqliteCommand cmd, EventQuery q)
    {
        cmd.Parameters.AddWithValue("@limit", Math.Clamp(q.Limit, 0, 10_000));
        cmd.Parameters.AddWithValue("@offset", Math.Max(0, q.Offset));
    }
}
