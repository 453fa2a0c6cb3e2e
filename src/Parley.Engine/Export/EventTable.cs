using System.Globalization;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>
/// The flat event table shared by the CSV and Parquet exports: one row per event, these columns in this order.
/// Each column knows its type, so Parquet gets typed columns and CSV gets the same values as invariant text.
/// </summary>
public static class EventTable
{
    public static readonly IReadOnlyList<EventColumn> Columns =
    [
        new EventColumn<string>("document_id", s => s.DocumentId),
        new EventColumn<int>("index", s => s.Index),
        new EventColumn<string?>("day", s => IsoDay.Format(s.Day)),
        new EventColumn<string?>("date", s => s.Event.Date),
        new EventColumn<string?>("source_text", s => s.Event.Source?.Text),
        new EventColumn<string?>("source_actor", s => s.Event.Source?.Actor),
        new EventColumn<string?>("source_country", s => s.Event.Source?.Country),
        new EventColumn<string?>("target_text", s => s.Event.Target?.Text),
        new EventColumn<string?>("target_actor", s => s.Event.Target?.Actor),
        new EventColumn<string?>("target_country", s => s.Event.Target?.Country),
        new EventColumn<string>("cameo", s => s.Event.Cameo),
        new EventColumn<string?>("plover", s => s.Event.Plover),
        new EventColumn<int>("quad_class", s => s.Event.QuadClass),
        new EventColumn<double>("goldstein", s => s.Event.Goldstein, v => v.ToString("0.0", CultureInfo.InvariantCulture)),
        new EventColumn<bool>("negated", s => s.Event.Negated, v => v ? "true" : "false"),
        new EventColumn<string?>("place_name", s => s.Event.Place?.Name),
        new EventColumn<string?>("place_country", s => s.Event.Place?.Country),
        new EventColumn<double?>("place_lat", s => s.Event.Place?.Lat, v => v?.ToString("0.#####", CultureInfo.InvariantCulture)),
        new EventColumn<double?>("place_lon", s => s.Event.Place?.Lon, v => v?.ToString("0.#####", CultureInfo.InvariantCulture)),
        new EventColumn<int>("evidence_start", s => s.Event.EvidenceStart),
        new EventColumn<int>("evidence_end", s => s.Event.EvidenceEnd),
        new EventColumn<string>("rule", s => s.Event.Rule),
        new EventColumn<double>("confidence", s => Math.Round(s.Event.Confidence, 3), v => v.ToString("0.###", CultureInfo.InvariantCulture)),
        new EventColumn<string?>("sentence_text", s => s.SentenceText),
        new EventColumn<int>("reports", s => s.Reports),
        new EventColumn<bool>("repeat", s => s.IsRepeat, v => v ? "true" : "false"),
    ];
}

/// <summary>One column of <see cref="EventTable"/>.</summary>
public abstract class EventColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>The value as CSV text (invariant culture), null for an empty cell.</summary>
    public abstract string? Text(StoredEvent e);

    /// <summary>The column's values for a batch of events as a typed array (for Parquet).</summary>
    public abstract Array Values(IReadOnlyList<StoredEvent> events);

    public abstract Type ValueType { get; }
}

public sealed class EventColumn<T>(string name, Func<StoredEvent, T> get, Func<T, string?>? format = null) : EventColumn(name)
{
    public override Type ValueType => typeof(T);

    public override string? Text(StoredEvent e)
    {
        T value = get(e);
        if (format is not null) return format(value);
        return value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
    }

    public override Array Values(IReadOnlyList<StoredEvent> events)
    {
        var values = new T[events.Count];
        for (int i = 0; i < values.Length; i++) values[i] = get(events[i]);
        return values;
    }
}
