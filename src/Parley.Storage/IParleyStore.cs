using Parley.Core;

namespace Parley.Storage;

/// <summary>
/// A document store: saves processed documents idempotently and answers the queries of the CLI, the HTTP API
/// and the dashboard. Implementations are thread-safe: one writer at a time, any number of concurrent readers.
/// </summary>
public interface IParleyStore : IDisposable
{
    /// <summary>Saves a batch in one transaction: either every document of the batch is stored or none is.</summary>
    SaveResult SaveBatch(IReadOnlyList<Document> docs);

    /// <summary>True when a document whose text has this content hash (see <see cref="ContentHash"/>) is stored.</summary>
    bool ContainsHash(string contentHash);

    StoreStats GetStats();

    /// <summary>The id under which a document is stored: itself when stored, the original's when it was a duplicate, else null.</summary>
    string? ResolveId(string id);

    /// <summary>The stored document with this id, or null.</summary>
    Document? LoadDocument(string id);

    /// <summary>Documents matching a full-text query (bm25-ranked, with a snippet), or all documents newest first when <paramref name="q"/> is empty.</summary>
    IReadOnlyList<DocumentSummary> SearchDocuments(string? q, int limit, int offset, out int total) =>
        SearchDocuments(new DocumentQuery { Q = q, Limit = limit, Offset = offset }, out total);

    /// <summary>Documents matching the query: bm25-ranked with a snippet when it has full text, else newest first.</summary>
    IReadOnlyList<DocumentSummary> SearchDocuments(DocumentQuery q, out int total);

    /// <summary>A page of the events matching the filters, in the query's order (newest first by default).</summary>
    IReadOnlyList<StoredEvent> QueryEvents(EventQuery q, out int total);

    /// <summary>
    /// Every event matching the filters from the query's offset, up to its limit, in the query's order, read from one
    /// snapshot of the store one row at a time: for exports of any size in flat memory.
    /// </summary>
    IEnumerable<StoredEvent> StreamEvents(EventQuery q, CancellationToken cancellationToken = default);

    /// <summary>How often each actor code is the source or the target of a matching event, most frequent first (at most q.Limit).</summary>
    IReadOnlyList<ActorCount> ActorCounts(EventQuery q);

    /// <summary>The canonical names each actor code carries in stored events (source or target), most frequent first.</summary>
    IReadOnlyList<ActorName> ActorNames();

    /// <summary>Source-target actor pairs of matching events, most frequent first (at most q.Limit).</summary>
    IReadOnlyList<ActorPair> ActorPairs(EventQuery q);

    /// <summary>
    /// Matching events counted per quad class in each day (events filed under a day) and in each week, month or year
    /// (events dated only that precisely), in order of period; not limited.
    /// </summary>
    IReadOnlyList<TimelinePoint> Timeline(EventQuery q);

    /// <summary>Places of matching events, most frequent first (at most q.Limit).</summary>
    IReadOnlyList<PlaceCount> PlaceCounts(EventQuery q);

    /// <summary>Countries involved in matching events (source, target or place), each event counted once per country.</summary>
    IReadOnlyList<CountryCount> CountryCounts(EventQuery q);

    /// <summary>Inserts or replaces stories by id; with <paramref name="replaceAll"/> every story not in the list is removed.</summary>
    void SaveStories(IReadOnlyList<StoryRecord> stories, bool replaceAll = false);

    IReadOnlyList<StoryRecord> ListStories();

    /// <summary>One page of the stories, most recent first, with the number of stories in all.</summary>
    IReadOnlyList<StoryRecord> ListStories(int limit, int offset, out int total)
    {
        var all = ListStories();
        total = all.Count;
        return [.. all.Skip(offset).Take(limit)];
    }

    /// <summary>Every event's identity with its story (a document in no story is its own), for merging repeated reports.</summary>
    IReadOnlyList<EventIdentity> ReadEventIdentities();

    /// <summary>Replaces all report links: each pair marks an event as a repeated report of another (its first report).</summary>
    void SetRepeatedReports(IReadOnlyList<(long Key, long FirstReport)> repeats);

    /// <summary>Tidies indexes and planner statistics after a large ingest (a store with nothing to tidy does nothing).</summary>
    void Optimize();

    /// <summary>Makes the store's own files complete at the end of a run (SQLite: the write-ahead log copied into the
    /// database file, so the .db file alone holds everything); a store with nothing to do does nothing.</summary>
    void Checkpoint() { }

    /// <summary>Runs the store's own consistency checks; returns the problems found (empty when sound).</summary>
    IReadOnlyList<string> CheckIntegrity();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction holding the store's story lock (see <see cref="IStoryTransaction"/>):
    /// all of its changes are stored or none. Safe to call from any number of processes at once.
    /// </summary>
    T UpdateStories<T>(Func<IStoryTransaction, T> work);

    /// <summary>Records (or updates, by hash) an article that failed processing too often.</summary>
    void RecordDeadLetter(DeadLetter letter);

    /// <summary>Recorded dead letters, newest first.</summary>
    IReadOnlyList<DeadLetter> ListDeadLetters(int limit);

    /// <summary>Every stored document's digest (id, title, date, the first <paramref name="leadChars"/> characters, entity names), in no set order.</summary>
    IEnumerable<DocumentDigest> ReadDigests(int leadChars);
}
