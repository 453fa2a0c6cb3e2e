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
            // Two reads for the whole batch (which are placed already; the counts of all its terms), then the counts
            // kept here as the batch is placed: each placement reads only its candidate stories (and its story's events).
            var skip = new HashSet<string>(tx.InStories(inputs.Select(i => i.Input.DocumentId).ToList()), StringComparer.Ordinal);
            var termsOf = inputs.Select(i => skip.Contains(i.Input.DocumentId) ? null : grouping.Terms(i.Input)).ToList();
            var counts = TermCounts.Read(tx, termsOf.Where(t => t is not null).SelectMany(t => t!.Keys));
            int placed = 0;
            for (int i = 0; i < inputs.Count; i++)
            {
                var (input, hasEvents) = inputs[i];
                if (termsOf[i] is not { } terms || !skip.Add(input.DocumentId)) continue;
                Place(tx, grouping, input, hasEvents, counts, null, terms);
                placed++;
            }
            counts.Write(tx);
            return placed;
        });
    }

    /// <summary>Waiting placements taken in one transaction: bounds how long one worker holds the story lock.</summary>
    private const int PlacementsPerTransaction = 64;

    /// <summary>
    /// Starts the placement order of a queue (see <see cref="AddInOrder"/>) at <paramref name="first"/>, the lowest position
    /// the queue still holds, unless the store has started it already; <paramref name="last"/> is the queue's last position.
    /// </summary>
    public static void StartOrder(IParleyStore store, PlacementOrderOptions order, long first, long last) =>
        store.UpdateStories(tx => { tx.StartSequence(order.Sequence, first, last); return 0; });

    /// <summary>
    /// Records that the message at <paramref name="position"/> of a queue was handled (<paramref name="doc"/>: the stored
    /// article to place, or null when there is none, e.g. a duplicate), then places the waiting articles that are next in
    /// queue order, in that order, in the same transaction. So workers that finish articles in any order still place
    /// them in the order they were queued, which is the order one process would have placed them in: stories come out
    /// the same. A position not yet handled holds the ones after it back for at most the order's gap wait (a killed
    /// worker's article comes back after the queue's ack wait); after that they go on without it and it is placed
    /// when it comes. Returns whether more articles are ready (place them with <see cref="PlaceWaiting"/>).
    /// </summary>
    public static bool AddInOrder(IParleyStore store, PlacementOrderOptions order, long position, Document? doc, IncrementalStories? grouping = null) =>
        AddInOrder(store, order, [(position, doc)], grouping);

    /// <summary>
    /// <see cref="AddInOrder(IParleyStore, PlacementOrderOptions, long, Document?, IncrementalStories?)"/> for several
    /// handled positions (a worker's batch) in one story transaction: the lock, the order's read and the term counts
    /// once for all of them.
    /// </summary>
    public static bool AddInOrder(IParleyStore store, PlacementOrderOptions order, IReadOnlyList<(long Position, Document? Doc)> handled, IncrementalStories? grouping = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(handled);
        grouping ??= new IncrementalStories();
        var placements = handled.Select(h => h.Doc is { } doc ? EncodePlacement(Input(doc, grouping.LeadChars), doc.Events.Count > 0) : null).ToList();
        return store.UpdateStories(tx =>
        {
            for (int i = 0; i < handled.Count; i++) tx.RecordHandled(order.Sequence, handled[i].Position, handled[i].Doc?.Id, placements[i]);
            var positions = tx.TakeInOrder(order.Sequence, order.GapWait, skipGaps: false, PlacementsPerTransaction);
            PlaceTaken(tx, grouping, positions);
            return positions.Count == PlacementsPerTransaction;
        });
    }

    /// <summary>
    /// Places the articles waiting in a queue's placement order that are next in it (all of them, gaps or not, when
    /// <paramref name="skipGaps"/>: the queue is drained, so no position before them can come any more). Returns how many were placed.
    /// </summary>
    public static int PlaceWaiting(IParleyStore store, PlacementOrderOptions order, bool skipGaps, IncrementalStories? grouping = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        grouping ??= new IncrementalStories();
        int placed = 0;
        bool more = true;
        while (more)
        {
            placed += store.UpdateStories(tx =>
            {
                var positions = tx.TakeInOrder(order.Sequence, order.GapWait, skipGaps, PlacementsPerTransaction);
                more = positions.Count == PlacementsPerTransaction;
                return PlaceTaken(tx, grouping, positions);
            });
        }
        return placed;
    }

    /// <summary>Places the taken positions' articles (skipping any already in a story); returns how many were placed.</summary>
    private static int PlaceTaken(IStoryTransaction tx, IncrementalStories grouping, IReadOnlyList<HandledPosition> positions)
    {
        int placed = 0;
        // The store says which were placed before this transaction; an id at two positions (an article queued again
        // with a changed text) is placed once.
        var placedNow = new HashSet<string>(StringComparer.Ordinal);
        var toPlace = new List<(StoryInput Input, bool HasEvents, Dictionary<int, float> Terms)>();
        foreach (var p in positions)
        {
            if (p.Placement is not { } bytes || p.DocumentId is not { } id || p.Placed || !placedNow.Add(id)) continue;
            var (input, hasEvents) = DecodePlacement(bytes);
            toPlace.Add((input, hasEvents, grouping.Terms(input)));
        }
        if (toPlace.Count == 0) return 0;
        // One read of the term counts for all of them (see AddDocuments).
        var counts = TermCounts.Read(tx, toPlace.SelectMany(t => t.Terms.Keys));
        foreach (var (input, hasEvents, terms) in toPlace)
        {
            Place(tx, grouping, input, hasEvents, counts, null, terms);
            placed++;
        }
        counts.Write(tx);
        return placed;
    }

    /// <summary>What placing an article needs of it (its story input and whether it has events), as bytes to wait in the store.</summary>
    private static byte[] EncodePlacement(StoryInput input, bool hasEvents)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(input.DocumentId);
            w.Write(input.Title is not null);
            w.Write(input.Title ?? "");
            w.Write(input.Published?.DayNumber ?? -1);
            w.Write(input.Text);
            w.Write(input.EntityNames.Count);
            foreach (var name in input.EntityNames) w.Write(name);
            w.Write(hasEvents);
        }
        return buffer.ToArray();
    }

    private static (StoryInput Input, bool HasEvents) DecodePlacement(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        string id = r.ReadString();
        bool hasTitle = r.ReadBoolean();
        string title = r.ReadString();
        int day = r.ReadInt32();
        string text = r.ReadString();
        var names = new string[r.ReadInt32()];
        for (int i = 0; i < names.Length; i++) names[i] = r.ReadString();
        bool hasEvents = r.ReadBoolean();
        return (new StoryInput(id, hasTitle ? title : null, day < 0 ? null : DateOnly.FromDayNumber(day), text, names), hasEvents);
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
            var counts = new TermCounts([], 0);
            var memory = new Memory();
            foreach (var input in inputs) Place(tx, grouping, input, hasEvents: false, counts, memory, null);
            counts.Write(tx);
            return memory.ById.Count;
        });
        var events = new List<EventReport>();
        foreach (var e in store.ReadEventIdentities()) events.Add(Report(e));
        store.SetRepeatedReports(ReportMerger.Merge(events));
        return count;
    }

    /// <summary>
    /// The grouped documents' term counts, read once and then kept here as articles are placed (the store's counts change
    /// only by these placements while the story lock is held): what <see cref="IStoryTransaction.TermFrequencies"/> would say.
    /// </summary>
    private sealed class TermCounts(Dictionary<int, int> frequencies, long documents)
    {
        private readonly Dictionary<int, int> _added = [];
        private int _addedDocuments;

        public Dictionary<int, int> Frequencies { get; } = frequencies;
        public long Documents { get; private set; } = documents;

        /// <summary>The store's counts of these terms (one read for a whole batch).</summary>
        public static TermCounts Read(IStoryTransaction tx, IEnumerable<int> terms)
        {
            var (frequencies, documents) = tx.TermFrequencies(terms.ToHashSet());
            return new TermCounts(new Dictionary<int, int>(frequencies), documents);
        }

        public void Count(IEnumerable<int> terms)
        {
            foreach (int k in terms)
            {
                Frequencies[k] = Frequencies.GetValueOrDefault(k) + 1;
                _added[k] = _added.GetValueOrDefault(k) + 1;
            }
            Documents++;
            _addedDocuments++;
        }

        /// <summary>Writes what this transaction counted, once, before it commits.</summary>
        public void Write(IStoryTransaction tx) => tx.CountTerms(_added, _addedDocuments);
    }

    /// <summary>What a full regroup keeps in memory instead of reading back per article: the stories so far, by key term.</summary>
    private sealed class Memory
    {
        public Dictionary<int, List<StoryCentroid>> Index { get; } = [];
        public Dictionary<string, StoryCentroid> ById { get; } = new(StringComparer.Ordinal);
    }

    private static void Place(IStoryTransaction tx, IncrementalStories grouping, StoryInput input, bool hasEvents, TermCounts counts, Memory? memory,
        Dictionary<int, float>? terms)
    {
        terms ??= grouping.Terms(input);
        var vector = IncrementalStories.Vector(terms, counts.Frequencies, counts.Documents);
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
        counts.Count(terms.Keys);
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
            // The store returns only the events in the new article's groups.
            var reports = new List<EventReport>();
            foreach (var e in tx.EventsOfStory(joined.Id, input.DocumentId)) reports.Add(Report(e));
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

/// <summary>
/// A queue's placement order (see <see cref="StoryUpdater.AddInOrder"/>): its name in the store (one per queue) and how
/// long a position not yet handled may hold back the ones after it.
/// </summary>
public sealed record PlacementOrderOptions(string Sequence, TimeSpan GapWait);
