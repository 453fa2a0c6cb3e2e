using Parley.Core;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>A page of results with the total number of matches.</summary>
public sealed record Page<T>(int Total, int Limit, int Offset, IReadOnlyList<T> Items);

/// <summary>One document of a listing or search. Snippet marks matches with U+0002 ... U+0003 (see <see cref="SearchHighlight"/>).</summary>
public sealed record DocumentItem(string Id, string? Title, string? Published, string? Source, string? Url, string Language,
    int Sentences, int Events, string? Snippet);

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
    public static string? Day(DateOnly? d) => Parley.Engine.Export.IsoDay.Format(d);
}
