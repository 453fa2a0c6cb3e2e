namespace Parley.Core;

/// <summary>
/// What every annotation that marks characters of the text has: its span (<see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive) and those characters. Lets one helper move spans between documents (<see cref="DocumentParts"/>)
/// and write their common JSON fields.
/// </summary>
public interface ITextSpan
{
    int Start { get; set; }
    int End { get; set; }
    string Text { get; }
}

/// <summary>A named-entity mention, linked (when possible) to the knowledge base.</summary>
public sealed class EntityMention : ITextSpan
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    /// <summary>PER, ORG, LOC or MISC.</summary>
    public required string Type { get; set; }
    /// <summary>Canonical name (from the knowledge base, or the longest mention of the same entity in the document).</summary>
    public string? Name { get; set; }
    /// <summary>Knowledge-base id, or null when the entity is not in the knowledge base.</summary>
    public string? Kb { get; set; }
    /// <summary>CAMEO actor code for the document's date, e.g. USAGOV.</summary>
    public string? Actor { get; set; }
    /// <summary>True when the knowledge base knows the person but no role of theirs on the document's date (only the country:
    /// the dictionaries' filler before a person's first office); the article's titles give the role, else the person is
    /// no actor of an event.</summary>
    public bool RoleUnknown { get; set; }
    /// <summary>Document-local entity id: mentions of one entity (by coreference) share it.</summary>
    public int Cluster { get; set; } = -1;
    /// <summary>How the mention was found: "ner", "coref:surname", "coref:pronoun", "coref:title", ...</summary>
    public string? Via { get; set; }
    public double Confidence { get; set; } = 1.0;
}

/// <summary>
/// The GeoNames fields a resolved place carries, declared once for a place mention and the place an event is tied to
/// (<see cref="EventPlace.From"/> copies them from one to the other).
/// </summary>
public abstract class GeoNamesPlace
{
    /// <summary>ISO 3166-1 alpha-3; null for a continent or a region that spans countries.</summary>
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? GeonameId { get; set; }
    /// <summary>GeoNames feature code (PCLI for a country, ADM1, ADM2, PPLC for a capital, PPL, CONT, RGN, ...); null when unknown.</summary>
    public string? FeatureCode { get; set; }
    /// <summary>The kind of feature, from <see cref="FeatureCode"/>: one of <see cref="PlaceFeature"/>'s names.</summary>
    public string? Feature => PlaceFeature.Of(FeatureCode);
    /// <summary>GeoNames admin1 code of the first-level division the place lies in (or is), within its country ("13", "CA"); null for a country.</summary>
    public string? Admin1 { get; set; }
}

/// <summary>
/// A place mention resolved to GeoNames: a country, a first- or second-level division, a city (any populated place),
/// a region or a continent, with its GeoNames id and the point GeoNames gives that feature (a country or a state is
/// placed at its own point, not at its capital). Demonyms that name a country ("Afghan", "Turkish") are place mentions
/// of the country; the entity at the same span then has type MISC. The span is the mention's characters in the text,
/// so a later stage can tell which clause a place belongs to.
/// </summary>
public sealed class PlaceMention : GeoNamesPlace, ITextSpan
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    public string? Name { get; set; }
    /// <summary>
    /// How the text names the place: null or <see cref="PlaceRole.Place"/> for a place named as such (also when it stands
    /// for its people or government: "Turkey shelled"), <see cref="PlaceRole.Dateline"/> for the place of the article's
    /// dateline ("BEIRUT (AP) —"), <see cref="PlaceRole.Demonym"/> for an adjective or people's name ("Turkish forces"),
    /// <see cref="PlaceRole.InName"/> for a place inside another name ("the Syrian Observatory for Human Rights"),
    /// <see cref="PlaceRole.ContainedIn"/> for a street, building or venue the gazetteer lacks, given the feature and point
    /// of the place that contains it ("Frenchmen Street" at New Orleans: approximate). An
    /// event happens at a place (its clause's, else the dateline's), never at a demonym or inside a name.
    /// </summary>
    public string? Role { get; set; }
}

/// <summary>Values of <see cref="PlaceMention.Role"/>.</summary>
public static class PlaceRole
{
    public const string Place = "place";
    public const string Dateline = "dateline";
    public const string Demonym = "demonym";
    public const string InName = "in_name";
    /// <summary>A location the gazetteer lacks (a street, building, venue) placed at the town or division that contains it: approximate.</summary>
    public const string ContainedIn = "contained_in";
}

/// <summary>The kinds of place (the <c>feature</c> field of places and event places), derived from GeoNames feature codes.</summary>
public static class PlaceFeature
{
    public const string Country = "country";
    public const string Admin1 = "admin1";
    public const string Admin2 = "admin2";
    public const string City = "city";
    public const string Region = "region";
    public const string Continent = "continent";

