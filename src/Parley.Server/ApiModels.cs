using Parley.Storage;

namespace Parley.Server;

/// <summary>A page of results with the total number of matches.</summary>
public sealed record Page<T>(int Total, int Limit, int Offset, IReadOnlyList<T> Items);

/// <summary>One document of a listing or search. Snippet marks matches with U+0002 ... U+0003 (see <see cref="SearchHighlight"/>); without a query it is the start of the text.</summary>
public sealed record DocumentItem(string Id, string? Title, string? Published, string? Source, string? Url, string Language,
    int Sentences, int Events, string? Snippet);

/// <summary>An actor code with its meaning in words and the names it carries, counted as source and target of matching events.</summary>
public sealed record ActorItem(string Actor, string? Label, IReadOnlyList<string> Names, long AsSource, long AsTarget, long Total);

public sealed record ActorPairItem(string Source, string? SourceLabel, string Target, string? TargetLabel, long Count, double MeanGoldstein);

/// <summary>
/// The timeline: <see cref="Bins"/> count events filed under a day, by <see cref="Bin"/> (day, ISO week starting on
/// Monday, or month); <see cref="Periods"/> count events dated only to a week, month or year, each under its own period,
/// shown apart (never spread over, or put on, one of its days).
/// </summary>
public sealed record TimelineAnswer(string Bin, IReadOnlyList<TimelineBin> Bins, IReadOnlyList<TimelinePeriod> Periods);

/// <summary>One bin: first and last day, events, mean Goldstein score, and events per quad class 1 to 4.</summary>
public sealed record TimelineBin(string Start, string End, long Count, double MeanGoldstein, IReadOnlyList<long> QuadClasses);

/// <summary>Events dated only to one week, month or year (<see cref="Value"/> as the contract writes it).</summary>
public sealed record TimelinePeriod(string Grain, string Value, string Start, string End, long Count, double MeanGoldstein, IReadOnlyList<long> QuadClasses);

public sealed record PlaceItem(string Name, string? Country, double? Lat, double? Lon, long Count);

public sealed record CountryItem(string Country, string? Name, long Count);

/// <summary>A story: id, title, first and last day, and the ids of its documents.</summary>
public sealed record StoryItem(string Id, string? Title, string? First, string? Last, IReadOnlyList<string> Documents);

/// <summary>A value to offer while typing a filter: the code, what it means, and how many events it has.</summary>
public sealed record SuggestionItem(string Value, string? Label, long Count);

public sealed record StatsItem(long Documents, long Sentences, long Tokens, long Entities, long Events, long Quotes, long Stories, long Duplicates);

public sealed record HealthItem(string Status, long Documents);

/// <summary>Answer to a POST: the id the document is stored under and what happened.</summary>
public sealed record IngestItem(string Id, string Status, int Events, IReadOnlyList<string> Notes);

/// <summary>The body of POST /api/documents: one article, as a line of a JSONL input.</summary>
public sealed record ArticleInput(string Text, string? Id, string? Title, string? Date, string? Published, string? Url, string? Source);

internal static class ApiFormat
{
    public static string? Day(DateOnly? d) => Parley.Core.DateValue.FormatDay(d);
}
