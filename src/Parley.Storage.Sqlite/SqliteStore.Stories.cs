using System.Globalization;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>One write transaction under the writer lock (SQLite's file lock serializes other processes).</summary>
    public T UpdateStories<T>(Func<IStoryTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        T result;
        lock (_writeGate)
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            result = work(new StoryTransaction(_writer, tx));
            tx.Commit();
        }
        _aggregates.Clear();
        return result;
    }

    public void RecordDeadLetter(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeGate)
        {
            using var cmd = _writer.CreateCommand();
            cmd.CommandText = "INSERT OR REPLACE INTO dead_letters(hash, document_id, origin, attempts, error, at) VALUES (@hash, @id, @origin, @attempts, @error, @at)";
            cmd.Parameters.AddWithValue("@hash", letter.Hash);
            cmd.Parameters.AddWithValue("@id", (object?)letter.DocumentId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("@origin", (object?)letter.Origin ?? DBNull.Value);
            cmd.Parameters.AddWithValue("@attempts", letter.Attempts);
            cmd.Parameters.AddWithValue("@error", letter.Error);
            cmd.Parameters.AddWithValue("@at", letter.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<DeadLetter> ListDeadLetters(int limit)
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT hash, document_id, origin, attempts, error, at FROM dead_letters ORDER BY at DESC, hash LIMIT @limit";
        cmd.Parameters.AddWithValue("@limit", Math.Max(0, limit));
        var list = new List<DeadLetter>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DeadLetter(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetInt32(3), r.GetString(4),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        return list;
    }

    private sealed class StoryTransaction(SqliteConnection c, SqliteTransaction tx) : IStoryTransaction
    {
        private SqliteCommand Command(string sql)
        {
            var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            return cmd;
        }

        public void ClearAll()
        {
            using var cmd = Command("DELETE FROM story_term_counts; DELETE FROM story_terms; DELETE FROM story_documents; DELETE FROM stories;");
            cmd.ExecuteNonQuery();
        }

        /// <summary>Row 0 of story_term_counts counts the grouped documents.</summary>
        private const int GroupedRow = 0;

        public (IReadOnlyDictionary<int, int> Frequencies, long Documents) TermFrequencies(IReadOnlyCollection<int> terms)
        {
            var df = new Dictionary<int, int>(terms.Count);
            long documents = 0;
            using var cmd = Command("SELECT term, documents FROM story_term_counts WHERE term IN (SELECT value FROM json_each(@terms)) OR term = 0");
            cmd.Parameters.AddWithValue("@terms", "[" + string.Join(',', terms) + "]");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (r.GetInt32(0) == GroupedRow) documents = r.GetInt64(1);
                else df[r.GetInt32(0)] = r.GetInt32(1);
            }
            return (df, documents);
        }

        public void CountTerms(IReadOnlyDictionary<int, int> documentsByTerm, int documents)
        {
            if (documents == 0) return;
            using var add = new PreparedCommand(c,
                "INSERT INTO story_term_counts(term, documents) VALUES (@term, @n) ON CONFLICT(term) DO UPDATE SET documents = documents + @n", "@term", "@n");
            add.Enlist(tx);
            add.Set(0, GroupedRow); add.Set(1, documents);
            add.Execute();
            foreach (var (term, n) in documentsByTerm)
            {
                if (term == GroupedRow || n == 0) continue;
                add.Set(0, term); add.Set(1, n);
                add.Execute();
            }
        }

        public IReadOnlySet<string> InStories(IReadOnlyCollection<string> documentIds)
        {
            var placed = new HashSet<string>(StringComparer.Ordinal);
            using var cmd = Command("SELECT 1 FROM story_documents WHERE document_id = @id LIMIT 1");
            var id = cmd.Parameters.Add("@id", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var d in documentIds)
            {
                id.Value = d;
                if (cmd.ExecuteScalar() is not null) placed.Add(d);
            }
            return placed;
        }

        public IReadOnlyList<StoryState> Candidates(IReadOnlyCollection<int> keyTerms, DateOnly? day, int windowDays, int limit)
        {
            var list = new List<StoryState>();
            if (keyTerms.Count == 0 || limit <= 0) return list;
            using var cmd = Command(
                """
                SELECT s.id, s.title, s.first, s.last, s.size, s.centroid FROM (
                    SELECT s.id AS id FROM story_terms t JOIN stories s ON s.id = t.story_id
                    WHERE t.term IN (SELECT value FROM json_each(@terms)) AND (@from IS NULL OR s.last IS NULL OR (s.last >= @from AND s.first <= @to))
                    GROUP BY s.id ORDER BY count(*) DESC, s.last DESC, s.id LIMIT @limit) AS c
                JOIN stories s ON s.id = c.id ORDER BY s.id
                """);
            cmd.Parameters.AddWithValue("@limit", limit);
            cmd.Parameters.AddWithValue("@terms", "[" + string.Join(',', keyTerms) + "]");
            cmd.Parameters.AddWithValue("@from", day is DateOnly d ? Dates.Format(d.AddDays(-windowDays)) : DBNull.Value);
            cmd.Parameters.AddWithValue("@to", day is DateOnly d2 ? Dates.Format(d2.AddDays(windowDays)) : DBNull.Value);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new StoryState(r.GetString(0), NullableString(r, 1), Dates.Parse(NullableString(r, 2)), Dates.Parse(NullableString(r, 3)),
                    r.GetInt32(4), r.IsDBNull(5) ? [] : (byte[])r.GetValue(5)));
            return list;
        }

        public void AddToStory(StoryState story, string documentId, IReadOnlyCollection<int> keyTerms)
        {
            using (var upsert = Command(
                "INSERT INTO stories(id, title, first, last, size, centroid) VALUES (@id, @title, @first, @last, @size, @centroid) ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size, centroid = excluded.centroid"))
            {
                upsert.Parameters.AddWithValue("@id", story.Id);
                upsert.Parameters.AddWithValue("@title", (object?)story.Title ?? DBNull.Value);
                upsert.Parameters.AddWithValue("@first", story.First is DateOnly f ? Dates.Format(f) : DBNull.Value);
                upsert.Parameters.AddWithValue("@last", story.Last is DateOnly l ? Dates.Format(l) : DBNull.Value);
                upsert.Parameters.AddWithValue("@size", story.Size);
                upsert.Parameters.AddWithValue("@centroid", story.Centroid);
                upsert.ExecuteNonQuery();
            }
            using (var member = Command("INSERT INTO story_documents(story_id, ord, document_id) VALUES (@id, (SELECT coalesce(max(ord) + 1, 0) FROM story_documents WHERE story_id = @id), @doc)"))
            {
                member.Parameters.AddWithValue("@id", story.Id);
                member.Parameters.AddWithValue("@doc", documentId);
                member.ExecuteNonQuery();
            }
            if (keyTerms.Count == 0) return;
            using var terms = Command("INSERT OR IGNORE INTO story_terms(term, story_id) SELECT value, @id FROM json_each(@terms)");
            terms.Parameters.AddWithValue("@id", story.Id);
            terms.Parameters.AddWithValue("@terms", "[" + string.Join(',', keyTerms) + "]");
            terms.ExecuteNonQuery();
        }

        public IReadOnlyList<EventIdentity> EventsOfStory(string storyId, string? groupsOfDocument = null)
        {
            const string Columns = "e.key, e.doc, @story, e.day, e.src_actor, e.tgt_actor, e.cameo, d.id, e.ord, e.report_of";
            bool single = storyId.StartsWith("document:", StringComparison.Ordinal);
            string groups = groupsOfDocument is null ? "" : " AND " + StoryEventGroups.InGroupsOf("@groups");
            using var cmd = Command(single
                ? $"SELECT {Columns} FROM events e JOIN documents d ON d.key = e.doc WHERE d.id = @doc" + groups
                : $"SELECT {Columns} FROM story_documents sd JOIN documents d ON d.id = sd.document_id JOIN events e ON e.doc = d.key WHERE sd.story_id = @story" + groups);
            cmd.Parameters.AddWithValue("@story", storyId);
            if (single) cmd.Parameters.AddWithValue("@doc", storyId["document:".Length..]);
            if (groupsOfDocument is not null) cmd.Parameters.AddWithValue("@groups", groupsOfDocument);
            var list = new List<EventIdentity>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new EventIdentity(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Dates.Parse(NullableString(r, 3)),
                    NullableString(r, 4), NullableString(r, 5), r.GetString(6), r.GetString(7), r.GetInt32(8), NullableLong(r, 9)));
            return list;
        }

        public void SetReportLinks(IReadOnlyList<(long Key, long? FirstReport)> changes)
        {
            if (changes.Count == 0) return;
            using var link = new PreparedCommand(c, "UPDATE events SET report_of = @first WHERE key = @key", "@first", "@key");
            link.Enlist(tx);
            foreach (var (key, first) in changes)
            {
                link.Set(0, first); link.Set(1, key);
                link.Execute();
            }
        }
    
        public void StartSequence(string sequence, long first, long last)
        {
            using var cmd = Command("INSERT INTO story_sequences(sequence, next) VALUES (@seq, @first) ON CONFLICT(sequence) DO UPDATE SET next = excluded.next WHERE next > @last + 1");
            cmd.Parameters.AddWithValue("@seq", sequence);
            cmd.Parameters.AddWithValue("@first", first);
            cmd.Parameters.AddWithValue("@last", last);
            cmd.ExecuteNonQuery();
        }

        public void RecordHandled(string sequence, long position, string? documentId, byte[]? placement)
        {
            using var cmd = Command("INSERT OR IGNORE INTO story_waiting(sequence, position, document_id, placement, at) VALUES (@seq, @pos, @doc, @placement, @at)");
            cmd.Parameters.AddWithValue("@seq", sequence);
            cmd.Parameters.AddWithValue("@pos", position);
            cmd.Parameters.AddWithValue("@doc", (object?)documentId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("@placement", (object?)placement ?? DBNull.Value);
            cmd.Parameters.AddWithValue("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            cmd.ExecuteNonQuery();
        }

        public IReadOnlyList<HandledPosition> TakeInOrder(string sequence, TimeSpan gapWait, bool skipGaps, int limit)
        {
            var rows = new List<HandledPosition>();
            var recorded = new List<(long, bool)>();
            long? next = null;
            using (var cmd = Command(
                """
                SELECT w.position, w.document_id, w.placement, w.at < @before, (SELECT s.next FROM story_sequences s WHERE s.sequence = @seq),
                    EXISTS (SELECT 1 FROM story_documents sd WHERE sd.document_id = w.document_id)
                FROM story_waiting w WHERE w.sequence = @seq ORDER BY w.position LIMIT @limit
                """))
            {
                cmd.Parameters.AddWithValue("@seq", sequence);
                cmd.Parameters.AddWithValue("@before", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)gapWait.TotalMilliseconds);
                cmd.Parameters.AddWithValue("@limit", limit);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    rows.Add(new HandledPosition(r.GetInt64(0), NullableString(r, 1), r.IsDBNull(2) ? null : (byte[])r.GetValue(2), r.GetBoolean(5)));
                    recorded.Add((r.GetInt64(0), r.GetBoolean(3)));
                    next ??= r.IsDBNull(4) ? r.GetInt64(0) : r.GetInt64(4);
                }
            }
            if (rows.Count == 0) return rows;
            var (take, after) = PlacementOrder.Choose(recorded, next!.Value, skipGaps);
            rows.RemoveRange(take, rows.Count - take);
            if (rows.Count == 0) return rows;
            using (var delete = new PreparedCommand(c, "DELETE FROM story_waiting WHERE sequence = @seq AND position = @pos", "@seq", "@pos"))
            {
                delete.Enlist(tx);
                foreach (var p in rows)
                {
                    delete.Set(0, sequence); delete.Set(1, p.Position);
                    delete.Execute();
                }
            }
            using var advance = Command("INSERT INTO story_sequences(sequence, next) VALUES (@seq, @next) ON CONFLICT(sequence) DO UPDATE SET next = max(next, excluded.next)");
            advance.Parameters.AddWithValue("@seq", sequence);
            advance.Parameters.AddWithValue("@next", after);
            advance.ExecuteNonQuery();
            return rows;
        }
    }
}
