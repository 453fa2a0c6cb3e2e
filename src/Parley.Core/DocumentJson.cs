using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Core;

/// <summary>
/// Writes the contract's document object (see CONTRACT.md) with exactly its field names.
/// Unknown values are null, empty lists are [].
/// </summary>
public static class DocumentJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string ToJson(Document doc, bool indented = false)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(doc.Text.Length * 2 + 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            Write(w, doc);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        WriteNullable(w, "title", doc.Title);
        WriteNullable(w, "published", doc.PublishedText);
        w.WriteString("language", doc.Language);
        w.WriteString("text", doc.Text);

        w.WriteStartArray("sentences");
        foreach (ref readonly var s in doc.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        WriteMentions(w, "entities", doc.Entities, static (w, e) =>
        {
            w.WriteString("type", e.Type);
            WriteNullable(w, "name", e.Name);
            WriteNullable(w, "kb", e.Kb);
            WriteNullable(w, "actor", e.Actor);
        });

        WriteMentions(w, "places", doc.Places, static (w, p) =>
        {
            WriteNullable(w, "name", p.Name);
            WriteNullable(w, "country", p.Country);
            WriteNullable(w, "lat", p.Lat);
            WriteNullable(w, "lon", p.Lon);
            if (p.GeonameId is long g) w.WriteNumber("geonameid", g); else w.WriteNull("geonameid");
            WriteNullable(w, "feature", p.Feature);
            WriteNullable(w, "feature_code", p.FeatureCode);
            WriteNullable(w, "admin1", p.Admin1);
            WriteNullable(w, "role", p.Role);
        });

        WriteMentions(w, "dates", doc.Dates, static (w, d) =>
        {
            WriteNullable(w, "value", d.Value);
            w.WriteString("grain", d.Grain);
        });

        WriteMentions(w, "quotes", doc.Quotes, static (w, q) =>
        {
            w.WriteBoolean("direct", q.Direct);
            WriteNullable(w, "speaker", q.Speaker);
            WriteNullable(w, "speaker_name", q.SpeakerName);
            WriteNullable(w, "speaker_actor", q.SpeakerActor);
        });

        w.WriteStartArray("events");
        foreach (var e in doc.Events)
        {
            w.WriteStartObject();
            EventFields.WriteProperties(w, e);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        // Only when a component marked some: the standard pipeline marks none, and its output stays as it was.
        if (doc.Spans.Count > 0) WriteMentions(w, "spans", doc.Spans, static (w, m) => w.WriteString("label", m.Label));

        w.WriteEndObject();
    }

    /// <summary>
    /// An array of one layer's mentions: each an object with the fields every mention starts with (its span and its
    /// text), then the layer's own fields.
    /// </summary>
    private static void WriteMentions<T>(Utf8JsonWriter w, string name, List<T> mentions, Action<Utf8JsonWriter, T> fields) where T : ITextSpan
    {
        w.WriteStartArray(name);
        foreach (var m in mentions)
        {
            w.WriteStartObject();
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteString("text", m.Text);
            fields(w, m);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double d) w.WriteNumber(name, Math.Round(d, 5)); else w.WriteNull(name);
    }
}
