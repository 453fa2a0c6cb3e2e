using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Parley.Core;
using Parley.Engine;
using Parley.Storage;

namespace Parley.Queue;

/// <summary>How a worker pulls and retries.</summary>
public sealed record WorkerOptions
{
    /// <summary>Messages pulled at once (the worker's bound on work in hand).</summary>
    public int Batch { get; init; } = 8;
    /// <summary>Failed attempts after which an article goes to the dead-letter stream with its error.</summary>
    public int MaxAttempts { get; init; } = 5;
    /// <summary>How often the worker reports its rate and the queue's lag.</summary>
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>The worker's name in reports (default: host and process id).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";
    /// <summary>Stop when the queue has been empty this long (null: run until told to stop).</summary>
    public TimeSpan? ExitWhenIdle { get; init; }
}

/// <summary>Counts of one worker's run.</summary>
public sealed record WorkerSummary(long Stored, long AlreadyStored, long Duplicates, long Failed, long DeadLettered);

/// <summary>
/// `parley worker`: pulls articles in batches from the shared consumer, annotates each (unless its text is
/// already stored), stores the batch in one transaction, places it in its stories, and only then acknowledges it.
/// At-least-once delivery plus idempotent saves give exactly-once storage: a message redelivered after a
/// crash finds its article stored and is acknowledged. A failed article is retried later (negative ack
/// with backoff); after <see cref="WorkerOptions.MaxAttempts"/> deliveries it goes to the dead-letter
/// stream and the store records its error. Stopping (SIGTERM) drains: no new pulls, the article in hand is
/// finished and acknowledged, the rest of the batch is handed back at once.
/// </summary>
public sealed class QueueWorker(ArticleQueue queue, ParleyEngine engine, IParleyStore store, WorkerOptions options)
{
    private long _stored, _already, _duplicates, _failed, _dead;

    /// <summary>
    /// Stories are placed in queue order (the stream's positions; see <see cref="StoryUpdater.AddInOrder"/>), so they
    /// come out as one process reading the same input would make them. A position still in another worker's hands
    /// holds the later ones back; one whose worker died comes back after the ack wait and must then be processed by a worker
    /// that may have a batch of its own ahead of it, so the wait for a gap is four times the ack wait (twice was too short
    /// on a loaded machine: the gap was skipped and the late articles changed the stories: F1 0.62 in one run from a fresh clone).
    /// </summary>
    private readonly PlacementOrderOptions _order = new(queue.Stream, 4 * queue.Options.AckWait);
    private bool _orderStarted;

    public Action<string>? Log { get; init; }

