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

    /// <summary>Counts one more grouped document holding <paramref name="terms"/>.</summary>
    void CountTerms(IReadOnlyCollection<int> terms);

    /// <summary>Removes every story (their members, key terms, centroids and term counts), to regroup from scratch.</summary>
    void ClearAll();

    /// <summary>The story that holds this document id, or null.</summary>
    string? StoryOf(string documentId);

    /// <summary>
    /// Stories holding any of <paramref name="keyTerms"/> whose span of days comes within <paramref name="windowDays"/> of
    /// <paramref name="day"/> (any span when the day is null): at most <paramref name="limit"/>, those sharing the most key
    /// terms first (then the latest), in id order.
    /// </summary>
    IReadOnlyList<StoryState> Candidates(IReadOnlyCollection<int> keyTerms, DateOnly? day, int windowDays, int limit);

    /// <summary>Inserts or updates <paramref name="story"/>, appends <paramref name="documentId"/> to its members and indexes its new key terms.</summary>
    void AddToStory(StoryState story, string documentId, IReadOnlyCollection<int> keyTerms);

    /// <summary>Every event of the story's stored documents with its current report link (a document in no story is its own story, "document:ID").</summary>
    IReadOnlyList<EventIdentity> EventsOfStory(string storyId);

    /// <summary>Sets each named event's report link: the key of its first report, or null for a first report.</summary>
    void SetReportLinks(IReadOnlyList<(long Key, long? FirstReport)> changes);
}

/// <summary>An article that failed processing too often: kept with its error so nothing is lost silently.</summary>
public sealed record DeadLetter(string Hash, string? DocumentId, string? Origin, int Attempts, string Error, DateTimeOffset At);
