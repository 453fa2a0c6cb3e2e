using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine;

/// <summary>
/// One input after processing: a document, or the problem that stopped it, or both (an input that was
/// read with a problem worth reporting, e.g. decoded as Windows-1252, but still processed).
/// </summary>
public readonly record struct ProcessedItem(Document? Document, InputProblem? Problem);

/// <summary>
/// Counts shown by progress displays: articles done, problems, time so far; <see cref="Fraction"/> is the share of the
/// input bytes read (null when unknown, e.g. standard input); <see cref="Events"/> the events coded so far.
/// </summary>
public readonly record struct ProgressInfo(long Done, long Problems, TimeSpan Elapsed, double? Fraction = null, long Events = 0)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far, when the share read is known and large enough to tell.</summary>
    public TimeSpan? Remaining => Fraction is double f && f >= 0.005 && f < 1 ? Elapsed * ((1 - f) / f) : null;
}

/// <summary>
/// Reads inputs, cleans and annotates them on all cores, and yields results in input order.
/// One thread reads, one worker per core annotates whichever article is next, and results wait in a window of
/// slots until every earlier one is out: no core idles at a chunk boundary waiting for the longest article of
/// the chunk, reading overlaps annotating, and memory stays bounded by the window, however long the input.
/// The window is bounded in characters too (<see cref="MaxCharsInFlight"/>): a run of large articles waits for
/// room instead of holding dozens of them at once, so peak memory does not depend on the inputs.
/// </summary>
public sealed class DocumentStream(ParleyEngine engine)
{
    private const int WindowPerThread = 32;
    private const int ProgressEvery = 64;

    /// <summary>Characters of articles read but not yet handed out; one article larger than this still goes through alone.</summary>
    public long MaxCharsInFlight { get; init; } = 16_000_000;

    /// <summary>Decides per article whether to process it (e.g. skip what a store already holds); null processes all.</summary>
    public Func<Document, bool>? ShouldAnnotate { get; init; }

    /// <summary>Publication date of articles without one (default: the engine's <see cref="EngineOptions.DefaultDate"/>).</summary>
    public DateOnly? DefaultDate { get; init; } = engine.Options.DefaultDate;

    /// <summary>A publication date for an undated article by where it came from (its origin), before <see cref="DefaultDate"/>.</summary>
    public Func<string, DateOnly?>? DefaultDateOf { get; init; }

