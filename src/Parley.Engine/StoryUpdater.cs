using Parley.Core;
using Parley.Stories;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>
/// Keeps stories and report links up to date. <see cref="AddDocuments"/> is incremental: each new article joins
/// or starts one story (see <see cref="IncrementalStories"/>) and only that story's report links are recomputed
/// (see <see cref="ReportMerger"/>), in one store transaction under the store's story lock, so any number of
/// workers can call it at once. A story's links are always ReportMerger's result over the story's current
/// members, whatever order they were stored in. <see cref="Update"/> regroups every stored article from scratch
/// with the same algorithm, in date order.
/// </summary>
public static class StoryUpdater
{
    /// <summary>Groups these stored documents into stories (skipping any already in one); returns how many were placed.</summary>
    public static int AddDocuments(IParleyStore store, IReadOnlyList<Document> docs, IncrementalStories? grouping = null)
    {
        ArgumentNullException.ThrowIfNull(docs);
        if (docs.Count == 0) return 0;
        grouping ??= new IncrementalStories();
        var inputs = new List<(StoryInput Input, bool HasEvents)>(docs.Count);
        foreach (var d in docs) inputs.Add((Input(d, grouping.LeadChars), d.Events.Count > 0));
        return store.UpdateStories(tx =>
        {
            int placed = 0;
            foreach (var (input, hasEvents) in inputs)
            {
                if (tx.StoryOf(input.DocumentId) is not null) continue;
                Place(tx, grouping, input, hasEvents, null);
                placed++;
            }
            return placed;
        });
    }

    /// <summary>Regroups every stored document from scratch (in date order, then id) and relinks every repeated report. Returns the number of stories.</summary>
    public static int Update(IParleyStore store, IncrementalStories? grouping = null)
    {
        grouping ??= new IncrementalStories();
        var inputs = new List<StoryInput>();
        foreach (var d in store.ReadDigests(grouping.LeadChars))
            inputs.Add(new StoryInput(d.Id, d.Title, d.Published, d.Lead, d.EntityNames));
        inputs.Sort((a, b) => Nullable.Compare(a.Published, b.Published) is int c and not 0 ? c : string.CompareOrdinal(a.DocumentId, b.DocumentId));
        int count = store.UpdateStories(tx =>
        {
            tx.ClearAll();
            // The stories so far, by key term, and the term counts, kept here rather than read back for every article.
            var memory = new Memory();
            foreach (var input in inputs) Place(tx, grouping, input, hasEvents: false, memory);
            return memory.ById.Count;
        });
        var events = new List<EventReport>();
        foreach (var e in store.ReadEventIdentities()) events.Add(Report(e));
        store.SetRepeatedReports(ReportMerger.Merge(events));
        return count;
    }

    /// <summary>What a full regroup keeps in memory instead of reading back per article.</summary>
    private sealed class Memory
    {
        public Dictionary<int, List<StoryCentroid>> Index { get; } = [];
        public Dictionary<string, StoryCentroid> ById { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, int> Frequencies { get; } = [];
        public long Documents { get; set; }
    }

    private static void Place(IStoryTransaction tx, IncrementalStories grouping, StoryInput input, bool hasEvents, Memory? memory)
    {
        var terms = grouping.Terms(input);
        var (frequencies, documents) = memory is null ? tx.TermFrequencies(terms.Keys) : (memory.Frequencies, memory.Documents);
        var vector = IncrementalStories.Vector(terms, frequencies, documents);
        var keys = IncrementalStories.KeyTerms(vector);
        IEnumerable<StoryCentroid> candidates;
        if (memory is Memory m)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<StoryCentroid>();
            foreach (int k in keys)
                if (m.Index.TryGetValue(k, out var stories))
                    foreach (var s in stories) if (seen.Add(s.Id)) list.Add(m.ById[s.Id]);
            candidates = list;
        }
        else
        {
            candidates = tx.Candidates(keys, input.Published, grouping.WindowDays, grouping.MaxCandidates)
                .Select(s => new StoryCentroid(s.Id, s.Title, s.First, s.Last, s.Size, IncrementalStories.DecodeCentroid(s.Centroid)));
        }
        var joined = grouping.Join(grouping.Choose(input, vector, candidates), input, vector);
        // Writes after the reads, so a store can send them together.
        tx.CountTerms(terms.Keys);
        if (memory is not null)
        {
            foreach (int k in terms.Keys) memory.Frequencies[k] = memory.Frequencies.GetValueOrDefault(k) + 1;
            memory.Documents++;
        }
        tx.AddToStory(new StoryState(joined.Id, joined.Title, joined.First, joined.Last, joined.Size, IncrementalStories.EncodeCentroid(joined.Centroid)),
            input.DocumentId, keys);
        if (memory is Memory mem)
        {
            mem.ById[joined.Id] = joined;
            foreach (int k in keys)
            {
                if (!mem.Index.TryGetValue(k, out var list)) mem.Index[k] = list = [];
                if (!list.Exists(s => s.Id == joined.Id)) list.Add(joined);
            }
        }
        // A new story of one article has no repeated reports: those are across articles. Otherwise only the
        // merge groups (actors and event) of the new article's events can change: recompute those alone.
        if (hasEvents && joined.Size > 1)
        {
            var events = tx.EventsOfStory(joined.Id);
            var touched = new HashSet<(string?, string?, string)>();
            foreach (var e in events) if (e.DocumentId == input.DocumentId) touched.Add(ReportMerger.GroupOf(e.Source, e.Target, e.Cameo));
            var reports = new List<EventReport>();
            foreach (var e in events)
                if (touched.Contains(ReportMerger.GroupOf(e.Source, e.Target, e.Cameo))) reports.Add(Report(e));
            var links = new Dictionary<long, long>();
            foreach (var (key, first) in ReportMerger.Merge(reports)) links[key] = first;
            // Write only the links that change (usually the new article's own).
            var changes = new List<(long, long?)>();
            foreach (var r in reports)
            {
                long? link = links.TryGetValue(r.Key, out long f) ? f : null;
                if (link != r.ReportOf) changes.Add((r.Key, link));
            }
            tx.SetReportLinks(changes);
        }
    }

    private static EventReport Report(EventIdentity e) => new(e.Key, e.Document, e.StoryId, e.Day, e.Source, e.Target, e.Cameo, e.DocumentId, e.Ord, e.ReportOf);

    private static StoryInput Input(Document d, int leadChars)
    {
        var names = new List<string>();
        foreach (var e in d.Entities) if (e.Type != "MISC") names.Add(e.Name ?? e.Text);
        return new StoryInput(d.Id, d.Title, d.Published, d.Text.Length > leadChars ? d.Text[..leadChars] : d.Text, names);
    }
}