    /// <summary>
    /// PCL* is a country; ADM1 a first-level division; ADM2 and lower divisions are second-level (the finest kind
    /// Parley names); populated places (PPL*) are cities; CONT a continent; anything else (RGN, RGNE, islands,
    /// facilities) a region. Null when the code is unknown.
    /// </summary>
    public static string? Of(string? featureCode)
    {
        if (string.IsNullOrEmpty(featureCode)) return null;
        if (featureCode.StartsWith("PCL", StringComparison.Ordinal)) return Country;
        if (featureCode == "ADM1") return Admin1;
        if (featureCode.StartsWith("ADM", StringComparison.Ordinal)) return Admin2;
        if (featureCode.StartsWith("PPL", StringComparison.Ordinal)) return City;
        if (featureCode == "CONT") return Continent;
        return Region;
    }
}

/// <summary>A date or time expression resolved against the publication date.</summary>
public sealed class DateMention : ITextSpan
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    /// <summary>YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY, by grain; null when it cannot be resolved.</summary>
    public string? Value { get; set; }
    /// <summary>day, week, month or year.</summary>
    public required string Grain { get; set; }
}

/// <summary>
/// A span of the text a component marks with a label (the <see cref="Layers.Spans"/> layer), e.g. "caps" for a word
/// in capitals. The label says which component's mark it is; the text is the span's characters.
/// </summary>
public sealed class SpanMark : ITextSpan
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    public required string Label { get; set; }
}

/// <summary>A quotation with its speaker.</summary>
public sealed class QuoteMention : ITextSpan
{
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>The quoted words without the quote marks.</summary>
    public required string Text { get; set; }
    public bool Direct { get; set; }
    public string? Speaker { get; set; }
    public int? SpeakerStart { get; set; }
    public int? SpeakerEnd { get; set; }
    public string? SpeakerName { get; set; }
    public string? SpeakerActor { get; set; }
}

/// <summary>One side (source or target) of a coded event.</summary>
public sealed class EventActor : ITextSpan
{
    public required string Text { get; set; }
    public string? Actor { get; set; }
    public string? Country { get; set; }
    public string? Name { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>The place an event is tied to: the resolved place of a <see cref="PlaceMention"/> (see <see cref="From"/>).</summary>
public sealed class EventPlace : GeoNamesPlace
{
    public required string Name { get; set; }

    /// <summary>The event place of a resolved place mention (its GeoNames name, country, point, feature and division).</summary>
    public static EventPlace From(PlaceMention place) => new()
    {
        Name = place.Name ?? place.Text, Country = place.Country, Lat = place.Lat, Lon = place.Lon, GeonameId = place.GeonameId,
        FeatureCode = place.FeatureCode, Admin1 = place.Admin1,
    };
}

/// <summary>A coded political event (CAMEO with PLOVER, QuadClass and Goldstein), traceable to its sentence and rule.</summary>
public sealed class EventRecord
{
    /// <summary>Index of the sentence in its section: the body's <see cref="Document.Sentences"/>, or the title's sentences.</summary>
    public int Sentence { get; set; }
    /// <summary>Where the event was coded: "body" (evidence and trigger offsets into the text) or "title" (into the title).</summary>
    public string Section { get; set; } = EventSections.Body;
    public EventActor? Source { get; set; }
    public EventActor? Target { get; set; }
    /// <summary>The event code in <see cref="Ontology"/>: for CAMEO (the default ontology) the CAMEO code, e.g. "190".</summary>
    public required string Cameo { get; set; }
    /// <summary>The ontology the code belongs to ("CAMEO").</summary>
    public string Ontology { get; set; } = "CAMEO";
    public string? Plover { get; set; }
    /// <summary>PLOVER's mode of the event type (e.g. "aerial" for ASSAULT), where the code or the clause gives it.</summary>
    public string? PloverMode { get; set; }
    /// <summary>PLOVER's context (e.g. "military"), where the code or the clause gives it.</summary>
    public string? PloverContext { get; set; }
    public int QuadClass { get; set; }
    public double Goldstein { get; set; }
    public string? Date { get; set; }
    public EventPlace? Place { get; set; }
    public bool Negated { get; set; }
    public int EvidenceStart { get; set; }
    public int EvidenceEnd { get; set; }
    public required string Rule { get; set; }
    public double Confidence { get; set; } = 1.0;
    /// <summary>Character span of the event's verb or trigger within the text.</summary>
    public int TriggerStart { get; set; }
    public int TriggerEnd { get; set; }
}

/// <summary>The parts of an article events are coded in.</summary>
public static class EventSections
{
    /// <summary>The article's text: offsets point into <see cref="Document.Text"/>.</summary>
    public const string Body = "body";
    /// <summary>The headline: offsets point into <see cref="Document.Title"/>.</summary>
    public const string Title = "title";
}
