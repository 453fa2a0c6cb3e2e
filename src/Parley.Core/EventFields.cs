using System.Globalization;
using System.Text.Json;

namespace Parley.Core;

/// <summary>The kind of value a field holds, as stores and typed exports see it.</summary>
public enum EventFieldKind { Text, Integer, Real, Boolean }

/// <summary>
/// One field of a coded event (<see cref="EventRecord"/>), declared once in <see cref="EventFields.All"/>: its flat
/// name (the column of the CSV and Parquet exports), its column in a store, its place in the JSON event object
/// (a dotted path: <c>source.actor</c>), its type and its meaning. Stores, the contract's document JSON, the API's
/// event items and every export read the event through this table, so a field added there reaches all of them.
/// </summary>
public abstract class EventField
{
    private protected EventField(string name, string? column, string? json, string description)
    {
        Name = name;
        Column = column ?? name;
        Json = json;
        Description = description;
        int dot = json?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        Group = dot < 0 ? null : json![..dot];
        JsonName = dot < 0 ? json : json![(dot + 1)..];
    }

    /// <summary>Flat snake_case name: the export column.</summary>
    public string Name { get; }

    /// <summary>Column of the stores' event table.</summary>
    public string Column { get; }

    /// <summary>Dotted path in the JSON event object, or null when the field is not written there.</summary>
    public string? Json { get; }

    /// <summary>The nested object the field belongs to in JSON (source, target, place, evidence, trigger), or null.</summary>
    public string? Group { get; }

    /// <summary>The property name inside <see cref="Group"/> (or at the top level).</summary>
    public string? JsonName { get; }

    public string Description { get; }

    public abstract EventFieldKind Kind { get; }

    /// <summary>The value may be missing (null in JSON, NULL in a store, an empty CSV cell).</summary>
    public abstract bool Nullable { get; }

    /// <summary>False for a value computed from other fields: stores keep it for queries but never read it back.</summary>
    public abstract bool Stored { get; }

    /// <summary>Decimals kept for a real number (JSON, CSV); 0 when not rounded.</summary>
    public int Digits { get; init; }

    /// <summary>The value of this field for an event, boxed (for code that handles every field alike).</summary>
    public abstract object? Box(EventRecord e);

    /// <summary>Sets the field from a boxed value read back from storage (null leaves the event unchanged).</summary>
    public abstract void Unbox(EventRecord e, object? value);

    /// <summary>The value as invariant text (CSV, TSV), null when missing.</summary>
    public string? Text(EventRecord e) => FormatValue(Box(e));

    public string? FormatValue(object? value) => InvariantText.Format(value, Digits);

    /// <summary>Writes the value as the JSON property <see cref="JsonName"/>.</summary>
    public void WriteJson(Utf8JsonWriter w, EventRecord e)
    {
        switch (Box(e))
        {
            case null: w.WriteNull(JsonName!); break;
            case string s: w.WriteString(JsonName!, s); break;
            case bool b: w.WriteBoolean(JsonName!, b); break;
            case int i: w.WriteNumber(JsonName!, i); break;
            case long l: w.WriteNumber(JsonName!, l); break;
            case double d: w.WriteNumber(JsonName!, Digits > 0 ? Math.Round(d, Digits) : d); break;
            default: throw new NotSupportedException($"event field {Name}: no JSON form");
        }
    }
}

/// <summary>A field holding a <typeparamref name="T"/> (string, int, int?, long?, double, double?, bool).</summary>
public sealed class EventField<T> : EventField
{
    private readonly Func<EventRecord, T> _get;
    private readonly Action<EventRecord, T>? _set;
    private readonly bool _nullable;

    internal EventField(string name, string? column, string? json, bool nullable, Func<EventRecord, T> get, Action<EventRecord, T>? set, string description)
        : base(name, column, json, description)
    {
        _get = get;
        _set = set;
        _nullable = nullable || default(T) is null && typeof(T) != typeof(string);
    }

    public T Get(EventRecord e) => _get(e);

    /// <summary>Sets the field (ignored for a computed field).</summary>
    public void Set(EventRecord e, T value) => _set?.Invoke(e, value);

    public override EventFieldKind Kind
    {
        get
        {
            var t = System.Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (t == typeof(string)) return EventFieldKind.Text;
            if (t == typeof(bool)) return EventFieldKind.Boolean;
            if (t == typeof(double)) return EventFieldKind.Real;
            return EventFieldKind.Integer;
        }
    }

    public override bool Nullable => _nullable;
    public override bool Stored => _set is not null;
    public override object? Box(EventRecord e) => _get(e);

    public override void Unbox(EventRecord e, object? value)
    {
        if (value is null || _set is null) return;
        var t = System.Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        _set(e, (T)(value.GetType() == t ? value : Convert.ChangeType(value, t, CultureInfo.InvariantCulture)));
    }
}

