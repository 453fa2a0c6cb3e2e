using Parley.Core;
using Parley.Storage;

namespace Parley.Server;

/// <summary>A page of results with the total number of matches.</summary>
public sealed record Page<T>(int Total, int Limit, int Offset, IReadOnlyList<T> Items);

/// <summary>One document of a listing or search. Snippet marks matches with U+0002 ... U+0003 (see <see cref="SearchHighlight"/>).</summary>
public sealed record DocumentItem(string Id, string? Title, string? Published, string? Source, string? Url, string Language,
    int Sentences, int Events, string? Snippet);

public sealed record EventActorItem(string Text, string? Actor, string? Country, string? Name);

public sealed record EventPlaceItem(string Name, string? Country, double? Lat, double? Lon, long? Geonameid);

public sealed record SpanItem(int Start, int End);

/// <summary>One stored event with its document, evidence span and sentence text.</summary>
public sealed record EventItem(string DocumentId, int Index, string? DocumentTitle, string? Published, string? Day,
    int Sentence, string? SentenceText, EventActorItem? Source, EventActorItem? Target, string Cameo, string? Plover,
    int QuadClass, double Goldstein, string? Date, EventPlaceItem? Place, bool Negated, SpanItem Evidence, SpanItem Trigger,
    string Rule, double Confidence)
{
    public static EventItem From(StoredEvent s)
    {
        var e = s.Event;
        return new EventItem(s.DocumentId, s.Index, s.DocumentTitle, ApiFormat.Day(s.Published), ApiFormat.Day(s.Day), e.Sentence, s.SentenceText,
            Actor(e.Source), Actor(e.Target), e.Cameo, e.Plover, e.QuadClass, e.Goldstein, e.Date,
            e.Place is { } p ? new EventPlaceItem(p.Name, p.Country, p.Lat, p.Lon, p.GeonameId) : null, e.Negated,
            new SpanItem(e.EvidenceStart, e.EvidenceEnd), new SpanItem(e.TriggerStart, e.TriggerEnd), e.Rule, Math.Round(e.Confidence, 3));
    }

    private static EventActorItem? Actor(EventActor? a) => a is null ? null : new EventActorItem(a.Text, a.Actor, a.Country, a.Name);

}

public sealed record ActorItem(string Actor, long AsSource, long AsTarget, long Total);

public sealed record ActorPairItem(string Source, string Target, long Count, double MeanGoldstein);

public sealed record TimelineItem(string Day, int QuadClass, long Count);

public sealed record PlaceItem(string Name, string? Country, double? Lat, double? Lon, long Count);

public sealed record CountryItem(string Country, long Count);

public sealed record StoryItem(string Id, string? Title, string? First, string? Last, IReadOnlyList<string> Documents);

public sealed record StatsItem(long Documents, long Sentences, long Tokens, long Entities, long Events, long Quotes, long Stories, long Duplicates);

public sealed record HealthItem(string Status, long Documents);

/// <summary>Answer to a POST: the id the document is stored under and what happened.</summary>
public sealed record IngestItem(string Id, string Status, int Events, IReadOnlyList<string> Notes);

internal static class ApiFormat
{
    public static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
