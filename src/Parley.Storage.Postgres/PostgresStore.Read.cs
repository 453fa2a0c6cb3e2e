using Npgsql;
using Parley.Core;

namespace Parley.Storage.Postgres;

public sealed partial class PostgresStore
{
    public bool ContainsHash(string contentHash) => Retry(() =>
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT EXISTS(SELECT 1 FROM documents WHERE hash = $1)", c);
        cmd.Parameters.AddWithValue(contentHash);
        return (bool)cmd.ExecuteScalar()!;
    });

    public string? ResolveId(string id) => Retry(() =>
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT id FROM documents WHERE id = $1 UNION ALL SELECT of_id FROM duplicates WHERE id = $1 LIMIT 1", c);
        cmd.Parameters.AddWithValue(id);
        return cmd.ExecuteScalar() as string;
    });

    public StoreStats GetStats() => Retry(() =>
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand(
            """
            SELECT count(*), coalesce(sum(sentence_count), 0)::bigint, coalesce(sum(entity_count), 0)::bigint, (SELECT count(*) FROM events),
                   coalesce(sum(quote_count), 0)::bigint, (SELECT count(*) FROM stories), (SELECT count(*) FROM duplicates), coalesce(sum(token_count), 0)::bigint
            FROM documents
            """, c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
    });

    public Document? LoadDocument(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Retry(() =>
        {
            using var c = OpenConnection();
            using var cmd = new NpgsqlCommand("SELECT body FROM documents WHERE id = $1", c);
            cmd.Parameters.AddWithValue(id);
            return cmd.ExecuteScalar() is byte[] body ? DocumentCodec.Decode(body) : null;
        });
    }

    /// <summary>Document lists' totals by query (paging left out) with the change stamp they were counted at (see <see cref="_aggregates"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DocumentQuery, ((long, long, long) Stamp, int Total)> _documentTotals = new();

    public IReadOnlyList<DocumentSummary> SearchDocuments(DocumentQuery dq, out int total)
    {
        ArgumentNullException.ThrowIfNull(dq);
        int limit = Math.Clamp(dq.Limit, 0, 10_000);
        int offset = Math.Max(0, dq.Offset);
        var query = PgTextQuery.Build(dq.Q, 1);
        // Conditions on the document: publication range, the story's own documents, and (when the event part filters
        // anything) at least one matching event; the event part's dates are left out (for articles they are publication dates).
        var where = new System.Text.StringBuilder("TRUE");
        var parameters = new List<(string, object)>();
        if (dq.From is DateOnly from) { where.Append(" AND d.published >= @pub_from"); parameters.Add(("pub_from", from)); }
        if (dq.To is DateOnly to) { where.Append(" AND d.published <= @pub_to"); parameters.Add(("pub_to", to)); }
        if (dq.Events?.StoryId is { } story)
        {
            where.Append(" AND d.key IN (SELECT sd_doc.key FROM story_documents sd JOIN documents sd_doc ON sd_doc.id = " +
                "coalesce((SELECT x.of_id FROM duplicates x WHERE x.id = sd.document_id), sd.document_id) WHERE sd.story_id = @doc_story)");
            parameters.Add(("doc_story", story));
        }
        PgEventFilter? events = null;
        if (dq.Events is { } e)
        {
            var filter = new PgEventFilter(e with { From = null, To = null, Q = null, DocumentId = null, StoryId = null });
            if (filter.FiltersAnything)
            {
                where.Append(" AND d.key IN (SELECT e.doc FROM events e WHERE ").Append(filter.Where).Append(')');
                events = filter;
            }
        }
        void Bind(NpgsqlCommand cmd)
        {
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            events?.Bind(cmd);
        }
        var (count, list) = Retry(() =>
        {
            using var c = OpenConnection();
            using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var list = new List<DocumentSummary>(Math.Min(limit, 1000));
            // The total is cached with the change stamp, as the events' total is (QueryEvents): paging through one list asks it
            // again and again, and it costs a count over every matching document (some 8 ms at 100,000 events). Not a story's
            // list: placing an article in its story moves no part of the stamp.
            var stamp = ChangeStamp(c);
            var countKey = dq with { Limit = 0, Offset = 0 };
            bool cacheable = dq.Events?.StoryId is null;
            int count = cacheable && _documentTotals.TryGetValue(countKey, out var hit) && hit.Stamp == stamp ? hit.Total : -1;
            if (query is null)
            {
                if (count < 0)
                {
                    using var n = new NpgsqlCommand($"SELECT count(*) FROM documents d WHERE {where}", c, tx);
                    Bind(n);
                    count = Convert.ToInt32(n.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                }
                // As for events (PageOf): when an event filter keeps few documents, walking the publication index and probing
                // each document's events reads thousands for 20; collecting the matching keys first uses the filter's indexes.
                const string order = "ORDER BY d.published DESC NULLS LAST, d.key DESC LIMIT @limit OFFSET @offset";
                string page = events is not null && (long)count * 8 <= stamp.Item1
                    ? $"d.key IN (WITH m AS MATERIALIZED (SELECT d.key, d.published FROM documents d WHERE {where}) SELECT d.key FROM m AS d {order}) ORDER BY d.published DESC NULLS LAST, d.key DESC"
                    : $"{where} {order}";
                using var cmd = new NpgsqlCommand(
                    $"""
                    SELECT d.id, d.title, d.published, d.source, d.url, d.language, d.sentence_count, d.event_count, left(d.text, @lead), NULL::float8
                    FROM documents d WHERE {page}
                    """, c, tx);
                cmd.Parameters.AddWithValue("limit", limit); cmd.Parameters.AddWithValue("offset", offset); cmd.Parameters.AddWithValue("lead", StoredText.LeadChars);
                Bind(cmd);
                Read(cmd, list);
            }
            else
            {
                if (count < 0)
                {
                    using var n = new NpgsqlCommand($"SELECT count(*) FROM documents d WHERE d.tsv @@ {query.Sql} AND {where}", c, tx);
                    query.Bind(n);
                    Bind(n);
                    count = Convert.ToInt32(n.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                }
                // Rank with weights {D, C, B, A} = {0, 0, 0.25, 1}: a title match counts four times a body match.
                using var cmd = new NpgsqlCommand(
                    $"""
                    WITH q AS (SELECT {query.Sql} AS query), hits AS (
                        SELECT d.key, ts_rank(ARRAY[0, 0, 0.25, 1]::float4[], d.tsv, q.query) AS score FROM documents d, q WHERE d.tsv @@ q.query AND {where}
                        ORDER BY score DESC, d.key LIMIT @limit OFFSET @offset)
                    SELECT d.id, d.title, d.published, d.source, d.url, d.language, d.sentence_count, d.event_count,
                           ts_headline('english', d.text, q.query, 'StartSel=' || @open || ', StopSel=' || @close || ', MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=' || @ellipsis),
                           h.score::float8
                    FROM hits h JOIN documents d ON d.key = h.key, q ORDER BY h.score DESC, d.key
                    """, c, tx);
                cmd.Parameters.AddWithValue("limit", limit); cmd.Parameters.AddWithValue("offset", offset);
                cmd.Parameters.AddWithValue("open", SearchHighlight.Open); cmd.Parameters.AddWithValue("close", SearchHighlight.Close);
                cmd.Parameters.AddWithValue("ellipsis", SearchHighlight.Ellipsis);
                query.Bind(cmd);
                Bind(cmd);
                Read(cmd, list);
            }
            tx.Commit();
            if (cacheable)
            {
                if (_documentTotals.Count >= AggregateCacheSize) _documentTotals.Clear();
                _documentTotals[countKey] = (stamp, count);
            }
            return (count, list);
        });
        total = count;
        return list;

        static void Read(NpgsqlCommand cmd, List<DocumentSummary> list)
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new DocumentSummary(r.GetString(0), Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), Str(r, 3), Str(r, 4),
                    r.GetString(5), r.GetInt32(6), r.GetInt32(7), Str(r, 8), r.IsDBNull(9) ? null : r.GetDouble(9)));
        }
    }

    public IReadOnlyList<StoryRecord> ListStories() => Retry(() =>
    {
        using var c = OpenConnection();
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand("SELECT story_id, document_id FROM story_documents ORDER BY story_id, ord", c, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string story = r.GetString(0);
                if (!members.TryGetValue(story, out var ids)) members[story] = ids = [];
                ids.Add(r.GetString(1));
            }
        }
        var list = new List<StoryRecord>();
        using (var cmd = new NpgsqlCommand("SELECT id, title, first, last FROM stories ORDER BY last DESC NULLS LAST, id COLLATE \"C\"", c, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string id = r.GetString(0);
                list.Add(new StoryRecord(id, Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3),
                    members.TryGetValue(id, out var ids) ? ids : []));
            }
        }
        tx.Commit();
        return list;
    });

    public IEnumerable<DocumentDigest> ReadDigests(int leadChars)
    {
        using var c = OpenConnection();
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var cmd = new NpgsqlCommand("SELECT id, title, published, left(text, $1), entity_names FROM documents", c, tx);
        cmd.Parameters.AddWithValue(leadChars);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new DocumentDigest(r.GetString(0), Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.GetString(3), r.GetFieldValue<string[]>(4));
    }
}