/// <summary>
/// The fields of a coded event, in the order of the contract's JSON event object and of the exports. This is the
/// one list to extend: a new line here (with its property on <see cref="EventRecord"/>) gives the field a store
/// column (added to existing stores on open), a place in the document JSON, the API's event items and the CSV,
/// JSONL and Parquet exports.
/// </summary>
public static class EventFields
{
    public static readonly IReadOnlyList<EventField> All =
    [
        Int("sentence", null, "sentence", e => e.Sentence, (e, v) => e.Sentence = v, "Index of the event's sentence in the document (0-based)."),
        Required("section", e => e.Section, (e, v) => e.Section = v.Length == 0 ? EventSections.Body : v, "Where the event was found: body, or title (offsets then point into the title)."),
        .. ActorFields("source", "src", e => e.Source, e => e.Source ??= new EventActor { Text = "" }),
        .. ActorFields("target", "tgt", e => e.Target, e => e.Target ??= new EventActor { Text = "" }),
        Required("cameo", e => e.Cameo, (e, v) => e.Cameo = v, "Full CAMEO event code (\"036\", \"1823\")."),
        Required("ontology", e => e.Ontology, (e, v) => e.Ontology = v.Length == 0 ? "CAMEO" : v, "The ontology of the event code (\"CAMEO\")."),
        Text("plover", null, "plover", e => e.Plover, (e, v) => e.Plover = v, "PLOVER event type."),
        Text("plover_mode", null, "plover_mode", e => e.PloverMode, (e, v) => e.PloverMode = v, "PLOVER's mode of the event type (\"aerial\" for ASSAULT), or null."),
        Text("plover_context", null, "plover_context", e => e.PloverContext, (e, v) => e.PloverContext = v, "PLOVER's context (\"military\"), or null."),
        Int("quad_class", null, "quad_class", e => e.QuadClass, (e, v) => e.QuadClass = v, "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
        Real("goldstein", e => e.Goldstein, (e, v) => e.Goldstein = v, "Goldstein scale, -10 (conflict) to 10 (cooperation).", digits: 1),
        Text("date", null, "date", e => e.Date, (e, v) => e.Date = v, "The event's date with its grain: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY; null when the text gives none."),
        Computed("date_grain", "date_grain", e => DateValue.GrainOf(e.Date), "Grain of date: day, week, month or year (null without a date)."),
        Text("place_name", null, "place.name", e => e.Place?.Name, (e, v) => Place(e).Name = v ?? "", "Name of the place the event is tied to."),
        Text("place_country", null, "place.country", e => e.Place?.Country, (e, v) => Place(e).Country = v, "ISO 3166-1 alpha-3 country of the place."),
        NReal("place_lat", null, "place.lat", e => e.Place?.Lat, (e, v) => Place(e).Lat = v, "Latitude of the place (WGS84).", digits: 5),
        NReal("place_lon", null, "place.lon", e => e.Place?.Lon, (e, v) => Place(e).Lon = v, "Longitude of the place (WGS84).", digits: 5),
        NLong("place_geonameid", null, "place.geonameid", e => e.Place?.GeonameId, (e, v) => Place(e).GeonameId = v, "GeoNames id of the place."),
        Computed("place_feature", "place.feature", e => e.Place?.Feature, "Kind of place: country, admin1, admin2, city, region or continent."),
        Text("place_admin1", null, "place.admin1", e => e.Place?.Admin1, (e, v) => Place(e).Admin1 = v, "GeoNames admin1 code of the place's first-level division."),
        Text("place_feature_code", null, "place.feature_code", e => e.Place?.FeatureCode, (e, v) => Place(e).FeatureCode = v, "GeoNames feature code of the place (PCLI, ADM1, PPLC, ...)."),
        Bool("negated", e => e.Negated, (e, v) => e.Negated = v, "The sentence denies the event (\"did not attack\")."),
        Int("evidence_start", null, "evidence.start", e => e.EvidenceStart, (e, v) => e.EvidenceStart = v, "Start offset of the evidence (the event's sentence) in the text."),
        Int("evidence_end", null, "evidence.end", e => e.EvidenceEnd, (e, v) => e.EvidenceEnd = v, "End offset (exclusive) of the evidence."),
        Required("rule", e => e.Rule, (e, v) => e.Rule = v, "Id of the pattern or model decision that produced the event."),
        Real("confidence", e => e.Confidence, (e, v) => e.Confidence = v, "Confidence of the coding, 0 to 1.", digits: 3),
        Int("trigger_start", null, "trigger.start", e => e.TriggerStart, (e, v) => e.TriggerStart = v, "Start offset of the event's verb or trigger."),
        Int("trigger_end", null, "trigger.end", e => e.TriggerEnd, (e, v) => e.TriggerEnd = v, "End offset (exclusive) of the trigger."),
    ];

    /// <summary>The fields a store keeps and reads back (every field but the computed ones).</summary>
    public static readonly IReadOnlyList<EventField> Stored = [.. All.Where(f => f.Stored)];

    /// <summary>The field with this flat name, or null.</summary>
    public static EventField? Find(string name)
    {
        foreach (var f in All) if (f.Name == name) return f;
        return null;
    }

    /// <summary>
    /// Writes the event's fields as JSON properties in table order, nested objects by their group: a group whose
    /// values are all missing is written as null (an event without a target has "target": null).
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter w, EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        var fields = All;
        for (int i = 0; i < fields.Count;)
        {
            var f = fields[i];
            if (f.Json is null) { i++; continue; }
            if (f.Group is null)
            {
                f.WriteJson(w, e);
                i++;
                continue;
            }
            int end = i;
            bool any = false;
            while (end < fields.Count && fields[end].Group == f.Group)
            {
                any |= fields[end].Box(e) is not null;
                end++;
            }
            if (!any) w.WriteNull(f.Group);
            else
            {
                w.WriteStartObject(f.Group);
                for (int k = i; k < end; k++) fields[k].WriteJson(w, e);
                w.WriteEndObject();
            }
            i = end;
        }
    }

