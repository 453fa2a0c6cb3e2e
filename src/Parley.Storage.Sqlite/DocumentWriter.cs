using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Writes documents through commands prepared once per connection. Used only by the store's single writer,
/// inside a transaction the caller owns.
/// </summary>
internal sealed class DocumentWriter : IDisposable
{
    private readonly LayerCodec _codec = new();
    private readonly RawStatement _findByHash;
    private readonly RawStatement _findById;
    private readonly RawStatement _insertDuplicate;
    private readonly RawStatement _forgetDuplicate;
    private readonly RawStatement _forgetDuplicatesOf;
    private readonly RawStatement[] _deleteChildren;
    private readonly RawStatement _deleteDocument;
    private readonly RawStatement _insertDocument;
    private readonly RawStatement _insertEntity;
    private readonly RawStatement _insertPlace;
    private readonly RawStatement _insertDate;
    private readonly RawStatement _insertQuote;
    private readonly RawStatement _insertEvent;
    private readonly RawStatement[] _all;

    public DocumentWriter(SqliteConnection c)
    {
        _findByHash = new(c, "SELECT id FROM documents WHERE hash = @hash");
        _findById = new(c, "SELECT key FROM documents WHERE id = @id");
        _insertDuplicate = new(c, "INSERT OR REPLACE INTO duplicates(id, of_id, hash) VALUES (@id, @of, @hash)");
        _forgetDuplicate = new(c, "DELETE FROM duplicates WHERE id = @id");
        _forgetDuplicatesOf = new(c, "DELETE FROM duplicates WHERE of_id = @id");
        _deleteChildren =
        [
            new(c, "DELETE FROM entities WHERE doc = @doc"),
            new(c, "DELETE FROM places WHERE doc = @doc"),
            new(c, "DELETE FROM dates WHERE doc = @doc"),
            new(c, "DELETE FROM quotes WHERE doc = @doc"),
            new(c, "DELETE FROM events WHERE doc = @doc"),
        ];
        _deleteDocument = new(c, "DELETE FROM documents WHERE key = @doc");
        _insertDocument = new(c,
            """
            INSERT INTO documents(id, hash, title, published, language, language_score, source, url, origin, done, flags,
                sentence_count, token_count, event_count, added, layers, offsets, text)
            VALUES (@id, @hash, @title, @published, @language, @language_score, @source, @url, @origin, @done, @flags,
                @sentence_count, @token_count, @event_count, @added, @layers, @offsets, @text)
            RETURNING key
            """);
        _insertEntity = new(c,
            "INSERT INTO entities(doc, span_start, span_end, text, type, name, kb, actor, cluster, via, confidence) VALUES (@doc, @s, @e, @text, @type, @name, @kb, @actor, @cluster, @via, @conf)");
        _insertPlace = new(c,
            "INSERT INTO places(doc, span_start, span_end, text, name, country, lat, lon, geonameid, feature_code, admin1, role) VALUES (@doc, @s, @e, @text, @name, @country, @lat, @lon, @gid, @fc, @admin1, @role)");
        _insertDate = new(c,
            "INSERT INTO dates(doc, span_start, span_end, text, value, grain) VALUES (@doc, @s, @e, @text, @value, @grain)");
        _insertQuote = new(c,
            "INSERT INTO quotes(doc, span_start, span_end, text, direct, speaker, speaker_start, speaker_end, speaker_name, speaker_actor) VALUES (@doc, @s, @e, @text, @direct, @speaker, @ss, @se, @sn, @sa)");
        _insertEvent = new(c,
            $"INSERT INTO events(doc, ord, sentence_start, sentence_end, day, date_grain, period_start, period_end, sentence_text, {ColumnList}) " +
            $"VALUES (@doc, @ord, @sentence_start, @sentence_end, @day, @date_grain, @period_start, @period_end, @sentence_text, {ParameterList})");
        _all =
        [
            _findByHash, _findById, _insertDuplicate, _forgetDuplicate, _forgetDuplicatesOf, .. _deleteChildren, _deleteDocument,
            _insertDocument, _insertEntity, _insertPlace, _insertDate, _insertQuote, _insertEvent,
        ];
    }

    public DocumentSaveResult Save(Document doc, string added)
    {
        string hash = ContentHash.Of(doc.Text);
        _findByHash.Set(0, hash);
        if (_findByHash.ScalarText() is string storedId)
        {
            if (storedId == doc.Id) return new(doc.Id, SaveStatus.AlreadyStored);
            _insertDuplicate.Set(0, doc.Id); _insertDuplicate.Set(1, storedId); _insertDuplicate.Set(2, hash);
            _insertDuplicate.Execute();
            return new(doc.Id, SaveStatus.Duplicate, storedId);
        }

        var status = SaveStatus.Added;
        _findById.Set(0, doc.Id);
        if (_findById.ScalarInt64() is long oldKey)
        {
            // Same id, new text: the article changed; the new version replaces the old one.
            foreach (var delete in _deleteChildren) { delete.Set(0, oldKey); delete.Execute(); }
            _deleteDocument.Set(0, oldKey); _deleteDocument.Execute();
            _forgetDuplicatesOf.Set(0, doc.Id); _forgetDuplicatesOf.Execute();
            status = SaveStatus.Replaced;
        }
        _forgetDuplicate.Set(0, doc.Id); _forgetDuplicate.Execute();

        long key = InsertDocument(doc, hash, added);
        InsertEntities(doc, key);
        InsertPlaces(doc, key);
        InsertDates(doc, key);
        InsertQuotes(doc, key);
        InsertEvents(doc, key);
        return new(doc.Id, status);
    }

