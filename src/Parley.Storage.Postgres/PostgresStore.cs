using Npgsql;
using NpgsqlTypes;
using Parley.Core;

namespace Parley.Storage.Postgres;

/// <summary>
/// The PostgreSQL store, for many writers (workers on any number of machines) and readers at once. Each
/// document is kept whole as one <see cref="DocumentCodec"/> message beside the columns that queries use;
/// events go in with binary COPY; full-text search is a weighted tsvector (title A, text B) under a GIN
/// index. Every SaveBatch is one transaction (a worker saves the batch it pulled). Writers race
/// safely: the unique content hash and id make a concurrent second copy fail and retry, after which it is
/// seen as a duplicate. Transient failures (a restarted server, a dropped connection, a deadlock) are
/// retried with backoff for up to <see cref="RetryFor"/>.
/// </summary>
public sealed partial class PostgresStore : IParleyStore
{
    private const long StoryLock = 0x5061726C65790002;
    private readonly PgStoryCache _storyCache = new();
    private readonly NpgsqlDataSource _source;
    private readonly DocumentCodecPool _codecs = new();
    private bool _disposed;

    /// <summary>How long a call keeps retrying a transient failure before giving up.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(90);

    private PostgresStore(string connectionString)
    {
        ConnectionString = connectionString;
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        // JIT compiling a plan costs 50-200 ms and only pays for queries far longer than the store's: off, unless asked for.
        if (b.Options is null || !b.Options.Contains("jit", StringComparison.OrdinalIgnoreCase)) b.Options = ((b.Options ?? "") + " -c jit=off").Trim();
        // The store sends the same few statements again and again (story placement runs a handful per article): prepared
        // once per connection they skip parsing and planning (PostgreSQL ingest with stories, 4,904 Reuters articles:
        // 34.7 s -> 27.4 s; without stories 17.7 s). Unless the connection string says otherwise (say, behind a pooler
        // in transaction mode, where prepared statements do not survive: "Max Auto Prepare=0").
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }
        // The store sets no session state (locks are per transaction; the migration lock is released in a finally): a
        // connection returned to the pool need not be reset, which cost five statements per call (an article: 2-4 calls).
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) b.NoResetOnClose = true;
        _source = NpgsqlDataSource.Create(b.ConnectionString);
    }

    public string ConnectionString { get; }

    /// <summary>Opens the store (creating the database when missing, then migrating) at a URI or connection string.</summary>
    public static PostgresStore Open(string location)
    {
        string cs = PgLocation.ToConnectionString(location);
        var store = new PostgresStore(cs);
        try
        {
            store.Retry(() =>
            {
                using var c = store.OpenConnection(createDatabase: true);
                PgSchema.Migrate(c);
                return 0;
            });
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    public int SchemaVersion
    {
        get { using var c = OpenConnection(); return PgSchema.Version(c); }
    }

    /// <summary>Test hook: runs inside SaveBatch after the documents are written and before the commit.</summary>
    internal Action? BeforeCommit { get; set; }

    public SaveResult SaveBatch(IReadOnlyList<Document> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (docs.Count == 0) return new SaveResult([]);
        for (int i = 0; i < docs.Count; i++)
            if (docs[i] is null) throw new ArgumentException($"Document {i} of the batch is null.", nameof(docs));
        return Retry(() => SaveOnce(docs));
    }

    private SaveResult SaveOnce(IReadOnlyList<Document> docs)
    {
        var results = new DocumentSaveResult[docs.Count];
        using var c = OpenConnection();
        using var tx = c.BeginTransaction();
        var codec = _codecs.Rent();
        try
        {
            var pending = docs.Count > 1 ? SaveAllNew(c, tx, docs, codec) : null;
            if (pending is not null) for (int i = 0; i < docs.Count; i++) results[i] = new(docs[i].Id, SaveStatus.Added);
            else pending = SaveInTurn(c, tx, docs, codec, results);
            // A COPY costs its own round trips and set-up (0.67 ms of server time per single-article save, the largest share
            // of a worker's): none when no article has events (half of Reuters).
            if (pending.Exists(p => p.Doc.Events.Count > 0)) CopyEvents(c, pending);
        }
        finally
        {
            _codecs.Return(codec);
        }
        BeforeCommit?.Invoke();
        tx.Commit();
        return new SaveResult(results);
    }

    /// <summary>
    /// A batch of new articles (the usual case for a worker's batch: no text or id of it stored yet, none twice in it) in two
    /// round trips: one read for the whole batch, then every document in one INSERT. Null, having written nothing, when
    /// any article is not new: the batch is then saved article by article (<see cref="SaveInTurn"/>), which decides each
    /// in the light of the ones before it.
    /// </summary>
    private static List<(long Key, Document Doc)>? SaveAllNew(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<Document> docs, DocumentCodec codec)
    {
        var hashes = docs.Select(d => ContentHash.Of(d.Text)).ToArray();
        var ids = docs.Select(d => d.Id).ToArray();
        if (hashes.Distinct(StringComparer.Ordinal).Count() < hashes.Length || ids.Distinct(StringComparer.Ordinal).Count() < ids.Length) return null;
        using (var find = new NpgsqlCommand("SELECT EXISTS(SELECT 1 FROM documents WHERE hash = ANY($1) OR id = ANY($2))", c, tx))
        {
            find.Parameters.AddWithValue(hashes); find.Parameters.AddWithValue(ids);
            if ((bool)find.ExecuteScalar()!) return null;
        }
        return InsertDocuments(c, tx, docs, hashes, codec);
    }

    private List<(long Key, Document Doc)> SaveInTurn(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<Document> docs, DocumentCodec codec, DocumentSaveResult[] results)
    {
        var pending = new List<(long Key, Document Doc)>();
        // Within the batch, texts and ids already handled (the database sees them only at COPY time for events).
        var batchHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        {
            for (int i = 0; i < docs.Count; i++)
            {
                var doc = docs[i];
                string hash = ContentHash.Of(doc.Text);
                string? storedId = batchHashes.GetValueOrDefault(hash);
                long? oldKey = null;
                if (storedId is null)
                {
                    using var find = new NpgsqlCommand("SELECT (SELECT id FROM documents WHERE hash = $1), (SELECT key FROM documents WHERE id = $2)", c, tx);
                    find.Parameters.AddWithValue(hash); find.Parameters.AddWithValue(doc.Id);
                    using var r = find.ExecuteReader();
                    r.Read();
                    storedId = r.IsDBNull(0) ? null : r.GetString(0);
                    oldKey = r.IsDBNull(1) ? null : r.GetInt64(1);
                }
                if (storedId is not null)
                {
                    if (storedId == doc.Id) { results[i] = new(doc.Id, SaveStatus.AlreadyStored); continue; }
                    Exec(c, tx, "INSERT INTO duplicates(id, of_id, hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET of_id = excluded.of_id, hash = excluded.hash",
                        doc.Id, storedId, hash);
                    results[i] = new(doc.Id, SaveStatus.Duplicate, storedId);
                    continue;
                }
                var status = SaveStatus.Added;
                if (oldKey is long old)
                {
                    // Same id, new text: the article changed; the new version replaces the old one (events cascade).
                    Exec(c, tx, "DELETE FROM documents WHERE key = $1", old);
                    Exec(c, tx, "DELETE FROM duplicates WHERE of_id = $1", doc.Id);
                    status = SaveStatus.Replaced;
                }
                pending.AddRange(InsertDocuments(c, tx, [doc], [hash], codec));
                batchHashes[hash] = doc.Id;
                results[i] = new(doc.Id, status);
            }
        }
        return pending;
    }

    /// <summary>Stores <paramref name="docs"/> (with their text hashes) in one round trip: their ids stop being duplicates as they are stored, then one INSERT; the keys given, in the order of the documents.</summary>
    private static List<(long Key, Document Doc)> InsertDocuments(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<Document> docs, IReadOnlyList<string> hashes, DocumentCodec codec)
    {
        using var batch = new NpgsqlBatch(c, tx);
        var delete = new NpgsqlBatchCommand("DELETE FROM duplicates WHERE id = ANY($1)");
        delete.Parameters.AddWithValue(docs.Select(d => d.Id).ToArray());
        batch.BatchCommands.Add(delete);
        var insert = new NpgsqlBatchCommand(InsertSql(docs.Count) + " RETURNING id, key");
        for (int i = 0; i < docs.Count; i++) AddDocumentValues(insert.Parameters, docs[i], hashes[i], codec);
        batch.BatchCommands.Add(insert);
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var r = batch.ExecuteReader())
        {
            do
            {
                while (r.Read()) keys[r.GetString(0)] = r.GetInt64(1);
            } while (r.NextResult());
        }
        return [.. docs.Select(d => (keys[d.Id], d))];
    }

    private const int DocumentValues = 15;

    /// <summary>The INSERT of <paramref name="rows"/> documents, their values bound in turn by <see cref="AddDocumentValues"/>.</summary>
    private static string InsertSql(int rows)
    {
        var sb = new System.Text.StringBuilder(
            "INSERT INTO documents(id, hash, title, published, language, source, url, sentence_count, token_count, entity_count, " +
            "quote_count, event_count, entity_names, text, body) VALUES ");
        for (int row = 0; row < rows; row++)
        {
            sb.Append(row == 0 ? "(" : ", (");
            for (int v = 1; v <= DocumentValues; v++) sb.Append(v == 1 ? "$" : ", $").Append(row * DocumentValues + v);
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static void AddDocumentValues(NpgsqlParameterCollection p, Document doc, string hash, DocumentCodec codec)
    {
        var names = new List<string>();
        foreach (var e in doc.Entities) if (e.Type != "MISC") names.Add(e.Name ?? e.Text);
        p.AddWithValue(doc.Id); p.AddWithValue(hash);
        p.Add(new NpgsqlParameter { Value = (object?)doc.Title ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = doc.Published is DateOnly d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        p.AddWithValue(doc.Language);
        p.Add(new NpgsqlParameter { Value = (object?)doc.Source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)doc.Url ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.AddWithValue(doc.SentenceCount); p.AddWithValue(doc.TokenCount); p.AddWithValue(doc.Entities.Count);
        p.AddWithValue(doc.Quotes.Count); p.AddWithValue(doc.Events.Count);
        p.AddWithValue(names.ToArray()); p.AddWithValue(doc.Text); p.AddWithValue(codec.Encode(doc));
    }

    private static void CopyEvents(NpgsqlConnection c, List<(long Key, Document Doc)> docs)
    {
        using var w = c.BeginBinaryImport(
            "COPY events(doc, ord, sentence_start, sentence_end, day, date_grain, period_start, period_end, " + EventColumns.Names + ") FROM STDIN (FORMAT BINARY)");
        foreach (var (key, doc) in docs)
        {
            var sentences = doc.Sentences;
            for (int i = 0; i < doc.Events.Count; i++)
            {
                var e = doc.Events[i];
                bool hasSentence = (uint)e.Sentence < (uint)sentences.Length;
                var when = EventDates.Of(e.Date, doc.Published);
                w.StartRow();
                w.Write(key, NpgsqlDbType.Bigint); w.Write(i, NpgsqlDbType.Integer);
                Int(w, hasSentence ? sentences[e.Sentence].Start : null); Int(w, hasSentence ? sentences[e.Sentence].End : null);
                Day(w, when.Day); Text(w, when.Grain); Day(w, when.Start); Day(w, when.End);
                PgEventRows.Write(w, e);
            }
        }
        w.Complete();
    }

    private static void Text(NpgsqlBinaryImporter w, string? s) { if (s is null) w.WriteNull(); else w.Write(s, NpgsqlDbType.Text); }
    private static void Int(NpgsqlBinaryImporter w, int? v) { if (v is int i) w.Write(i, NpgsqlDbType.Integer); else w.WriteNull(); }
    private static void Day(NpgsqlBinaryImporter w, DateOnly? v) { if (v is DateOnly d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull(); }

    public void SaveStories(IReadOnlyList<StoryRecord> stories, bool replaceAll = false)
    {
        ArgumentNullException.ThrowIfNull(stories);
        Retry(() =>
        {
            using var c = OpenConnection();
            using var tx = c.BeginTransaction();
            Exec(c, tx, "SELECT pg_advisory_xact_lock($1)", StoryLock);
            if (replaceAll) { Exec(c, tx, "TRUNCATE story_terms, story_documents, stories, story_term_counts"); Exec(c, tx, "UPDATE store_state SET grouped = 0, stories_epoch = stories_epoch + 1"); }
            foreach (var story in stories)
            {
                Exec(c, tx,
                    "INSERT INTO stories(id, title, first, last, size) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size, changed = excluded.changed",
                    story.Id, story.Title, story.First, story.Last, story.DocumentIds.Count);
                Exec(c, tx, "DELETE FROM story_documents WHERE story_id = $1", story.Id);
                using var member = new NpgsqlCommand("INSERT INTO story_documents(story_id, ord, document_id) SELECT $1, o - 1, d FROM unnest($2::text[]) WITH ORDINALITY AS m(d, o)", c, tx);
                member.Parameters.AddWithValue(story.Id); member.Parameters.AddWithValue(story.DocumentIds.ToArray());
                member.ExecuteNonQuery();
            }
            tx.Commit();
            return 0;
        });
    }

    public IReadOnlyList<EventIdentity> ReadEventIdentities() => Retry(() =>
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand(
            """
            SELECT e.key, e.doc, coalesce((SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = d.id LIMIT 1), 'document:' || d.id),
                   e.day, e.src_actor, e.tgt_actor, e.cameo, d.id, e.ord
            FROM events e JOIN documents d ON d.key = e.doc
            """, c);
        return ReadIdentities(cmd);
    });

    private static List<EventIdentity> ReadIdentities(NpgsqlCommand cmd)
    {
        var list = new List<EventIdentity>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new EventIdentity(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt32(8)));
        return list;
    }

    public void SetRepeatedReports(IReadOnlyList<(long Key, long FirstReport)> repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        Retry(() =>
        {
            using var c = OpenConnection();
            using var tx = c.BeginTransaction();
            Exec(c, tx, "SELECT pg_advisory_xact_lock($1)", StoryLock);
            Exec(c, tx, "UPDATE events SET report_of = NULL WHERE report_of IS NOT NULL");
            SetLinks(c, tx, repeats);
            tx.Commit();
            return 0;
        });
        _aggregates.Clear();
    }

    internal static void SetLinks(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long Key, long FirstReport)> links)
    {
        if (links.Count > 0)
        {
            using var link = new NpgsqlCommand("UPDATE events e SET report_of = l.first FROM unnest($1::bigint[], $2::bigint[]) AS l(key, first) WHERE e.key = l.key", c, tx);
            link.Parameters.AddWithValue(links.Select(l => l.Key).ToArray());
            link.Parameters.AddWithValue(links.Select(l => l.FirstReport).ToArray());
            link.ExecuteNonQuery();
        }
        Exec(c, tx, "UPDATE store_state SET links_version = links_version + 1");
    }

    public T UpdateStories<T>(Func<IStoryTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Retry(() =>
        {
            // One story transaction at a time in this process (the advisory lock orders processes): the cache is theirs.
            lock (_storyCache)
            {
                try
                {
                    using var c = OpenConnection();
                    using var tx = c.BeginTransaction();
                    var story = new PgStoryTransaction(c, tx, _storyCache);
                    story.Lock(StoryLock);
                    var result = work(story);
                    story.Finish();
                    tx.Commit();
                    return result;
                }
                catch
                {
                    // The cache took this transaction's writes as they were queued: not committed, so forget it all.
                    _storyCache.Invalidate();
                    throw;
                }
            }
        });
    }

    public void RecordDeadLetter(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        Retry(() =>
        {
            using var c = OpenConnection();
            Exec(c, null,
                "INSERT INTO dead_letters(hash, document_id, origin, attempts, error, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO UPDATE SET document_id = excluded.document_id, origin = excluded.origin, attempts = excluded.attempts, error = excluded.error, at = excluded.at",
                letter.Hash, letter.DocumentId, letter.Origin, letter.Attempts, letter.Error, letter.At);
            return 0;
        });
    }

    public IReadOnlyList<DeadLetter> ListDeadLetters(int limit) => Retry(() =>
    {
        using var c = OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT hash, document_id, origin, attempts, error, at FROM dead_letters ORDER BY at DESC, hash LIMIT $1", c);
        cmd.Parameters.AddWithValue(Math.Max(0, limit));
        var list = new List<DeadLetter>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DeadLetter(r.GetString(0), Str(r, 1), Str(r, 2), r.GetInt32(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    });

    /// <summary>Refreshes the planner's statistics (after a large ingest).</summary>
    public void Optimize() => Retry(() =>
    {
        using var c = OpenConnection();
        Exec(c, null, "ANALYZE documents; ANALYZE events;");
        return 0;
    });

    /// <summary>Checks what the schema's constraints cannot: every stored document reads back, and its event count matches its events.</summary>
    public IReadOnlyList<string> CheckIntegrity() => Retry(() =>
    {
        var problems = new List<string>();
        using var c = OpenConnection();
        using (var cmd = new NpgsqlCommand("SELECT d.id, d.event_count, (SELECT count(*) FROM events e WHERE e.doc = d.key) FROM documents d WHERE d.event_count <> (SELECT count(*) FROM events e WHERE e.doc = d.key)", c))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) problems.Add($"document {r.GetString(0)}: event_count {r.GetInt32(1)} but {r.GetInt64(2)} events");
        using (var cmd = new NpgsqlCommand("SELECT id, body FROM documents", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                try { DocumentCodec.Decode(r.GetFieldValue<byte[]>(1)); }
                catch (InvalidDataException e) { problems.Add($"document {r.GetString(0)}: {e.Message}"); }
            }
        }
        return problems;
    });

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _source.Dispose();
    }

    internal NpgsqlConnection OpenConnection(bool createDatabase = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return _source.OpenConnection();
        }
        catch (PostgresException e) when (createDatabase && e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            CreateDatabase();
            return _source.OpenConnection();
        }
    }

    /// <summary>Drops the database a location names (ending its connections), if it exists.</summary>
    public static void DropDatabase(string location)
    {
        var b = new NpgsqlConnectionStringBuilder(PgLocation.ToConnectionString(location));
        string name = b.Database ?? b.Username ?? throw new ArgumentException("no database named", nameof(location));
        b.Database = "postgres";
        b.Pooling = false;
        using var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("DROP DATABASE IF EXISTS \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\" WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }

    private void CreateDatabase()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        string name = b.Database ?? b.Username ?? throw new InvalidOperationException("no database named");
        b.Database = "postgres";
        b.Pooling = false;
        using var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        // CREATE DATABASE takes no parameters: the name is quoted as an identifier.
        using var cmd = new NpgsqlCommand("CREATE DATABASE \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", c);
        try { cmd.ExecuteNonQuery(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }

    internal static int Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params object?[] values)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        return cmd.ExecuteNonQuery();
    }

    internal static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// Runs <paramref name="action"/> again after a transient failure: a unique-key race with another writer
    /// (the retry then sees the other's row), a deadlock or serialization failure, or a lost or refused
    /// connection (a restarting server), with backoff from 50 ms to 2 s, for at most <see cref="RetryFor"/>.
    /// </summary>
    internal T Retry<T>(Func<T> action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int delay = 50;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (IsTransient(e) && clock.Elapsed < RetryFor && !_disposed)
            {
                if (e is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException }) _source.Clear();
                Thread.Sleep(delay + Random.Shared.Next(delay));
                delay = Math.Min(2000, delay * 2);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}

/// <summary>Codecs reused between saves (a codec keeps its buffers; one thread uses one at a time).</summary>
internal sealed class DocumentCodecPool
{
    private readonly System.Collections.Concurrent.ConcurrentBag<DocumentCodec> _free = [];
    public DocumentCodec Rent() => _free.TryTake(out var c) ? c : new DocumentCodec();
    public void Return(DocumentCodec codec) => _free.Add(codec);
}
