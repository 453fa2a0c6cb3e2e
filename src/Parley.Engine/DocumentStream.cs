using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine;

/// <summary>
/// One input after processing: a document, or the problem that stopped it, or both (an input that was
/// read with a problem worth reporting, e.g. decoded as Windows-1252, but still processed).
/// </summary>
public readonly record struct ProcessedItem(Document? Document, InputProblem? Problem);

/// <summary>Counts shown by progress displays; <see cref="Fraction"/> is the share of the input bytes read (null when unknown, e.g. standard input).</summary>
public readonly record struct ProgressInfo(long Done, long Problems, TimeSpan Elapsed, double? Fraction = null)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far, when the share read is known and large enough to tell.</summary>
    public TimeSpan? Remaining => Fraction is double f && f >= 0.005 && f < 1 ? Elapsed * ((1 - f) / f) : null;
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
        var meter = progress is null ? null : new ReadMeter();

        foreach (var item in engine.Reader.Read(inputs, stdin, cancellationToken, meter))
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
                if (r.Problem is not null) problems++;
                if (r.Document is not null) done++;
                yield return r;
            }
            chunk.Clear();
            progress?.Report(new ProgressInfo(done, problems, clock.Elapsed, meter?.Fraction));
        }
    }

    private ProcessedItem ProcessOne(ReadItem item, CancellationToken cancellationToken)
    {
        if (item.Article is not { } article) return new ProcessedItem(null, item.Problem);
        try
        {
            var doc = engine.Cleaner.ToDocument(article, engine.Options.DefaultDate);
            if (ShouldAnnotate is null || ShouldAnnotate(doc)) engine.Annotate(doc, cancellationToken);
            return new ProcessedItem(doc, item.Problem);
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
