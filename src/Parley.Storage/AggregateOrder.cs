namespace Parley.Storage;

/// <summary>
/// The order of every store's aggregate lists, declared once so that the stores agree: most counted first, ties in
/// ordinal order of their names; a page's lists are then cut to its limit.
/// </summary>
internal static class AggregateOrder
{
    public static List<ActorCount> Top(List<ActorCount> list, int limit)
    {
        list.Sort(static (a, b) => a.Total != b.Total ? b.Total.CompareTo(a.Total) : string.CompareOrdinal(a.Actor, b.Actor));
        return Cut(list, limit);
    }

    public static List<ActorPair> Top(List<ActorPair> list, int limit)
    {
        list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count)
            : string.CompareOrdinal(a.Source, b.Source) is int bySource and not 0 ? bySource : string.CompareOrdinal(a.Target, b.Target));
        return Cut(list, limit);
    }

    public static List<PlaceCount> Top(List<PlaceCount> list, int limit)
    {
        list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Name, b.Name));
        return Cut(list, limit);
    }

    /// <summary>Every country, in order (the map shows them all).</summary>
    public static List<CountryCount> All(List<CountryCount> list)
    {
        list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Country, b.Country));
        return list;
    }

    /// <summary>Every actor name, in order (the names' table for the filters).</summary>
    public static List<ActorName> All(List<ActorName> list)
    {
        list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Actor, b.Actor));
        return list;
    }

    private static List<T> Cut<T>(List<T> list, int limit)
    {
        limit = Math.Max(0, limit);
        if (list.Count > limit) list.RemoveRange(limit, list.Count - limit);
        return list;
    }
}
