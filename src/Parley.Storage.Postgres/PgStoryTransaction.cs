using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Story reads and writes inside one transaction that holds the story advisory lock. The lock serializes every
/// worker's story placement, so its hold time is the ceiling of the whole system: writes are queued and sent
/// in one round trip (before the next read that may depend on them, or before the commit).
/// </summary>
internal sealed class PgStoryTransaction(NpgsqlConnection c, NpgsqlTransaction tx) : IStoryTransaction
{
    private readonly List<NpgsqlBatchCommand> _pending = [];

    private void Write(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        _pending.Add(cmd);
    }

    /// <summary>Sends the queued writes (one round trip).</summary>
    public void Flush()
    {
        if (_pending.Count == 0) return;
        using var batch = new NpgsqlBatch(c, tx);
        foreach (var cmd in _pending) batch.BatchCommands.Add(cmd);
        _pending.Clear();
        batch.ExecuteNonQuery();
    }

    /// <summary>
    /// Sends the queued writes and then <paramref name="sql"/> in one round trip; <paramref name="read"/> reads the query's
    /// rows (the writes return none). For the reads that follow writes on every placement.
    /// </summary>
    private void ReadAfterWrites(string sql, object?[] values, Action<NpgsqlDataReader> read)
    {
        using var batch = new NpgsqlBatch(c, tx);
        foreach (var cmd in _pending) batch.BatchCommands.Add(cmd);
        _pending.Clear();
        var query = new NpgsqlBatchCommand(sql);
        foreach (var v in values) query.Parameters.Add(v as NpgsqlParameter ?? new NpgsqlParameter { Value = v ?? DBNull.Value });
        batch.BatchCommands.Add(query);
        using var r = batch.ExecuteReader();
        read(r);
    }

    public void ClearAll()
    {
        Write("TRUNCATE story_terms, story_documents, stories, story_term_counts");
        Write("UPDATE store_state SET grouped = 0");
    }

    public (IReadOnlyDictionary<int, int> Frequencies, long Documents) TermFrequencies(IReadOnlyCollection<int> terms)
    {
        var df = new Dictionary<int, int>(terms.Count);
        long documents = 0;
        // The first read of a placement: it carries the writes of the placement before it in a run.
        ReadAfterWrites("SELECT false, term, documents::bigint FROM story_term_counts WHERE term = ANY($1) UNION ALL SELECT true, 0, grouped FROM store_state",
            [terms.ToArray()], r =>
            {
                while (r.Read())
                {
                    if (r.GetBoolean(0)) documents = r.GetInt64(2);
                    else df[r.GetInt32(1)] = (int)r.GetInt64(2);
                }
            });
        return (df, documents);
    }

