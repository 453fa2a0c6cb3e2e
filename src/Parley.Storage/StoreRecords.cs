using Parley.Core;

namespace Parley.Storage;

public sealed record StoreStats(long Documents, long Sentences, long Entities, long Events, long Quotes, long Stories, long Duplicates, long Tokens);

public enum SaveStatus
{
    /// <summary>Stored now.</summary>
    Added,
    /// <summary>Its text is already stored under another id; recorded in the duplicates table.</summary>
    Duplicate,
    /// <summary>The same id with the same text is already stored: nothing to do.</summary>
    AlreadyStored,
    /// <summary>The id was stored with another text; the stored document was replaced by this one.</summary>
    Replaced,
}

/// <summary>What happened to one document of a batch. <see cref="DuplicateOf"/> is the stored id when the status is Duplicate.</summary>
public readonly record struct DocumentSaveResult(string Id, SaveStatus Status, string? DuplicateOf = null);

public sealed class SaveResult(IReadOnlyList<DocumentSaveResult> items)
{
    public IReadOnlyList<DocumentSaveResult> Items { get; } = items;
    public int Added => Count(SaveStatus.Added);
    public int Duplicates => Count(SaveStatus.Duplicate);
    public int AlreadyStored => Count(SaveStatus.AlreadyStored);
    public int Replaced => Count(SaveStatus.Replaced);

    private int Count(SaveStatus status)
    {
        int n = 0;
        foreach (var item in Items) if (item.Status == status) n++;
        return n;
    }
}

/// <summary>
/// One hit of a document search. <see cref="Snippet"/> marks matched terms with <see cref="SearchHighlight"/>
/// characters (never HTML, so a page can escape the text and then wrap the marked parts); without a full-text query
/// it is the start of the text.
/// </summary>
public sealed record DocumentSummary(string Id, string? Title, DateOnly? Published, string? Source, string? Url,
    string Language, int Sentences, int Events, string? Snippet, double? Rank);

public static class SearchHighlight
{
    /// <summary>Start of a matched term in a snippet (U+0002, never present in cleaned text).</summary>
    public const string Open = "\u0002";
    /// <summary>End of a matched term in a snippet (U+0003).</summary>
    public const string Close = "\u0003";
    /// <summary>Stands for left-out text at either end of a snippet.</summary>
    public const string Ellipsis = "\u2026";
}

