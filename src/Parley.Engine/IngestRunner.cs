using Parley.Core;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>Counts of one ingest run.</summary>
public sealed record IngestSummary(long Added, long Duplicates, long AlreadyStored, long Problems);

/// <summary>
/// Reads, processes and stores articles in batches, one transaction per batch, so that a kill at any
/// moment leaves the store consistent and a rerun stores the rest. Articles whose cleaned text is
/// already stored skip annotation altogether.
/// </summary>
public sealed class IngestRunner(ParleyEngine engine, IParleyStore store)
{
    private readonly Lock _storeGate = new();

    public int BatchSize { get; init; } = 200;

    public IngestSummary Run(IEnumerable<string> inputs, TextReader? stdin, IProgress<ProgressInfo>? progress,
        Action<InputProblem>? onProblem, CancellationToken cancellationToken = default)
    {
        long added = 0, duplicates = 0, already = 0, problems = 0;
        var stream = new DocumentStream(engine) { ShouldAnnotate = IsNew };
        var batch = new List<Document>(BatchSize);
        foreach (var item in stream.Process(inputs, stdin, progress, cancellationToken))
        {
            if (item.Problem is { } problem)
            {
                problems++;
                onProblem?.Invoke(problem);
                continue;
            }
            batch.Add(item.Document!);
            if (batch.Count >= BatchSize) Save();
        }
        Save();
        return new IngestSummary(added, duplicates, already, problems);

        void Save()
        {
            if (batch.Count == 0) return;
            SaveResult result;
            lock (_storeGate) result = store.SaveBatch(batch);
            added += result.Added;
            duplicates += result.Duplicates;
            already += result.AlreadyStored;
            batch.Clear();
        }
    }

    private bool IsNew(Document doc)
    {
        string hash = Parley.Storage.ContentHash.Of(doc.Text);
        lock (_storeGate) return !store.ContainsHash(hash);
    }
}
