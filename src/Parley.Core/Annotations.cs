namespace Parley.Core;

/// <summary>A named-entity mention, linked (when possible) to the knowledge base.</summary>
public sealed class EntityMention
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
    /// <summary>Document-local entity id: mentions of one entity (by coreference) share it.</summary>
    public int Cluster { get; set; } = -1;
    /// <summary>How the mention was found: "ner", "coref:surname", "coref:pronoun", "coref:title", ...</summary>
    public string? Via { get; set; }
    public double Confidence { get; set; } = 1.0;
}

/// <summary>A place mention resolved to GeoNames.</summary>
public sealed class PlaceMention
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    public string? Name { get; set; }
    /// <summary>ISO 3166-1 alpha-3.</summary>
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? GeonameId { get; set; }
    /// <summary>GeoNames feature code (PCLI for a country, PPLC for a capital, ADM1, ...).</summary>
    public string? FeatureCode { get; set; }
    public string? Admin1 { get; set; }
}

/// <summary>A date or time expression resolved against the publication date.</summary>
public sealed class DateMention
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    /// <summary>YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY, by grain; null when it cannot be resolved.</summary>
    public string? Value { get; set; }
    /// <summary>day, week, month or year.</summary>
    public required string Grain { get; set; }
}

/// <summary>A quotation with its speaker.</summary>
public sealed class QuoteMention
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
public sealed class EventActor
{
    public required string Text { get; set; }
    public string? Actor { get; set; }
    public string? Country { get; set; }
    public string? Name { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>The place an event is tied to.</summary>
public sealed class EventPlace
{
    public required string Name { get; set; }
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? GeonameId { get; set; }
}

/// <summary>A coded political event (CAMEO with PLOVER, QuadClass and Goldstein), traceable to its sentence and rule.</summary>
public sealed class EventRecord
{
    public int Sentence { get; set; }
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
