using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public bool ContainsHash(string contentHash)
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT EXISTS(SELECT 1 FROM documents WHERE hash = @hash)";
        cmd.Parameters.AddWithValue("@hash", contentHash);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>The id under which a document is stored: itself when stored, the original's when it was a duplicate, else null.</summary>
    public string? ResolveId(string id)
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents WHERE id = @id UNION ALL SELECT of_id FROM duplicates WHERE id = @id LIMIT 1";
        cmd.Parameters.AddWithValue("@id", id);
        return cmd.ExecuteScalar() as string;
    }

    public IEnumerable<DocumentDigest> ReadDigests(int leadChars)
    {
        using var c = OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText =
            """
            SELECT d.id, d.title, d.published, substr(d.text, 1, @lead),
                   (SELECT group_concat(coalesce(e.name, e.text), char(31)) FROM entities e WHERE e.doc = d.key AND e.type <> 'MISC')
            FROM documents d
            """;
        cmd.Parameters.AddWithValue("@lead", leadChars);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var names = r.IsDBNull(4) ? [] : r.GetString(4).Split('\u001f');
            yield return new DocumentDigest(r.GetString(0), NullableString(r, 1), Dates.Parse(NullableString(r, 2)), r.GetString(3), names);
        }
    }

    public StoreStats GetStats()
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText =
            """
            SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(sentence_count), 0) FROM documents),
                   (SELECT count(*) FROM entities), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),
                   (SELECT count(*) FROM stories), (SELECT count(*) FROM duplicates), (SELECT coalesce(sum(token_count), 0) FROM documents)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
    }

    public Document? LoadDocument(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var c = OpenReader();
        // One read transaction so the document and its layers come from the same snapshot.
        using var tx = c.BeginTransaction(deferred: true);
        Document doc;
        long key;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText =
                "SELECT key, id, title, published, language, language_score, source, url, origin, done, flags, layers, offsets, text FROM documents WHERE id = @id";
            cmd.Parameters.AddWithValue("@id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            key = r.GetInt64(0);
            doc = new Document(r.GetString(1), r.GetString(13))
            {
                Title = NullableString(r, 2),
                Published = Dates.Parse(NullableString(r, 3)),
                Language = r.GetString(4),
                LanguageScore = r.GetDouble(5),
                Source = NullableString(r, 6),
                Url = NullableString(r, 7),
                Origin = NullableString(r, 8),
                Done = (Layers)r.GetInt64(9),
            };
            if (NullableString(r, 10) is { } flags)
                doc.Flags.AddRange(JsonSerializer.Deserialize(flags, StorageJson.Default.ListString) ?? []);
            if (!r.IsDBNull(11)) LayerCodec.DecodeLayers((byte[])r.GetValue(11), doc);
            if (!r.IsDBNull(12)) doc.OriginalOffsets = LayerCodec.DecodeOffsets((byte[])r.GetValue(12));
        }

        using (var r = Query(c, tx, "SELECT span_start, span_end, text, type, name, kb, actor, cluster, via, confidence FROM entities WHERE doc = @doc ORDER BY rowid", key))
        {
            while (r.Read())
            {
                doc.Entities.Add(new EntityMention
                {
                    Start = r.GetInt32(0), End = r.GetInt32(1), Text = r.GetString(2), Type = r.GetString(3),
                    Name = NullableString(r, 4), Kb = NullableString(r, 5), Actor = NullableString(r, 6),
                    Cluster = r.GetInt32(7), Via = NullableString(r, 8), Confidence = r.GetDouble(9),
                });
            }
        }
        using (var r = Query(c, tx, "SELECT span_start, span_end, text, name, country, lat, lon, geonameid, feature_code, admin1, role FROM places WHERE doc = @doc ORDER BY rowid", key))
        {
            while (r.Read())
            {
                doc.Places.Add(new PlaceMention
                {
                    Start = r.GetInt32(0), End = r.GetInt32(1), Text = r.GetString(2), Name = NullableString(r, 3),
                    Country = NullableString(r, 4), Lat = NullableDouble(r, 5), Lon = NullableDouble(r, 6),
                    GeonameId = NullableLong(r, 7), FeatureCode = NullableString(r, 8), Admin1 = NullableString(r, 9), Role = NullableString(r, 10),
                });
            }
        }
        using (var r = Query(c, tx, "SELECT span_start, span_end, text, value, grain FROM dates WHERE doc = @doc ORDER BY rowid", key))
        {
            while (r.Read())
            {
                doc.Dates.Add(new DateMention
                {
                    Start = r.GetInt32(0), End = r.GetInt32(1), Text = r.GetString(2), Value = NullableString(r, 3), Grain = r.GetString(4),
                });
            }
        }
        using (var r = Query(c, tx, "SELECT span_start, span_end, text, direct, speaker, speaker_start, speaker_end, speaker_name, speaker_actor FROM quotes WHERE doc = @doc ORDER BY rowid", key))
        {
            while (r.Read())
            {
                doc.Quotes.Add(new QuoteMention
                {
                    Start = r.GetInt32(0), End = r.GetInt32(1), Text = r.GetString(2), Direct = r.GetInt64(3) != 0,
                    Speaker = NullableString(r, 4), SpeakerStart = NullableInt(r, 5), SpeakerEnd = NullableInt(r, 6),
                    SpeakerName = NullableString(r, 7), SpeakerActor = NullableString(r, 8),
                });
            }
        }
        using (var r = Query(c, tx, "SELECT " + EventColumns.Select + " FROM events e WHERE e.doc = @doc ORDER BY e.ord", key))
        {
            while (r.Read()) doc.Events.Add(EventColumns.Read(r, 0));
        }
        tx.Commit();
        return doc;
    }

    public IReadOnlyList<DocumentSummary> SearchDocuments(DocumentQuery q, out int total)
    {
        ArgumentNullException.ThrowIfNull(q);
        int limit = Math.Clamp(q.Limit, 0, 10_000);
        int offset = Math.Max(0, q.Offset);
        using var c = OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        var list = new List<DocumentSummary>(Math.Min(limit, 1000));
        string? match = FtsQuery.Build(q.Q);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        // Conditions on the document: publication range, and (when the event part filters anything) at least one
        // matching event. Dates of the event part are left out: for articles they are publication dates.
        var where = new System.Text.StringBuilder("1=1");
        if (q.From is DateOnly from) { where.Append(" AND d.published >= @pub_from"); cmd.Parameters.AddWithValue("@pub_from", Dates.Format(from)); }
        if (q.To is DateOnly to) { where.Append(" AND d.published <= @pub_to"); cmd.Parameters.AddWithValue("@pub_to", Dates.Format(to)); }
        if (q.Events?.StoryId is { } story)
        {
            // The story's own documents, with or without events (a duplicate counts as its original).
            where.Append(" AND d.key IN (SELECT sd_doc.key FROM story_documents sd JOIN documents sd_doc ON sd_doc.id = " +
                "coalesce((SELECT x.of_id FROM duplicates x WHERE x.id = sd.document_id), sd.document_id) WHERE sd.story_id = @doc_story)");
            cmd.Parameters.AddWithValue("@doc_story", story);
        }
        if (q.Events is { } events)
        {
            var filter = new EventFilter(events with { From = null, To = null, Q = null, DocumentId = null, StoryId = null });
            if (filter.TermCount > 0 || events.FirstReportsOnly)
            {
                // One scan of the narrow day index, which carries every filtered column, never a row read per event.
                where.Append(" AND d.key IN (SELECT e.doc FROM ").Append(filter.AggregateSource).Append(" WHERE ").Append(filter.Where).Append(')');
                filter.Bind(cmd);
            }
        }
        if (match is null)
        {
            cmd.CommandText = "SELECT count(*) FROM documents d WHERE " + where;
            total = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            cmd.CommandText =
                $"""
                SELECT d.id, d.title, d.published, d.source, d.url, d.language, d.sentence_count, d.event_count, substr(d.text, 1, @lead), NULL
                FROM documents d WHERE {where} ORDER BY d.published DESC, d.key DESC LIMIT @limit OFFSET @offset
                """;
        }
        else
        {
            cmd.Parameters.AddWithValue("@match", match);
            cmd.CommandText = $"SELECT count(*) FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid WHERE documents_fts MATCH @match AND {where}";
            total = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            cmd.CommandText =
                $"""
                SELECT d.id, d.title, d.published, d.source, d.url, d.language, d.sentence_count, d.event_count,
                       snippet(documents_fts, -1, @open, @close, @ellipsis, 24), bm25(documents_fts, 4.0, 1.0) AS score
                FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid
                WHERE documents_fts MATCH @match AND {where}
                ORDER BY score LIMIT @limit OFFSET @offset
                """;
            cmd.Parameters.AddWithValue("@open", SearchHighlight.Open);
            cmd.Parameters.AddWithValue("@close", SearchHighlight.Close);
            cmd.Parameters.AddWithValue("@ellipsis", SearchHighlight.Ellipsis);
        }
        cmd.Parameters.AddWithValue("@limit", limit);
        cmd.Parameters.AddWithValue("@offset", offset);
        cmd.Parameters.AddWithValue("@lead", StoredText.LeadChars);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                list.Add(new DocumentSummary(r.GetString(0), NullableString(r, 1), Dates.Parse(NullableString(r, 2)), NullableString(r, 3),
                    NullableString(r, 4), r.GetString(5), r.GetInt32(6), r.GetInt32(7), NullableString(r, 8), NullableDouble(r, 9)));
            }
        }
        tx.Commit();
        return list;
    }

    public IReadOnlyList<StoryRecord> ListStories() => ListStories(int.MaxValue, 0, out _);

    public IReadOnlyList<StoryRecord> ListStories(int limit, int offset, out int total)
    {
        using var c = OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        using (var count = c.CreateCommand())
        {
            count.Transaction = tx;
            count.CommandText = "SELECT count(*) FROM stories";
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        const string Page = "SELECT id FROM stories ORDER BY last DESC, id LIMIT @limit OFFSET @offset";
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT story_id, document_id FROM story_documents WHERE story_id IN ({Page}) ORDER BY story_id, ord";
            cmd.Parameters.AddWithValue("@limit", limit);
            cmd.Parameters.AddWithValue("@offset", offset);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string story = r.GetString(0);
                if (!members.TryGetValue(story, out var ids)) members[story] = ids = [];
                ids.Add(r.GetString(1));
            }
        }
        var list = new List<StoryRecord>();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT id, title, first, last FROM stories ORDER BY last DESC, id LIMIT @limit OFFSET @offset";
            cmd.Parameters.AddWithValue("@limit", limit);
            cmd.Parameters.AddWithValue("@offset", offset);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string id = r.GetString(0);
                list.Add(new StoryRecord(id, NullableString(r, 1), Dates.Parse(NullableString(r, 2)), Dates.Parse(NullableString(r, 3)),
                    members.TryGetValue(id, out var ids) ? ids : []));
            }
        }
        tx.Commit();
        return list;
    }

    private static SqliteDataReader Query(SqliteConnection c, SqliteTransaction tx, string sql, long key)
    {
        // The command is not disposed here: that would finalize the statement under the open reader;
        // the connection disposes its commands when it closes.
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("@doc", key);
        return cmd.ExecuteReader();
    }

    internal static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    internal static double? NullableDouble(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
    internal static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    internal static int? NullableInt(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
