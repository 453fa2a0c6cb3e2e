using Parley.Core;
using Parley.Storage;

namespace Parley.Engine.Export;

public sealed record EventActorItem(string Text, string? Actor, string? Country, string? Name);

public sealed record EventPlaceItem(string Name, string? Country, double? Lat, double? Lon, long? Geonameid);

public sealed record SpanItem(int Start, int End);

/// <summary>
/// One stored event with its document, evidence span and sentence text: an item of <c>/api/events</c>, a line of
/// the JSONL exports (HTTP and <c>parley export</c>), serialised with snake_case names. <c>reports</c> counts the
/// stored reports of the event in its story (itself included); <c>repeat</c> marks a later report of an earlier event.
/// </summary>
public sealed record EventItem(string DocumentId, int Index, string? DocumentTitle, string? Published, string? Day,
    int Sentence, string? SentenceText, EventActorItem? Source, EventActorItem? Target, string Cameo, string? Plover,
    int QuadClass, double Goldstein, string? Date, EventPlaceItem? Place, bool Negated, SpanItem Evidence, SpanItem Trigger,
    string Rule, double Confidence, int Reports, bool Repeat)
{
    public static EventItem From(StoredEvent s)
    {
        var e = s.Event;
        return new EventItem(s.DocumentId, s.Index, s.DocumentTitle, IsoDay.Format(s.Published), IsoDay.Format(s.Day), e.Sentence, s.SentenceText,
            Actor(e.Source), Actor(e.Target), e.Cameo, e.Plover, e.QuadClass, e.Goldstein, e.Date,
            e.Place is { } p ? new EventPlaceItem(p.Name, p.Country, p.Lat, p.Lon, p.GeonameId) : null, e.Negated,
            new SpanItem(e.EvidenceStart, e.EvidenceEnd), new SpanItem(e.TriggerStart, e.TriggerEnd), e.Rule, Math.Round(e.Confidence, 3), s.Reports, s.IsRepeat);
    }

    private static EventActorItem? Actor(EventActor? a) => a is null ? null : new EventActorItem(a.Text, a.Actor, a.Country, a.Name);
}

public static class IsoDay
{
    public static string? Format(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
