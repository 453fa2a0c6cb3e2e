using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Core;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>
/// One stored event as an item of <c>/api/events</c> and a line of the JSONL exports (HTTP and <c>parley export</c>):
/// its document (id, title, URL, publication date), the day it is filed under and the period its date covers, every
/// field of <see cref="EventFields"/> at its JSON path (the contract's event object), names beside codes
/// (<c>labels</c>), its sentence, and its report counts (<c>reports</c>: stored reports of the event in its story,
/// itself included; <c>repeat</c>: a later report of an earlier event). Written by <see cref="EventItemConverter"/>.
/// </summary>
[JsonConverter(typeof(EventItemConverter))]
public sealed record EventItem(StoredEvent Stored, CodeLabels Labels)
{
    public static EventItem From(StoredEvent s, CodeLabels? labels = null) => new(s, labels ?? CodeLabels.None);

    /// <summary>The properties before the event's own fields, with their meaning (for the OpenAPI description).</summary>
    public static readonly IReadOnlyList<(string Name, string Type, bool Nullable, string Description)> DocumentProperties =
    [
        ("document_id", "string", false, "Id of the event's document."),
        ("index", "integer", false, "Position of the event in its document (0-based)."),
        ("document_title", "string", true, "Title of the document."),
        ("url", "string", true, "URL of the document."),
        ("published", "date", true, "Publication date of the document (YYYY-MM-DD)."),
        ("day", "date", true, "Day the event is filed under: its date when that is a day, the publication date when it has none; null when it is dated only to a week, month or year."),
        ("date_start", "date", true, "First day of the period the event's date names."),
        ("date_end", "date", true, "Last day of that period."),
    ];

    /// <summary>The properties after the event's own fields.</summary>
    public static readonly IReadOnlyList<(string Name, string Type, bool Nullable, string Description)> TrailingProperties =
    [
        ("labels", "labels", false, "Names beside codes: source and target actor codes in words, the CAMEO code's name, the place's country name (null when unknown)."),
        ("sentence_text", "string", true, "The event's sentence."),
        ("reports", "integer", false, "Stored reports of this event in its story (itself included)."),
        ("repeat", "boolean", false, "This item repeats an earlier report of the same event in its story."),
    ];

    public static readonly IReadOnlyList<string> LabelNames = ["source", "target", "cameo", "place_country"];

    /// <summary>Writes the item as one JSON object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var s = Stored;
        var e = s.Event;
        var period = EventDates.Of(e.Date, s.Published);
        w.WriteStartObject();
        w.WriteString("document_id", s.DocumentId);
        w.WriteNumber("index", s.Index);
        WriteNullable(w, "document_title", s.DocumentTitle);
        WriteNullable(w, "url", s.Url);
        WriteNullable(w, "published", DateValue.FormatDay(s.Published));
        WriteNullable(w, "day", DateValue.FormatDay(s.Day));
        WriteNullable(w, "date_start", DateValue.FormatDay(period.Start));
        WriteNullable(w, "date_end", DateValue.FormatDay(period.End));
        EventFields.WriteProperties(w, e);
        w.WriteStartObject("labels");
        WriteNullable(w, "source", Labels.Actor(e.Source?.Actor));
        WriteNullable(w, "target", Labels.Actor(e.Target?.Actor));
        WriteNullable(w, "cameo", Labels.Cameo(e.Cameo));
        WriteNullable(w, "place_country", Labels.Country(e.Place?.Country));
        w.WriteEndObject();
        WriteNullable(w, "sentence_text", s.SentenceText);
        w.WriteNumber("reports", s.Reports);
        w.WriteBoolean("repeat", s.IsRepeat);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}

/// <summary>Writes <see cref="EventItem"/>s (items are output only: reading one back is not supported).</summary>
public sealed class EventItemConverter : JsonConverter<EventItem>
{
    public override EventItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("event items are written, not read");

    public override void Write(Utf8JsonWriter writer, EventItem value, JsonSerializerOptions options) => value.Write(writer);
}
