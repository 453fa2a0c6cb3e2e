using Microsoft.Data.Sqlite;

namespace Parley.Storage;

public sealed partial class SqliteStore
{
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery q, out int total)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        using var c = OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        using (var count = Command(c, tx, filter, "SELECT count(*) FROM events e WHERE " + filter.Where))
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        var list = new List<StoredEvent>(Math.Clamp(q.Limit, 0, 1000));
        using var cmd = Command(c, tx, filter,
            // The page of keys is chosen first, so the sort carries keys only and just the page's rows (and their
            // documents' texts, for the sentence) are read: sorting whole joined rows read every match's text.
            "SELECT e.key, d.id, e.ord, d.title, d.published, e.day, e.sentence_start, e.sentence_end, d.text, " + EventRows.Columns +
            " FROM (SELECT e.key AS page_key FROM events e WHERE " + filter.Where +
            " ORDER BY e.day DESC, e.key DESC LIMIT @limit OFFSET @offset) page" +
            " JOIN events e ON e.key = page.page_key JOIN documents d ON d.key = e.doc ORDER BY e.day DESC, e.key DESC");
        AddPage(cmd, q);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string? sentence = null;
                if (!r.IsDBNull(6) && !r.IsDBNull(7))
                {
                    int start = r.GetInt32(6), end = r.GetInt32(7);
                    string text = r.GetString(8);
                    if (start >= 0 && end <= text.Length && start <= end) sentence = text[start..end];
                }
                list.Add(new StoredEvent(r.GetInt64(0), r.GetString(1), r.GetInt32(2), NullableString(r, 3), Dates.Parse(NullableString(r, 4)),
                    Dates.Parse(NullableString(r, 5)), sentence, EventRows.Read(r, 9)));
            }
        }
        tx.Commit();
        return list;
    }

    public IReadOnlyList<ActorCount> ActorCounts(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        string sql =
            $"""
            SELECT actor, sum(s), sum(t) FROM (
                SELECT e.src_actor AS actor, 1 AS s, 0 AS t FROM events e WHERE {filter.Where} AND e.src_actor IS NOT NULL
                UNION ALL
                SELECT e.tgt_actor, 0, 1 FROM events e WHERE {filter.Where} AND e.tgt_actor IS NOT NULL)
            GROUP BY actor ORDER BY sum(s) + sum(t) DESC, actor LIMIT @limit
            """;
        return Aggregate(filter, q, sql, r => new ActorCount(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
    }

    public IReadOnlyList<ActorPair> ActorPairs(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        string sql =
            $"""
            SELECT e.src_actor, e.tgt_actor, count(*), avg(e.goldstein) FROM events e
            WHERE {filter.Where} AND e.src_actor IS NOT NULL AND e.tgt_actor IS NOT NULL
            GROUP BY e.src_actor, e.tgt_actor ORDER BY 3 DESC, 1, 2 LIMIT @limit
            """;
        return Aggregate(filter, q, sql, r => new ActorPair(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3)));
    }

    public IReadOnlyList<TimelinePoint> Timeline(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        string sql =
            $"""
            SELECT e.day, e.quad_class, count(*) FROM events e
            WHERE {filter.Where} AND e.day IS NOT NULL
            GROUP BY e.day, e.quad_class ORDER BY e.day, e.quad_class
            """;
        return Aggregate(filter, null, sql, r => new TimelinePoint(Dates.Parse(r.GetString(0)) ?? default, r.GetInt32(1), r.GetInt64(2)));
    }

    public IReadOnlyList<PlaceCount> PlaceCounts(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        string sql =
            $"""
            SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, count(*) FROM events e
            WHERE {filter.Where} AND e.place_name IS NOT NULL
            GROUP BY e.place_name, e.place_country, e.place_lat, e.place_lon ORDER BY 5 DESC, 1 LIMIT @limit
            """;
        return Aggregate(filter, q, sql, r => new PlaceCount(r.GetString(0), NullableString(r, 1), NullableDouble(r, 2), NullableDouble(r, 3), r.GetInt64(4)));
    }

    public IReadOnlyList<CountryCount> CountryCounts(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new EventFilter(q);
        string sql =
            $"""
            SELECT country, count(*) FROM (
                SELECT e.key, e.src_country AS country FROM events e WHERE {filter.Where} AND e.src_country IS NOT NULL
                UNION
                SELECT e.key, e.tgt_country FROM events e WHERE {filter.Where} AND e.tgt_country IS NOT NULL
                UNION
                SELECT e.key, e.place_country FROM events e WHERE {filter.Where} AND e.place_country IS NOT NULL)
            GROUP BY country ORDER BY 2 DESC, 1
            """;
        return Aggregate(filter, null, sql, r => new CountryCount(r.GetString(0), r.GetInt64(1)));
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
