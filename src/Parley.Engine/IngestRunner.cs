using System.Collections.Concurrent;
using Parley.Core;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>
/// Counts of one ingest run: articles stored now (<see cref="Added"/>), already stored by an earlier run
/// (<see cref="AlreadyStored"/>), stored under another id (<see cref="Duplicates"/>), seen earlier in this run's own input
/// (<see cref="Repeated"/>); <see cref="Problems"/> = <see cref="Unreadable"/> inputs + <see cref="EmptyRecords"/> +
/// <see cref="Warnings"/> (read with a defect but processed); the events of the stored articles; the run's time.
/// </summary>
public sealed record IngestSummary(long Added, long Duplicates, long AlreadyStored, long Problems, int? Stories = null)
{
    public long Repeated { get; init; }
    public long Unreadable { get; init; }
    public long EmptyRecords { get; init; }
    public long Warnings { get; init; }
    public long Events { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>Articles read (stored now, before, elsewhere, or repeated).</summary>
    public long Articles => Added + Duplicates + AlreadyStored + Repeated;
}

/// <summary>
/// The one ingest service: `parley ingest`, `serve`'s sample load and POST /api/documents all store through it.
/// It reads, processes and stores articles in batches, one transaction per batch, so that a kill at any
/// moment leaves the store consistent and a rerun stores the rest. Articles whose cleaned text is
/// already stored skip annotation altogether. Storing runs on its own thread, overlapping with the
/// processing of the next batch. Each stored batch joins its stories incrementally (see <see cref="StoryUpdater"/>).
/// </summary>
public sealed class IngestRunner(ParleyEngine engine, IParleyStore store)
{
    /// <summary>Batches waiting for the writer; beyond this the readers wait, so memory stays bounded.</summary>
    private const int QueuedBatches = 4;

    public int BatchSize { get; init; } = 200;

    public ParleyEngine Engine => engine;

    /// <summary>
    /// A batch is also written once its documents hold this many characters, so large articles do not pile up: an
    /// annotated article holds some 40 bytes of layers a character, and a batch waits for its last article (a million
    /// characters is still about 200 news articles, the usual batch).
    /// </summary>
    public long BatchChars { get; init; } = 1_000_000;

    /// <summary>Group each stored batch into stories as it is stored (off only to time the storing alone).</summary>
    public bool UpdateStories { get; init; } = true;

    /// <summary>Publication date of articles without one (default: the engine's).</summary>
    public DateOnly? DefaultDate { get; init; } = engine.Options.DefaultDate;

    /// <summary>A publication date for an undated article by its origin (a file path), before <see cref="DefaultDate"/>.</summary>
    public Func<string, DateOnly?>? DefaultDateOf { get; init; }

    public IngestSummary Run(IEnumerable<string> inputs, TextReader? stdin, IProgress<ProgressInfo>? progress,
        Action<InputProblem>? onProblem, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long added = 0, duplicates = 0, already = 0, repeated = 0, events = 0, unreadable = 0, empty = 0, warnings = 0;
        using var queue = new BlockingCollection<List<Document>>(QueuedBatches);
        var writer = Task.Factory.StartNew(() =>
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                var result = store.SaveBatch(batch);
                for (int i = 0; i < batch.Count; i++)
                {
                    switch (result.Items[i].Status)
                    {
                        case SaveStatus.Added or SaveStatus.Replaced: added++; events += batch[i].Events.Count; break;
                        case SaveStatus.Duplicate: duplicates++; break;
                        default: already++; break;
                    }
                }
                if (UpdateStories) StoryUpdater.AddDocuments(store, Stored(batch, result));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var stream = new DocumentStream(engine) { ShouldAnnotate = IsNew, DefaultDate = DefaultDate, DefaultDateOf = DefaultDateOf };
        var pending = new List<Document>(BatchSize);
        // Articles (id and text) met in this run, as 64-bit hashes: the same article twice in the input is a repeat, not
        // one "already stored". (The same text under another id still goes to the store, which records it as a duplicate.)
        var seen = new HashSet<ulong>();
        long pendingChars = 0;
        try
        {
            foreach (var item in stream.Process(inputs, stdin, progress, cancellationToken))
            {
                if (writer.IsFaulted) break;
                if (item.Problem is { } problem)
                {
                    var kind = item.Document is not null ? InputProblemKind.Warning : problem.Kind;
                    if (kind == InputProblemKind.Warning) warnings++;
                    else if (kind == InputProblemKind.EmptyRecord) empty++;
                    else unreadable++;
                    onProblem?.Invoke(problem with { Kind = kind });
                }
                if (item.Document is not { } doc) continue;
                if (!seen.Add(TextKey(doc)))
                {
                    repeated++;
                    continue;
                }
                pending.Add(doc);
                pendingChars += doc.Text.Length;
                if (pending.Count >= BatchSize || pendingChars >= BatchChars)
                {
                    queue.Add(pending, cancellationToken);
                    pending = new List<Document>(BatchSize);
                    pendingChars = 0;
                }
            }
            if (pending.Count > 0 && !writer.IsFaulted) queue.Add(pending, cancellationToken);
        }
        finally
        {
            queue.CompleteAdding();
            // Let the writer finish what was queued (or surface its failure) before returning.
            writer.GetAwaiter().GetResult();
        }
        int? stories = UpdateStories && added > 0 ? (int)store.GetStats().Stories : null;
        return new IngestSummary(added, duplicates, already, unreadable + empty + warnings, stories)
        {
            Repeated = repeated, Unreadable = unreadable, EmptyRecords = empty, Warnings = warnings, Events = events, Elapsed = clock.Elapsed,
        };
    }

    /// <summary>
    /// Cleans, processes (unless its text is already stored) and stores one article, then updates the stories.
    /// Throws <see cref="BadInputException"/> for an article that cannot be processed.
    /// </summary>
    public (Document Document, DocumentSaveResult Saved) IngestOne(RawArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var doc = engine.Cleaner.ToDocument(article, engine.Options.DefaultDate);
        if (IsNew(doc)) engine.Annotate(doc, cancellationToken);
        var saved = store.SaveBatch([doc]).Items[0];
        if (UpdateStories && saved.Status is SaveStatus.Added or SaveStatus.Replaced) StoryUpdater.AddDocuments(store, [doc]);
        return (doc, saved);
    }

    /// <summary>The documents of a batch that are now stored under their own id (added or replaced), in batch order.</summary>
    internal static List<Document> Stored(IReadOnlyList<Document> batch, SaveResult result)
    {
        var stored = new List<Document>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
            if (result.Items[i].Status is SaveStatus.Added or SaveStatus.Replaced) stored.Add(batch[i]);
        return stored;
    }

    private bool IsNew(Document doc) => !store.ContainsHash(ContentHash.Of(doc.Text));

    /// <summary>The article's id and text as one 64-bit number (the store's content hashes of both).</summary>
    private static ulong TextKey(Document doc) => Hash64(doc.Text) ^ (Hash64(doc.Id) * 0x9E3779B97F4A7C15UL);

    private static ulong Hash64(string text) =>
        ulong.Parse(ContentHash.Of(text), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
