using System.Globalization;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The SQLite store: one file in WAL mode (synchronous=NORMAL), one writer connection guarded by a lock,
/// readers on pooled read-only connections (in WAL they never wait for the writer). Every batch is one
/// transaction, so a crash or an exception leaves the file as it was before the batch.
/// </summary>
public sealed partial class SqliteStore : IParleyStore
{
    private readonly string _readConnectionString;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, SQLitePCL.sqlite3> _mapped = [];
    private readonly SqliteConnection _writer;
    private readonly DocumentWriter _documents;
    private readonly Lock _writeGate = new();
    private bool _disposed;

    /// <summary>Test hook: runs inside SaveBatch after the documents are written and before the commit.</summary>
    internal Action? BeforeCommit { get; set; }

    private SqliteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _writer = new SqliteConnection(builder.ToString());
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;");
        Schema.Migrate(_writer);
        Schema.AddMissingEventColumns(_writer);
        _documents = new DocumentWriter(_writer);
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    public static SqliteStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new SqliteStore(path);
    }

    public string Path { get; }

    public int SchemaVersion => Schema.Version(_writer);

    public SaveResult SaveBatch(IReadOnlyList<Document> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var results = new DocumentSaveResult[docs.Count];
        if (docs.Count == 0) return new SaveResult(results);
        string added = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        lock (_writeGate)
        {
            using var tx = _writer.BeginTransaction();
            for (int i = 0; i < docs.Count; i++)
            {
                var doc = docs[i] ?? throw new ArgumentException($"Document {i} of the batch is null.", nameof(docs));
                results[i] = _documents.Save(doc, added);
            }
            BeforeCommit?.Invoke();
            tx.Commit();
        }
        return new SaveResult(results);
    }

    public IReadOnlyList<EventIdentity> ReadEventIdentities()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT e.key, e.doc, coalesce((SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = d.id LIMIT 1), 'document:' || d.id),
                   e.day, e.src_actor, e.tgt_actor, e.cameo, d.id, e.ord
            FROM events e JOIN documents d ON d.key = e.doc
            """;
        var list = new List<EventIdentity>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new EventIdentity(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dates.Parse(r.IsDBNull(3) ? null : r.GetString(3)),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt32(8)));
        return list;
    }

    public void SetRepeatedReports(IReadOnlyList<(long Key, long FirstReport)> repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeGate)
        {
            using var tx = _writer.BeginTransaction();
            Execute(_writer, "UPDATE events SET report_of = NULL WHERE report_of IS NOT NULL", tx);
            using var link = new PreparedCommand(_writer, "UPDATE events SET report_of = @first WHERE key = @key", "@first", "@key");
            link.Enlist(tx);
            foreach (var (key, first) in repeats)
            {
                link.Set(0, first); link.Set(1, key);
                link.Execute();
            }
            tx.Commit();
        }
        _aggregates.Clear();
    }

    public void SaveStories(IReadOnlyList<StoryRecord> stories, bool replaceAll = false)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeGate)
        {
            using var tx = _writer.BeginTransaction();
            if (replaceAll) Execute(_writer, "DELETE FROM story_term_counts; DELETE FROM story_terms; DELETE FROM story_documents; DELETE FROM stories;", tx);
            using var upsert = new PreparedCommand(_writer,
                "INSERT INTO stories(id, title, first, last) VALUES (@id, @title, @first, @last) ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last",
                "@id", "@title", "@first", "@last");
            using var clear = new PreparedCommand(_writer, "DELETE FROM story_documents WHERE story_id = @id", "@id");
            using var member = new PreparedCommand(_writer, "INSERT INTO story_documents(story_id, ord, document_id) VALUES (@id, @ord, @doc)", "@id", "@ord", "@doc");
            upsert.Enlist(tx); clear.Enlist(tx); member.Enlist(tx);
            foreach (var story in stories)
            {
                upsert.Set(0, story.Id); upsert.Set(1, story.Title);
                upsert.Set(2, story.First is DateOnly f ? Dates.Format(f) : null);
                upsert.Set(3, story.Last is DateOnly l ? Dates.Format(l) : null);
                upsert.Execute();
                clear.Set(0, story.Id); clear.Execute();
                for (int i = 0; i < story.DocumentIds.Count; i++)
                {
                    member.Set(0, story.Id); member.Set(1, i); member.Set(2, story.DocumentIds[i]);
                    member.Execute();
                }
            }
            tx.Commit();
        }
    }

    /// <summary>Merges the full-text index segments and refreshes the query planner's statistics.</summary>
    public void Optimize()
    {
        lock (_writeGate)
        {
            Execute(_writer, "INSERT INTO documents_fts(documents_fts) VALUES ('optimize'); PRAGMA optimize;");
        }
    }

    /// <summary>
    /// Copies everything in the write-ahead log into the database file and empties the log, so the .db file alone
    /// is complete (a copy of it needs no -wal beside it). Readers still open may keep part of the log: best effort.
    /// </summary>
    public void Checkpoint()
    {
        lock (_writeGate)
        {
            Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    /// <summary>SQLite's integrity_check, foreign-key check and the full-text index's own check.</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        lock (_writeGate)
        {
            using (var cmd = _writer.CreateCommand())
            {
                cmd.CommandText = "PRAGMA integrity_check";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    string line = r.GetString(0);
                    if (line != "ok") problems.Add(line);
                }
            }
            using (var cmd = _writer.CreateCommand())
            {
                cmd.CommandText = "PRAGMA foreign_key_check";
                using var r = cmd.ExecuteReader();
                while (r.Read()) problems.Add($"foreign key: {r.GetString(0)} row {r.GetValue(1)} refers to a missing {r.GetString(2)}");
            }
            try
            {
                Execute(_writer, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
            }
            catch (SqliteException e)
            {
                problems.Add("full-text index: " + e.Message);
            }
        }
        return problems;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_writeGate)
        {
            _documents.Dispose();
            // A clean close checkpoints the WAL into the main file.
            _writer.Dispose();
        }
        using var reader = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(reader);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        // Pages read through a memory map instead of a read() call each: the readers' few-megabyte caches miss often on a
        // 100 MB store, and every miss was a system call and a copy. Set once per pooled connection (setting it again remaps the file).
        if (connection.Handle is { } handle && !_mapped.TryGetValue(handle, out _))
        {
            using var mmap = connection.CreateCommand();
            mmap.CommandText = "PRAGMA mmap_size = 1073741824";
            mmap.ExecuteNonQuery();
            _mapped.AddOrUpdate(handle, handle);
        }
        return connection;
    }
}