/// <summary>
/// Filters for events. Every filter is optional and they combine with AND.
/// <see cref="Actor"/>: prefix of the source or target actor code ("USA" matches USAGOV);
/// <see cref="Country"/>: source, target or place country (ISO alpha-3);
/// <see cref="CameoPrefix"/>: prefix of the CAMEO code ("19" matches 190..1962);
/// <see cref="From"/>/<see cref="To"/>: inclusive bounds on the event's day (see <see cref="StoredEvent.Day"/>);
/// <see cref="Q"/>: full-text query on the event's document.
/// </summary>
public sealed record EventQuery
{
    public string? Actor { get; init; }
    public string? SourceActor { get; init; }
    public string? TargetActor { get; init; }
    public string? Country { get; init; }
    public string? CameoPrefix { get; init; }
    public int? QuadClass { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Q { get; init; }
    public string? DocumentId { get; init; }
    /// <summary>Only the first report of each event (repeated reports in a story merged, see report_of).</summary>
    public bool FirstReportsOnly { get; init; }
    /// <summary>Only events of the documents of this story.</summary>
    public string? StoryId { get; init; }
    /// <summary>Order of a page (see <see cref="EventSort"/>); null: newest first.</summary>
    public EventSort? Sort { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>What events can be ordered by (each a column of the narrow day index, so a sorted page stays one scan).</summary>
public enum EventSortKey { Day, Cameo, QuadClass, Goldstein, Source, Target, Place }

/// <summary>An order of events: a key and a direction. Ties are broken by storage order in the same direction.</summary>
public readonly record struct EventSort(EventSortKey Key, bool Descending)
{
    /// <summary>The default order: newest day first.</summary>
    public static readonly EventSort Newest = new(EventSortKey.Day, true);

    /// <summary>The names the API and the CLI accept ("goldstein", "-day" for descending).</summary>
    public static readonly IReadOnlyDictionary<string, EventSortKey> Names = new Dictionary<string, EventSortKey>(StringComparer.Ordinal)
    {
        ["day"] = EventSortKey.Day, ["cameo"] = EventSortKey.Cameo, ["quad_class"] = EventSortKey.QuadClass,
        ["goldstein"] = EventSortKey.Goldstein, ["source"] = EventSortKey.Source, ["target"] = EventSortKey.Target, ["place"] = EventSortKey.Place,
    };

    /// <summary>Reads "key" (ascending) or "-key" (descending); false for an unknown key.</summary>
    public static bool TryParse(string? text, out EventSort sort)
    {
        sort = Newest;
        if (string.IsNullOrWhiteSpace(text)) return true;
        text = text.Trim();
        bool descending = text[0] == '-';
        if (!Names.TryGetValue(descending ? text[1..] : text, out var key)) return false;
        sort = new EventSort(key, descending);
        return true;
    }

    public override string ToString()
    {
        foreach (var (name, key) in Names) if (key == Key) return (Descending ? "-" : "") + name;
        return Key.ToString();
    }
}

/// <summary>
/// Filters for documents: full-text <see cref="Q"/>, publication dates <see cref="From"/>/<see cref="To"/>, and
/// <see cref="Events"/>: when it has any filter of its own (actor, country, CAMEO code, quad class, story), only
/// documents reporting at least one such event.
/// </summary>
public sealed record DocumentQuery
{
    public string? Q { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public EventQuery? Events { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>
/// A stored event with its document. <see cref="Day"/> is the day the event is filed under (see <see cref="EventDates"/>):
/// its own date when that is a day, the publication date when the event has no date, null when the event is dated
/// only to a week, month or year (its <see cref="EventRecord.Date"/> keeps that grain).
/// </summary>
/// <see cref="Reports"/>: how many stored reports the event has (itself included); <see cref="IsRepeat"/>: this
/// row repeats an earlier report of the same event in its story.
/// <see cref="Url"/>, <see cref="Source"/> and <see cref="Added"/> (when the document was stored, UTC) are the document's.
public sealed record StoredEvent(long Key, string DocumentId, int Index, string? DocumentTitle, DateOnly? Published,
    DateOnly? Day, string? SentenceText, EventRecord Event)
{
    public int Reports { get; init; } = 1;
    public bool IsRepeat { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public DateTime? Added { get; init; }
}

/// <summary>
/// An event's identity for merging repeated reports: key, the story of its document, day, actors, code, and its
/// stable name (document id and position) that orders reports the same way whatever order they were stored in.
/// </summary>
public readonly record struct EventIdentity(long Key, long Document, string StoryId, DateOnly? Day, string? Source, string? Target, string Cameo,
    string DocumentId = "", int Ord = 0, long? ReportOf = null);

public sealed record ActorCount(string Actor, long AsSource, long AsTarget)
{
    public long Total => AsSource + AsTarget;
}

public sealed record ActorPair(string Source, string Target, long Count, double MeanGoldstein);

/// <summary>A canonical name an actor code was given in events (as source or target), with how often.</summary>
public sealed record ActorName(string Actor, string Name, long Count);

/// <summary>
/// Matching events of one quad class in one period: a day (<see cref="Grain"/> "day": events filed under that day) or
/// the week, month or year of events dated only that precisely. <see cref="GoldsteinSum"/> over <see cref="Count"/> is
/// their mean Goldstein score.
/// </summary>
public sealed record TimelinePoint(DateOnly Start, DateOnly End, string Grain, int QuadClass, long Count, double GoldsteinSum)
{
    public DateOnly Day => Start;
}

public sealed record PlaceCount(string Name, string? Country, double? Lat, double? Lon, long Count);

public sealed record CountryCount(string Country, long Count);

public sealed record StoryRecord(string Id, string? Title, DateOnly? First, DateOnly? Last, IReadOnlyList<string> DocumentIds);

/// <summary>What story grouping reads of a stored document: its metadata, the start of its text and its entity names.</summary>
public sealed record DocumentDigest(string Id, string? Title, DateOnly? Published, string Lead, IReadOnlyList<string> EntityNames);
