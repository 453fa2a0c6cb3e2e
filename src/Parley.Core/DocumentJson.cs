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

        w.WriteStartArray("entities");
        foreach (var e in doc.Entities)
        {
            StartMention(w, e.Start, e.End, e.Text);
            w.WriteString("type", e.Type);
            WriteNullable(w, "name", e.Name);
            WriteNullable(w, "kb", e.Kb);
            WriteNullable(w, "actor", e.Actor);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("places");
        foreach (var p in doc.Places)
        {
            StartMention(w, p.Start, p.End, p.Text);
            WriteNullable(w, "name", p.Name);
            WriteNullable(w, "country", p.Country);
            WriteNullable(w, "lat", p.Lat);
            WriteNullable(w, "lon", p.Lon);
            if (p.GeonameId is long g) w.WriteNumber("geonameid", g); else w.WriteNull("geonameid");
            WriteNullable(w, "feature", p.Feature);
            WriteNullable(w, "feature_code", p.FeatureCode);
            WriteNullable(w, "admin1", p.Admin1);
            WriteNullable(w, "role", p.Role);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("dates");
        foreach (var d in doc.Dates)
        {
            StartMention(w, d.Start, d.End, d.Text);
            WriteNullable(w, "value", d.Value);
            w.WriteString("grain", d.Grain);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in doc.Quotes)
        {
            StartMention(w, q.Start, q.End, q.Text);
            w.WriteBoolean("direct", q.Direct);
            WriteNullable(w, "speaker", q.Speaker);
            WriteNullable(w, "speaker_name", q.SpeakerName);
            WriteNullable(w, "speaker_actor", q.SpeakerActor);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in doc.Events)
        {
            w.WriteStartObject();
            EventFields.WriteProperties(w, e);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        // Only when a component marked some: the standard pipeline marks none, and its output stays as it was.
        if (doc.Spans.Count > 0)
        {
            w.WriteStartArray("spans");
            foreach (var m in doc.Spans)
            {
                StartMention(w, m.Start, m.End, m.Text);
                w.WriteString("label", m.Label);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Opens the object of a mention with the fields every mention starts with: its span and its text.</summary>
    private static void StartMention(Utf8JsonWriter w, int start, int end, string text)
    {
        w.WriteStartObject();
        w.WriteNumber("start", start);
        w.WriteNumber("end", end);
        w.WriteString("text", text);
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
