using Parley.Core;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>
/// The flat event table of the CSV and Parquet exports, one row per event: what analysts join on first (the
/// document: id, title, URL, source, publication date, when it was stored; the day the event is filed under and
/// the period its date covers), then every field of <see cref="EventFields"/> in its order (so a field declared
/// there is a column here), then names beside codes, the sentence and the report counts. Each column knows its
/// type: Parquet gets typed columns (dates as DATE, the storing time as a timestamp), CSV the same values as
/// invariant text.
/// </summary>
public static class EventTable
{
    public static readonly IReadOnlyList<EventColumn> Columns = Build();

    private static List<EventColumn> Build()
    {
        var columns = new List<EventColumn>
        {
            new EventColumn<string?>("document_id", (s, _) => s.DocumentId, "Id of the document (as given at ingest, or a hash of its text).", nullable: false),
            new EventColumn<int>("index", (s, _) => s.Index, "Position of the event in its document (0-based)."),
            new EventColumn<string?>("document_title", (s, _) => s.DocumentTitle, "Title of the document."),
            new EventColumn<string?>("document_url", (s, _) => s.Url, "URL of the document."),
            new EventColumn<string?>("document_source", (s, _) => s.Source, "Source (publisher, feed) of the document."),
            new EventColumn<DateOnly?>("published", (s, _) => s.Published, "Publication date of the document."),
            new EventColumn<DateTime?>("added", (s, _) => s.Added, "When the document was stored (UTC)."),
            new EventColumn<DateOnly?>("day", (s, _) => s.Day,
                "Day the event is filed under: its date when that is a day, the publication date when it has none; empty when it is dated only to a week, month or year."),
            new EventColumn<DateOnly?>("date_start", (s, _) => EventDates.Of(s.Event.Date, s.Published).Start, "First day of the period the event's date names (its day for a day)."),
            new EventColumn<DateOnly?>("date_end", (s, _) => EventDates.Of(s.Event.Date, s.Published).End, "Last day of that period."),
        };
        foreach (var field in EventFields.All) columns.Add(FromField(field));
        columns.Add(new EventColumn<string?>("source_label", (s, l) => l.Actor(s.Event.Source?.Actor), "The source's actor code in words."));
        columns.Add(new EventColumn<string?>("target_label", (s, l) => l.Actor(s.Event.Target?.Actor), "The target's actor code in words."));
        columns.Add(new EventColumn<string?>("cameo_label", (s, l) => l.Cameo(s.Event.Cameo), "Name of the CAMEO event code."));
        columns.Add(new EventColumn<string?>("place_country_name", (s, l) => l.Country(s.Event.Place?.Country), "Name of the place's country."));
        columns.Add(new EventColumn<string?>("sentence_text", (s, _) => s.SentenceText, "The event's sentence."));
        columns.Add(new EventColumn<int>("reports", (s, _) => s.Reports, "Stored reports of this event in its story (itself included)."));
        columns.Add(new EventColumn<bool>("repeat", (s, _) => s.IsRepeat, "This row repeats an earlier report of the same event in its story."));
        return columns;
    }

    /// <summary>A column reading one event field, typed as the field is.</summary>
    private static EventColumn FromField(EventField f) => f switch
    {
        EventField<string?> text => new EventColumn<string?>(f.Name, (s, _) => text.Get(s.Event), f.Description, f.Nullable),
        EventField<int> number => new EventColumn<int>(f.Name, (s, _) => number.Get(s.Event), f.Description),
        EventField<int?> number => new EventColumn<int?>(f.Name, (s, _) => number.Get(s.Event), f.Description),
        EventField<long?> number => new EventColumn<long?>(f.Name, (s, _) => number.Get(s.Event), f.Description),
        EventField<double> real => new EventColumn<double>(f.Name, (s, _) => real.Get(s.Event), f.Description) { Digits = f.Digits },
        EventField<double?> real => new EventColumn<double?>(f.Name, (s, _) => real.Get(s.Event), f.Description) { Digits = f.Digits },
        EventField<bool> flag => new EventColumn<bool>(f.Name, (s, _) => flag.Get(s.Event), f.Description),
        _ => new EventColumn<string?>(f.Name, (s, _) => f.Text(s.Event), f.Description),
    };
}

/// <summary>One column of <see cref="EventTable"/>: name, type, meaning, and how to read it from a stored event.</summary>
public abstract class EventColumn(string name, string description)
{
    public string Name { get; } = name;
    public string Description { get; } = description;

    /// <summary>Decimals kept for a real number in text; 0 keeps the shortest exact form.</summary>
    public int Digits { get; init; }

    /// <summary>The CLR type of the values (string, int, int?, long?, double, double?, bool, DateOnly?, DateTime?).</summary>
    public abstract Type ValueType { get; }

    public abstract bool Nullable { get; }

    /// <summary>The value as CSV text (invariant culture), null for an empty cell.</summary>
    public abstract string? Text(StoredEvent e, CodeLabels labels);

    /// <summary>The column's values for a batch of events as a typed array (for Parquet).</summary>
    public abstract Array Values(IReadOnlyList<StoredEvent> events, CodeLabels labels);
}

public sealed class EventColumn<T>(string name, Func<StoredEvent, CodeLabels, T> get, string description, bool nullable = true) : EventColumn(name, description)
{
    public override Type ValueType => typeof(T);

    public override bool Nullable => (typeof(T) == typeof(string) && nullable) || System.Nullable.GetUnderlyingType(typeof(T)) is not null;

    public T Get(StoredEvent e, CodeLabels labels) => get(e, labels);

    public override string? Text(StoredEvent e, CodeLabels labels) => InvariantText.Format(get(e, labels), Digits);

    public override Array Values(IReadOnlyList<StoredEvent> events, CodeLabels labels)
    {
        var values = new T[events.Count];
        for (int i = 0; i < values.Length; i++) values[i] = get(events[i], labels);
        return values;
    }
}
