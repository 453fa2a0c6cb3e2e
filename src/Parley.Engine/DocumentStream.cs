using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine;

/// <summary>One input after processing: a document, or the problem that stopped it.</summary>
public readonly record struct ProcessedItem(Document? Document, InputProblem? Problem);

/// <summary>Counts shown by progress displays.</summary>
public readonly record struct ProgressInfo(long Done, long Problems, TimeSpan Elapsed)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads inputs, cleans and annotates them on all cores, and yields results in input order.
/// Items are taken in chunks so that output order is kept without holding the whole input in memory.
/// </summary>
public sealed class DocumentStream(ParleyEngine engine)
{
    private const int ChunkPerThread = 32;

    /// <summary>Decides per article whether to process it (e.g. skip what a store already holds); null processes all.</summary>
    public Func<Document, bool>? ShouldAnnotate { get; init; }

    public IEnumerable<ProcessedItem> Process(IEnumerable<string> inputs, TextReader? stdin = null,
        IProgress<ProgressInfo>? progress = null, CancellationToken cancellationToken = default)
    {
        int threads = engine.Options.Threads > 0 ? engine.Options.Threads : Environment.ProcessorCount;
        int chunkSize = Math.Max(1, threads * ChunkPerThread);
        var chunk = new List<ReadItem>(chunkSize);
        var results = new ProcessedItem[chunkSize];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long done = 0, problems = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };

        foreach (var item in engine.Reader.Read(inputs, stdin, cancellationToken))
        {
            chunk.Add(item);
            if (chunk.Count < chunkSize) continue;
            foreach (var r in Flush()) yield return r;
        }
        foreach (var r in Flush()) yield return r;

        IEnumerable<ProcessedItem> Flush()
        {
            if (chunk.Count == 0) yield break;
            int n = chunk.Count;
            if (threads == 1 || n == 1)
            {
                for (int i = 0; i < n; i++) results[i] = ProcessOne(chunk[i], cancellationToken);
            }
            else
            {
                Parallel.For(0, n, parallel, i => results[i] = ProcessOne(chunk[i], cancellationToken));
            }
            for (int i = 0; i < n; i++)
            {
                var r = results[i];
                results[i] = default;
                if (r.Problem is not null) problems++; else done++;
                yield return r;
            }
            chunk.Clear();
            progress?.Report(new ProgressInfo(done, problems, clock.Elapsed));
        }
    }

    private ProcessedItem ProcessOne(ReadItem item, CancellationToken cancellationToken)
    {
        if (item.Problem is not null) return new ProcessedItem(null, item.Problem);
        var article = item.Article!;
        try
        {
            var doc = engine.Cleaner.ToDocument(article, engine.Options.DefaultDate);
            if (ShouldAnnotate is null || ShouldAnnotate(doc)) engine.Annotate(doc, cancellationToken);
            return new ProcessedItem(doc, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (BadInputException ex)
        {
            return new ProcessedItem(null, new InputProblem(article.Origin, ex.Message));
        }
        catch (Exception ex)
        {
            // A bug in a stage must not take the run down: report it as this input's problem, on one line.
            return new ProcessedItem(null, new InputProblem(article.Origin, $"internal error in processing ({ex.GetType().Name}: {FirstLine(ex.Message)})"));
        }
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