    public void CountTerms(IReadOnlyDictionary<int, int> documentsByTerm, int documents)
    {
        if (documents == 0) return;
        // In term order, so two workers never lock the same counters in opposite orders.
        var terms = documentsByTerm.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).ToList();
        Write("INSERT INTO story_term_counts(term, documents) SELECT t, n FROM unnest($1::int[], $2::int[]) AS x(t, n) ON CONFLICT (term) DO UPDATE SET documents = story_term_counts.documents + excluded.documents",
            terms.Select(kv => kv.Key).ToArray(), terms.Select(kv => kv.Value).ToArray());
        Write("UPDATE store_state SET grouped = grouped + $1", (long)documents);
    }

    public IReadOnlySet<string> InStories(IReadOnlyCollection<string> documentIds)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        if (documentIds.Count == 0) return placed;
        ReadAfterWrites("SELECT DISTINCT document_id FROM story_documents WHERE document_id = ANY($1)", [documentIds.ToArray()], r =>
        {
            while (r.Read()) placed.Add(r.GetString(0));
        });
        return placed;
    }

    public IReadOnlyList<StoryState> Candidates(IReadOnlyCollection<int> keyTerms, DateOnly? day, int windowDays, int limit)
    {
        var list = new List<StoryState>();
        if (keyTerms.Count == 0 || limit <= 0) return list;
        // With the writes of the placement before it, in one round trip.
        ReadAfterWrites(
            """
            SELECT s.id, s.title, s.first, s.last, s.size, s.centroid FROM (
                SELECT s.id FROM story_terms t JOIN stories s ON s.id = t.story_id
                WHERE t.term = ANY($1) AND ($2::date IS NULL OR s.last IS NULL OR (s.last >= $2::date - $3 AND s.first <= $2::date + $3))
                GROUP BY s.id, s.last ORDER BY count(*) DESC, s.last DESC NULLS LAST, s.id LIMIT $4) AS c
            JOIN stories s ON s.id = c.id ORDER BY s.id COLLATE "C"
            """, [keyTerms.ToArray(), new NpgsqlParameter { Value = day is DateOnly d ? d : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date }, windowDays, limit], r =>
            {
                while (r.Read())
                    list.Add(new StoryState(r.GetString(0), PostgresStore.Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2),
                        r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt32(4), r.IsDBNull(5) ? [] : r.GetFieldValue<byte[]>(5)));
            });
        return list;
    }

    public void AddToStory(StoryState story, string documentId, IReadOnlyCollection<int> keyTerms)
    {
        Write("INSERT INTO stories(id, title, first, last, size, centroid) VALUES ($1, $2, $3::date, $4::date, $5, $6) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size, centroid = excluded.centroid",
            story.Id, story.Title, story.First, story.Last, story.Size, story.Centroid);
        Write("INSERT INTO story_documents(story_id, ord, document_id) VALUES ($1, (SELECT coalesce(max(ord) + 1, 0) FROM story_documents WHERE story_id = $1), $2)",
            story.Id, documentId);
        if (keyTerms.Count > 0)
            Write("INSERT INTO story_terms(term, story_id) SELECT t, $2 FROM unnest($1::int[]) AS t ON CONFLICT DO NOTHING", keyTerms.ToArray(), story.Id);
    }

    /// <summary>A text parameter typed even when null or unused in the statement (the server cannot infer its type then).</summary>
    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    public IReadOnlyList<EventIdentity> EventsOfStory(string storyId, string? groupsOfDocument = null)
    {
        const string Columns = "e.key, e.doc, $1, e.day, e.src_actor, e.tgt_actor, e.cameo, d.id, e.ord, e.report_of";
        bool single = storyId.StartsWith("document:", StringComparison.Ordinal);
        var list = new List<EventIdentity>();
        // With the story's writes just queued (its new member), in one round trip.
        string groups = groupsOfDocument is null ? "" : " AND " + StoryEventGroups.InGroupsOf("$3");
        ReadAfterWrites(single
            ? $"SELECT {Columns} FROM events e JOIN documents d ON d.key = e.doc WHERE d.id = $2" + groups
            : $"SELECT {Columns} FROM story_documents sd JOIN documents d ON d.id = sd.document_id JOIN events e ON e.doc = d.key WHERE sd.story_id = $1" + groups,
            [Text(storyId), Text(single ? storyId["document:".Length..] : null), Text(groupsOfDocument)], r =>
            {
                while (r.Read())
                    list.Add(new EventIdentity(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3),
                        PostgresStore.Str(r, 4), PostgresStore.Str(r, 5), r.GetString(6), r.GetString(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetInt64(9)));
            });
        return list;
    }

    public void SetReportLinks(IReadOnlyList<(long Key, long? FirstReport)> changes)
    {
        if (changes.Count == 0) return;
        Write("UPDATE events e SET report_of = l.first FROM unnest($1::bigint[], $2::bigint[]) AS l(key, first) WHERE e.key = l.key",
            changes.Select(l => l.Key).ToArray(), changes.Select(l => l.FirstReport).ToArray());
        Write("UPDATE store_state SET links_version = links_version + 1");
    }

    public void StartSequence(string sequence, long first, long last) =>
        Write("INSERT INTO story_sequences(sequence, next) VALUES ($1, $2) ON CONFLICT (sequence) DO UPDATE SET next = excluded.next WHERE story_sequences.next > $3 + 1",
            sequence, first, last);

    public void RecordHandled(string sequence, long position, string? documentId, byte[]? placement)
    {
        var cmd = new NpgsqlBatchCommand("INSERT INTO story_waiting(sequence, position, document_id, placement) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        cmd.Parameters.Add(new NpgsqlParameter { Value = sequence });
        cmd.Parameters.Add(new NpgsqlParameter { Value = position });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)documentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)placement ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        _pending.Add(cmd);
    }

    public IReadOnlyList<HandledPosition> TakeInOrder(string sequence, TimeSpan gapWait, bool skipGaps, int limit)
    {
        var rows = new List<HandledPosition>();
        var recorded = new List<(long, bool)>();
        long? next = null;
        // With the position just recorded, in one round trip.
        ReadAfterWrites(
            """
            SELECT w.position, w.document_id, w.placement, w.at < clock_timestamp() - $2, (SELECT s.next FROM story_sequences s WHERE s.sequence = $1),
                EXISTS (SELECT 1 FROM story_documents sd WHERE sd.document_id = w.document_id)
            FROM story_waiting w WHERE w.sequence = $1 ORDER BY w.position LIMIT $3
            """, [sequence, gapWait, limit], r =>
            {
                while (r.Read())
                {
                    rows.Add(new HandledPosition(r.GetInt64(0), PostgresStore.Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<byte[]>(2), r.GetBoolean(5)));
                    recorded.Add((r.GetInt64(0), r.GetBoolean(3)));
                    next ??= r.IsDBNull(4) ? r.GetInt64(0) : r.GetInt64(4);
                }
            });
        if (rows.Count == 0) return rows;
        var (take, after) = PlacementOrder.Choose(recorded, next!.Value, skipGaps);
        if (take == 0) return [];
        rows.RemoveRange(take, rows.Count - take);
        Write("DELETE FROM story_waiting WHERE sequence = $1 AND position = ANY($2)", sequence, rows.Select(p => p.Position).ToArray());
        Write("INSERT INTO story_sequences(sequence, next) VALUES ($1, $2) ON CONFLICT (sequence) DO UPDATE SET next = greatest(story_sequences.next, excluded.next)",
            sequence, after);
        return rows;
    }
}
