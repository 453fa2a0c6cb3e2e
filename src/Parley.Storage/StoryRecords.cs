namespace Parley.Storage;

/// <summary>
/// What a store keeps of a story for incremental grouping: its span of days, its size, its centroid (term
/// vector of its articles, see Parley.Stories) as an opaque blob, and its key terms (indexed, to find the
/// stories a new article may join without comparing it with every story).
/// </summary>
public sealed record StoryState(string Id, string? Title, DateOnly? First, DateOnly? Last, int Size, byte[] Centroid);

/// <summary>
/// One store transaction that holds the store's story lock: one at a time across every process writing to the
/// store, so concurrent workers never lose or double a story member or a report link. Obtained from
/// <see cref="IParleyStore.UpdateStories{T}"/>; valid only inside it.
/// </summary>
public interface IStoryTransaction
{
    /// <summary>How many grouped documents hold each of <paramref name="terms"/> (absent: none), and how many documents are grouped.</summary>
    (IReadOnlyDictionary<int, int> Frequencies, long Documents) TermFrequencies(IReadOnlyCollection<int> terms);

    /// <summary>
    /// Counts <paramref name="documents"/> more grouped documents, <paramref name="documentsByTerm"/>[t] of them holding term t
    /// (a whole batch's counts in one write: a counter written once per placement would be rewritten hundreds of times in
    /// one transaction, and PostgreSQL keeps every version of a row a transaction rewrites).
    /// </summary>
    void CountTerms(IReadOnlyDictionary<int, int> documentsByTerm, int documents);

    /// <summary>Removes every story (their members, key terms, centroids and term counts), to regroup from scratch.</summary>
    void ClearAll();

    /// <summary>Which of these document ids some story holds (one read for a batch).</summary>
    IReadOnlySet<string> InStories(IReadOnlyCollection<string> documentIds);

    /// <summary>
    /// Stories holding any of <paramref name="keyTerms"/> whose span of days comes within <paramref name="windowDays"/> of
    /// <paramref name="day"/> (any span when the day is null): at most <paramref name="limit"/>, those sharing the most key
    /// terms first (then the latest), in id order.
    /// </summary>
    IReadOnlyList<StoryState> Candidates(IReadOnlyCollection<int> keyTerms, DateOnly? day, int windowDays, int limit);

    /// <summary>Inserts or updates <paramref name="story"/>, appends <paramref name="documentId"/> to its members and indexes its new key terms.</summary>
    void AddToStory(StoryState story, string documentId, IReadOnlyCollection<int> keyTerms);

    /// <summary>Every event of the story's stored documents with its current report link (a document in no story is its own story, "document:ID").</summary>
    /// <remarks>
    /// With <paramref name="groupsOfDocument"/>, only the events in a report group (source, target and three-digit CAMEO
    /// code, as ReportMerger groups them) that one of that document's events falls into: all that relinking after the
    /// document joins the story needs, however large the story has grown.
    /// </remarks>
    IReadOnlyList<EventIdentity> EventsOfStory(string storyId, string? groupsOfDocument = null);

    /// <summary>Sets each named event's report link: the key of its first report, or null for a first report.</summary>
    void SetReportLinks(IReadOnlyList<(long Key, long? FirstReport)> changes);

    /// <summary>
    /// Starts the placement order <paramref name="sequence"/> (a queue's stream) at <paramref name="first"/>, the lowest
    /// position still to be handled, unless it is started already; a sequence whose next position lies past
    /// <paramref name="last"/> + 1 (its stream was made anew) starts again at <paramref name="first"/>.
    /// </summary>
    void StartSequence(string sequence, long first, long last);

    /// <summary>
    /// Records that position <paramref name="position"/> of <paramref name="sequence"/> was handled: with the article to
    /// place (its document id and an opaque description of it) or with none (a duplicate, a dead letter). Recording a
    /// position twice (a redelivery) keeps the first record.
    /// </summary>
    void RecordHandled(string sequence, long position, string? documentId, byte[]? placement);

    /// <summary>
    /// Takes (removes) up to <paramref name="limit"/> recorded positions of <paramref name="sequence"/> that are next in
    /// order, lowest first: first any below the sequence's next position (late), then the run from the next position
    /// on. A gap stops the run unless the position after it has waited longer than <paramref name="gapWait"/>, or
    /// <paramref name="skipGaps"/> is set; the sequence's next position moves past what was taken.
    /// </summary>
    IReadOnlyList<HandledPosition> TakeInOrder(string sequence, TimeSpan gapWait, bool skipGaps, int limit);
}

/// <summary>
/// A handled position of a placement order (see <see cref="IStoryTransaction.RecordHandled"/>): the article to place, if
/// any, and whether that document was in a story already when taken (a redelivery of a placed article).
/// </summary>
public sealed record HandledPosition(long Position, string? DocumentId, byte[]? Placement, bool Placed);

/// <summary>
/// The choice among recorded positions that <see cref="IStoryTransaction.TakeInOrder"/> makes, the same for every store:
/// given the positions recorded (lowest first, each with whether it has waited past the gap wait) and the sequence's
/// next position, how many of them to take and the next position after them.
/// </summary>
public static class PlacementOrder
{
    public static (int Take, long Next) Choose(IReadOnlyList<(long Position, bool Waited)> recorded, long next, bool skipGaps)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        int take = 0;
        foreach (var (position, waited) in recorded)
        {
            // Below the next position: handled late (after a gap was skipped, or redelivered); placed now.
            if (position < next) { take++; continue; }
            if (position > next && !skipGaps && !waited) break;
            next = position + 1;
            take++;
        }
        return (take, next);
    }
}

/// <summary>An article that failed processing too often: kept with its error so nothing is lost silently.</summary>
public sealed record DeadLetter(string Hash, string? DocumentId, string? Origin, int Attempts, string Error, DateTimeOffset At);

/// <summary>
/// The SQL condition of <see cref="IStoryTransaction.EventsOfStory"/>'s report groups, in the dialect both stores read: the
/// event <c>e</c> shares source, target (null with null) and three-digit CAMEO code with an event of the named document
/// (ReportMerger.GroupOf in SQL: change both together).
/// </summary>
public static class StoryEventGroups
{
    public static string InGroupsOf(string documentIdParameter) =>
        "EXISTS (SELECT 1 FROM events g JOIN documents gd ON gd.key = g.doc WHERE gd.id = " + documentIdParameter +
        " AND g.src_actor IS NOT DISTINCT FROM e.src_actor AND g.tgt_actor IS NOT DISTINCT FROM e.tgt_actor" +
        " AND substr(g.cameo, 1, 3) = substr(e.cameo, 1, 3))";
}
