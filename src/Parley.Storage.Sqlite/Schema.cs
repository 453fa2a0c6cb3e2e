using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The store's schema as an ordered list of migration steps. PRAGMA user_version holds the number of steps
/// applied; each step runs in its own transaction together with the version bump, so a crash leaves the
/// file at the previous version. Steps are never edited once released: changes are new steps.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        // 1: documents, duplicates, full-text index kept in sync by triggers.
        """
        CREATE TABLE documents(
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            title TEXT,
            published TEXT,
            language TEXT NOT NULL,
            language_score REAL NOT NULL,
            source TEXT,
            url TEXT,
            origin TEXT,
            done INTEGER NOT NULL,
            flags TEXT,
            sentence_count INTEGER NOT NULL,
            token_count INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            added TEXT NOT NULL,
            layers BLOB,
            offsets BLOB,
            text TEXT NOT NULL
        );
        CREATE INDEX documents_published ON documents(published, key);
        -- Covers the sums in the store's stats, which would otherwise read every document's first page.
        CREATE INDEX documents_counts ON documents(sentence_count, token_count);
        CREATE TABLE duplicates(
            id TEXT PRIMARY KEY,
            of_id TEXT NOT NULL,
            hash TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX duplicates_of ON duplicates(of_id);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='key',
            tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
        END;
        """,

        // 2: annotation layers that are queried, one row per mention, in document order (rowid order).
        """
        CREATE TABLE entities(
            doc INTEGER NOT NULL REFERENCES documents(key),
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
            name TEXT, kb TEXT, actor TEXT, cluster INTEGER NOT NULL, via TEXT, confidence REAL NOT NULL);
        CREATE INDEX entities_doc ON entities(doc);
        CREATE INDEX entities_kb ON entities(kb) WHERE kb IS NOT NULL;
        CREATE TABLE places(
            doc INTEGER NOT NULL REFERENCES documents(key),
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, name TEXT, country TEXT,
            lat REAL, lon REAL, geonameid INTEGER, feature_code TEXT, admin1 TEXT);
        CREATE INDEX places_doc ON places(doc);
        CREATE TABLE dates(
            doc INTEGER NOT NULL REFERENCES documents(key),
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, value TEXT, grain TEXT NOT NULL);
        CREATE INDEX dates_doc ON dates(doc);
        CREATE TABLE quotes(
            doc INTEGER NOT NULL REFERENCES documents(key),
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, direct INTEGER NOT NULL,
            speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_name TEXT, speaker_actor TEXT);
        CREATE INDEX quotes_doc ON quotes(doc);
        CREATE TABLE events(
            key INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL REFERENCES documents(key),
            ord INTEGER NOT NULL,
            sentence INTEGER NOT NULL, sentence_start INTEGER, sentence_end INTEGER,
            src_text TEXT, src_actor TEXT, src_country TEXT, src_name TEXT, src_start INTEGER, src_end INTEGER,
            tgt_text TEXT, tgt_actor TEXT, tgt_country TEXT, tgt_name TEXT, tgt_start INTEGER, tgt_end INTEGER,
            cameo TEXT NOT NULL, plover TEXT, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
            date TEXT, day TEXT,
            place_name TEXT, place_country TEXT, place_lat REAL, place_lon REAL, place_geonameid INTEGER,
            negated INTEGER NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
            rule TEXT NOT NULL, confidence REAL NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL);
        CREATE INDEX events_doc ON events(doc);
        -- Leads with day for newest-first pages and date ranges, and carries every column the filters and
        -- the dashboard's aggregations read, so an aggregation is one scan of this narrow index and never
        -- touches the wide rows (at 100,000 events a row lookup per event costs ten times the scan).
        CREATE INDEX events_day ON events(day, quad_class, cameo, src_actor, tgt_actor, src_country, tgt_country,
            place_country, goldstein, doc, place_name, place_lat, place_lon);
        CREATE INDEX events_cameo ON events(cameo, day);
        CREATE INDEX events_quad ON events(quad_class, day);
        CREATE INDEX events_src_actor ON events(src_actor, day);
        CREATE INDEX events_tgt_actor ON events(tgt_actor, day);
        CREATE INDEX events_src_country ON events(src_country, day);
        CREATE INDEX events_tgt_country ON events(tgt_country, day);
        CREATE INDEX events_place_country ON events(place_country, day);
        """,

        // 3: stories (document ids as given at ingest, so a story may name documents stored as duplicates).
        """
        CREATE TABLE stories(
            id TEXT PRIMARY KEY,
            title TEXT,
            first TEXT,
            last TEXT
        ) WITHOUT ROWID;
        CREATE TABLE story_documents(
            story_id TEXT NOT NULL REFERENCES stories(id),
            ord INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            PRIMARY KEY(story_id, ord)
        ) WITHOUT ROWID;
        CREATE INDEX story_documents_document ON story_documents(document_id);
        """,

        // 4: repeated reports of one event (see Parley.Stories.ReportMerger): report_of is the key of the event's
        // first report, null for a first report. The day index carries it so "first reports only" stays a scan.
        """
        ALTER TABLE events ADD COLUMN report_of INTEGER;
        CREATE INDEX events_report_of ON events(report_of) WHERE report_of IS NOT NULL;
        DROP INDEX events_day;
        CREATE INDEX events_day ON events(day, quad_class, cameo, src_actor, tgt_actor, src_country, tgt_country,
            place_country, goldstein, doc, place_name, place_lat, place_lon, report_of);
        """,

        // 5: incremental stories (each story's size, centroid and key terms; see Parley.Engine.StoryUpdater) and
        // articles that failed processing too often (dead letters of the work queue).
        """
        ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE stories ADD COLUMN centroid BLOB;
        CREATE TABLE story_terms(
            term INTEGER NOT NULL,
            story_id TEXT NOT NULL REFERENCES stories(id),
            PRIMARY KEY(term, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_terms_story ON story_terms(story_id);
        CREATE TABLE dead_letters(
            hash TEXT PRIMARY KEY, document_id TEXT, origin TEXT, attempts INTEGER NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL
        ) WITHOUT ROWID;
        -- Document frequencies of story terms (IDF for incremental grouping); term 0 never occurs (FNV-1a of a word is not 0 in practice) and counts the grouped documents.
        CREATE TABLE story_term_counts(term INTEGER PRIMARY KEY, documents INTEGER NOT NULL);
        """,

        // 6: date grains kept as grains. An event dated to a week, month or year keeps day NULL (it was filed under the
        // first day of its period, a fake spike on the timeline) and carries its grain and period; an undated event
        // stays filed under its publication day. The day index carries the new columns so the timeline stays a scan.
        """
        ALTER TABLE events ADD COLUMN date_grain TEXT;
        ALTER TABLE events ADD COLUMN period_start TEXT;
        ALTER TABLE events ADD COLUMN period_end TEXT;
        UPDATE events SET date_grain = CASE
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN 'week'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
            WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN 'year' END;
        UPDATE events SET period_start = CASE date_grain
            WHEN 'day' THEN date
            WHEN 'month' THEN date || '-01'
            WHEN 'year' THEN date || '-01-01'
            WHEN 'week' THEN date(substr(date, 1, 4) || '-01-04', '-6 days', 'weekday 1', '+' || ((CAST(substr(date, 7, 2) AS INTEGER) - 1) * 7) || ' days')
            ELSE day END;
        UPDATE events SET period_end = CASE date_grain
            WHEN 'day' THEN date
            WHEN 'month' THEN date(date || '-01', '+1 month', '-1 day')
            WHEN 'year' THEN date || '-12-31'
            WHEN 'week' THEN date(period_start, '+6 days')
            ELSE day END;
        UPDATE events SET day = NULL WHERE date_grain IN ('week', 'month', 'year');
        DROP INDEX events_day;
        CREATE INDEX events_day ON events(day, quad_class, cameo, src_actor, tgt_actor, src_country, tgt_country,
            place_country, goldstein, doc, place_name, place_lat, place_lon, report_of, date_grain, period_start, period_end);
        """,

        // 7: placement in queue order (workers on one file): each handled queue position is recorded with the article to
        // place, and story placement takes them in position order, so stories do not depend on which worker finished first.
        // at: when recorded, Unix milliseconds.
        """
        CREATE TABLE story_sequences(sequence TEXT PRIMARY KEY, next INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_waiting(
            sequence TEXT NOT NULL, position INTEGER NOT NULL, document_id TEXT, placement BLOB, at INTEGER NOT NULL,
            PRIMARY KEY(sequence, position)
        ) WITHOUT ROWID;
        """,

        // 8: how the text names each place (place, dateline, demonym, in_name), as the document JSON writes it.
        """
        ALTER TABLE places ADD COLUMN role TEXT;
        """,

        // 9: each event's sentence text beside its offsets, cut from the document's text when stored, so a page of events
        // no longer reads its documents' whole texts (filled for stored events by FillSentenceTexts).
        """
        ALTER TABLE events ADD COLUMN sentence_text TEXT;
        """,
    ];

    /// <summary>Work of a step that SQL alone cannot do, by the version the step reaches; run in the step's transaction.</summary>
    private static readonly Dictionary<int, Action<SqliteConnection, SqliteTransaction>> Fills = new() { [9] = FillSentenceTexts };

    /// <summary>
    /// Step 9's fill: the sentence text of every stored event with offsets, cut from its document's text as
    /// <see cref="StoredText.Sentence"/> cuts it (in C#: SQLite's substr counts code points, the offsets count UTF-16 units).
    /// </summary>
    private static void FillSentenceTexts(SqliteConnection connection, SqliteTransaction tx)
    {
        var spans = new List<(long Key, long Doc, int Start, int End)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT key, doc, sentence_start, sentence_end FROM events WHERE sentence_start IS NOT NULL AND sentence_end IS NOT NULL ORDER BY doc";
            using var r = read.ExecuteReader();
            while (r.Read()) spans.Add((r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3)));
        }
        using var text = connection.CreateCommand();
        text.Transaction = tx;
        text.CommandText = "SELECT text FROM documents WHERE key = @doc";
        var doc = text.Parameters.Add("@doc", SqliteType.Integer);
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE events SET sentence_text = @text WHERE key = @key";
        var sentence = update.Parameters.Add("@text", SqliteType.Text);
        var key = update.Parameters.Add("@key", SqliteType.Integer);
        long current = -1;
        string documentText = "";
        foreach (var span in spans)
        {
            if (span.Doc != current)
            {
                doc.Value = span.Doc;
                documentText = text.ExecuteScalar() as string ?? "";
                current = span.Doc;
            }
            sentence.Value = (object?)StoredText.Sentence(documentText, span.Start, span.End) ?? DBNull.Value;
            key.Value = span.Key;
            update.ExecuteNonQuery();
        }
    }

    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// Adds a column for every stored event field (see <see cref="Parley.Core.EventFields"/>) the events table lacks,
    /// so a field declared in the table reaches existing stores without a hand-written step. Values of rows stored
    /// before stay NULL (read back as the field's default).
    /// </summary>
    public static int AddMissingEventColumns(SqliteConnection connection)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Under the write lock, as the migration steps: two processes opening the store at once add each column once.
        using var tx = connection.BeginTransaction(deferred: false);
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT name FROM pragma_table_info('events')";
            using var r = cmd.ExecuteReader();
            while (r.Read()) existing.Add(r.GetString(0));
        }
        int added = 0;
        foreach (var field in Parley.Core.EventFields.Stored)
        {
            if (existing.Contains(field.Column)) continue;
            if (!IsIdentifier(field.Column)) throw new InvalidOperationException($"event field column '{field.Column}' is not a plain identifier");
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            // An identifier checked above and a type from a fixed list: never input.
            cmd.CommandText = $"ALTER TABLE events ADD COLUMN {field.Column} {EventRows.SqlType(field)}";
            cmd.ExecuteNonQuery();
            added++;
        }
        tx.Commit();
        return added;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0])) return false;
        foreach (char c in name) if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')) return false;
        return true;
    }

    public static int Version(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the missing steps up to <paramref name="target"/> (default: all). Returns the version reached.</summary>
    public static int Migrate(SqliteConnection connection, int? target = null)
    {
        int goal = target ?? LatestVersion;
        int version = Version(connection);
        if (version > LatestVersion)
            throw new InvalidOperationException(
                $"The store has schema version {version}, newer than this program's {LatestVersion}: use a newer parley.");
        while (version < goal)
        {
            // An immediate transaction takes the write lock first; the version is read again under it, because another
            // process opening the same new file at the same time may have applied the step while this one waited.
            using var tx = connection.BeginTransaction(deferred: false);
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = "PRAGMA user_version";
                int now = Convert.ToInt32(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (now > version) { tx.Commit(); version = now; continue; }
            }
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[version];
                cmd.ExecuteNonQuery();
                if (Fills.TryGetValue(version + 1, out var fill)) fill(connection, tx);
                // PRAGMA does not take parameters; the value is an int from this code, never input.
                cmd.CommandText = "PRAGMA user_version = " + (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            version++;
        }
        return version;
    }
}