    /// <summary>The six fields of an actor (source or target): <paramref name="get"/> reads it, <paramref name="make"/> creates it on first write.</summary>
    private static EventField[] ActorFields(string role, string column, Func<EventRecord, EventActor?> get, Func<EventRecord, EventActor> make) =>
    [
        Text($"{role}_text", $"{column}_text", $"{role}.text", e => get(e)?.Text, (e, v) => make(e).Text = v ?? "", $"The {role} actor as written in the sentence."),
        Text($"{role}_actor", $"{column}_actor", $"{role}.actor", e => get(e)?.Actor, (e, v) => make(e).Actor = v, $"CAMEO actor code of the {role} (country or IGO/NGO code plus roles), e.g. USAGOV."),
        Text($"{role}_country", $"{column}_country", $"{role}.country", e => get(e)?.Country, (e, v) => make(e).Country = v, $"ISO 3166-1 alpha-3 country of the {role}."),
        Text($"{role}_name", $"{column}_name", $"{role}.name", e => get(e)?.Name, (e, v) => make(e).Name = v, $"Canonical name of the {role} (knowledge base or longest mention)."),
        NInt($"{role}_start", $"{column}_start", $"{role}.start", e => get(e)?.Start, (e, v) => make(e).Start = v ?? 0, $"Start offset of the {role} mention in the text."),
        NInt($"{role}_end", $"{column}_end", $"{role}.end", e => get(e)?.End, (e, v) => make(e).End = v ?? 0, $"End offset (exclusive) of the {role} mention."),
    ];

    private static EventPlace Place(EventRecord e) => e.Place ??= new EventPlace { Name = "" };

    private static EventField<int> Int(string name, string? column, string json, Func<EventRecord, int> get, Action<EventRecord, int> set, string description) =>
        new(name, column, json, false, get, set, description);

    private static EventField<int?> NInt(string name, string? column, string json, Func<EventRecord, int?> get, Action<EventRecord, int?> set, string description) =>
        new(name, column, json, true, get, set, description);

    private static EventField<long?> NLong(string name, string? column, string json, Func<EventRecord, long?> get, Action<EventRecord, long?> set, string description) =>
        new(name, column, json, true, get, set, description);

    private static EventField<string?> Text(string name, string? column, string json, Func<EventRecord, string?> get, Action<EventRecord, string?> set, string description) =>
        new(name, column, json, true, get, set, description);

    private static EventField<string?> Required(string name, Func<EventRecord, string?> get, Action<EventRecord, string> set, string description) =>
        new(name, null, name, false, get, (e, v) => set(e, v ?? ""), description);

    private static EventField<string?> Computed(string name, string json, Func<EventRecord, string?> get, string description) =>
        new(name, null, json, true, get, null, description);

    private static EventField<double> Real(string name, Func<EventRecord, double> get, Action<EventRecord, double> set, string description, int digits) =>
        new(name, null, name, false, get, set, description) { Digits = digits };

    private static EventField<double?> NReal(string name, string? column, string json, Func<EventRecord, double?> get, Action<EventRecord, double?> set, string description, int digits) =>
        new(name, column, json, true, get, set, description) { Digits = digits };

    private static EventField<bool> Bool(string name, Func<EventRecord, bool> get, Action<EventRecord, bool> set, string description) =>
        new(name, null, name, false, get, set, description);
}

/// <summary>Values as text the same way in every text export (CSV, TSV): invariant culture, ISO dates, UTC times.</summary>
public static class InvariantText
{
    /// <summary>The value as text, null for null; a real keeps <paramref name="digits"/> decimals (0: its shortest exact form).</summary>
    public static string? Format(object? value, int digits = 0) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => digits > 0 ? Math.Round(d, digits).ToString("0.0" + new string('#', digits - 1), CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => DateValue.FormatDay(day),
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}
