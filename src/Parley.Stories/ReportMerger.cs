namespace Parley.Stories;

/// <summary>
/// One coded event as the merger sees it: its key, its story, its day and who did what to whom, and its stable
/// name (document id, position in the document), which orders reports of one day the same way whatever order
/// they were stored in (keys depend on that order when several workers store at once). <see cref="ReportOf"/>
/// is the link stored now, if any (the merger ignores it; incremental updates compare against it).
/// </summary>
public readonly record struct EventReport(long Key, long Document, string StoryId, DateOnly? Day, string? Source, string? Target, string Cameo,
    string DocumentId = "", int Ord = 0, long? ReportOf = null);

/// <summary>
/// Finds repeated reports of one event: the same source and target actor codes and the same CAMEO event
/// (first three digits: "rejected proposal" and "rejected" are one event, "met" and "negotiated" are not)
/// within one story and a few days of the first report. A story's articles retell the same events (and one
/// article repeats its own headline), so GDELT-style counting inflates them; the first report stays the event,
/// the others point at it. Events without any actor are never merged: nothing says they are the same. Nor are
/// two events of one article: an article that reports the same actors doing the same thing twice (a monthly
/// campaign summary: "Biden attacked Trump for ...", later "Biden attacked Trump for ...") reports two events.
/// </summary>
public static class ReportMerger
{
    /// <summary>Reports this many days apart or less can be one event (wire stories run a day or two late).</summary>
    public const int WindowDays = 2;

    /// <summary>Within a story, reports can be one event only if they share this: actors and the event's first three digits.</summary>
    // The stores' SQL form of this rule is Parley.Storage.StoryEventGroups: change both together.
    public static (string? Source, string? Target, string Cameo) GroupOf(string? source, string? target, string cameo) =>
        (source, target, cameo.Length > 3 ? cameo[..3] : cameo);

    /// <summary>Every report that repeats an earlier one, with the key of the first report of its event.</summary>
    public static List<(long Key, long FirstReport)> Merge(IEnumerable<EventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var groups = new Dictionary<(string, string?, string?, string), List<EventReport>>();
        foreach (var r in reports)
        {
            if (r.Source is null && r.Target is null) continue;
            var (source, target, cameo) = GroupOf(r.Source, r.Target, r.Cameo);
            var key = (r.StoryId, source, target, cameo);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(r);
        }
        var merged = new List<(long, long)>();
        foreach (var list in groups.Values)
        {
            if (list.Count < 2) continue;
            // Dated reports in day order (undated last), ties by document id and position, then by key.
            list.Sort(static (a, b) =>
            {
                if (a.Day != b.Day)
                {
                    if (a.Day is null) return 1;
                    if (b.Day is null) return -1;
                    return a.Day.Value.CompareTo(b.Day.Value);
                }
                int byDocument = string.CompareOrdinal(a.DocumentId, b.DocumentId);
                if (byDocument != 0) return byDocument;
                return a.Ord != b.Ord ? a.Ord.CompareTo(b.Ord) : a.Key.CompareTo(b.Key);
            });
            var first = list[0];
            var documents = new HashSet<long> { first.Document };
            for (int i = 1; i < list.Count; i++)
            {
                var r = list[i];
                bool sameEvent = first.Day is not DateOnly d0 || r.Day is not DateOnly d || d.DayNumber - d0.DayNumber <= WindowDays;
                if (!sameEvent)
                {
                    first = r;
                    documents.Clear();
                    documents.Add(r.Document);
                }
                else if (documents.Add(r.Document)) merged.Add((r.Key, first.Key));
            }
        }
        return merged;
    }
}
