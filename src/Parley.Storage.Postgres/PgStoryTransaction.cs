using Npgsql;
using NpgsqlTypes;

namespace Parley.Storage.Postgres;

/// <summary>
/// Story reads and writes inside one transaction that holds the story advisory lock. The lock serializes every
/// worker's story placement, so its hold time is the ceiling of the whole system: writes are queued and sent
/// in one round trip (before the next read that may depend on them, or before the commit). The stories a
/// transaction writes go as three statements per round trip whatever the number of placements (see
/// <see cref="StoryBlock"/>), and candidate stories come from the store's <see cref="PgStoryCache"/>, brought up to
/// date once per transaction, rather than from a query per article.
/// </summary>
internal sealed class PgStoryTransaction(NpgsqlConnection c, NpgsqlTransaction tx, PgStoryCache cache) : IStoryTransaction
{
    // Queued writes in order; null marks where the story writes queued since the last round trip go.
    private readonly List<NpgsqlBatchCommand?> _pending = [];
    private readonly Dictionary<string, StoryState> _storyRows = new(StringComparer.Ordinal);
    private readonly List<(string Story, string Document)> _members = [];
    private readonly List<(int Term, string Story)> _termRows = [];
    private bool _synced, _wroteStories;
    // Result sets in the next batch before its query's: the lock's, when it goes with the first round trip.
    private int _leadingResults;

    /// <summary>Takes the story lock with the transaction's first round trip (it waits there, before any statement after it).</summary>
    public void Lock(long key)
    {
        _pending.Add(Command("SELECT pg_advisory_xact_lock($1)", key));
        _leadingResults++;
    }

    private void Write(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        _pending.Add(cmd);
    }

    private NpgsqlBatch Batch()
    {
        var batch = new NpgsqlBatch(c, tx);
        foreach (var cmd in _pending)
        {
            if (cmd is not null) batch.BatchCommands.Add(cmd);
            else foreach (var story in StoryBlock()) batch.BatchCommands.Add(story);
        }
        _pending.Clear();
        return batch;
    }

