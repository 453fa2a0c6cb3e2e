using System.Globalization;
using System.Text;
using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// Writes a document's events as GDELT 2.0 event-table rows: 61 tab-separated columns in GDELT's order, one row per
/// event, following the GDELT 2.0 event codebook field by field. Actor codes are split into GDELT's country, known
/// group, ethnic, religion and type columns by the CAMEO actor-code grammar with GDELT's own lookup tables
/// (<see cref="ActorCodeTable"/>); geographic country fields carry FIPS 10-4 codes (as GDELT does), converted from
/// the ISO3 codes of places, and the geography blocks follow from the place's feature kind (see <see cref="GeoFields"/>).
/// Fields Parley does not compute are empty (ADM2) or neutral (NumMentions/NumSources/NumArticles 1, AvgTone 0).
/// Dates are always filled: Day, MonthYear, Year and FractionDate are the event's day when its date is a day, else its
/// report's publication day, else the day it was added (GDELT's rows cannot carry a coarser grain; the other exports
/// keep it). GlobalEventID is a stable 62-bit hash of the document id and the event's
/// index; DATEADDED is the publication date at 00:00:00 (a fixed value, so output is reproducible), or the time the
/// article was added (stored, or processed) when it is undated. SOURCEURL is the article's URL, or its id without one.
/// </summary>
public sealed class GdeltWriter
{
    public const int ColumnCount = 61;

    public static readonly string[] Columns =
    [
        "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    private readonly CameoData? _data;
    private readonly ActorCodeTable _actorCodes;

    public GdeltWriter(CameoData? data, ActorCodeTable? actorCodes = null)
    {
        _data = data;
        _actorCodes = actorCodes ?? ActorCodeTable.Shared;
    }

    private static GdeltWriter? _default;

    /// <summary>The writer over the installation's data/cameo (FIPS codes, actor-code tables) when present.</summary>
    public static GdeltWriter Default => _default ??= new GdeltWriter(CameoData.FindFolder() is null ? null : CameoData.Shared);

    /// <summary>Writes the rows of <paramref name="doc"/> with <see cref="Default"/>.</summary>
    public static void Write(TextWriter w, Document doc) => Default.WriteRows(w, doc);

    /// <summary>Writes the rows of a document; <paramref name="added"/> is when it was added (now, when not given).</summary>
    public void WriteRows(TextWriter w, Document doc, DateTime? added = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        var row = new string[ColumnCount];
        DateTime when = added ?? DateTime.UtcNow;
        for (int i = 0; i < doc.Events.Count; i++)
        {
            Fill(row, doc, doc.Events[i], i, when);
            for (int c = 0; c < ColumnCount; c++)
            {
                if (c > 0) w.Write('\t');
                w.Write(row[c]);
            }
            w.Write('\n');
        }
    }

    /// <summary>Fills the 61 fields of the row for event <paramref name="index"/> of the document.</summary>
    public void Fill(string[] row, Document doc, int index, DateTime? added = null) =>
        Fill(row, doc, doc.Events[index], index, added ?? DateTime.UtcNow);

    /// <summary>
    /// Fills the 61 fields of the row for event <paramref name="e"/>, the event at <paramref name="index"/> of
    /// <paramref name="doc"/> (whose id, URL, publication date and places the row reads); <paramref name="added"/> is
    /// when the document was added (UTC), for the dates of an undated article.
    /// </summary>
    public void Fill(string[] row, Document doc, EventRecord e, int index, DateTime added)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(e);
        Array.Fill(row, "");
        var inv = CultureInfo.InvariantCulture;
        DateOnly d = DateValue.Parse(e.Date) is { Grain: DateGrain.Day } exact ? exact.First : doc.Published ?? DateOnly.FromDateTime(added);
        row[0] = EventId(doc.Id, index).ToString(inv);
        row[1] = d.ToString("yyyyMMdd", inv);
        row[2] = d.ToString("yyyyMM", inv);
        row[3] = d.Year.ToString(inv);
        row[4] = (d.Year + (d.DayOfYear - 1) / 365.0).ToString("0.0000", inv);
        ActorFields(row, 5, e.Source);
        ActorFields(row, 15, e.Target);
        row[25] = e.Sentence == 0 ? "1" : "0";
        row[26] = e.Cameo;
        row[27] = e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo;
        row[28] = e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo;
        row[29] = e.QuadClass.ToString(inv);
        row[30] = e.Goldstein.ToString("0.0", inv);
        row[31] = "1"; row[32] = "1"; row[33] = "1"; row[34] = "0";
        GeoFields(row, 35, ActorPlace(doc, e, e.Source));
        GeoFields(row, 43, ActorPlace(doc, e, e.Target));
        GeoFields(row, 51, ActionPlace(doc, e.Place));
        row[59] = doc.Published is DateOnly pub ? pub.ToString("yyyyMMdd", inv) + "000000" : added.ToUniversalTime().ToString("yyyyMMddHHmmss", inv);
        row[60] = string.IsNullOrWhiteSpace(doc.Url) ? doc.Id : doc.Url;
    }