    public async Task<WorkerSummary> RunAsync(CancellationToken stop)
    {
        var reports = new Reports(queue, options, Log);
        var idle = Stopwatch.StartNew();
        INatsJSConsumer? consumer = null;
        while (!stop.IsCancellationRequested)
        {
            var batch = new List<INatsJSMsg<byte[]>>(options.Batch);
            try
            {
                consumer ??= await queue.ConsumerAsync(CancellationToken.None);
                if (!_orderStarted)
                {
                    var (first, last) = await queue.PositionsAsync(CancellationToken.None);
                    StoryUpdater.StartOrder(store, _order, first, last);
                    _orderStarted = true;
                }
                // Not cancelled by stop: a fetch cut short would leave delivered messages waiting for the ack wait.
                await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = options.Batch, Expires = TimeSpan.FromSeconds(1) }))
                    batch.Add(msg);
            }
            catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException && !stop.IsCancellationRequested)
            {
                Log?.Invoke($"queue unavailable ({e.GetType().Name}: {e.Message}); retrying");
                consumer = null;
                await Delay(1000, stop);
                continue;
            }
            if (batch.Count > 0) idle.Restart();
            await HandleBatchAsync(batch, stop);
            await reports.MaybeReportAsync(Totals(), "running", force: false);
            if (batch.Count > 0) continue;
            // Idle: place what waits behind a gap that has waited long enough (no article to come will do it).
            PlaceWaiting(skipGaps: false);
            if (options.ExitWhenIdle is { } wait && idle.Elapsed >= wait)
            {
                var status = await TryStatus();
                if (status is { Pending: 0, InFlight: 0 })
                {
                    // Every queued article is handled: nothing can fill a gap any more.
                    PlaceWaiting(skipGaps: true);
                    break;
                }
            }
        }
        await reports.MaybeReportAsync(Totals(), "stopped", force: true);
        return new WorkerSummary(_stored, _already, _duplicates, _failed, _dead);
    }

    private (long Done, long Failed, long Dead) Totals() => (_stored + _already + _duplicates, _failed, _dead);

    private async Task<QueueStatus?> TryStatus()
    {
        try { return await queue.StatusAsync(); }
        catch (Exception e) when (e is NatsException or TimeoutException) { return null; }
    }

    /// <summary>An article read from its message, annotated (unless its text is stored already), waiting to be stored.</summary>
    private sealed record Work(INatsJSMsg<byte[]> Msg, Document Doc, string? Origin, int Attempt);

    /// <summary>
    /// Annotates the batch's articles one by one, then stores them all in one transaction and places them in their stories
    /// in one more, and only then acknowledges them (a crash before the acks means redeliveries, which find the articles
    /// stored). Stopping (SIGTERM) mid-batch: the articles not yet annotated are handed back at once, the rest finished.
    /// </summary>
    private async Task HandleBatchAsync(List<INatsJSMsg<byte[]>> batch, CancellationToken stop)
    {
        var work = new List<Work>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            if (stop.IsCancellationRequested)
            {
                // Draining: hand the rest back now rather than after the ack wait.
                foreach (var rest in batch.Skip(i)) await Try(() => rest.NakAsync().AsTask());
                break;
            }
            if (await PrepareAsync(batch[i]) is { } w) work.Add(w);
        }
        if (work.Count > 0) await StoreAsync(work);
    }

    /// <summary>Reads and annotates one message's article; null when it was dead-lettered or failed (and handed back) instead.</summary>
    private async Task<Work?> PrepareAsync(INatsJSMsg<byte[]> msg)
    {
        int attempt = (int)(msg.Metadata?.NumDelivered ?? 1);
        string? origin = msg.Headers?.TryGetValue(ArticleQueue.OriginHeader, out var o) == true ? o.ToString() : null;
        Document doc;
        try
        {
            doc = DocumentCodec.Decode(msg.Data ?? []);
        }
        catch (InvalidDataException e)
        {
            // Never readable, however often it is tried.
            await DeadLetterAsync(msg, null, origin, attempt, "not a document message: " + e.Message);
            return null;
        }
        if (attempt > options.MaxAttempts)
        {
            // Delivered again and again without an ack: it takes its workers down or outlasts the ack wait.
            await DeadLetterAsync(msg, doc, origin, attempt, $"delivered {attempt - 1} times without being acknowledged (worker crash or ack-wait timeout)");
            return null;
        }
        var work = new Work(msg, doc, origin, attempt);
        try
        {
            if (!store.ContainsHash(ContentHash.Of(doc.Text)))
            {
                engine.Annotate(doc);
                // The same warning ingest gives (--max-annotated-chars): only the start of a long text got layers and events.
                if (engine.PartialAnnotationNote(doc) is { } note) Log?.Invoke($"{doc.Id}: warning: {note}");
            }
        }
        catch (Exception e)
        {
            await FailAsync(work, e);
            return null;
        }
        return work;
    }

    /// <summary>
    /// Stores the articles in one transaction, places them in one story transaction, then acknowledges them. When that
    /// fails for several, each is tried alone, so the failure is only the failing article's (retried or dead-lettered).
    /// </summary>
    private async Task StoreAsync(List<Work> work)
    {
        bool morePlacements;
        try
        {
            morePlacements = Process(work);
        }
        catch (Exception) when (work.Count > 1)
        {
            foreach (var w in work) await StoreAsync([w]);
            return;
        }
        catch (Exception e)
        {
            await FailAsync(work[0], e);
            return;
        }
        // After the writes: a crash before these lines means redeliveries, which find the articles stored.
        await Task.WhenAll(work.Select(w => Try(() => w.Msg.AckAsync(new AckOpts { DoubleAck = true }).AsTask())));
        if (morePlacements) PlaceWaiting(skipGaps: false);
    }

    /// <summary>An article that could not be annotated or stored: handed back with backoff, or dead-lettered after the last attempt.</summary>
    private async Task FailAsync(Work work, Exception e)
    {
        _failed++;
        string error = $"{e.GetType().Name}: {FirstLine(e.Message)}";
        if (work.Attempt >= options.MaxAttempts)
        {
            await DeadLetterAsync(work.Msg, work.Doc, work.Origin, work.Attempt, error);
            return;
        }
        Log?.Invoke($"{work.Origin ?? work.Doc.Id}: attempt {work.Attempt} failed ({error}); retrying later");
        await Try(() => work.Msg.NakAsync(delay: TimeSpan.FromMilliseconds(Math.Min(30_000, 500 << Math.Min(work.Attempt, 6)))).AsTask());
    }

    /// <summary>The message's position in the stream: the order articles were queued in, which stories are placed in.</summary>
    private static long? Position(INatsJSMsg<byte[]> msg) => msg.Metadata is { } m ? (long)m.Sequence.Stream : null;

    /// <summary>
    /// Stores the (annotated) articles in one transaction, then records them for placement in their stories in queue order
    /// and places what is ready, in one story transaction. Returns whether more placements are ready.
    /// </summary>
    private bool Process(List<Work> work)
    {
        var saved = store.SaveBatch(work.Select(w => w.Doc).ToList()).Items;
        var inOrder = new List<(long Position, Document? Doc)>(work.Count);
        var unordered = new List<Document>();
        long stored = 0, already = 0, duplicates = 0;
        for (int i = 0; i < work.Count; i++)
        {
            var doc = work[i].Doc;
            Document? toPlace = null;
            switch (saved[i].Status)
            {
                case SaveStatus.Added or SaveStatus.Replaced:
                    stored++;
                    toPlace = doc;
                    break;
                case SaveStatus.AlreadyStored:
                    already++;
                    // Stored by an attempt that died before placing it in its story: place the stored version.
                    toPlace = store.LoadDocument(doc.Id);
                    break;
                default:
                    duplicates++;
                    // Its text is stored under another id. When that copy came first it is placed already and is skipped;
                    // when it overtook this one (this message is a killed worker's, redelivered after the ack wait), it
                    // is placed here, at the text's first position in the queue, as one process reading the queue would.
                    if (saved[i].DuplicateOf is { } storedId) toPlace = store.LoadDocument(storedId);
                    break;
            }
            if (Position(work[i].Msg) is { } p) inOrder.Add((p, toPlace));
            else if (toPlace is not null) unordered.Add(toPlace);
        }
        bool more = inOrder.Count > 0 && StoryUpdater.AddInOrder(store, _order, inOrder);
        if (unordered.Count > 0) StoryUpdater.AddDocuments(store, unordered);
        // Counted once every write has gone through (a failed batch is tried again article by article).
        _stored += stored; _already += already; _duplicates += duplicates;
        return more;
    }

    /// <summary>Places the articles ready in queue order; a store that cannot be reached now is left for a later call (or another worker).</summary>
    private void PlaceWaiting(bool skipGaps)
    {
        if (!_orderStarted) return;
        try
        {
            StoryUpdater.PlaceWaiting(store, _order, skipGaps);
        }
        catch (System.Data.Common.DbException e)
        {
            Log?.Invoke($"stories not placed now ({e.GetType().Name}: {FirstLine(e.Message)}); retrying later");
        }
    }

    private async Task DeadLetterAsync(INatsJSMsg<byte[]> msg, Document? doc, string? origin, int attempts, string error)
    {
        string hash = doc is null ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(msg.Data ?? [])) : ContentHash.Of(doc.Text);
        var headers = new NatsHeaders { [ArticleQueue.ErrorHeader] = error };
        if (origin is not null) headers[ArticleQueue.OriginHeader] = origin;
        try
        {
            await queue.JetStream.PublishAsync(queue.DeadSubject, msg.Data ?? [], headers: headers, opts: new NatsJSPubOpts { MsgId = hash });
            store.RecordDeadLetter(new DeadLetter(hash, doc?.Id, origin, attempts, error, DateTimeOffset.UtcNow));
            // Handled, with nothing to place: the articles queued after it need not wait for it.
            if (_orderStarted && Position(msg) is { } position) StoryUpdater.AddInOrder(store, _order, position, null);
        }
        catch (Exception e) when (e is NatsException or TimeoutException or System.Data.Common.DbException)
        {
            // Not dead-lettered: leave it for a later delivery rather than lose it.
            Log?.Invoke($"{origin ?? doc?.Id}: cannot dead-letter ({e.Message}); leaving it queued");
            return;
        }
        _dead++;
        Log?.Invoke($"{origin ?? doc?.Id}: dead letter after {attempts} attempts: {error}");
        await Try(() => msg.AckTerminateAsync().AsTask());
    }

    /// <summary>An ack or nak that fails (the server restarting) is dropped: the message comes back after the ack wait.</summary>
    private async Task Try(Func<Task> action)
    {
        try { await action(); }
        catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException)
        {
            Log?.Invoke($"acknowledgement not delivered ({e.Message}); the article will be redelivered and found stored");
        }
    }

    private static async Task Delay(int ms, CancellationToken stop)
    {
        try { await Task.Delay(ms, stop); } catch (OperationCanceledException) { }
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }

    /// <summary>The rate over the last interval and the queue's lag, on standard error and in the workers' bucket.</summary>
    private sealed class Reports(ArticleQueue queue, WorkerOptions options, Action<string>? log)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last;
        private long _lastDone;

        public async Task MaybeReportAsync((long Done, long Failed, long Dead) totals, string state, bool force)
        {
            var now = _clock.Elapsed;
            if (!force && now - _last < options.ReportEvery) return;
            double seconds = Math.Max(1e-3, (now - _last).TotalSeconds);
            double rate = (totals.Done - _lastDone) / seconds;
            _last = now;
            _lastDone = totals.Done;
            long lag = -1;
            try
            {
                var status = await queue.StatusAsync();
                lag = status.Pending + status.InFlight;
                var kv = await queue.WorkersAsync(CancellationToken.None);
                var report = new WorkerReport(options.Name, DateTimeOffset.UtcNow, Math.Round(rate, 1), totals.Done, totals.Failed, totals.Dead, lag, state);
                await kv.PutAsync(options.Name, System.Text.Json.JsonSerializer.Serialize(report, QueueJson.Default.WorkerReport));
            }
            catch (Exception e) when (e is NatsException or TimeoutException) { }
            log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{state}: {rate:F1} articles/s, {totals.Done} done, {totals.Failed} failed attempts, {totals.Dead} dead letters, lag {(lag < 0 ? "unknown" : lag.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        }
    }
}