    /// <summary>
    /// The story writes queued since the last round trip as three statements: each story's last state (PostgreSQL keeps
    /// every version of a row one transaction rewrites, so a story that several articles join is written once), the new
    /// members in order, and the new key-term postings.
    /// </summary>
    private IEnumerable<NpgsqlBatchCommand> StoryBlock()
    {
        if (_storyRows.Count > 0)
        {
            var rows = _storyRows.Values.ToList();
            yield return Command(
                """
                INSERT INTO stories(id, title, first, last, size, centroid, changed)
                SELECT i, t, f, l, n, b, nextval('story_changes') FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::int[], $6::bytea[]) AS s(i, t, f, l, n, b)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size,
                    centroid = excluded.centroid, changed = excluded.changed
                """,
                rows.Select(r => r.Id).ToArray(), Typed(rows.Select(r => r.Title).ToArray(), NpgsqlDbType.Text),
                Typed(rows.Select(r => r.First).ToArray(), NpgsqlDbType.Date), Typed(rows.Select(r => r.Last).ToArray(), NpgsqlDbType.Date),
                rows.Select(r => r.Size).ToArray(), rows.Select(r => r.Centroid).ToArray());
            _storyRows.Clear();
        }
        if (_members.Count > 0)
        {
            // A statement does not see its own rows: the members of one story in this statement are numbered after its stored ones.
            yield return Command(
                """
                INSERT INTO story_documents(story_id, ord, document_id)
                SELECT m.s, coalesce((SELECT max(ord) FROM story_documents WHERE story_id = m.s), -1) + row_number() OVER (PARTITION BY m.s ORDER BY m.o), m.d
                FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS m(s, d, o)
                """, _members.Select(m => m.Story).ToArray(), _members.Select(m => m.Document).ToArray());
            _members.Clear();
        }
        if (_termRows.Count > 0)
        {
            yield return Command("INSERT INTO story_terms(term, story_id) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING",
                _termRows.Select(t => t.Term).ToArray(), _termRows.Select(t => t.Story).ToArray());
            _termRows.Clear();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(v as NpgsqlParameter ?? new NpgsqlParameter { Value = v ?? DBNull.Value });
        return cmd;
    }

    private static NpgsqlParameter Typed(object array, NpgsqlDbType elementType) => new() { Value = array, NpgsqlDbType = NpgsqlDbType.Array | elementType };

    /// <summary>Sends the queued writes (one round trip).</summary>
    public void Flush()
    {
        if (_pending.Count == 0) return;
        using var batch = Batch();
        _leadingResults = 0;
        batch.ExecuteNonQuery();
    }

    /// <summary>
    /// Sends the queued writes before the commit. When this transaction brought the cache up to date and wrote stories,
    /// it also reads the highest change so far: every change up to it is then in the cache (the lock is held), so the
    /// next transaction reads only other writers' changes.
    /// </summary>
    public void Finish()
    {
        if (!(_synced && _wroteStories)) { Flush(); return; }
        ReadAfterWrites("SELECT max(changed) FROM stories", [], r =>
        {
            if (r.Read() && !r.IsDBNull(0)) cache.SetSeen(r.GetInt64(0));
        });
    }

    /// <summary>
    /// Sends the queued writes and then <paramref name="sql"/> in one round trip; <paramref name="read"/> reads the query's
    /// rows (the writes return none). For the reads that follow writes on every placement.
    /// </summary>
    private void ReadAfterWrites(string sql, object?[] values, Action<NpgsqlDataReader> read) => ReadAfterWrites([(sql, values, read)]);

    /// <summary>The queued writes, then several queries read in turn, in one round trip.</summary>
    private void ReadAfterWrites(IReadOnlyList<(string Sql, object?[] Values, Action<NpgsqlDataReader> Read)> queries)
    {
        using var batch = Batch();
        foreach (var q in queries) batch.BatchCommands.Add(Command(q.Sql, q.Values));
        int skip = _leadingResults;
        _leadingResults = 0;
        using var r = batch.ExecuteReader();
        for (int i = 0; i < skip; i++) r.NextResult();
        for (int i = 0; i < queries.Count; i++)
        {
            if (i > 0) r.NextResult();
            queries[i].Read(r);
        }
    }

    /// <summary>
    /// Brings the cache up to date with every story changed since it last looked (all of them, within its horizon, when
    /// it is empty or stories were cleared since), once per transaction: the lock keeps it so until the commit.
    /// </summary>
    private void Sync()
    {
        while (!_synced)
        {
            var (query, complete) = SyncQuery();
            ReadAfterWrites([query]);
            complete();
        }
    }

    /// <summary>
    /// The cache's catch-up read, to send with another read (see <see cref="TermFrequencies"/>), and what completes it
    /// afterwards (which leaves <see cref="_synced"/> false when stories were cleared since the cache was loaded: read again).
    /// </summary>
    private ((string, object?[], Action<NpgsqlDataReader>) Query, Action Complete) SyncQuery()
    {
        bool full = !cache.Loaded;
        var rows = new List<(StoryState State, int[] Terms, long Changed)>();
        long epoch = 0;
        DateOnly? newest = null;
        var query = (
            """
            SELECT st.stories_epoch, m.last, s.id, s.title, s.first, s.last, s.size, s.centroid, s.changed,
                ARRAY(SELECT t.term FROM story_terms t WHERE t.story_id = s.id)
            FROM store_state st CROSS JOIN (SELECT max(last) AS last FROM stories) m
            LEFT JOIN stories s ON s.changed > $1 AND (s.last IS NULL OR s.last >= coalesce($2::date, m.last - $3::int))
            """,
            new object?[] { full ? 0L : cache.Seen, new NpgsqlParameter { Value = full ? DBNull.Value : cache.HorizonStart, NpgsqlDbType = NpgsqlDbType.Date }, PgStoryCache.Days },
            (Action<NpgsqlDataReader>)(r =>
            {
                while (r.Read())
                {
                    epoch = r.GetInt64(0);
                    newest = r.IsDBNull(1) ? null : r.GetFieldValue<DateOnly>(1);
                    if (r.IsDBNull(2)) continue;
                    rows.Add((new StoryState(r.GetString(2), PostgresStore.Str(r, 3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
                        r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetInt32(6), r.IsDBNull(7) ? [] : r.GetFieldValue<byte[]>(7)),
                        r.GetFieldValue<int[]>(9), r.GetInt64(8)));
                }
            }));
        void Complete()
        {
            // Stories were cleared since the cache was loaded: load again.
            if (!full && epoch != cache.Epoch) { cache.Invalidate(); return; }
            if (full) cache.BeginLoad(epoch, newest is { } n ? PgStoryCache.Before(n, PgStoryCache.Days) : DateOnly.MinValue);
            foreach (var (state, terms, changed) in rows)
            {
                cache.Put(state, terms);
                cache.SetSeen(changed);
            }
            cache.Evict();
            _synced = true;
        }
        return (query, Complete);
    }

    public void ClearAll()
    {
        Write("TRUNCATE story_terms, story_documents, stories, story_term_counts");
        Write("UPDATE store_state SET grouped = 0, stories_epoch = stories_epoch + 1");
        cache.Invalidate();
        _synced = false;
    }

    public (IReadOnlyDictionary<int, int> Frequencies, long Documents) TermFrequencies(IReadOnlyCollection<int> terms)
    {
        var df = new Dictionary<int, int>(terms.Count);
        long documents = 0;
        // The first read of a placement: it carries the writes of the placement before it in a run, and the cache's
        // catch-up read that the candidates after it need.
        var queries = new List<(string, object?[], Action<NpgsqlDataReader>)>
        {
            ("SELECT false, term, documents::bigint FROM story_term_counts WHERE term = ANY($1) UNION ALL SELECT true, 0, grouped FROM store_state",
            [terms.ToArray()], r =>
            {
                while (r.Read())
                {
                    if (r.GetBoolean(0)) documents = r.GetInt64(2);
                    else df[r.GetInt32(1)] = (int)r.GetInt64(2);
                }
            }),
        };
        Action? complete = null;
        if (!_synced)
        {
            var (sync, then) = SyncQuery();
            queries.Add(sync);
            complete = then;
        }
        ReadAfterWrites(queries);
        complete?.Invoke();
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
        if (day is DateOnly d)
        {
            Sync();
            // The cache holds every story that can be within the article's window: answer from it, as the query below would.
            if (PgStoryCache.Before(d, windowDays) >= cache.HorizonStart && d.DayNumber > windowDays && d.DayNumber < DateOnly.MaxValue.DayNumber - windowDays)
                return CandidatesFromCache(keyTerms, d, windowDays, limit);
        }
        // With the writes of the placement before it, in one round trip.
        ReadAfterWrites(
            """
            SELECT s.id, s.title, s.first, s.last, s.size, s.centroid FROM (
                SELECT s.id FROM story_terms t JOIN stories s ON s.id = t.story_id
                WHERE t.term = ANY($1) AND ($2::date IS NULL OR s.last IS NULL OR (s.last >= $2::date - $3 AND s.first <= $2::date + $3))
                GROUP BY s.id, s.last ORDER BY count(*) DESC, s.last DESC NULLS LAST, s.id COLLATE "C" LIMIT $4) AS c
            JOIN stories s ON s.id = c.id ORDER BY s.id COLLATE "C"
            """, [keyTerms.ToArray(), new NpgsqlParameter { Value = day is DateOnly dd ? dd : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date }, windowDays, limit], r =>
            {
                while (r.Read())
                    list.Add(new StoryState(r.GetString(0), PostgresStore.Str(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2),
                        r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt32(4), r.IsDBNull(5) ? [] : r.GetFieldValue<byte[]>(5)));
            });
        return list;
    }

    /// <summary>The candidate query's answer from the cache: the same filter, order and limit (ids in ordinal order, as COLLATE "C").</summary>
    private List<StoryState> CandidatesFromCache(IReadOnlyCollection<int> keyTerms, DateOnly day, int windowDays, int limit)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int k in keyTerms.Distinct())
            foreach (var id in cache.Posting(k)) shared[id] = shared.GetValueOrDefault(id) + 1;
        DateOnly from = day.AddDays(-windowDays), to = day.AddDays(windowDays);
        var found = new List<(StoryState State, int Shared)>();
        foreach (var (id, n) in shared)
        {
            var s = cache.Get(id)!.State;
            if (s.Last is null || (s.Last >= from && s.First is { } first && first <= to)) found.Add((s, n));
        }
        found.Sort((a, b) => a.Shared != b.Shared ? b.Shared.CompareTo(a.Shared)
            : a.State.Last != b.State.Last ? (a.State.Last is null ? 1 : b.State.Last is null ? -1 : b.State.Last.Value.CompareTo(a.State.Last.Value))
            : string.CompareOrdinal(a.State.Id, b.State.Id));
        var list = found.Take(limit).Select(f => f.State).ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    public void AddToStory(StoryState story, string documentId, IReadOnlyCollection<int> keyTerms)
    {
        // The cache must reflect other writers before this transaction's writes go into it.
        Sync();
        if (_storyRows.Count == 0 && _members.Count == 0 && _termRows.Count == 0) _pending.Add(null);
        _storyRows[story.Id] = story;
        _members.Add((story.Id, documentId));
        var known = cache.Get(story.Id)?.Terms;
        foreach (int k in keyTerms)
            if (known is null || !known.Contains(k)) _termRows.Add((k, story.Id));
        cache.Put(story, keyTerms);
        _wroteStories = true;
    }

    /// <summary>A text parameter typed even when null or unused in the statement (the server cannot infer its type then).</summary>
    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

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
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)documentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)placement ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
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