    /// <summary>Actor code, name and the code's parts in GDELT's ten actor columns.</summary>
    private void ActorFields(string[] row, int at, EventActor? a)
    {
        if (a is null || a.Actor is null) return;
        var parts = _actorCodes.Split(a.Actor);
        row[at] = a.Actor;
        row[at + 1] = (a.Name ?? a.Text).ToUpperInvariant().Replace('\t', ' ').Replace('\n', ' ');
        row[at + 2] = parts.Country;
        row[at + 3] = parts.KnownGroup;
        row[at + 4] = parts.Ethnic;
        row[at + 5] = parts.Religion1;
        row[at + 6] = parts.Religion2;
        row[at + 7] = parts.Type1;
        row[at + 8] = parts.Type2;
        row[at + 9] = parts.Type3;
    }

    /// <summary>
    /// Fills one geography block (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID) from a place's
    /// feature kind, as GDELT does: a country is type 1 with the FIPS country code as ADM1 code and feature id; a
    /// first-level division is a US state (2) or world state (5) with its FIPS ADM1 code as feature id; a town or a
    /// second-level division is a US city (3) or world city (4) with its GeoNames id as feature id (GDELT uses GNS/GNIS
    /// ids there). A continent or region has no GDELT type: the block is type 0, named, without a point. ADM2 stays empty.
    /// </summary>
    private void GeoFields(string[] row, int at, EventPlace? p)
    {
        var inv = CultureInfo.InvariantCulture;
        // An event place read back from a store that does not keep its feature kind (and no place of the document to
        // take it from) is written as a town, as before places carried their kind.
        string? feature = p?.Feature ?? (p?.Lat is not null ? PlaceFeature.City : null);
        if (p is null || p.Lat is null || p.Lon is null || feature is null or PlaceFeature.Region or PlaceFeature.Continent)
        {
            row[at] = "0";
            if (p is not null) row[at + 1] = p.Name.Replace('\t', ' ');
            return;
        }
        bool us = p.Country == "USA";
        int type = feature switch
        {
            PlaceFeature.Country => 1,
            PlaceFeature.Admin1 => us ? 2 : 5,
            _ => us ? 3 : 4,
        };
        string? fips = _data?.Countries.Fips(p.Country);
        string adm1 = fips is null ? "" : type != 1 && p.Admin1 is { Length: 2 } a1 ? fips + a1 : fips;
        row[at] = type.ToString(inv);
        row[at + 1] = p.Name.Replace('\t', ' ');
        row[at + 2] = fips ?? "";
        row[at + 3] = adm1;
        row[at + 5] = p.Lat.Value.ToString("0.####", inv);
        row[at + 6] = p.Lon.Value.ToString("0.####", inv);
        row[at + 7] = type switch
        {
            1 => fips ?? "",
            2 or 5 => adm1,
            _ => p.GeonameId?.ToString(inv) ?? "",
        };
    }

    /// <summary>
    /// The event's place with its feature kind and division; an event place stored without them (written before they
    /// existed) takes them from the document's place of the same GeoNames id.
    /// </summary>
    private static EventPlace? ActionPlace(Document doc, EventPlace? p)
    {
        if (p is null || p.FeatureCode is not null) return p;
        foreach (var m in doc.Places)
            if (p.GeonameId is not null && m.GeonameId == p.GeonameId || p.GeonameId is null && (m.Name ?? m.Text) == p.Name)
                return new EventPlace { Name = p.Name, Country = p.Country, Lat = p.Lat, Lon = p.Lon, GeonameId = p.GeonameId, FeatureCode = m.FeatureCode, Admin1 = m.Admin1 };
        return p;
    }

    /// <summary>
    /// An actor's place, as GDELT's Actor1Geo/Actor2Geo: a place inside the actor's own words ("<u>Afghan</u> officials",
    /// "<u>Kabul</u> police"), else the place of the actor's sentence nearest to it; none when its sentence names none.
    /// </summary>
    private static EventPlace? ActorPlace(Document doc, EventRecord e, EventActor? a)
    {
        if (a is null || doc.Places.Count == 0 || a.End <= a.Start) return null;
        int sentenceStart = 0, sentenceEnd = doc.Text.Length;
        if (e.Sentence >= 0 && e.Sentence < doc.SentenceCount)
        {
            sentenceStart = doc.Sentences[e.Sentence].Start;
            sentenceEnd = doc.Sentences[e.Sentence].End;
        }
        PlaceMention? best = null;
        int bestDistance = int.MaxValue;
        foreach (var m in doc.Places)
        {
            if (m.Start < sentenceStart || m.End > sentenceEnd) continue;
            int distance = m.Start >= a.Start && m.End <= a.End ? -1 : m.End <= a.Start ? a.Start - m.End : m.Start >= a.End ? m.Start - a.End : 0;
            if (distance < bestDistance) { bestDistance = distance; best = m; }
        }
        return best is null ? null : EventPlace.From(best);
    }

    private static long EventId(string docId, int index)
    {
        // FNV-1a over the UTF-8 bytes of "id#index": stable across runs and platforms.
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(docId + "#" + index.ToString(CultureInfo.InvariantCulture)))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return (long)(h >> 2);
    }
}