    private long InsertDocument(Document doc, string hash, string added)
    {
        var c = _insertDocument;
        c.Set(0, doc.Id);
        c.Set(1, hash);
        c.Set(2, doc.Title);
        c.Set(3, doc.Published is DateOnly p ? Dates.Format(p) : null);
        c.Set(4, doc.Language);
        c.Set(5, doc.LanguageScore);
        c.Set(6, doc.Source);
        c.Set(7, doc.Url);
        c.Set(8, doc.Origin);
        c.Set(9, (long)doc.Done);
        c.Set(10, doc.Flags.Count == 0 ? null : JsonSerializer.Serialize(doc.Flags, StorageJson.Default.ListString));
        c.Set(11, doc.SentenceCount);
        c.Set(12, doc.TokenCount);
        c.Set(13, doc.Events.Count);
        c.Set(14, added);
        c.Set(15, doc.SentenceCount == 0 && doc.TokenCount == 0 ? null : _codec.EncodeLayers(doc));
        c.Set(16, doc.OriginalOffsets is { } map ? _codec.EncodeOffsets(map) : null);
        c.Set(17, doc.Text);
        try
        {
            return c.ScalarInt64() ?? throw new InvalidOperationException("INSERT RETURNING gave no key.");
        }
        finally
        {
            c.ClearBindings();
        }
    }

    private void InsertEntities(Document doc, long key)
    {
        var c = _insertEntity;
        foreach (var e in doc.Entities)
        {
            c.Set(0, key); c.Set(1, e.Start); c.Set(2, e.End); c.Set(3, e.Text); c.Set(4, e.Type); c.Set(5, e.Name);
            c.Set(6, e.Kb); c.Set(7, e.Actor); c.Set(8, e.Cluster); c.Set(9, e.Via); c.Set(10, e.Confidence);
            c.Execute();
        }
    }

    private void InsertPlaces(Document doc, long key)
    {
        var c = _insertPlace;
        foreach (var p in doc.Places)
        {
            c.Set(0, key); c.Set(1, p.Start); c.Set(2, p.End); c.Set(3, p.Text); c.Set(4, p.Name); c.Set(5, p.Country);
            c.Set(6, p.Lat); c.Set(7, p.Lon); c.Set(8, p.GeonameId); c.Set(9, p.FeatureCode); c.Set(10, p.Admin1); c.Set(11, p.Role);
            c.Execute();
        }
    }

    private void InsertDates(Document doc, long key)
    {
        var c = _insertDate;
        foreach (var d in doc.Dates)
        {
            c.Set(0, key); c.Set(1, d.Start); c.Set(2, d.End); c.Set(3, d.Text); c.Set(4, d.Value); c.Set(5, d.Grain);
            c.Execute();
        }
    }

    private void InsertQuotes(Document doc, long key)
    {
        var c = _insertQuote;
        foreach (var q in doc.Quotes)
        {
            c.Set(0, key); c.Set(1, q.Start); c.Set(2, q.End); c.Set(3, q.Text); c.Set(4, q.Direct); c.Set(5, q.Speaker);
            c.Set(6, q.SpeakerStart); c.Set(7, q.SpeakerEnd); c.Set(8, q.SpeakerName); c.Set(9, q.SpeakerActor);
            c.Execute();
        }
    }

    /// <summary>The stored event fields (see <see cref="EventFields"/>) as columns and as parameters, after the eight set here.</summary>
    private static readonly string ColumnList = string.Join(", ", EventFields.Stored.Select(f => f.Column));
    private static readonly string ParameterList = string.Join(", ", EventFields.Stored.Select(f => "@" + f.Column));
    private const int FieldsAt = 9;

    private void InsertEvents(Document doc, long key)
    {
        var c = _insertEvent;
        var sentences = doc.Sentences;
        for (int i = 0; i < doc.Events.Count; i++)
        {
            var e = doc.Events[i];
            bool hasSentence = (uint)e.Sentence < (uint)sentences.Length;
            var when = EventDates.Of(e.Date, doc.Published);
            c.Set(0, key); c.Set(1, i);
            c.Set(2, hasSentence ? sentences[e.Sentence].Start : (int?)null);
            c.Set(3, hasSentence ? sentences[e.Sentence].End : (int?)null);
            c.Set(4, DateValue.FormatDay(when.Day));
            c.Set(5, when.Grain);
            c.Set(6, DateValue.FormatDay(when.Start));
            c.Set(7, DateValue.FormatDay(when.End));
            c.Set(8, hasSentence ? StoredText.Sentence(doc.Text, sentences[e.Sentence].Start, sentences[e.Sentence].End) : null);
            EventRows.Bind(c, FieldsAt, e);
            c.Execute();
        }
    }

    public void Dispose()
    {
        foreach (var cmd in _all) cmd.Dispose();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class StorageJson : System.Text.Json.Serialization.JsonSerializerContext;
