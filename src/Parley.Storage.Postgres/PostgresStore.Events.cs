using System.Collections.Concurrent;
using Npgsql;
using Parley.Core;

namespace Parley.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const int AggregateCacheSize = 512;

    /// <summary>
    /// Aggregation results by kind and query with the store's change stamp (highest document and event keys,
    /// report-link version) when computed: a dashboard asks the same few aggregations again and again, and
    /// any write from any process moves the stamp, so a stale result is never served.
    /// </summary>
    private readonly ConcurrentDictionary<(string Kind, EventQuery Query), ((long, long, long) Stamp, object Value)> _aggregates = new();

    private T[] Cached<T>(string kind, EventQuery q, Func<NpgsqlConnection, PgEventFilter, List<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(q);
        return Retry(() =>
        {
            using var c = OpenConnection();
            var stamp = ChangeStamp(c);
            if (_aggregates.TryGetValue((kind, q), out var hit) && hit.Stamp == stamp) return (T[])hit.Value;
            var value = compute(c, new PgEventFilter(q)).ToArray();
            if (_aggregates.Count >= AggregateCacheSize) _aggregates.Clear();
            _aggregates[(kind, q)] = (stamp, value);
            return value;
        });
    }

    private static (long, long, long) ChangeStamp(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT coalesce((SELECT max(key) FROM documents), 0), coalesce((SELECT max(key) FROM events), 0), (SELECT links_version FROM store_state)", c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery q, out int total)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new PgEventFilter(q);
        var (count, list) = Retry(() =>
        {
            using var c = OpenConnection();
            using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            // Counting every match costs a scan; paging through one filter asks the same count again and again,
            // so it is cached with the change stamp like the aggregates (never served once anything changed).
            var stamp = ChangeStamp(c);
            var countKey = ("count", q with { Limit = 0, Offset = 0, Sort = null });
            int count;
            if (_aggregates.TryGetValue(countKey, out var hit) && hit.Stamp == stamp) count = (int)hit.Value;
            else
            {
                using (var n = Command(c, tx, filter, "SELECT count(*) FROM events e WHERE " + filter.Where))
                    count = Convert.ToInt32(n.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (_aggregates.Count >= AggregateCacheSize) _aggregates.Clear();
                _aggregates[countKey] = (stamp, count);
            }
            var list = new List<StoredEvent>(Math.Clamp(q.Limit, 0, 1000));
            if (count > q.Offset && q.Limit > 0)
            {
                int limit = Math.Clamp(q.Limit, 0, 10_000), offset = Math.Max(0, q.Offset);
                foreach (var (page, cap) in PagePlans(filter, q, count, stamp.Item2))
                {
                    list.Clear();
                    using var cmd = Command(c, tx, filter, EventRowSelect + " FROM (" + page + ") AS e JOIN documents d ON d.key = e.doc ORDER BY " + OrderBy(q.Sort));
                    cmd.Parameters.AddWithValue("limit", limit);
                    cmd.Parameters.AddWithValue("offset", offset);
                    if (cap > 0) cmd.Parameters.AddWithValue("cap", cap);
                    using (var r = cmd.ExecuteReader())
                        while (r.Read()) list.Add(ReadEventRow(r));
                    // A capped walk's matches are the first of the whole order: a full page of them is the page.
                    if (cap == 0 || list.Count >= Math.Min(limit, count - offset)) break;
                }
            }
            tx.Commit();
            return (count, list);
        });
        total = count;
        return list;
    }

    public IEnumerable<StoredEvent> StreamEvents(EventQuery q, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new PgEventFilter(q);
        using var c = OpenConnection();
        // One snapshot for the whole export, whatever workers store meanwhile; rows come from the server as they are read.
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var cmd = Command(c, tx, filter, EventRowSelect + " FROM events e JOIN documents d ON d.key = e.doc WHERE " + filter.Where +
            " ORDER BY " + OrderBy(q.Sort) + (q.Limit >= 0 ? " LIMIT @limit" : "") + " OFFSET @offset");
        if (q.Limit >= 0) cmd.Parameters.AddWithValue("limit", q.Limit);
        cmd.Parameters.AddWithValue("offset", Math.Max(0, q.Offset));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadEventRow(r);
        }
    }

    /// <summary>
    /// Ways to read the events of one page (LIMIT @limit OFFSET @offset) of a filter with <paramref name="count"/> matches
    /// among about <paramref name="rows"/> events, tried in turn; a plan with a cap (bound as @cap) may come up short, the
    /// last never does. Left to itself the planner walks the sort index and filters as it goes, which is quick when
    /// matches are spread evenly ((offset + limit) * rows / count reads), but reads tens of thousands of rows for 50 when
    /// they bunch away from the newest (one month, a country whose news stopped) or are few; an unindexed sort gets a
    /// parallel scan. So: in day order, when 16 times the even-spread estimate is at most an eighth of the events, the
    /// first that many rows of the order are walked and filtered (their matches are the first of the whole order); otherwise, or when that
    /// walk comes up short, the matching keys are collected from the filter's own indexes (a MATERIALIZED CTE is planned
    /// on its own: bitmap scans) and sorted. A walk toward older days with an end date starts at that date (toward newer
    /// days, at the start date): the rows it skips are dated outside the range. Same WHERE and total order, same rows.
    /// </summary>
    private static IEnumerable<(string Sql, int Cap)> PagePlans(PgEventFilter filter, EventQuery q, int count, long rows)
    {
        string order = OrderBy(q.Sort);
        string column = EventColumns.SortColumn((q.Sort ?? EventSort.Newest).Key);
        string walk = "SELECT e.* FROM events e WHERE " + filter.Where + " ORDER BY " + order + " LIMIT @limit OFFSET @offset";
        if (!filter.FiltersAnything) { yield return (walk, 0); yield break; }
        long wanted = Math.Max(0, q.Offset) + Math.Clamp(q.Limit, 0, 10_000);
        long cap = Math.Max(wanted, 16 * wanted * rows / Math.Max(1, count));
        // A date range's far side skips the rows before it in the order, which never match (their day is outside the range).
        bool descending = (q.Sort ?? EventSort.Newest).Descending;
        string skip = descending && q.To is not null ? " WHERE e.day <= @to" : !descending && q.From is not null ? " WHERE e.day >= @from" : "";
        if (column == "e.day" && cap <= rows / 8)
            yield return ("SELECT e.* FROM (SELECT e.* FROM events e" + skip + " ORDER BY " + order + " LIMIT @cap) AS e WHERE " + filter.Where +
                " ORDER BY " + order + " LIMIT @limit OFFSET @offset", (int)cap);
        yield return ("WITH m AS MATERIALIZED (SELECT e.key, " + column + " FROM events e WHERE " + filter.Where + ") " +
            "SELECT x.* FROM events x WHERE x.key IN (SELECT e.key FROM m AS e ORDER BY " + order + " LIMIT @limit OFFSET @offset)", 0);
    }

    /// <summary>The ORDER BY of an order (default: newest day first), ties broken by key in the same direction; missing values last.</summary>
    private static string OrderBy(EventSort? order)
    {
        var sort = order ?? EventSort.Newest;
        string column = EventColumns.SortColumn(sort.Key);
        string direction = sort.Descending ? " DESC" : " ASC";
        return column + direction + " NULLS LAST, e.key" + direction;
    }

    /// <summary>The columns <see cref="ReadEventRow"/> reads, before FROM.</summary>
    private static readonly string EventRowSelect =
        "SELECT e.key, d.id, e.ord, d.title, d.published, e.day, e.sentence_start, e.sentence_end, d.text, d.url, d.source, d.added," +
        " e.report_of IS NOT NULL, 1 + (SELECT count(*) FROM events r WHERE r.report_of = coalesce(e.report_of, e.key))::int, " + EventColumns.Select;

    private const int EventFieldsAt = 14;

    private static StoredEvent ReadEventRow(NpgsqlDataReader r)
    {
        string? sentence = StoredText.Sentence(r.GetString(8), r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7));
        return new StoredEvent(r.GetInt64(0), r.GetString(1), r.GetInt32(2), Str(r, 3), Day(r, 4), Day(r, 5), sentence, EventColumns.Read(r, EventFieldsAt))
        {
            Url = Str(r, 9),
            Source = Str(r, 10),
            Added = r.IsDBNull(11) ? null : r.GetFieldValue<DateTime>(11).ToUniversalTime(),
            IsRepeat = r.GetBoolean(12),
            Reports = r.GetInt32(13),
        };
    }

    public IReadOnlyList<ActorName> ActorNames() => Cached(nameof(ActorNames), new EventQuery(), (c, _) =>
    {
        var list = new List<ActorName>();
        using var cmd = new NpgsqlCommand(
            """
            SELECT x.actor, x.name, count(*) FROM events e
            CROSS JOIN LATERAL (VALUES (e.src_actor, e.src_name), (e.tgt_actor, e.tgt_name)) AS x(actor, name)
            WHERE x.actor IS NOT NULL AND x.name IS NOT NULL GROUP BY 1, 2
            """, c);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(new ActorName(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        return AggregateOrder.All(list);
    });

    public IReadOnlyList<ActorCount> ActorCounts(EventQuery q) => Cached(nameof(ActorCounts), q, (c, filter) =>
    {
        var list = new List<ActorCount>();
        using var cmd = Command(c, null, filter,
            $"""
            SELECT x.actor, count(*) FILTER (WHERE x.role = 0), count(*) FILTER (WHERE x.role = 1)
            FROM events e CROSS JOIN LATERAL (VALUES (e.src_actor, 0), (e.tgt_actor, 1)) AS x(actor, role)
            WHERE {filter.Where} AND x.actor IS NOT NULL GROUP BY x.actor
            """);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(new ActorCount(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return AggregateOrder.Top(list, q.Limit);
    });

    public IReadOnlyList<ActorPair> ActorPairs(EventQuery q) => Cached(nameof(ActorPairs), q, (c, filter) =>
    {
        var list = new List<ActorPair>();
        using var cmd = Command(c, null, filter,
            $"SELECT e.src_actor, e.tgt_actor, count(*), avg(e.goldstein) FROM events e WHERE {filter.Where} AND e.src_actor IS NOT NULL AND e.tgt_actor IS NOT NULL GROUP BY 1, 2");
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(new ActorPair(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3)));
        return AggregateOrder.Top(list, q.Limit);
    });

    public IReadOnlyList<TimelinePoint> Timeline(EventQuery q) => Cached(nameof(Timeline), q, (c, filter) =>
    {
        // Events filed under a day, and events dated only to a week, month or year under their period.
        var list = new List<TimelinePoint>();
        using var cmd = Command(c, null, filter,
            $"""
            SELECT coalesce(e.day, e.period_start), coalesce(e.day, e.period_end), CASE WHEN e.day IS NULL THEN e.date_grain ELSE 'day' END,
                   e.quad_class, count(*), sum(e.goldstein)
            FROM events e WHERE {filter.Where} AND (e.day IS NOT NULL OR e.period_start IS NOT NULL AND e.date_grain IS NOT NULL)
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4
            """);
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                list.Add(new TimelinePoint(r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetDouble(5)));
        return list;
    });

    public IReadOnlyList<PlaceCount> PlaceCounts(EventQuery q) => Cached(nameof(PlaceCounts), q, (c, filter) =>
    {
        var list = new List<PlaceCount>();
        using var cmd = Command(c, null, filter,
            $"SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, count(*) FROM events e WHERE {filter.Where} AND e.place_name IS NOT NULL GROUP BY 1, 2, 3, 4");
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                list.Add(new PlaceCount(r.GetString(0), Str(r, 1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetInt64(4)));
        return AggregateOrder.Top(list, q.Limit);
    });

    public IReadOnlyList<CountryCount> CountryCounts(EventQuery q) => Cached(nameof(CountryCounts), q, (c, filter) =>
    {
        // An event naming a country twice (source and place, say) counts once for it.
        var list = new List<CountryCount>();
        using var cmd = Command(c, null, filter,
            $"""
            SELECT x.country, count(DISTINCT e.key) FROM events e
            CROSS JOIN LATERAL (VALUES (e.src_country), (e.tgt_country), (e.place_country)) AS x(country)
            WHERE {filter.Where} AND x.country IS NOT NULL GROUP BY 1
            """);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(new CountryCount(r.GetString(0), r.GetInt64(1)));
        return AggregateOrder.All(list);
    });

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, PgEventFilter filter, string sql)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        filter.Bind(cmd);
        return cmd;
    }

    private static DateOnly? Day(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