    public IEnumerable<ProcessedItem> Process(IEnumerable<string> inputs, TextReader? stdin = null,
        IProgress<ProgressInfo>? progress = null, CancellationToken cancellationToken = default)
    {
        int threads = engine.Options.Threads > 0 ? engine.Options.Threads : Environment.ProcessorCount;
        var meter = progress is null ? null : new ReadMeter();
        var items = threads == 1
            ? Sequential(engine.Reader.Read(inputs, stdin, cancellationToken, meter), cancellationToken)
            : InParallel(engine.Reader.Read(inputs, stdin, cancellationToken, meter), threads, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long done = 0, problems = 0, seen = 0, events = 0;
        foreach (var r in items)
        {
            if (r.Problem is not null) problems++;
            if (r.Document is not null)
            {
                done++;
                events += r.Document.Events.Count;
            }
            yield return r;
            if (++seen % ProgressEvery == 0) progress?.Report(new ProgressInfo(done, problems, clock.Elapsed, meter?.Fraction, events));
        }
        progress?.Report(new ProgressInfo(done, problems, clock.Elapsed, meter?.Fraction, events));
    }

    private IEnumerable<ProcessedItem> Sequential(IEnumerable<ReadItem> read, CancellationToken cancellationToken)
    {
        foreach (var item in read)
        {
            var taken = item;
            yield return ProcessOne(ref taken, cancellationToken);
        }
    }

    private IEnumerable<ProcessedItem> InParallel(IEnumerable<ReadItem> read, int threads, CancellationToken cancellationToken)
    {
        int window = threads * WindowPerThread;
        var slots = new ProcessedItem[window];
        var filled = new bool[window];
        var weights = new long[window];
        long inFlight = 0;  // characters of the articles in the window
        var gate = new object();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var free = new SemaphoreSlim(window, window);
        using var queue = new System.Collections.Concurrent.BlockingCollection<(long Seq, ReadItem Item)>(window);
        long produced = -1;   // number of items read, set when reading ends
        Exception? readFailure = null;

        var reader = Task.Factory.StartNew(() =>
        {
            long seq = 0;
            try
            {
                foreach (var item in read)
                {
                    free.Wait(stop.Token);
                    long weight = item.Article?.Body.Length ?? 0;
                    lock (gate)
                    {
                        while (inFlight > 0 && inFlight + weight > MaxCharsInFlight)
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            Monitor.Wait(gate, 200);
                        }
                        inFlight += weight;
                        weights[seq % window] = weight;
                    }
                    queue.Add((seq++, item), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e) { readFailure = e; }
            finally
            {
                queue.CompleteAdding();
                lock (gate) { produced = seq; Monitor.PulseAll(gate); }
            }
        }, TaskCreationOptions.LongRunning);

        var workers = new Task[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                try
                {
                    // TryTake, not GetConsumingEnumerable: its enumerator would keep the article read (a 15 MB article's
                    // raw text) alive as its Current until the next one is taken.
                    while (queue.TryTake(out var taken, Timeout.Infinite, stop.Token))
                    {
                        long seq = taken.Seq;
                        var item = taken.Item;
                        taken = default;
                        var result = ProcessOne(ref item, stop.Token);
                        lock (gate)
                        {
                            slots[seq % window] = result;
                            filled[seq % window] = true;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            }, TaskCreationOptions.LongRunning);
        }

        try
        {
            for (long next = 0; ; next++)
            {
                ProcessedItem result;
                lock (gate)
                {
                    int slot = (int)(next % window);
                    while (!filled[slot])
                    {
                        if (produced >= 0 && next >= produced) goto end;
                        cancellationToken.ThrowIfCancellationRequested();
                        Monitor.Wait(gate, 200);
                    }
                    result = slots[slot];
                    slots[slot] = default;
                    filled[slot] = false;
                    inFlight -= weights[slot];
                    Monitor.PulseAll(gate);
                }
                free.Release();
                yield return result;
            }
        end:
            if (readFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(readFailure).Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            // Also when the caller stops early: stop reading and annotating, and wait for the threads.
            stop.Cancel();
            try { Task.WaitAll([reader, .. workers]); }
            catch (AggregateException) { }
        }
    }

    /// <summary>
    /// Cleans and annotates one article read. <paramref name="item"/> is cleared once the article is cleaned, so that its
    /// raw text is not kept while the document is annotated (for a huge article, as much memory as its cleaned text).
    /// </summary>
    private ProcessedItem ProcessOne(ref ReadItem item, CancellationToken cancellationToken)
    {
        var problem = item.Problem;
        if (item.Article is not { } read) return new ProcessedItem(null, problem);
        string origin = read.Origin;
        try
        {
            var profile = engine.Options.Profile;
            var start = profile is null ? default : PipelineProfile.Start();
            var doc = engine.Cleaner.ToDocument(read, DefaultDateOf?.Invoke(origin) ?? DefaultDate);
            profile?.Add("cleaner", start);
            read = null!;
            item = default;
            if (doc.Text.Length >= CollectAfterChars) ReturnCleaningMemory();
            if (ShouldAnnotate is null || ShouldAnnotate(doc))
            {
                engine.Annotate(doc, cancellationToken);
                if (engine.PartialAnnotationNote(doc) is { } note)
                {
                    // Stored, with its layers cut short: a warning, beside any problem met while reading.
                    problem = problem is null
                        ? new InputProblem(origin, note) { Kind = InputProblemKind.Warning }
                        : problem with { Message = problem.Message + "; " + note };
                }
            }
            return new ProcessedItem(doc, problem);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (BadInputException ex)
        {
            return new ProcessedItem(null, new InputProblem(origin, ex.Message));
        }
        catch (Exception ex)
        {
            // A bug in a stage must not take the run down: report it as this input's problem, on one line.
            return new ProcessedItem(null, new InputProblem(origin, $"internal error in processing ({ex.GetType().Name}: {FirstLine(ex.Message)})"));
        }
    }

    /// <summary>Cleaned texts from this long on are followed by a full collection (<see cref="ReturnCleaningMemory"/>).</summary>
    private const int CollectAfterChars = 4_000_000;

    /// <summary>
    /// Gives the memory of a huge article's raw text and cleaning buffers back to the system before it is annotated: some
    /// 16 bytes a character (a 15 MB article: 240 MB) that would otherwise stay committed as free heap beside the models
    /// while the article is annotated and stored, pushing the run's peak working set (issue 16) over 1 GB. A few hundred
    /// milliseconds, for articles over a thousand times the usual size only.
    /// </summary>
    private static void ReturnCleaningMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
