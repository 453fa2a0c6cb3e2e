using System.Collections.Concurrent;
using Parley.Core;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>Counts of one ingest run.</summary>
public sealed record IngestSummary(long Added, long Duplicates, long AlreadyStored, long Problems, int? Stories = null);

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

    /// <summary>A batch is also written once its documents hold this many characters, so large articles do not pile up.</summary>
    public long BatchChars { get; init; } = 4_000_000;

    /// <summary>Group each stored batch into stories as it is stored (off only to time the storing alone).</summary>
    public bool UpdateStories { get; init; } = true;

    public IngestSummary Run(IEnumerable<string> inputs, TextReader? stdin, IProgress<ProgressInfo>? progress,
        Action<InputProblem>? onProblem, CancellationToken cancellationToken = default)
    {
        long added = 0, duplicates = 0, already = 0, problems = 0;
        using var queue = new BlockingCollection<List<Document>>(QueuedBatches);
        var writer = Task.Factory.StartNew(() =>
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                var result = store.SaveBatch(batch);
                added += result.Added + result.Replaced;
                duplicates += result.Duplicates;
                already += result.AlreadyStored;
                if (UpdateStories) StoryUpdater.AddDocuments(store, Stored(batch, result));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var stream = new DocumentStream(engine) { ShouldAnnotate = IsNew };
        var pending = new List<Document>(BatchSize);
        long pendingChars = 0;
        try
        {
            foreach (var item in stream.Process(inputs, stdin, progress, cancellationToken))
            {
                if (writer.IsFaulted) break;
                if (item.Problem is { } problem)
                {
                    problems++;
                    onProblem?.Invoke(problem);
                }
                if (item.Document is not { } doc) continue;
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
        return new IngestSummary(added, duplicates, already, problems, stories);
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
}
